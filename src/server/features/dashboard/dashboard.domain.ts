/**
 * The dashboard's rules as pure functions: the window of «the next 30 days»,
 * the one date-sorted list of what falls in it, the overdue list, the days to
 * the merger date and the count of risks at the top class. Dates are calendar
 * dates in Europe/Oslo (YYYY-MM-DD), as `todayInOslo` gives them.
 */
import { isOverdue } from '#server/features/plan/plan.tasks.domain.ts';
import { addDays, daysBetween } from '#server/features/contract-deadlines/contract-deadlines.domain.ts';
import type { TaskStatus } from '#shared/contracts/plan.tasks.ts';
import { UPCOMING_DAYS, type UpcomingItem, type UpcomingKind } from '#shared/contracts/dashboard.ts';
import type { RiskMatrix } from '#shared/contracts/risks.ts';

export interface DateWindow {
  from: string;
  /** The window's last day, included. */
  to: string;
}

/** The next `days` days, today included: with 30, today and the 29 days after it. */
export function upcomingWindow(today: string, days: number = UPCOMING_DAYS): DateWindow {
  return { from: today, to: addDays(today, days - 1) };
}

export const inWindow = (date: string, window: DateWindow): boolean => date >= window.from && date <= window.to;

/** Whole days from today to the merger date: 0 on the day, negative after it. */
export function daysToMerger(today: string, mergerDate: string): number {
  return daysBetween(today, mergerDate);
}

export interface UpcomingTask {
  id: string;
  title: string;
  status: TaskStatus;
  dueDate: string | null;
}
export interface UpcomingContract {
  contractId: string;
  vendor: string;
  subject: string | null;
  action: string;
  deadline: string | null;
}
export interface UpcomingMilestone {
  id: string;
  title: string;
  date: string;
}

/** Within one day: milestones first (they frame the day), then contract deadlines, then tasks. */
const kindOrder: Record<UpcomingKind, number> = { milestone: 0, contract_deadline: 1, task: 2 };

/**
 * What falls due in the window, as one list sorted by date. A task counts while
 * it is open (done and «ikke relevant» tasks have nothing left to do); a
 * contract counts by its deadline (notice, transfer or end), which only an
 * adopted decision sets; every milestone counts, derived ones included.
 */
export function upcomingItems(
  input: { tasks: readonly UpcomingTask[]; contracts: readonly UpcomingContract[]; milestones: readonly UpcomingMilestone[] },
  window: DateWindow,
): UpcomingItem[] {
  const items: UpcomingItem[] = [];
  for (const task of input.tasks) {
    if (task.dueDate === null || task.status === 'done' || task.status === 'not_relevant') continue;
    if (inWindow(task.dueDate, window)) items.push({ kind: 'task', date: task.dueDate, title: task.title, targetId: task.id });
  }
  for (const contract of input.contracts) {
    if (contract.deadline === null || contract.action === 'await_decision') continue;
    if (!inWindow(contract.deadline, window)) continue;
    const title = contract.subject ? `${contract.vendor}: ${contract.subject}` : contract.vendor;
    items.push({ kind: 'contract_deadline', date: contract.deadline, title, targetId: contract.contractId });
  }
  for (const milestone of input.milestones) {
    if (inWindow(milestone.date, window)) items.push({ kind: 'milestone', date: milestone.date, title: milestone.title, targetId: milestone.id });
  }
  return items.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || kindOrder[a.kind] - kindOrder[b.kind] || a.title.localeCompare(b.title, 'nb') || a.targetId.localeCompare(b.targetId),
  );
}

export interface OverdueCandidate extends UpcomingTask {
  phase: number;
}

/** Overdue tasks (the checklist's rule), oldest due date first; the count and the first `limit`. */
export function overdueTasks(tasks: readonly OverdueCandidate[], today: string, limit: number) {
  const overdue = tasks
    .filter((task) => isOverdue(task, today))
    .map((task) => ({ id: task.id, title: task.title, dueDate: task.dueDate!, phase: task.phase }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.phase - b.phase || a.title.localeCompare(b.title, 'nb'));
  return { count: overdue.length, tasks: overdue.slice(0, limit) };
}

/**
 * «Red» risks: those in the matrix's highest class (the last one, as classes run
 * from lowest to highest), counted from the heatmap's cells.
 */
export function redRisks(matrix: RiskMatrix, inherent: readonly (readonly number[])[], residual: readonly (readonly number[])[]) {
  const top = matrix.classes[matrix.classes.length - 1]!;
  const sum = (counts: readonly (readonly number[])[]) =>
    matrix.grid.reduce((total, row, l) => total + row.reduce((rowTotal, key, c) => rowTotal + (key === top.key ? (counts[l]?.[c] ?? 0) : 0), 0), 0);
  return { classKey: top.key, className: top.name, inherent: sum(inherent), residual: sum(residual) };
}
