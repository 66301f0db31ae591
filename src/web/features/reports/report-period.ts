import { daysBetween, isCalendarDate } from '#shared/calendar-dates.ts';

/** The server's rule for the report period (reports.domain.ts), checked before the link is offered. */
export const MAX_PERIOD_DAYS = 366;

export type PeriodProblem = 'invalidFrom' | 'invalidTo' | 'fromAfterTo' | 'tooLong' | null;

/** What is wrong with the chosen period; empty fields mean the server's default. */
export function periodProblem(from: string, to: string, today: string): PeriodProblem {
  if (from !== '' && !isCalendarDate(from)) return 'invalidFrom';
  if (to !== '' && !isCalendarDate(to)) return 'invalidTo';
  const end = to === '' ? today : to;
  if (from === '') return null;
  if (from > end) return 'fromAfterTo';
  if (daysBetween(from, end) + 1 > MAX_PERIOD_DAYS) return 'tooLong';
  return null;
}

/** The PDF's address with the chosen period. */
export function statusReportUrl(mergerId: string, from: string, to: string): string {
  const params = new URLSearchParams();
  if (from !== '') params.set('from', from);
  if (to !== '') params.set('to', to);
  const query = params.toString();
  return `/api/v1/mergers/${mergerId}/reports/status.pdf${query === '' ? '' : `?${query}`}`;
}
