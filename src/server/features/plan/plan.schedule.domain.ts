import { addDays, addMonths } from '#shared/calendar-dates.ts';
import type { TaskStatus } from '#shared/contracts/plan.tasks.ts';

/**
 * The schedule's rules, as pure functions (decision 012).
 *
 * Default phase dates follow the merger date (dates are calendar dates, YYYY-MM-DD,
 * and a phase's end date is its last day):
 * - 4 Gjennomføring: the 9 months before the merger date, ending the day before it;
 * - 3 Planlegging og anskaffelse, 2 Kartlegging og målbilde, 1 Før du starter:
 *   6 months each, counted back from the start of the phase after;
 * - 5 Overgangsfase: one year from the merger date;
 * - 6 Drift: one year from the end of the transition (it really goes on; a year keeps
 *   the timeline bounded).
 */
export const defaultPhaseMonths: Readonly<Record<number, number>> = { 1: 6, 2: 6, 3: 6, 4: 9, 5: 12, 6: 12 };

export interface PhaseDates {
  number: number;
  start: string;
  end: string;
}

export { addDays, addMonths };

/** The six phases' default dates for a merger date. */
export function defaultPhaseDates(mergerDate: string): PhaseDates[] {
  const phases: PhaseDates[] = [];
  // Counting back from the merger date: 4, 3, 2, 1.
  let nextStart = mergerDate;
  for (const number of [4, 3, 2, 1]) {
    const start = addMonths(nextStart, -defaultPhaseMonths[number]!);
    phases.unshift({ number, start, end: addDays(nextStart, -1) });
    nextStart = start;
  }
  // Forward from the merger date: 5, 6.
  let start = mergerDate;
  for (const number of [5, 6]) {
    const next = addMonths(start, defaultPhaseMonths[number]!);
    phases.push({ number, start, end: addDays(next, -1) });
    start = next;
  }
  return phases;
}

export interface EffectivePhase extends PhaseDates {
  isDefault: boolean;
}

/** The defaults, with the project's own dates where it has set them. */
export function effectivePhaseDates(mergerDate: string, stored: ReadonlyArray<PhaseDates>): EffectivePhase[] {
  return defaultPhaseDates(mergerDate).map((phase) => {
    const own = stored.find((row) => row.number === phase.number);
    return own ? { number: phase.number, start: own.start, end: own.end, isDefault: false } : { ...phase, isDefault: true };
  });
}

/** The end of the transition phase, as a milestone: the last day of phase 5. */
export function transitionEnd(phases: ReadonlyArray<PhaseDates>): string | null {
  return phases.find((phase) => phase.number === 5)?.end ?? null;
}

export interface Dependency {
  taskId: string;
  dependsOnTaskId: string;
}

/**
 * Whether adding «taskId depends on dependsOnTaskId» would close a cycle. Returns the
 * cycle as task ids from taskId back to taskId (e.g. [A, B, C, A] when C already depends
 * on A through B), or null when the edge is safe. A task depending on itself is a cycle.
 */
export function cycleIfAdded(existing: readonly Dependency[], taskId: string, dependsOnTaskId: string): string[] | null {
  if (taskId === dependsOnTaskId) return [taskId, taskId];
  const next = new Map<string, string[]>();
  for (const edge of existing) {
    const list = next.get(edge.taskId) ?? [];
    list.push(edge.dependsOnTaskId);
    next.set(edge.taskId, list);
  }
  // Is there a path dependsOnTaskId → … → taskId? Depth-first, remembering how we came.
  const cameFrom = new Map<string, string>();
  const stack = [dependsOnTaskId];
  const seen = new Set(stack);
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current === taskId) {
      const path = [taskId];
      let step = taskId;
      while (step !== dependsOnTaskId) {
        step = cameFrom.get(step)!;
        path.unshift(step);
      }
      return [taskId, ...path];
    }
    for (const following of next.get(current) ?? []) {
      if (seen.has(following)) continue;
      seen.add(following);
      cameFrom.set(following, current);
      stack.push(following);
    }
  }
  return null;
}

/** A task it depends on is open while it is neither done nor not relevant. */
export function isSettled(status: TaskStatus): boolean {
  return status === 'done' || status === 'not_relevant';
}

export interface DependencyFacts {
  id: string;
  title: string;
  status: TaskStatus;
}

export type DoneRuleResult =
  | { ok: true; override: null }
  | { ok: true; override: { reason: string; openTasks: DependencyFacts[] } }
  | { ok: false; code: 'DEPENDENCIES_OPEN'; openTasks: DependencyFacts[] };

/**
 * The «ferdig» rule: a task cannot become done while a task it depends on is open,
 * unless the person gives a reason to override (recorded in history). A task that is
 * already done stays done; the rule applies only on the way into «done».
 */
export function applyDoneRule(
  currentStatus: TaskStatus,
  nextStatus: TaskStatus,
  dependsOn: readonly DependencyFacts[],
  overrideReason: string | null | undefined,
): DoneRuleResult {
  if (nextStatus !== 'done' || currentStatus === 'done') return { ok: true, override: null };
  const openTasks = dependsOn.filter((task) => !isSettled(task.status));
  if (openTasks.length === 0) return { ok: true, override: null };
  const reason = overrideReason?.trim() ?? '';
  if (reason === '') return { ok: false, code: 'DEPENDENCIES_OPEN', openTasks };
  return { ok: true, override: { reason, openTasks } };
}

/** A planned start after the due date is a mistake; either may be missing. */
export function plannedStartIsValid(plannedStart: string | null, dueDate: string | null): boolean {
  return plannedStart === null || dueDate === null || plannedStart <= dueDate;
}

// ---------------------------------------------------------------- dates of tasks Samla places

export interface TaskDates {
  plannedStart: string | null;
  dueDate: string | null;
}

/**
 * The planned start and due date Samla gives a task it places in a phase (a veivalg's
 * area tasks): the whole phase, from its first to its last day. Samla knows when the
 * phase runs, not how the project will spread its work inside it; a bar over the whole
 * phase says exactly that, and the due date is the phase's deadline (for phase 4 the day
 * before the merger date, which is what «before the merger» means). The project narrows
 * the dates when it plans the work.
 */
export function defaultTaskDates(phase: Pick<PhaseDates, 'start' | 'end'>): { plannedStart: string; dueDate: string } {
  return { plannedStart: phase.start, dueDate: phase.end };
}

export interface FollowingTask extends TaskDates {
  id: string;
  /** The phase the task is in now (1–6). */
  phase: number;
  /** True while nobody has changed the dates Samla gave it. */
  datesFollowPhase: boolean;
}

export interface TaskDatesMove {
  id: string;
  before: TaskDates;
  after: { plannedStart: string; dueDate: string };
}

/**
 * Which tasks move when phases (or the phase a task is in) change: every task whose dates
 * still follow its phase and are not the phase's defaults any more. Tasks a person has
 * dated are left alone, and so is a task in a phase not in `phases`. Idempotent: applying
 * the moves and asking again gives nothing.
 */
export function taskDatesToFollow(tasks: readonly FollowingTask[], phases: ReadonlyArray<PhaseDates>): TaskDatesMove[] {
  const byNumber = new Map(phases.map((phase) => [phase.number, phase]));
  const moves: TaskDatesMove[] = [];
  for (const task of tasks) {
    if (!task.datesFollowPhase) continue;
    const phase = byNumber.get(task.phase);
    if (!phase) continue;
    const after = defaultTaskDates(phase);
    if (task.plannedStart === after.plannedStart && task.dueDate === after.dueDate) continue;
    moves.push({ id: task.id, before: { plannedStart: task.plannedStart, dueDate: task.dueDate }, after });
  }
  return moves;
}

/**
 * Whether a task's dates still follow its phase after a change: a person changing either
 * date (to another value, or clearing it) takes the dates over for good; other edits keep
 * what the task had.
 */
export function datesStillFollowPhase(current: TaskDates & { datesFollowPhase: boolean }, change: Partial<TaskDates>): boolean {
  if (!current.datesFollowPhase) return false;
  const changed = (field: keyof TaskDates) => change[field] !== undefined && change[field] !== current[field];
  return !changed('plannedStart') && !changed('dueDate');
}
