import { loadCatalog, phaseTasksInOrder } from '#catalog/catalog.ts';
import type { Catalog } from '#catalog/catalog.schema.ts';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import { actorOf, type Actor, type ServiceContext } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import { conflict, DomainError, invalid, notFound, versionConflict } from '#server/platform/errors.ts';
import { creationChanges, diffFields } from '#server/platform/audit-trail/changes.ts';
import { recordChange, recordChanges } from '#server/platform/audit-trail/audit-trail.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import { todayOf } from '#server/platform/clock.ts';
import { mergerWorkKey, shareIdenticalWork } from '#server/platform/workers/shared-work.ts';
import { asBuffer, madeFileRunOptions, workerPool } from '#server/platform/workers/worker-pool.ts';
import type { z } from 'zod';
import type {
  BulkUpdateTasksResult,
  bulkUpdateTasksBody,
  ChecklistProgress,
  createTaskBody,
  listTasksQuery,
  Progress,
  Task,
  TaskStatus,
  updateTaskBody,
} from '#shared/contracts/plan.tasks.ts';
import type { Language } from '#shared/language.ts';
import { textIn, type Localized } from '#shared/localized.ts';
import { problemsIn } from '#shared/localized-problems.ts';
import { documentDate } from '#shared/document-date.ts';
import { taskTitleInContext } from '#shared/task-title.ts';
import {
  applyDoneRule,
  datesStillFollowPhase,
  defaultTaskDates,
  effectivePhaseDates,
  plannedStartIsValid,
  taskDatesToFollow,
  type PhaseDates,
} from './plan.schedule.domain.ts';
import { dependenciesOf, findMergerDate, listDependencies, listPhaseDates } from './plan.schedule.repo.ts';
import { checklistWorkbook } from './plan.tasks.export.ts';
import {
  activityIndex,
  applyStatusRule,
  areaOfCatalogTask,
  filterTasks,
  isOverdue,
  libraryTaskTexts,
  progressOf,
  reconcileDecisionTasks,
  type ActivityPlace,
  type PlannedTask,
} from './plan.tasks.domain.ts';
import * as repo from './plan.tasks.repo.ts';
import {
  announceResponsible,
  checkedResponsible,
  namesOfResponsible,
  newlyResponsible,
  responsibleView,
  tellAssignedTasks,
} from '#server/features/members/members.service.ts';
import { itemLinks } from '#shared/item-links.ts';

/** The fields a person changes on a task, as history shows them. */
const auditedTaskFields = ['title', 'status', 'notRelevantReason', 'responsible', 'plannedStart', 'dueDate', 'notes', 'municipalityNumber'] as const;
/** What history shows of a task added to the plan, whoever adds it: where it landed, and its fields. */
const auditedNewTaskFields = ['phase', 'title', 'status', 'notRelevantReason', 'responsible', 'plannedStart', 'dueDate', 'notes'] as const;

const reasonRequired = (language: Language | undefined) =>
  invalid(
    'NOT_RELEVANT_REASON_REQUIRED',
    {
      nb: 'Oppgi en begrunnelse når oppgaven settes til «ikke relevant».',
      nn: 'Gi ei grunngiving når oppgåva blir sett til «ikkje relevant».',
      en: 'Give a reason when the task is set to “not relevant”.',
    },
    problemsIn(
      [
        {
          path: 'notRelevantReason',
          code: 'required',
          message: {
            nb: 'Begrunnelse må fylles ut for «ikke relevant».',
            nn: 'Grunngiving må fyllast ut for «ikkje relevant».',
            en: 'A reason is required for “not relevant”.',
          },
        },
      ],
      language,
    ),
  );

const taskNotFound: Localized = { nb: 'Fant ikke oppgaven.', nn: 'Fann ikkje oppgåva.', en: 'The task was not found.' };
const theTask: Localized = { nb: 'Oppgaven', nn: 'Oppgåva', en: 'The task' };

/** The title history and messages use: with the task's area or group, so same-named tasks read apart. */
export function taskLabel(row: { title: string; catalogItemId: string | null; groupName: string | null }, catalog: Catalog = loadCatalog()): string {
  const area = row.catalogItemId !== null ? areaOfCatalogTask(catalog).get(row.catalogItemId) : undefined;
  return taskTitleInContext({ title: row.title, area, group: row.groupName });
}

/** A task's responsible in the members' terms. */
const responsibleOf = (row: Pick<repo.TaskRow, 'responsible' | 'responsibleUserId'>) => ({ text: row.responsible, userId: row.responsibleUserId });

/** `names`: of the members responsible (namesOfResponsible), so a member's task reads with their name. */
export function toTask(row: repo.TaskRow, catalog: Catalog, today: string, names: ReadonlyMap<string, string>): Task {
  const activity = activityIndex(catalog).get(row.activityId);
  return {
    id: row.id,
    mergerId: row.mergerId,
    phaseId: row.phaseId,
    phase: activity?.phaseNumber ?? 0,
    activityId: row.activityId,
    catalogItemId: row.catalogItemId,
    group: row.groupName,
    area: (row.catalogItemId !== null ? areaOfCatalogTask(catalog).get(row.catalogItemId) : undefined) ?? null,
    title: row.title,
    position: row.position,
    status: row.status,
    notRelevantReason: row.notRelevantReason,
    responsible: row.responsible,
    ...responsibleView(responsibleOf(row), names),
    dueDate: row.dueDate,
    plannedStart: row.plannedStart,
    datesFollowPhase: row.datesFollowPhase,
    notes: row.notes,
    municipalityNumber: row.municipalityNumber,
    overdue: isOverdue({ status: row.status, dueDate: row.dueDate }, today),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

// ---------------------------------------------------------------- adding tasks
//
// The plan alone writes tasks. Other features add them through these functions (the
// merger's library tasks when it is created, a decision's tasks, an opportunity taken
// up), so every task is placed, numbered and recorded in history the same way.

/**
 * A task to add to the merger's plan. Its phase and place among the activities follow
 * from its activity; without a position it goes after the activity's last task.
 */
export interface NewPlanTask {
  activityId: string;
  /** The library item it copies (a checklist task, a solution area's task, an opportunity); null for the merger's own. */
  catalogItemId: string | null;
  /** The library's sub-heading over it, for library tasks. */
  groupName?: string | null;
  title: string;
  position?: number;
  status?: TaskStatus;
  notRelevantReason?: string | null;
  responsible?: string | null;
  /** A member of the merger as responsible (checked by the caller: checkedResponsible). */
  responsibleUserId?: string | null;
  plannedStart?: string | null;
  dueDate?: string | null;
  datesFollowPhase?: boolean;
  notes?: string | null;
}

/** The library's activity, or 400 ACTIVITY_NOT_FOUND on the field that named it. */
export function requireActivity(activityId: string, catalog: Catalog = loadCatalog(), language?: Language): ActivityPlace {
  const activity = activityIndex(catalog).get(activityId);
  if (!activity) {
    throw invalid(
      'ACTIVITY_NOT_FOUND',
      { nb: 'Aktiviteten finnes ikke i sjekklisten.', nn: 'Aktiviteten finst ikkje i sjekklista.', en: 'The activity is not in the checklist.' },
      problemsIn(
        [
          {
            path: 'activityId',
            code: 'unknown',
            message: { nb: 'Velg en aktivitet fra sjekklisten.', nn: 'Vel ein aktivitet frå sjekklista.', en: 'Choose an activity from the checklist.' },
          },
        ],
        language,
      ),
    );
  }
  return activity;
}

/**
 * The rows for new tasks: phase and activity order from the library; without a position,
 * after the activity's last task. A task copied from the library takes the library's title
 * and sub-heading in the merger's målform (decision 040), whatever language its caller had.
 */
async function taskRows(db: Database, mergerId: string, newTasks: readonly NewPlanTask[], catalog: Catalog): Promise<repo.NewTaskRow[]> {
  const nextPositions = new Map<string, number>();
  const rows: repo.NewTaskRow[] = [];
  const texts = newTasks.some((task) => task.catalogItemId !== null)
    ? libraryTaskTexts(translatedCatalog((await repo.findDocumentLanguage(db, mergerId)) ?? 'nb'))
    : null;
  for (const { position, ...given } of newTasks) {
    const text = given.catalogItemId !== null ? texts?.get(given.catalogItemId) : undefined;
    const task = text ? { ...given, title: text.title, groupName: text.group } : given;
    const activity = requireActivity(task.activityId, catalog);
    let placed = position;
    if (placed === undefined) {
      placed = nextPositions.get(task.activityId) ?? (await repo.nextPosition(db, mergerId, task.activityId));
      nextPositions.set(task.activityId, placed + 1);
    }
    rows.push({ ...task, mergerId, phaseId: activity.phaseId, activityPosition: activity.position, position: placed });
  }
  return rows;
}

/**
 * Adds tasks to the merger's plan, each with its creation in history by `actor`. Runs in
 * the caller's transaction. Returns the rows as written, in the order given.
 */
export async function addTasks(db: Database, actor: Actor, mergerId: string, newTasks: readonly NewPlanTask[]): Promise<repo.TaskRow[]> {
  const catalog = loadCatalog();
  const activities = activityIndex(catalog);
  const created = await repo.insertTasks(db, await taskRows(db, mergerId, newTasks, catalog));
  const names = await namesOfResponsible(db, created);
  await recordChanges(
    db,
    actor,
    created.map((task) => ({
      mergerId,
      entity: 'task' as const,
      entityId: task.id,
      entityLabel: taskLabel(task, catalog),
      action: 'create' as const,
      changes: creationChanges(
        {
          ...task,
          phase: activities.get(task.activityId)?.phaseNumber ?? null,
          // History keeps who by name, so it reads the same after they leave.
          responsible: responsibleView(responsibleOf(task), names).responsibleName,
        },
        auditedNewTaskFields,
      ),
    })),
  );
  return created;
}

/** Adds one task to the plan, with history: `addTasks` for one. */
export async function addTask(db: Database, actor: Actor, mergerId: string, newTask: NewPlanTask): Promise<repo.TaskRow> {
  const [created] = await addTasks(db, actor, mergerId, [newTask]);
  return created!;
}

/**
 * Copies every task of chapter 3.2 into a new merger. Runs inside the caller's
 * transaction. No history per task: the merger's creation is the event, and the
 * library is where it starts from.
 */
export async function addLibraryTasks(db: Database, mergerId: string, catalog: Catalog): Promise<void> {
  await repo.insertTasks(
    db,
    await taskRows(
      db,
      mergerId,
      phaseTasksInOrder(catalog).map((item) => ({
        activityId: item.activityId,
        catalogItemId: item.taskId,
        groupName: item.group ?? null,
        title: item.title,
        position: item.position,
      })),
      catalog,
    ),
  );
}

/**
 * Gives the merger's library tasks their title and sub-heading in `language`, when its
 * målform changes (decision 040). Only tasks copied from the library: their titles are the
 * library's and read-only; the team's own tasks are never translated. Runs in the caller's
 * transaction; the merger's history records the change of målform, not each title.
 * Returns how many tasks changed.
 */
export async function retitleLibraryTasks(db: Database, mergerId: string, language: Language): Promise<number> {
  const changed = libraryTextChanges(await repo.listLibraryTaskTexts(db, mergerId), language);
  await repo.setTaskTexts(db, mergerId, changed);
  return changed.length;
}

/** How many library tasks would change their title to `language`: what the change preview shows. */
export async function countLibraryTasksToRetitle(db: Database, mergerId: string, language: Language): Promise<number> {
  return libraryTextChanges(await repo.listLibraryTaskTexts(db, mergerId), language).length;
}

function libraryTextChanges(
  rows: ReadonlyArray<{ id: string; catalogItemId: string | null; title: string; groupName: string | null }>,
  language: Language,
): Array<{ id: string; title: string; groupName: string | null }> {
  const texts = libraryTaskTexts(translatedCatalog(language));
  return rows.flatMap((row) => {
    const text = row.catalogItemId !== null ? texts.get(row.catalogItemId) : undefined;
    if (!text || (text.title === row.title && text.group === row.groupName)) return [];
    return [{ id: row.id, title: text.title, groupName: text.group }];
  });
}

/**
 * Puts a decision's tasks in the plan: tasks the merger does not have yet are
 * added, dated over their phase (the merger's phase dates now) with dates that
 * follow the phase; tasks it has are moved to where the decision now wants
 * them, keeping status, owner, dates a person set and notes (dates that still
 * follow their phase go to the new phase's dates). Runs in the caller's
 * transaction, with history for every task added or moved.
 */
export async function placeDecisionTasks(db: Database, mergerId: string, planned: readonly PlannedTask[], actor: Actor): Promise<void> {
  const catalog = loadCatalog();
  const activities = activityIndex(catalog);
  const phases = await phaseDatesOf(db, mergerId);
  const phaseOf = (activityId: string) => phases.find((phase) => phase.number === activities.get(activityId)?.phaseNumber);
  const existing = await repo.listTasksOfCatalogItems(
    db,
    mergerId,
    planned.map((task) => task.catalogItemId),
  );
  const reconciliation = reconcileDecisionTasks(
    existing.map((task) => ({ ...task, order: task.position - decisionTaskPositionBase })),
    planned,
  );
  await addTasks(
    db,
    actor,
    mergerId,
    reconciliation.create.map((task) => ({
      activityId: task.activityId,
      catalogItemId: task.catalogItemId,
      groupName: null,
      title: task.title,
      position: decisionTaskPositionBase + task.order,
      ...datesInPhase(phaseOf(task.activityId)),
    })),
  );
  const byId = new Map(existing.map((task) => [task.id, task]));
  // A task moved to another phase takes that phase's dates while its dates follow the phase;
  // the move and the dates are one change in its history.
  const phaseNumbers = new Map(catalog.phases.map((phase) => [phase.id, phase.number]));
  const dateMoves = new Map(
    taskDatesToFollow(
      reconciliation.move.map((move) => ({ ...byId.get(move.id)!, phase: phaseNumbers.get(move.phaseId) ?? 0 })),
      phases,
    ).map((dateMove) => [dateMove.id, dateMove]),
  );
  for (const move of reconciliation.move) {
    await repo.moveTask(db, mergerId, move.id, {
      phaseId: move.phaseId,
      activityId: move.activityId,
      activityPosition: activities.get(move.activityId)!.position,
      position: decisionTaskPositionBase + move.order,
      ...(dateMoves.get(move.id)?.after ?? {}),
    });
  }
  await recordChanges(
    db,
    actor,
    reconciliation.move
      .filter((move) => byId.get(move.id)!.phaseId !== move.phaseId)
      .map((move) => ({
        mergerId,
        entity: 'task' as const,
        entityId: move.id,
        entityLabel: taskLabel(byId.get(move.id)!, catalog),
        action: 'update' as const,
        changes: [
          {
            field: 'phase',
            old: activities.get(byId.get(move.id)!.activityId)?.phaseNumber ?? null,
            new: activities.get(move.activityId)?.phaseNumber ?? null,
          },
          ...(dateMoves.has(move.id)
            ? diffFields({ ...dateMoves.get(move.id)!.before }, { ...dateMoves.get(move.id)!.after }, ['plannedStart', 'dueDate'])
            : []),
        ],
      })),
  );
}

/** The dates Samla gives a task it places in a phase (none when the phase is unknown). */
function datesInPhase(phase: PhaseDates | undefined): Pick<NewPlanTask, 'plannedStart' | 'dueDate' | 'datesFollowPhase'> {
  return phase ? { ...defaultTaskDates(phase), datesFollowPhase: true } : {};
}

/** The merger date the default phase dates count from; 404 for a merger that does not exist. */
export async function readMergerDate(db: Database, mergerId: string): Promise<string> {
  const mergerDate = await findMergerDate(db, mergerId);
  if (mergerDate === undefined)
    throw notFound('MERGER_NOT_FOUND', { nb: 'Fant ikke sammenslåingen.', nn: 'Fann ikkje samanslåinga.', en: 'The merger was not found.' });
  return mergerDate;
}

/** The merger's phase dates now (own or default), in the library's order of phases. */
export async function phaseDatesOf(db: Database, mergerId: string): Promise<PhaseDates[]> {
  const [mergerDate, stored] = await Promise.all([readMergerDate(db, mergerId), listPhaseDates(db, mergerId)]);
  const effective = effectivePhaseDates(
    mergerDate,
    stored.map((row) => ({ number: row.phaseNumber, start: row.startDate, end: row.endDate })),
  );
  return loadCatalog().phases.map((phase) => {
    const { start, end } = effective.find((dates) => dates.number === phase.number)!;
    return { number: phase.number, start, end };
  });
}

/** The merger's tasks copied from these library items (a decision's area tasks, opportunities taken up). */
export async function tasksOfLibraryItems(db: Database, mergerId: string, catalogItemIds: readonly string[]): Promise<repo.TaskRow[]> {
  return repo.listTasksOfCatalogItems(db, mergerId, catalogItemIds);
}

/**
 * Moves the dates of tasks that follow their phase to the phases' dates now (all of the
 * merger's such tasks, or only `taskIds`), with history by `actor`. Runs in the caller's
 * transaction: the schedule calls it when a phase's dates change, in the same
 * transaction as the change, and so must anything that moves default phase dates (the
 * merger date). Returns how many tasks moved.
 */
export async function followPhaseDates(
  db: Database,
  mergerId: string,
  phases: readonly PhaseDates[],
  actor: Actor,
  taskIds?: readonly string[],
): Promise<number> {
  const catalog = loadCatalog();
  const phaseNumbers = new Map(catalog.phases.map((phase) => [phase.id, phase.number]));
  const rows = await repo.listTasksFollowingPhase(db, mergerId, taskIds);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const moves = taskDatesToFollow(
    rows.map((row) => ({ ...row, phase: phaseNumbers.get(row.phaseId) ?? 0 })),
    phases,
  );
  for (const move of moves) await repo.setTaskDates(db, mergerId, move.id, move.after);
  await recordChanges(
    db,
    actor,
    moves.map((move) => ({
      mergerId,
      entity: 'task' as const,
      entityId: move.id,
      entityLabel: taskLabel(byId.get(move.id)!, catalog),
      action: 'update' as const,
      changes: diffFields({ ...move.before }, { ...move.after }, ['plannedStart', 'dueDate']),
    })),
  );
  return moves.length;
}

/** Decision tasks sort after the activity's own checklist tasks (positions below 1000). */
const decisionTaskPositionBase = 1000;

export async function listTasks(ctx: ServiceContext, mergerId: string, query: z.output<typeof listTasksQuery>): Promise<Task[]> {
  requireMergerAccess(ctx, mergerId);
  // The library's names (a task's area) in the reader's language; the titles are as stored (decision 040).
  const catalog = translatedCatalog(ctx.language ?? 'nb');
  const today = todayOf(ctx);
  const phaseId = query.phase === undefined ? undefined : catalog.phases.find((p) => p.number === query.phase)?.id;
  const rows = await repo.listTasks(ctx.db, mergerId, {
    status: query.status,
    phaseId,
    activityId: query.activityId,
    overdueBefore: query.overdue ? today : undefined,
  });
  // overdue=false means «not overdue», which SQL would need the same rule for.
  const names = await namesOfResponsible(ctx.db, rows);
  const tasks = rows.map((row) => toTask(row, catalog, today, names));
  return filterTasks(query.overdue === false ? tasks.filter((task) => !task.overdue) : tasks, {
    q: query.q,
    areaId: query.area,
    municipalityNumber: query.municipality,
    responsible: query.responsible,
    responsibleUserId: query.responsibleUserId,
  });
}

/**
 * The solution areas of all the merger's tasks, by name: what the checklist's area filter
 * offers whatever the list shows now, so the page needs no second, unfiltered list.
 */
export async function taskAreas(ctx: ServiceContext, mergerId: string): Promise<Array<{ id: string; name: string }>> {
  requireMergerAccess(ctx, mergerId);
  // A filter the reader picks from: the areas named in their language (decision 041).
  const byItem = areaOfCatalogTask(translatedCatalog(ctx.language ?? 'nb'));
  const areas = new Map<string, string>();
  for (const itemId of await repo.listTaskCatalogItemIds(ctx.db, mergerId)) {
    const area = byItem.get(itemId);
    if (area) areas.set(area.id, area.name);
  }
  const locale = ctx.language === 'en' ? 'en' : 'nb';
  return [...areas].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, locale));
}

export async function getTask(ctx: ServiceContext, mergerId: string, taskId: string): Promise<Task> {
  requireMergerAccess(ctx, mergerId);
  const row = await repo.findTask(ctx.db, mergerId, taskId);
  if (!row) throw notFound('TASK_NOT_FOUND', taskNotFound);
  return toTask(row, translatedCatalog(ctx.language ?? 'nb'), todayOf(ctx), await namesOfResponsible(ctx.db, [row]));
}

export async function createTask(ctx: ServiceContext, mergerId: string, body: z.output<typeof createTaskBody>): Promise<Task> {
  requireMergerAccess(ctx, mergerId);
  const catalog = translatedCatalog(ctx.language ?? 'nb');
  requireActivity(body.activityId, catalog, ctx.language);
  const rule = applyStatusRule({ status: 'not_started', notRelevantReason: null }, { status: body.status, notRelevantReason: body.notRelevantReason ?? null });
  if (!rule.ok) throw reasonRequired(ctx.language);
  const actor = actorOf(ctx);
  const row = await ctx.db.transaction(async (tx) => {
    const responsible = (await checkedResponsible(tx, mergerId, { text: body.responsible, userId: body.responsibleUserId }, null)) ?? {
      text: null,
      userId: null,
    };
    const created = await addTask(tx, actor, mergerId, {
      activityId: body.activityId,
      catalogItemId: null,
      title: body.title,
      status: rule.value.status,
      notRelevantReason: rule.value.notRelevantReason,
      responsible: responsible.text,
      responsibleUserId: responsible.userId,
      dueDate: body.dueDate ?? null,
      notes: body.notes ?? null,
    });
    await announceResponsible(tx, actor, {
      mergerId,
      before: null,
      after: responsible,
      subject: { kind: 'task', id: created.id, title: taskLabel(created) },
      link: itemLinks.task(mergerId, created.id),
    });
    return created;
  });
  return toTask(row, catalog, todayOf(ctx), await namesOfResponsible(ctx.db, [row]));
}

export async function updateTask(ctx: ServiceContext, mergerId: string, taskId: string, body: z.output<typeof updateTaskBody>): Promise<Task> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  const row = await ctx.db.transaction(async (tx) =>
    changeTask(tx, actor, mergerId, taskId, await repo.findTask(tx, mergerId, taskId), body, { now: ctx.now(), language: ctx.language }),
  );
  return toTask(row, translatedCatalog(ctx.language ?? 'nb'), todayOf(ctx), await namesOfResponsible(ctx.db, [row]));
}

/**
 * One task's change as a person makes it, checked by every rule of the task form: the
 * version, the library's titles, «ikke relevant» with a reason, planned start not after the
 * due date, «ferdig» not before what it depends on (unless a reason), a municipality of the
 * merger, a responsible who is a member (decision 034). Throws the first rule broken, before
 * anything is written; otherwise writes the task and its history and tells a newly
 * responsible member. Runs in the caller's transaction; `current` is the task as read in it.
 */
async function changeTask(
  tx: Database,
  actor: Actor,
  mergerId: string,
  taskId: string,
  current: repo.TaskRow | undefined,
  body: z.output<typeof updateTaskBody>,
  options: { now: Date; tellResponsible?: boolean; language?: Language | undefined },
): Promise<repo.TaskRow> {
  const { language } = options;
  if (!current) throw notFound('TASK_NOT_FOUND', taskNotFound);
  if (current.version !== body.version) throw versionConflict(theTask, current.version);
  if (body.title !== undefined && current.catalogItemId !== null && body.title !== current.title) {
    throw invalid(
      'CATALOG_TASK_TITLE_READONLY',
      {
        nb: 'Tittelen på oppgaver fra sjekklisten kan ikke endres.',
        nn: 'Tittelen på oppgåver frå sjekklista kan ikkje endrast.',
        en: 'The title of a task from the checklist cannot be changed.',
      },
      problemsIn(
        [
          {
            path: 'title',
            code: 'readonly',
            message: {
              nb: 'Tittelen kommer fra sjekklisten og kan ikke endres.',
              nn: 'Tittelen kjem frå sjekklista og kan ikkje endrast.',
              en: 'The title comes from the checklist and cannot be changed.',
            },
          },
        ],
        language,
      ),
    );
  }
  const rule = applyStatusRule(
    { status: current.status, notRelevantReason: current.notRelevantReason },
    { status: body.status, notRelevantReason: body.notRelevantReason },
  );
  if (!rule.ok) throw reasonRequired(language);
  const plannedStart = body.plannedStart !== undefined ? body.plannedStart : current.plannedStart;
  const dueDate = body.dueDate !== undefined ? body.dueDate : current.dueDate;
  if (!plannedStartIsValid(plannedStart, dueDate)) {
    const message: Localized = {
      nb: 'Planlagt start kan ikke være etter fristen.',
      nn: 'Planlagd start kan ikkje vere etter fristen.',
      en: 'The planned start cannot be after the due date.',
    };
    throw invalid('PLANNED_START_AFTER_DUE_DATE', message, problemsIn([{ path: 'plannedStart', code: 'after_due_date', message }], language));
  }
  if (body.municipalityNumber != null && body.municipalityNumber !== current.municipalityNumber) {
    const municipalities = await repo.municipalitiesOf(tx, mergerId);
    if (!municipalities.some((municipality) => municipality.number === body.municipalityNumber)) {
      throw invalid(
        'UNKNOWN_MUNICIPALITY',
        { nb: 'Kommunen er ikke med i sammenslåingen.', nn: 'Kommunen er ikkje med i samanslåinga.', en: 'The municipality is not part of the merger.' },
        problemsIn(
          [
            {
              path: 'municipalityNumber',
              code: 'unknown',
              message: {
                nb: 'Velg en av kommunene i sammenslåingen.',
                nn: 'Vel ein av kommunane i samanslåinga.',
                en: 'Choose one of the municipalities in the merger.',
              },
            },
          ],
          language,
        ),
      );
    }
  }
  // The «ferdig» rule: not done before what it depends on, unless the person says why.
  const doneRule = applyDoneRule(
    current.status,
    rule.value.status,
    current.status !== 'done' && rule.value.status === 'done'
      ? (await dependenciesOf(tx, mergerId, taskId)).map((dep) => ({ id: dep.id, title: taskLabel(dep), status: dep.status }))
      : [],
    body.overrideReason,
  );
  if (!doneRule.ok) throw dependenciesOpen(doneRule.openTasks);
  const responsible = await checkedResponsible(tx, mergerId, { text: body.responsible, userId: body.responsibleUserId }, responsibleOf(current));
  const updated = await repo.updateTaskIfVersion(tx, mergerId, taskId, body.version, {
    ...(body.title !== undefined && current.catalogItemId === null ? { title: body.title } : {}),
    status: rule.value.status,
    notRelevantReason: rule.value.notRelevantReason,
    completedAt: rule.value.status !== 'done' ? null : current.status === 'done' ? current.completedAt : options.now,
    ...(responsible ? { responsible: responsible.text, responsibleUserId: responsible.userId } : {}),
    ...(body.dueDate !== undefined ? { dueDate: body.dueDate } : {}),
    ...(body.plannedStart !== undefined ? { plannedStart: body.plannedStart } : {}),
    ...(body.notes !== undefined ? { notes: body.notes } : {}),
    ...(body.municipalityNumber !== undefined ? { municipalityNumber: body.municipalityNumber } : {}),
    // A person's date takes over from the phase's for good.
    datesFollowPhase: datesStillFollowPhase(current, { plannedStart: body.plannedStart, dueDate: body.dueDate }),
  });
  // Another writer got in between our read and our write (another app node).
  if (!updated) throw versionConflict(theTask, null);
  const responsibleNames = await announceResponsible(tx, actor, {
    mergerId,
    before: responsibleOf(current),
    after: responsibleOf(updated),
    subject: { kind: 'task', id: updated.id, title: taskLabel(updated) },
    link: itemLinks.task(mergerId, updated.id),
    tell: options.tellResponsible !== false,
  });
  await recordChange(tx, actor, {
    mergerId,
    entity: 'task',
    entityId: updated.id,
    entityLabel: taskLabel(updated),
    action: 'update',
    changes: [
      // The responsible by name (a member's or the free text), so history reads the same after they leave.
      ...diffFields({ ...current, responsible: responsibleNames.before }, { ...updated, responsible: responsibleNames.after }, auditedTaskFields),
      ...(doneRule.override
        ? [
            {
              field: 'dependencyOverride',
              old: doneRule.override.openTasks.map((task) => task.title),
              new: doneRule.override.reason,
            },
          ]
        : []),
    ],
  });
  return updated;
}

/**
 * The same change to many tasks (decision 035). Each task is checked on its own, by the
 * rules of a single edit, with the version the person saw; the ones that pass are written,
 * each with its history, and the rest are returned with the reason in Norwegian. One
 * transaction: a rule broken is found before that task is written, so it never undoes the
 * others; only a failure of Samla itself (the database) undoes them all.
 */
export async function bulkUpdateTasks(ctx: ServiceContext, mergerId: string, body: z.output<typeof bulkUpdateTasksBody>): Promise<BulkUpdateTasksResult> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  const catalog = loadCatalog();
  const today = todayOf(ctx);
  const { change } = body;
  const outcome = await ctx.db.transaction(async (tx) => {
    const found = new Map(
      (
        await repo.findTasks(
          tx,
          mergerId,
          body.tasks.map((item) => item.taskId),
        )
      ).map((row) => [row.id, row]),
    );
    const changed: repo.TaskRow[] = [];
    const notChanged: BulkUpdateTasksResult['notChanged'] = [];
    for (const item of body.tasks) {
      const current = found.get(item.taskId);
      try {
        changed.push(
          await changeTask(
            tx,
            actor,
            mergerId,
            item.taskId,
            current,
            {
              version: item.version,
              ...(change.status !== undefined ? { status: change.status } : {}),
              ...(change.notRelevantReason !== undefined ? { notRelevantReason: change.notRelevantReason } : {}),
              ...(change.overrideReason !== undefined ? { overrideReason: change.overrideReason } : {}),
              ...(change.responsible !== undefined ? { responsible: change.responsible } : {}),
              ...(change.responsibleUserId !== undefined ? { responsibleUserId: change.responsibleUserId } : {}),
              ...(change.dueDate !== undefined ? { dueDate: change.dueDate } : {}),
            },
            { now: ctx.now(), tellResponsible: false, language: ctx.language },
          ),
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        notChanged.push({
          taskId: item.taskId,
          title: current ? taskLabel(current, catalog) : null,
          code: error.code,
          message: bulkReason(error, current, ctx.language ?? 'nb'),
        });
      }
    }
    // A member made responsible for many tasks at once is told once, not once per task.
    const newlyAssigned = new Map<string, Array<{ id: string; title: string; link: string }>>();
    for (const row of changed) {
      const userId = newlyResponsible(responsibleOf(found.get(row.id)!), responsibleOf(row));
      if (userId)
        newlyAssigned.set(userId, [
          ...(newlyAssigned.get(userId) ?? []),
          { id: row.id, title: taskLabel(row, catalog), link: itemLinks.task(mergerId, row.id) },
        ]);
    }
    for (const [userId, assigned] of newlyAssigned) await tellAssignedTasks(tx, actor, { mergerId, userId, tasks: assigned });
    return { changed, notChanged };
  });
  const names = await namesOfResponsible(ctx.db, outcome.changed);
  return { changed: outcome.changed.map((row) => toTask(row, translatedCatalog(ctx.language ?? 'nb'), today, names)), notChanged: outcome.notChanged };
}

/** Why a task was left as it was, said for a list of many: about this task, without the API's field names. */
function bulkReason(error: DomainError, current: repo.TaskRow | undefined, language: Language): string {
  switch (error.code) {
    case 'TASK_NOT_FOUND':
      return textIn(
        { nb: 'Fant ikke oppgaven i denne sammenslåingen.', nn: 'Fann ikkje oppgåva i denne samanslåinga.', en: 'The task was not found in this merger.' },
        language,
      );
    case 'PLANNED_START_AFTER_DUE_DATE': {
      const start = current?.plannedStart ? documentDate(current.plannedStart, language) : '';
      return textIn(
        {
          nb: `Fristen kan ikke være før oppgavens planlagte start (${start}).`,
          nn: `Fristen kan ikkje vere før den planlagde starten til oppgåva (${start}).`,
          en: `The due date cannot be before the task’s planned start (${start}).`,
        },
        language,
      );
    }
    case 'DEPENDENCIES_OPEN': {
      const titles = (error.details as { openTasks: Array<{ title: string }> }).openTasks.map((task) => task.title);
      const quoted = titles.map((title) => `«${title}»`).join(', ');
      return textIn(
        {
          nb: `Den avhenger av oppgaver som ikke er ferdige: ${quoted}. Oppgi en begrunnelse for å sette den som ferdig likevel.`,
          nn: `Ho avheng av oppgåver som ikkje er ferdige: ${quoted}. Gi ei grunngiving for å setje henne som ferdig likevel.`,
          en: `It depends on tasks that are not done: ${titles.map((title) => `“${title}”`).join(', ')}. Give a reason to set it to done anyway.`,
        },
        language,
      );
    }
    default:
      return textIn(error.localized ?? error.message, language);
  }
}

/**
 * The whole checklist as xlsx, one row per task with its dependencies by title. Read on
 * the main thread, written in a worker, and shared by identical requests in flight
 * (decision 024).
 */
export async function exportChecklist(ctx: ServiceContext, mergerId: string): Promise<Buffer> {
  requireMergerAccess(ctx, mergerId);
  const today = todayOf(ctx);
  return shareIdenticalWork(mergerWorkKey(ctx, mergerId, 'checklist-export', today), async () => {
    const [rows, dependencies, municipalities, language] = await Promise.all([
      repo.listTasks(ctx.db, mergerId),
      listDependencies(ctx.db, mergerId),
      repo.municipalitiesOf(ctx.db, mergerId),
      repo.findDocumentLanguage(ctx.db, mergerId),
    ]);
    // The library's phases, activities and areas in the merger's language. The library tasks'
    // titles and groups are stored in it already (retitled when the målform changes, decision 040).
    const catalog = translatedCatalog(language ?? 'nb');
    const names = await namesOfResponsible(ctx.db, rows);
    const workbook = checklistWorkbook({
      language: language ?? 'nb',
      exportedOn: today,
      tasks: rows.map((row) => toTask(row, catalog, today, names)),
      dependencies,
      labels: new Map(rows.map((row) => [row.id, taskLabel(row, catalog)])),
      phaseNames: new Map(catalog.phases.map((phase) => [phase.number, phase.name])),
      activityTitles: new Map([...activityIndex(catalog)].map(([id, activity]) => [id, activity.title])),
      municipalities,
    });
    return asBuffer(await workerPool().run('writeTableWorkbook', workbook, madeFileRunOptions));
  });
}

function dependenciesOpen(openTasks: ReadonlyArray<{ id: string; title: string; status: TaskStatus }>) {
  const names = openTasks.map((task) => `«${task.title}»`).join(', ');
  const englishNames = openTasks.map((task) => `“${task.title}”`).join(', ');
  return conflict(
    'DEPENDENCIES_OPEN',
    {
      nb: `Oppgaven kan ikke settes som ferdig før det den avhenger av er ferdig: ${names}. Oppgi en begrunnelse (overrideReason) for å sette den som ferdig likevel.`,
      nn: `Oppgåva kan ikkje setjast som ferdig før det ho avheng av, er ferdig: ${names}. Gi ei grunngiving (overrideReason) for å setje henne som ferdig likevel.`,
      en: `The task cannot be set to done before what it depends on is done: ${englishNames}. Give a reason (overrideReason) to set it to done anyway.`,
    },
    { openTasks },
  );
}

/** Progress per merger, for the list of mergers. */
export async function progressByMerger(ctx: ServiceContext, mergerIds: string[]): Promise<Map<string, Progress>> {
  const today = todayOf(ctx);
  const facts = await repo.listTaskProgressFacts(ctx.db, mergerIds);
  const byMerger = new Map<string, Array<{ status: TaskStatus; dueDate: string | null }>>();
  for (const id of mergerIds) byMerger.set(id, []);
  for (const fact of facts) byMerger.get(fact.mergerId)?.push({ status: fact.status, dueDate: fact.dueDate });
  return new Map([...byMerger].map(([id, tasks]) => [id, progressOf(tasks, today)]));
}

/** Progress of one merger per phase and activity, in the checklist's order. */
export async function checklistProgress(ctx: ServiceContext, mergerId: string): Promise<ChecklistProgress> {
  const catalog = translatedCatalog(ctx.language ?? 'nb');
  const today = todayOf(ctx);
  const facts = (await repo.listTaskProgressFacts(ctx.db, [mergerId])).map((fact) => ({
    ...fact,
    status: fact.status,
  }));
  return {
    merger: progressOf(facts, today),
    phases: catalog.phases.map((phase) => ({
      phaseId: phase.id,
      number: phase.number,
      name: phase.name,
      progress: progressOf(
        facts.filter((fact) => fact.phaseId === phase.id),
        today,
      ),
      activities: phase.activities.map((activity) => ({
        activityId: activity.id,
        title: activity.title,
        progress: progressOf(
          facts.filter((fact) => fact.activityId === activity.id),
          today,
        ),
      })),
    })),
  };
}

/** A task as the merger's summaries use it (the dashboard): no notes, owner or history. */
export interface TaskSummaryFact {
  id: string;
  /** As summaries show it: with its area or group (`taskLabel`), since it stands without the checklist around it. */
  title: string;
  phaseId: string;
  /** The phase's number, 0 for a phase the library does not know. */
  phase: number;
  catalogItemId: string | null;
  status: TaskStatus;
  dueDate: string | null;
}

/**
 * The merger's tasks, read once, and the progress of the merger and of each
 * phase counted from them: what a summary needs, without the per-activity
 * figures of the checklist's own progress.
 */
export async function taskSummary(ctx: ServiceContext, mergerId: string) {
  requireMergerAccess(ctx, mergerId);
  const catalog = translatedCatalog(ctx.language ?? 'nb');
  const today = todayOf(ctx);
  const phaseNumbers = new Map(catalog.phases.map((phase) => [phase.id, phase.number]));
  const tasks: TaskSummaryFact[] = (await repo.listTaskSummaryFacts(ctx.db, mergerId)).map(({ groupName, ...row }) => ({
    ...row,
    title: taskLabel({ ...row, groupName }, catalog),
    phase: phaseNumbers.get(row.phaseId) ?? 0,
  }));
  const byPhase = new Map<string, TaskSummaryFact[]>();
  for (const task of tasks) {
    const list = byPhase.get(task.phaseId);
    if (list) list.push(task);
    else byPhase.set(task.phaseId, [task]);
  }
  return {
    tasks,
    progress: {
      merger: progressOf(tasks, today),
      phases: catalog.phases.map((phase) => ({
        phaseId: phase.id,
        number: phase.number,
        name: phase.name,
        progress: progressOf(byPhase.get(phase.id) ?? [], today),
      })),
    },
  };
}
