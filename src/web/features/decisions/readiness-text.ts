import type { Readiness } from '#shared/contracts/decisions.ts';
import type { Formatters } from '#web/i18n/format.ts';
import type { Messages } from '#web/i18n/messages.ts';

/** «123 dager til sammenslåingsdatoen 01.01.2028.», or how long ago it was. */
export function daysLeftText(daysLeft: number, mergerDate: string, m: Messages, fmt: Formatters): string {
  const t = m.decisions.readiness;
  const date = fmt.date(mergerDate);
  if (daysLeft === 0) return t.today(date);
  if (daysLeft > 0) return t.daysLeft(daysLeft, date);
  return t.daysAgo(-daysLeft);
}

/** Why an area is not ready, in words: «veivalget er ikke vedtatt, 3 åpne oppgaver». */
export function missingReasons(entry: Readiness['missing'][number], m: Messages, fmt: Formatters): string[] {
  const t = m.decisions.readiness;
  return entry.reasons.map((reason) =>
    reason === 'tasks_open' ? t.openTasks(entry.openTasks) : t.reasons[reason],
  );
}
