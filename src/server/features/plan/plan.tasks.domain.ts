import type { Progress, TaskStatus } from '#shared/contracts/plan.tasks.ts';

/** What the progress rules need to know about a task. */
export interface TaskProgressFacts {
  status: TaskStatus;
  dueDate: string | null;
}

/**
 * A task is overdue when its due date has passed in Norway and it is neither
 * done nor marked not relevant. The due date itself is still in time.
 */
export function isOverdue(task: TaskProgressFacts, today: string): boolean {
  if (task.dueDate === null) return false;
  if (task.status === 'done' || task.status === 'not_relevant') return false;
  return task.dueDate < today;
}

/**
 * Progress counts tasks, not activities: a phase with one big activity and
 * one small is as far along as its tasks are. Tasks marked «ikke relevant»
 * are left out of the share, so dropping a task neither helps nor hurts.
 */
export function progressOf(tasks: readonly TaskProgressFacts[], today: string): Progress {
  const counts = { done: 0, inProgress: 0, notStarted: 0, notRelevant: 0, overdue: 0 };
  for (const task of tasks) {
    if (task.status === 'done') counts.done++;
    else if (task.status === 'in_progress') counts.inProgress++;
    else if (task.status === 'not_started') counts.notStarted++;
    else counts.notRelevant++;
    if (isOverdue(task, today)) counts.overdue++;
  }
  const relevant = tasks.length - counts.notRelevant;
  return {
    total: tasks.length,
    relevant,
    ...counts,
    percent: relevant === 0 ? null : Math.floor((counts.done * 100) / relevant),
  };
}

export interface StatusChange {
  status: TaskStatus;
  notRelevantReason: string | null;
}

/**
 * The rule for «ikke relevant»: it needs a reason, and a reason belongs only
 * to that status (leaving it clears the reason, so a stale reason never shows).
 * Returns the resulting pair, or the problem.
 */
export function applyStatusRule(
  current: StatusChange,
  change: { status?: TaskStatus; notRelevantReason?: string | null },
): { ok: true; value: StatusChange } | { ok: false; code: 'NOT_RELEVANT_REASON_REQUIRED' } {
  const status = change.status ?? current.status;
  if (status !== 'not_relevant') return { ok: true, value: { status, notRelevantReason: null } };
  const reason = change.notRelevantReason !== undefined ? change.notRelevantReason : current.notRelevantReason;
  if (reason === null || reason.trim() === '') return { ok: false, code: 'NOT_RELEVANT_REASON_REQUIRED' };
  return { ok: true, value: { status, notRelevantReason: reason.trim() } };
}

export interface ActivityPlace {
  phaseId: string;
  phaseNumber: number;
  title: string;
  /** Index of the activity in the whole checklist, in document order. */
  position: number;
}

/** Where each activity of the library sits; computed once per library object. */
const activityIndexCache = new WeakMap<object, Map<string, ActivityPlace>>();
export function activityIndex(catalog: {
  phases: ReadonlyArray<{ id: string; number: number; activities: ReadonlyArray<{ id: string; title: string }> }>;
}): Map<string, ActivityPlace> {
  const cached = activityIndexCache.get(catalog);
  if (cached) return cached;
  const index = new Map<string, ActivityPlace>();
  for (const phase of catalog.phases) {
    for (const activity of phase.activities) {
      index.set(activity.id, { phaseId: phase.id, phaseNumber: phase.number, title: activity.title, position: index.size });
    }
  }
  activityIndexCache.set(catalog, index);
  return index;
}

/** The library's text of an item a task copies: its title, and for checklist tasks the sub-heading over it. */
export interface LibraryTaskText {
  title: string;
  group: string | null;
}

/**
 * Library item id → the text a task copied from it holds: checklist tasks (3.2), solution
 * areas' tasks (4.2) and opportunities. Fed the library in the merger's målform, it is
 * what a library task's title reads in that målform (the ids are the same in every
 * language). Computed once per library object.
 */
const libraryTextCache = new WeakMap<object, Map<string, LibraryTaskText>>();
export function libraryTaskTexts(catalog: {
  phases: ReadonlyArray<{ activities: ReadonlyArray<{ tasks: ReadonlyArray<{ id: string; title: string; group?: string | undefined }> }> }>;
  sectors: ReadonlyArray<{ solutionAreas: ReadonlyArray<{ tasks: ReadonlyArray<{ id: string; title: string }> }> }>;
  opportunities: { areas: ReadonlyArray<{ opportunities: ReadonlyArray<{ id: string; title: string }> }> };
}): ReadonlyMap<string, LibraryTaskText> {
  const cached = libraryTextCache.get(catalog);
  if (cached) return cached;
  const index = new Map<string, LibraryTaskText>();
  for (const phase of catalog.phases)
    for (const activity of phase.activities) for (const task of activity.tasks) index.set(task.id, { title: task.title, group: task.group ?? null });
  for (const sector of catalog.sectors)
    for (const area of sector.solutionAreas) for (const task of area.tasks) index.set(task.id, { title: task.title, group: null });
  for (const area of catalog.opportunities.areas)
    for (const opportunity of area.opportunities) index.set(opportunity.id, { title: opportunity.title, group: null });
  libraryTextCache.set(catalog, index);
  return index;
}

export interface TaskArea {
  id: string;
  name: string;
}

/**
 * Library task id → the solution area (4.2) it belongs to, for the tasks a veivalg puts
 * in the plan. Several areas share task titles («Videreføre pågående saker» in four), so
 * the area is what tells them apart. Computed once per library object.
 */
const areaIndexCache = new WeakMap<object, Map<string, TaskArea>>();
export function areaOfCatalogTask(catalog: {
  sectors: ReadonlyArray<{ solutionAreas: ReadonlyArray<{ id: string; name: string; tasks: ReadonlyArray<{ id: string }> }> }>;
}): Map<string, TaskArea> {
  const cached = areaIndexCache.get(catalog);
  if (cached) return cached;
  const index = new Map<string, TaskArea>();
  for (const sector of catalog.sectors) {
    for (const area of sector.solutionAreas) {
      for (const task of area.tasks) index.set(task.id, { id: area.id, name: area.name });
    }
  }
  areaIndexCache.set(catalog, index);
  return index;
}

// ---------------------------------------------------------------- tasks a decision places

/** A task a decision wants in the plan (decisions.domain `decisionTaskPlan` makes them). */
export interface PlannedTask {
  catalogItemId: string;
  title: string;
  phaseId: string;
  activityId: string;
  /**
   * Sort key inside the activity, following the seed: 4.1 rank × 10 000 +
   * the area's place among the catalogue's solution areas × 100 + the task's
   * place in the area. So infrastructure (rank 1) comes before archive
   * (rank 2) … before digital services (rank 8); areas of the same rank keep
   * the catalogue's order; tasks keep the area's order. An area with tasks
   * that is not in the catalogue sorts after the catalogue's areas of its
   * rank (place 99). Room is ample: 30-odd areas, at most six tasks each.
   */
  order: number;
}

export interface ExistingPlanTask {
  id: string;
  catalogItemId: string | null;
  phaseId: string;
  activityId: string;
  /** When given, a different order also moves the task. */
  order?: number;
}

export interface TaskReconciliation {
  /** Wanted tasks the merger does not have yet. */
  create: PlannedTask[];
  /** Existing tasks to put in another place; everything else about them stays. */
  move: Array<{ id: string; phaseId: string; activityId: string; order: number }>;
  /** Existing tasks already where they should be. */
  keep: string[];
}

/**
 * How to bring the merger's tasks in line with a (changed) decision without
 * losing work: a task already in the merger (same catalogue item) is moved,
 * never recreated, so its status, owner, due date and notes stay with it.
 * Nothing is deleted: an existing task no longer wanted (none in practice,
 * since an area's tasks do not change) is left where it is, and so are the
 * merger's other tasks.
 */
export function reconcileDecisionTasks<T extends ExistingPlanTask>(existing: readonly T[], wanted: readonly PlannedTask[]): TaskReconciliation {
  const byItem = new Map<string, T[]>();
  for (const task of existing) {
    if (task.catalogItemId === null) continue;
    byItem.set(task.catalogItemId, [...(byItem.get(task.catalogItemId) ?? []), task]);
  }
  const result: TaskReconciliation = { create: [], move: [], keep: [] };
  for (const plan of wanted) {
    const matches = byItem.get(plan.catalogItemId);
    if (!matches) {
      result.create.push(plan);
      continue;
    }
    for (const task of matches) {
      const moved = task.phaseId !== plan.phaseId || task.activityId !== plan.activityId || (task.order !== undefined && task.order !== plan.order);
      if (moved) result.move.push({ id: task.id, phaseId: plan.phaseId, activityId: plan.activityId, order: plan.order });
      else result.keep.push(task.id);
    }
  }
  return result;
}

// ---------------------------------------------------------------- finding tasks in a long checklist

/** What narrows the checklist besides status, phase and overdue (those the database does). */
export interface TaskSearch {
  /** Free text: every word must occur in the title or the notes, in any case. */
  q?: string | undefined;
  /** The solution area (4.2) of a veivalg's tasks. */
  areaId?: string | undefined;
  /** The municipality (number) a task concerns. */
  municipalityNumber?: string | undefined;
  /** Text the name shown as «Ansvarlig» contains: a member's name or the free text (a name, a role). */
  responsible?: string | undefined;
  /** The responsible member (decision 034). */
  responsibleUserId?: string | undefined;
}

export interface SearchableTask {
  title: string;
  notes: string | null;
  area: { id: string } | null;
  municipalityNumber: string | null;
  /** The name shown as «Ansvarlig»: the member's, else the free text. */
  responsibleName: string | null;
  responsibleUserId: string | null;
}

/** Text as search compares it: composed the same way, lower case the Norwegian way (Æ→æ). */
export function searchText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('nb');
}

/** The words of a search, each to be found; an empty search has none. */
export function searchWords(q: string | undefined): string[] {
  if (q === undefined) return [];
  return searchText(q)
    .split(/\s+/)
    .filter((word) => word !== '');
}

/**
 * The tasks that match the search, in the order given. In memory, on the list the
 * checklist reads anyway: a merger's few hundred tasks are searched in well under a
 * millisecond, and Norwegian letters fold the same on both databases (PGlite's C locale
 * would not lower «Ø» in SQL).
 */
export function filterTasks<T extends SearchableTask>(tasks: readonly T[], search: TaskSearch): T[] {
  const words = searchWords(search.q);
  const responsible = search.responsible === undefined ? '' : searchText(search.responsible.trim());
  const unfiltered = search.areaId === undefined && search.municipalityNumber === undefined && search.responsibleUserId === undefined;
  if (words.length === 0 && responsible === '' && unfiltered) return [...tasks];
  return tasks.filter((task) => {
    if (search.areaId !== undefined && task.area?.id !== search.areaId) return false;
    if (search.municipalityNumber !== undefined && task.municipalityNumber !== search.municipalityNumber) return false;
    if (search.responsibleUserId !== undefined && task.responsibleUserId !== search.responsibleUserId) return false;
    if (responsible !== '' && !searchText(task.responsibleName ?? '').includes(responsible)) return false;
    if (words.length === 0) return true;
    const haystack = searchText(task.notes === null ? task.title : `${task.title}\n${task.notes}`);
    return words.every((word) => haystack.includes(word));
  });
}
