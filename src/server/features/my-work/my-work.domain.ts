/** «Mine oppgaver» as pure rules: what counts as done for each kind, what is overdue, and the order. */
import type { MyWorkKind, MyWorkState } from '#shared/contracts/my-work.ts';

const doneStatuses: Record<MyWorkKind, ReadonlySet<string>> = {
  task: new Set(['done', 'not_relevant']),
  mitigation: new Set(['done']),
  benefit: new Set(['realised', 'cancelled']),
  // A veivalg someone is responsible for is theirs to bring to a decision.
  decision: new Set(['adopted']),
};

export function stateOf(kind: MyWorkKind, status: string): MyWorkState {
  return doneStatuses[kind].has(status) ? 'done' : 'open';
}

/** Past its date (both YYYY-MM-DD, the day in Europe/Oslo) and not done. */
export function isOverdueItem(item: { dueDate: string | null; state: MyWorkState }, today: string): boolean {
  return item.state === 'open' && item.dueDate !== null && item.dueDate < today;
}

interface Orderable {
  overdue: boolean;
  dueDate: string | null;
  mergerName: string;
  title: string;
}

/** Overdue first (the longest overdue at the top), then by due date, those without a date last; ties by merger and title. */
export function compareMyWork(a: Orderable, b: Orderable): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.mergerName.localeCompare(b.mergerName, 'nb') || a.title.localeCompare(b.title, 'nb');
}

export function orderMyWork<T extends Orderable>(items: readonly T[]): T[] {
  return [...items].sort(compareMyWork);
}
