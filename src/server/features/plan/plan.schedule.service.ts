import { translatedCatalog } from '#catalog/catalog-translations.ts';
import { actorOf, type Actor, type ServiceContext } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import { conflict, invalid, notFound, versionConflict } from '#server/platform/errors.ts';
import { creationChanges, deletionChanges, diffFields } from '#server/platform/audit-trail/changes.ts';
import { recordChange } from '#server/platform/audit-trail/audit-trail.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import { todayOf } from '#server/platform/clock.ts';
import type { z } from 'zod';
import type { Language } from '#shared/language.ts';
import { textIn, type Localized } from '#shared/localized.ts';
import { problemsIn } from '#shared/localized-problems.ts';
import type { createMilestoneBody, Milestone, Schedule, SchedulePhase, updateMilestoneBody, updatePhaseBody } from '#shared/contracts/plan.schedule.ts';
import { cycleIfAdded, effectivePhaseDates, taskDatesToFollow, transitionEnd } from './plan.schedule.domain.ts';
import * as repo from './plan.schedule.repo.ts';
import { areaOfCatalogTask, isOverdue } from './plan.tasks.domain.ts';
import * as tasksRepo from './plan.tasks.repo.ts';
import { followPhaseDates, readMergerDate, taskLabel } from './plan.tasks.service.ts';

/** The milestones Samla derives, named in the reader's language on the page (decision 041). */
const derivedTitles = {
  merger_date: { nb: 'Sammenslåingsdato', nn: 'Samanslåingsdato', en: 'Merger date' },
  transition_end: { nb: 'Overgangsfasen slutter', nn: 'Overgangsfasen sluttar', en: 'The transition phase ends' },
} as const satisfies Record<string, Localized>;

/** The last day of the transition phase (phase 5), as the project set it or by default. */
export async function lastDayOfTransition(db: Database, mergerId: string): Promise<string> {
  const phases = await phasesOf(db, mergerId, await readMergerDate(db, mergerId));
  return transitionEnd(phases)!;
}

/** `language`: of the phases' and activities' names (the library's, translated); bokmål unless told. */
async function phasesOf(db: Database, mergerId: string, mergerDate: string, language: Language = 'nb'): Promise<SchedulePhase[]> {
  const catalog = translatedCatalog(language);
  const stored = await repo.listPhaseDates(db, mergerId);
  const effective = effectivePhaseDates(
    mergerDate,
    stored.map((row) => ({ number: row.phaseNumber, start: row.startDate, end: row.endDate })),
  );
  return catalog.phases.map((phase) => {
    const dates = effective.find((p) => p.number === phase.number)!;
    return {
      phaseId: phase.id,
      number: phase.number,
      name: phase.name,
      start: dates.start,
      end: dates.end,
      isDefault: dates.isDefault,
      version: stored.find((row) => row.phaseNumber === phase.number)?.version ?? 0,
      activities: phase.activities.map((activity) => ({ activityId: activity.id, title: activity.title })),
    };
  });
}

/** The milestones the plan itself sets: the merger date and the end of the transition. */
function derivedMilestones(mergerDate: string, phases: readonly SchedulePhase[], language: Language = 'nb'): Milestone[] {
  const end = transitionEnd(phases);
  return [
    { id: 'merger_date', kind: 'merger_date', title: textIn(derivedTitles.merger_date, language), date: mergerDate, derived: true, version: null },
    ...(end
      ? [
          {
            id: 'transition_end',
            kind: 'transition_end' as const,
            title: textIn(derivedTitles.transition_end, language),
            date: end,
            derived: true,
            version: null,
          },
        ]
      : []),
  ];
}

/**
 * The milestones from `from` to `to` (both included), derived ones too, and the
 * last day of the transition: what a view of the next days needs of the
 * schedule, without its tasks and dependencies. The merger date comes from the
 * caller, who has read it already.
 */
export async function milestonesBetween(
  ctx: ServiceContext,
  mergerId: string,
  input: { mergerDate: string; from: string; to: string },
): Promise<{ lastDayOfTransition: string; milestones: Milestone[] }> {
  requireMergerAccess(ctx, mergerId);
  const [phases, rows] = await Promise.all([
    phasesOf(ctx.db, mergerId, input.mergerDate, ctx.language),
    repo.listMilestonesBetween(ctx.db, mergerId, input.from, input.to),
  ]);
  const inRange = (milestone: Milestone) => milestone.date >= input.from && milestone.date <= input.to;
  return {
    lastDayOfTransition: transitionEnd(phases)!,
    milestones: [...derivedMilestones(input.mergerDate, phases, ctx.language).filter(inRange), ...rows.map(toMilestone)].sort((a, b) =>
      a.date.localeCompare(b.date),
    ),
  };
}

/** What a new merger date moves (decision 033), for the merger's edit form to show before saving. */
export interface MergerDateMoves {
  /** Phases with default dates, which follow the merger date. */
  phases: Array<{ number: number; name: string; before: { start: string; end: string }; after: { start: string; end: string } }>;
  /** Phases the project dated itself: they stay. */
  unchangedPhases: Array<{ number: number; name: string }>;
  /** The milestones the plan derives (the merger date, the end of the transition); the project's own stay. */
  milestones: Array<{ title: string; before: string; after: string }>;
  /** Tasks whose dates Samla set from their phase (decision 030), and the first of their titles. */
  tasks: { count: number; titles: string[] };
}

const movedTitlesShown = 10;

/** What moving the merger date to `mergerDate` would move; reads only. */
export async function mergerDateMoves(db: Database, mergerId: string, mergerDate: string): Promise<MergerDateMoves> {
  const current = await readMergerDate(db, mergerId);
  const [before, after, following] = await Promise.all([
    phasesOf(db, mergerId, current),
    phasesOf(db, mergerId, mergerDate),
    tasksRepo.listTasksFollowingPhase(db, mergerId),
  ]);
  const phases = after.flatMap((phase) => {
    const old = before.find((p) => p.number === phase.number)!;
    if (!phase.isDefault || (old.start === phase.start && old.end === phase.end)) return [];
    return [{ number: phase.number, name: phase.name, before: { start: old.start, end: old.end }, after: { start: phase.start, end: phase.end } }];
  });
  const derivedBefore = derivedMilestones(current, before);
  const milestones = derivedMilestones(mergerDate, after).flatMap((milestone) => {
    const old = derivedBefore.find((m) => m.id === milestone.id);
    return old && old.date !== milestone.date ? [{ title: milestone.title, before: old.date, after: milestone.date }] : [];
  });
  const phaseOfId = new Map(after.map((phase) => [phase.phaseId, phase.number]));
  const moves = taskDatesToFollow(
    following.map((row) => ({ ...row, phase: phaseOfId.get(row.phaseId) ?? 0 })),
    after.map(({ number, start, end }) => ({ number, start, end })),
  );
  const byId = new Map(following.map((row) => [row.id, row]));
  return {
    phases,
    unchangedPhases: after.filter((phase) => !phase.isDefault).map(({ number, name }) => ({ number, name })),
    milestones,
    tasks: { count: moves.length, titles: moves.slice(0, movedTitlesShown).map((move) => taskLabel(byId.get(move.id)!)) },
  };
}

/**
 * Moves what follows the merger date once the merger holds `mergerDate`: the tasks whose
 * dates Samla set from a phase with default dates, with history, in the caller's
 * transaction (decision 030's rule for whatever changes the merger date). Default phases
 * and the derived milestones are computed on read, so they have moved already.
 */
export async function followMergerDate(db: Database, mergerId: string, mergerDate: string, actor: Actor): Promise<number> {
  const phases = await phasesOf(db, mergerId, mergerDate);
  return followPhaseDates(
    db,
    mergerId,
    phases.map(({ number, start, end }) => ({ number, start, end })),
    actor,
  );
}

function toMilestone(row: repo.MilestoneRow): Milestone {
  return { id: row.id, kind: row.kind as Milestone['kind'], title: row.title, date: row.date, derived: false, version: row.version };
}

/** Everything the timeline and its list show, in one answer. */
export async function getSchedule(ctx: ServiceContext, mergerId: string): Promise<Schedule> {
  requireMergerAccess(ctx, mergerId);
  const today = todayOf(ctx);
  const mergerDate = await readMergerDate(ctx.db, mergerId);
  const [phases, milestoneRows, taskRows, dependencies] = await Promise.all([
    phasesOf(ctx.db, mergerId, mergerDate, ctx.language),
    repo.listMilestones(ctx.db, mergerId),
    tasksRepo.listTasks(ctx.db, mergerId),
    repo.listDependencies(ctx.db, mergerId),
  ]);
  const milestones = [...derivedMilestones(mergerDate, phases, ctx.language), ...milestoneRows.map(toMilestone)].sort((a, b) => a.date.localeCompare(b.date));
  const dependsOn = new Map<string, string[]>();
  for (const edge of dependencies) dependsOn.set(edge.taskId, [...(dependsOn.get(edge.taskId) ?? []), edge.dependsOnTaskId]);
  const phaseOfId = new Map(phases.map((phase) => [phase.phaseId, phase.number]));
  // The plan groups tasks by area: named in the reader's language, like the rest of the page.
  const areas = areaOfCatalogTask(translatedCatalog(ctx.language ?? 'nb'));
  return {
    mergerDate,
    today,
    phases,
    milestones,
    tasks: taskRows.map((row) => ({
      id: row.id,
      title: row.title,
      area: (row.catalogItemId !== null ? areas.get(row.catalogItemId) : undefined) ?? null,
      group: row.groupName,
      phase: phaseOfId.get(row.phaseId) ?? 0,
      activityId: row.activityId,
      status: row.status,
      plannedStart: row.plannedStart,
      dueDate: row.dueDate,
      datesFollowPhase: row.datesFollowPhase,
      overdue: isOverdue({ status: row.status, dueDate: row.dueDate }, today),
      dependsOn: dependsOn.get(row.id) ?? [],
    })),
  };
}

export async function updatePhase(ctx: ServiceContext, mergerId: string, phaseNumber: number, body: z.output<typeof updatePhaseBody>): Promise<SchedulePhase> {
  requireMergerAccess(ctx, mergerId);
  if (body.end < body.start) {
    throw invalid(
      'PHASE_END_BEFORE_START',
      { nb: 'Fasen kan ikke slutte før den starter.', nn: 'Fasen kan ikkje slutte før han startar.', en: 'The phase cannot end before it starts.' },
      problemsIn(
        [
          {
            path: 'end',
            code: 'before_start',
            message: {
              nb: 'Sluttdatoen kan ikke være før startdatoen.',
              nn: 'Sluttdatoen kan ikkje vere før startdatoen.',
              en: 'The end date cannot be before the start date.',
            },
          },
        ],
        ctx.language,
      ),
    );
  }
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const mergerDate = await readMergerDate(tx, mergerId);
    const before = (await phasesOf(tx, mergerId, mergerDate)).find((phase) => phase.number === phaseNumber)!;
    if (before.version !== body.version) throw versionConflict(thePhase, before.version);
    const written =
      body.version === 0
        ? await repo.insertPhaseDates(tx, { mergerId, phaseNumber, startDate: body.start, endDate: body.end })
        : await repo.updatePhaseDatesIfVersion(tx, mergerId, phaseNumber, body.version, { startDate: body.start, endDate: body.end });
    if (!written) throw versionConflict(thePhase, null);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'phase',
      entityId: String(phaseNumber),
      entityLabel: `Fase ${phaseNumber}: ${before.name}`,
      action: 'update',
      changes: diffFields({ start: before.start, end: before.end }, { start: written.startDate, end: written.endDate }, ['start', 'end']),
    });
    // Tasks whose dates Samla set from the phase go with it, in this transaction.
    await followPhaseDates(tx, mergerId, [{ number: phaseNumber, start: written.startDate, end: written.endDate }], actor);
    return { ...before, start: written.startDate, end: written.endDate, isDefault: false, version: written.version };
  });
}

const auditedMilestoneFields = ['title', 'date', 'kind'] as const;

export async function createMilestone(ctx: ServiceContext, mergerId: string, body: z.output<typeof createMilestoneBody>): Promise<Milestone> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertMilestone(tx, { mergerId, title: body.title, date: body.date, kind: body.kind });
    await recordChange(tx, actor, {
      mergerId,
      entity: 'milestone',
      entityId: row.id,
      entityLabel: row.title,
      action: 'create',
      changes: creationChanges(row, auditedMilestoneFields),
    });
    return toMilestone(row);
  });
}

const milestoneNotFound = () =>
  notFound('MILESTONE_NOT_FOUND', { nb: 'Fant ikke milepælen.', nn: 'Fann ikkje milepælen.', en: 'The milestone was not found.' });
const thePhase: Localized = { nb: 'Fasen', nn: 'Fasen', en: 'The phase' };
const theMilestone: Localized = { nb: 'Milepælen', nn: 'Milepælen', en: 'The milestone' };
const taskNotFound: Localized = { nb: 'Fant ikke oppgaven.', nn: 'Fann ikkje oppgåva.', en: 'The task was not found.' };

export async function updateMilestone(
  ctx: ServiceContext,
  mergerId: string,
  milestoneId: string,
  body: z.output<typeof updateMilestoneBody>,
): Promise<Milestone> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const current = await repo.findMilestone(tx, mergerId, milestoneId);
    if (!current) throw milestoneNotFound();
    if (current.version !== body.version) throw versionConflict(theMilestone, current.version);
    const updated = await repo.updateMilestoneIfVersion(tx, mergerId, milestoneId, body.version, {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.date !== undefined ? { date: body.date } : {}),
      ...(body.kind !== undefined ? { kind: body.kind } : {}),
    });
    if (!updated) throw versionConflict(theMilestone, null);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'milestone',
      entityId: updated.id,
      entityLabel: updated.title,
      action: 'update',
      changes: diffFields(current, updated, auditedMilestoneFields),
    });
    return toMilestone(updated);
  });
}

export async function deleteMilestone(ctx: ServiceContext, mergerId: string, milestoneId: string): Promise<void> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const current = await repo.findMilestone(tx, mergerId, milestoneId);
    if (!current) throw milestoneNotFound();
    await repo.deleteMilestone(tx, mergerId, milestoneId);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'milestone',
      entityId: current.id,
      entityLabel: current.title,
      action: 'delete',
      changes: deletionChanges(current, auditedMilestoneFields),
    });
  });
}

/** Records a change to a task's dependencies on the task, so it shows in the task's own history. */
async function recordDependencyChange(
  tx: Database,
  ctx: ServiceContext,
  mergerId: string,
  taskId: string,
  taskTitle: string,
  before: readonly string[],
  after: readonly string[],
) {
  const titles = await repo.taskTitles(tx, mergerId, [...before, ...after]);
  const named = (ids: readonly string[]) => ids.map((id) => (titles.has(id) ? taskLabel(titles.get(id)!) : id));
  await recordChange(tx, actorOf(ctx), {
    mergerId,
    entity: 'task',
    entityId: taskId,
    entityLabel: taskTitle,
    action: 'update',
    changes: [{ field: 'dependsOn', old: named(before), new: named(after) }],
  });
}

export async function addDependency(ctx: ServiceContext, mergerId: string, taskId: string, dependsOnTaskId: string) {
  requireMergerAccess(ctx, mergerId);
  actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    await repo.lockMergerDependencies(tx, mergerId);
    const task = await tasksRepo.findTask(tx, mergerId, taskId);
    if (!task) throw notFound('TASK_NOT_FOUND', taskNotFound);
    const other = await tasksRepo.findTask(tx, mergerId, dependsOnTaskId);
    if (!other) {
      throw invalid(
        'DEPENDENCY_TASK_NOT_FOUND',
        {
          nb: 'Oppgaven det skal avhenges av, finnes ikke i denne sammenslåingen.',
          nn: 'Oppgåva det skal avhengast av, finst ikkje i denne samanslåinga.',
          en: 'The task to depend on is not in this merger.',
        },
        problemsIn(
          [
            {
              path: 'dependsOnTaskId',
              code: 'unknown',
              message: { nb: 'Velg en oppgave i denne sammenslåingen.', nn: 'Vel ei oppgåve i denne samanslåinga.', en: 'Choose a task in this merger.' },
            },
          ],
          ctx.language,
        ),
      );
    }
    const edges = await repo.listDependencies(tx, mergerId);
    const cycle = cycleIfAdded(edges, taskId, dependsOnTaskId);
    if (cycle) {
      const titles = await repo.taskTitles(tx, mergerId, cycle);
      const labels = cycle.map((id) => (titles.has(id) ? taskLabel(titles.get(id)!) : id));
      const chain = labels.map((label) => `«${label}»`).join(' → ');
      const englishChain = labels.map((label) => `“${label}”`).join(' → ');
      const message: Localized =
        cycle.length === 2
          ? {
              nb: `En oppgave kan ikke avhenge av seg selv («${taskLabel(task)}»).`,
              nn: `Ei oppgåve kan ikkje avhenge av seg sjølv («${taskLabel(task)}»).`,
              en: `A task cannot depend on itself (“${taskLabel(task)}”).`,
            }
          : {
              nb: `Avhengigheten ville gi en sirkel: ${chain}. Fjern en av avhengighetene først.`,
              nn: `Avhengnaden ville gi ein sirkel: ${chain}. Fjern ein av avhengnadene først.`,
              en: `The dependency would make a cycle: ${englishChain}. Remove one of the dependencies first.`,
            };
      throw invalid('DEPENDENCY_CYCLE', message, problemsIn([{ path: 'dependsOnTaskId', code: 'cycle', message }], ctx.language));
    }
    const before = edges.filter((edge) => edge.taskId === taskId).map((edge) => edge.dependsOnTaskId);
    const added = await repo.insertDependency(tx, { mergerId, taskId, dependsOnTaskId });
    if (!added) {
      throw conflict('DEPENDENCY_EXISTS', {
        nb: `«${taskLabel(task)}» avhenger allerede av «${taskLabel(other)}».`,
        nn: `«${taskLabel(task)}» avheng alt av «${taskLabel(other)}».`,
        en: `“${taskLabel(task)}” already depends on “${taskLabel(other)}”.`,
      });
    }
    await recordDependencyChange(tx, ctx, mergerId, taskId, taskLabel(task), before, [...before, dependsOnTaskId]);
    return { taskId, dependsOnTaskId };
  });
}

export async function removeDependency(ctx: ServiceContext, mergerId: string, taskId: string, dependsOnTaskId: string): Promise<void> {
  requireMergerAccess(ctx, mergerId);
  actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await repo.lockMergerDependencies(tx, mergerId);
    const task = await tasksRepo.findTask(tx, mergerId, taskId);
    if (!task) throw notFound('TASK_NOT_FOUND', taskNotFound);
    const before = (await repo.listDependencies(tx, mergerId)).filter((edge) => edge.taskId === taskId).map((edge) => edge.dependsOnTaskId);
    const removed = await repo.deleteDependency(tx, mergerId, taskId, dependsOnTaskId);
    if (!removed)
      throw notFound('DEPENDENCY_NOT_FOUND', {
        nb: 'Oppgaven har ikke denne avhengigheten.',
        nn: 'Oppgåva har ikkje denne avhengnaden.',
        en: 'The task does not have this dependency.',
      });
    await recordDependencyChange(
      tx,
      ctx,
      mergerId,
      taskId,
      taskLabel(task),
      before,
      before.filter((id) => id !== dependsOnTaskId),
    );
  });
}
