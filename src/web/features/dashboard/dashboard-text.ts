import type { Dashboard, UpcomingItem } from '#shared/contracts/dashboard.ts';
import type { Formatters } from '#web/i18n/format.ts';
import type { Messages } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';

/** The big figure and the words after it: «103 dager» «til sammenslåingsdatoen 01.01.2028». */
export function daysLeftFigure(daysLeft: number, mergerDate: string, m: Messages, fmt: Formatters): { figure: string; text: string } {
  const t = m.dashboard.daysLeft;
  const date = fmt.date(mergerDate);
  if (daysLeft === 0) return { figure: t.today, text: t.todayDate(date) };
  if (daysLeft > 0) return { figure: t.days(daysLeft), text: t.untilDate(date) };
  return { figure: t.daysSince(-daysLeft), text: t.sinceDate(date) };
}

/** Where an upcoming item leads: the task itself, the contract deadlines, or the schedule for a milestone. */
export function upcomingTarget(mergerId: string, item: UpcomingItem): string {
  if (item.kind === 'task') return paths.task(mergerId, item.targetId);
  if (item.kind === 'contract_deadline') return paths.contractDeadlines(mergerId);
  return paths.schedule(mergerId);
}

/** Counts per class of the inherent heatmap, highest class first, for the text alternative. */
export function countsByClass(risks: Dashboard['risks']): Array<{ key: string; name: string; count: number }> {
  const counts = new Map(risks.matrix.classes.map((riskClass) => [riskClass.key, 0]));
  risks.matrix.grid.forEach((row, l) => row.forEach((key, c) => counts.set(key, (counts.get(key) ?? 0) + (risks.inherent[l]?.[c] ?? 0))));
  return [...risks.matrix.classes].reverse().map((riskClass) => ({ key: riskClass.key, name: riskClass.name, count: counts.get(riskClass.key) ?? 0 }));
}
