import { addDays, dateInOslo, daysBetween } from '#shared/calendar-dates.ts';
import type { Language } from '#shared/language.ts';
import type { LocalizedFieldProblem } from '#shared/localized-problems.ts';

/**
 * The steering group's status report: which period it covers and which of
 * the merger's facts belong in it. Pure functions; the service reads the
 * facts from the other features' services and the PDF module draws them.
 */

/** The longest period one report covers, in days (a leap year). */
export const MAX_PERIOD_DAYS = 366;
/** The default period: this many days up to and including today. */
export const DEFAULT_PERIOD_DAYS = 30;
/** Contract deadlines this many days ahead of today are listed. */
export const DEADLINE_HORIZON_DAYS = 90;

export interface ReportPeriod {
  from: string;
  to: string;
}

export { addDays, daysBetween };

/**
 * The report period from the query. Without `from`: since the last issued report
 * (the day it was issued, Europe/Oslo; decision 038), or without one the 30 days up
 * to `to`. Without `to`: up to today. The period may not run backwards and covers
 * at most 366 days, both ends included; a last report older than that, or after
 * `to`, falls back to the 30 days.
 */
export function reportPeriod(
  query: { from?: string | undefined; to?: string | undefined },
  today: string,
  lastIssuedOn: string | null = null,
): { ok: true; period: ReportPeriod } | { ok: false; problems: LocalizedFieldProblem[] } {
  const to = query.to ?? today;
  const sinceLast = lastIssuedOn !== null && lastIssuedOn <= to && daysBetween(lastIssuedOn, to) + 1 <= MAX_PERIOD_DAYS;
  const from = query.from ?? (sinceLast ? lastIssuedOn : addDays(to, -(DEFAULT_PERIOD_DAYS - 1)));
  if (from > to) {
    const message = {
      nb: 'Fra-datoen kan ikke være etter til-datoen.',
      nn: 'Frå-datoen kan ikkje vere etter til-datoen.',
      en: 'The from date cannot be after the to date.',
    };
    return { ok: false, problems: [{ path: 'from', code: 'after_to', message }] };
  }
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) {
    return {
      ok: false,
      problems: [
        {
          path: 'to',
          code: 'too_long',
          message: {
            nb: `Rapportperioden kan være høyst ${MAX_PERIOD_DAYS} dager.`,
            nn: `Rapportperioden kan vere høgst ${MAX_PERIOD_DAYS} dagar.`,
            en: `The report period can be at most ${MAX_PERIOD_DAYS} days.`,
          },
        },
      ],
    };
  }
  return { ok: true, period: { from, to } };
}

export function isWithin(date: string, period: ReportPeriod): boolean {
  return date >= period.from && date <= period.to;
}

/** Decisions adopted in the period: state «vedtatt» with the adoption date (Norway) inside it, oldest first. */
export function decisionsAdoptedIn<T extends { state: string; decidedAt: string | null }>(decisions: readonly T[], period: ReportPeriod): T[] {
  return decisions
    .filter((decision) => decision.state === 'adopted' && decision.decidedAt !== null && isWithin(dateInOslo(decision.decidedAt), period))
    .sort((a, b) => a.decidedAt!.localeCompare(b.decidedAt!));
}

/** Contract deadlines from today up to and including today + 90 days, earliest first. */
export function deadlinesAhead<T extends { deadline: string | null }>(
  contracts: readonly T[],
  today: string,
  days: number = DEADLINE_HORIZON_DAYS,
): Array<T & { deadline: string }> {
  const last = addDays(today, days);
  return contracts
    .filter((contract): contract is T & { deadline: string } => contract.deadline !== null && contract.deadline >= today && contract.deadline <= last)
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
}

/**
 * The contract deadlines the report lists: those that have passed with the
 * action still to do (status `overdue`, red on the Avtalefrister page: a
 * contract to extend, terminate or transfer), oldest first, then those from
 * today through the horizon. A missed deadline must reach the steering group
 * rather than drop out of the report the day after it passed.
 */
export function reportedDeadlines<T extends { deadline: string | null; status: string }>(
  contracts: readonly T[],
  today: string,
  days: number = DEADLINE_HORIZON_DAYS,
): Array<T & { deadline: string }> {
  const overdue = contracts
    .filter((contract): contract is T & { deadline: string } => contract.status === 'overdue' && contract.deadline !== null && contract.deadline < today)
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
  return [...overdue, ...deadlinesAhead(contracts, today, days)];
}

/**
 * Red level: the matrix's highest risk class (its last), judged on the
 * inherent cell as the register filters by. Closed risks are left out.
 */
export function redRisks<T extends { status: string; inherent: { classKey: string } | null }>(
  risks: readonly T[],
  classes: ReadonlyArray<{ key: string }>,
): T[] {
  const top = classes.at(-1)?.key;
  if (top === undefined) return [];
  return risks.filter((risk) => risk.status !== 'closed' && risk.inherent?.classKey === top);
}

/** 30.06.2027 */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** A safe file-name part: lower case ascii, æøå spelt out. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replaceAll('æ', 'ae')
      .replaceAll('ø', 'o')
      .replaceAll('å', 'a')
      .normalize('NFKD')
      .replaceAll(/[\u0300-\u036f]/g, '')
      .replaceAll(/[^a-z0-9]+/g, '-')
      .replaceAll(/^-+|-+$/g, '')
      .slice(0, 60) || 'sammenslaing'
  );
}

/** statusrapport-<merger>-<date>.pdf; an English report's file is named in English too. */
export function reportFileName(mergerName: string, today: string, language: Language = 'nb'): string {
  return `${language === 'en' ? 'status-report' : 'statusrapport'}-${slugify(mergerName)}-${today}.pdf`;
}
