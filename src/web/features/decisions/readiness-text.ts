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

/**
 * Why an area is not ready, in words: «veivalget er ikke vedtatt, 3 åpne oppgaver», or for a
 * critical area deferred to the transition, that it is and why (the veivalg's rationale).
 */
export function missingReasons(entry: Readiness['missing'][number], m: Messages, _fmt: Formatters): string[] {
  const t = m.decisions.readiness;
  return entry.reasons.map((reason) => {
    if (reason === 'tasks_open') return t.openTasks(entry.openTasks);
    if (reason === 'deferred' && entry.rationale) return t.deferredBecause(entry.rationale);
    return t.reasons[reason];
  });
}

/** «Utsettelse godtatt av Live Leder 02.11.2027: Leverandøren kan ikke levere før mars.» */
export function acceptedDeferralText(
  entry: Pick<Readiness['acceptedDeferrals'][number], 'acceptedBy' | 'acceptedOn' | 'reason'>,
  m: Messages,
  fmt: Formatters,
): string {
  return m.decisions.readiness.accepted(entry.acceptedBy, fmt.date(entry.acceptedOn), entry.reason);
}
