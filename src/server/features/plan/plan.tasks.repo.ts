import { and, isNotNull, asc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { mergerMunicipalities, mergers, tasks } from '#server/platform/db/schema/index.ts';
import { updateIfVersion } from '#server/platform/db/versioned-write.ts';
import type { TaskStatus } from '#shared/contracts/plan.tasks.ts';
import type { Language } from '#shared/language.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;

export interface TaskFilter {
  status?: TaskStatus;
  phaseId?: string;
  activityId?: string;
  /** Only tasks whose due date is before this date and that are still open. */
  overdueBefore?: string;
}

export async function insertTasks(db: Database, rows: NewTaskRow[]): Promise<TaskRow[]> {
  if (rows.length === 0) return [];
  return db.insert(tasks).values(rows).returning();
}

/** The merger's tasks copied from these library items (a decision's area tasks). */
export async function listTasksOfCatalogItems(db: Database, mergerId: string, catalogItemIds: readonly string[]): Promise<TaskRow[]> {
  if (catalogItemIds.length === 0) return [];
  return db
    .select()
    .from(tasks)
    .where(and(eq(tasks.mergerId, mergerId), inArray(tasks.catalogItemId, [...catalogItemIds])))
    .orderBy(asc(tasks.activityPosition), asc(tasks.position));
}

/** The library items the merger's tasks were copied from (each once): what the area filter can offer. */
export async function listTaskCatalogItemIds(db: Database, mergerId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ catalogItemId: tasks.catalogItemId })
    .from(tasks)
    .where(and(eq(tasks.mergerId, mergerId), isNotNull(tasks.catalogItemId)));
  return rows.map((row) => row.catalogItemId!);
}

/** Moves a task to another activity and place; status, owner, due date and notes stay as they are. */
export async function moveTask(
  db: Database,
  mergerId: string,
  taskId: string,
  place: Pick<TaskRow, 'phaseId' | 'activityId' | 'activityPosition' | 'position'>,
): Promise<void> {
  // Not updateIfVersion: Samla moves the task itself when a veivalg is placed; no user's version to check.
  await db
    .update(tasks)
    .set({ ...place, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(tasks.mergerId, mergerId), eq(tasks.id, taskId)));
}

/** The merger's tasks whose dates still follow their phase (or those of `taskIds` among them). */
export async function listTasksFollowingPhase(db: Database, mergerId: string, taskIds?: readonly string[]) {
  const conditions: SQL[] = [eq(tasks.mergerId, mergerId), eq(tasks.datesFollowPhase, true)];
  if (taskIds) {
    if (taskIds.length === 0) return [];
    conditions.push(inArray(tasks.id, [...taskIds]));
  }
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      catalogItemId: tasks.catalogItemId,
      groupName: tasks.groupName,
      phaseId: tasks.phaseId,
      plannedStart: tasks.plannedStart,
      dueDate: tasks.dueDate,
      datesFollowPhase: tasks.datesFollowPhase,
    })
    .from(tasks)
    .where(and(...conditions))
    .orderBy(asc(tasks.activityPosition), asc(tasks.position));
}

/** Samla moving a task's dates with its phase: the dates stay Samla's (they keep following). */
export async function setTaskDates(db: Database, mergerId: string, taskId: string, dates: { plannedStart: string; dueDate: string }): Promise<void> {
  // Not updateIfVersion: Samla's own write under the phase change, which a user's stale version must not stop.
  await db
    .update(tasks)
    .set({ ...dates, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(tasks.mergerId, mergerId), eq(tasks.id, taskId)));
}

export async function listTasks(db: Database, mergerId: string, filter: TaskFilter = {}): Promise<TaskRow[]> {
  const conditions: SQL[] = [eq(tasks.mergerId, mergerId)];
  if (filter.status) conditions.push(eq(tasks.status, filter.status));
  if (filter.phaseId) conditions.push(eq(tasks.phaseId, filter.phaseId));
  if (filter.activityId) conditions.push(eq(tasks.activityId, filter.activityId));
  if (filter.overdueBefore) {
    conditions.push(lt(tasks.dueDate, filter.overdueBefore));
    conditions.push(inArray(tasks.status, ['not_started', 'in_progress']));
  }
  return db
    .select()
    .from(tasks)
    .where(and(...conditions))
    .orderBy(asc(tasks.activityPosition), asc(tasks.position), asc(tasks.createdAt));
}

export async function findTask(db: Database, mergerId: string, taskId: string): Promise<TaskRow | undefined> {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.mergerId, mergerId), eq(tasks.id, taskId)));
  return row;
}

/** Lowest-cost facts for progress: no titles or notes. */
export async function listTaskProgressFacts(db: Database, mergerIds: string[]) {
  if (mergerIds.length === 0) return [];
  return db
    .select({
      mergerId: tasks.mergerId,
      phaseId: tasks.phaseId,
      activityId: tasks.activityId,
      status: tasks.status,
      dueDate: tasks.dueDate,
    })
    .from(tasks)
    .where(inArray(tasks.mergerId, mergerIds));
}

/**
 * Every task of a merger with what summaries show or count (no notes, owners
 * or dates of change), in the checklist's order. As one JSON list in one row:
 * PGlite spends more on each row it returns than on its size, and the list
 * costs about half as much this way (bench/fixes.md).
 */
export async function listTaskSummaryFacts(db: Database, mergerId: string): Promise<TaskSummaryRow[]> {
  const [row] = await db
    .select({
      tasks: sql<TaskSummaryRow[]>`coalesce(json_agg(json_build_object(
        'id', ${tasks.id}, 'title', ${tasks.title}, 'phaseId', ${tasks.phaseId}, 'catalogItemId', ${tasks.catalogItemId}, 'groupName', ${tasks.groupName},
        'status', ${tasks.status}, 'dueDate', ${tasks.dueDate}
      ) order by ${tasks.activityPosition}, ${tasks.position}, ${tasks.createdAt}), '[]'::json)`,
    })
    .from(tasks)
    .where(eq(tasks.mergerId, mergerId));
  return row?.tasks ?? [];
}

export interface TaskSummaryRow {
  id: string;
  title: string;
  phaseId: string;
  catalogItemId: string | null;
  groupName: string | null;
  status: TaskStatus;
  /** YYYY-MM-DD */
  dueDate: string | null;
}

export async function nextPosition(db: Database, mergerId: string, activityId: string): Promise<number> {
  const [row] = await db
    .select({ next: sql<number>`coalesce(max(${tasks.position}), -1) + 1` })
    .from(tasks)
    .where(and(eq(tasks.mergerId, mergerId), eq(tasks.activityId, activityId)));
  return Number(row?.next ?? 0);
}

/** Writes only if the row is still at `expectedVersion` (optimistic locking); null when someone else changed it first. */
export async function updateTaskIfVersion(
  db: Database,
  mergerId: string,
  taskId: string,
  expectedVersion: number,
  changes: Partial<
    Pick<
      TaskRow,
      | 'title'
      | 'status'
      | 'notRelevantReason'
      | 'responsible'
      | 'responsibleUserId'
      | 'dueDate'
      | 'plannedStart'
      | 'notes'
      | 'municipalityNumber'
      | 'datesFollowPhase'
      | 'completedAt'
    >
  >,
): Promise<TaskRow | null> {
  return updateIfVersion(db, tasks, { mergerId, id: taskId }, expectedVersion, changes);
}

/** The merger's municipalities (number and name), in the merger's order: what a task may concern. */
export async function municipalitiesOf(db: Database, mergerId: string): Promise<Array<{ number: string; name: string }>> {
  return db
    .select({ number: mergerMunicipalities.municipalityNumber, name: mergerMunicipalities.name })
    .from(mergerMunicipalities)
    .where(eq(mergerMunicipalities.mergerId, mergerId))
    .orderBy(asc(mergerMunicipalities.position));
}

/** Some of the merger's tasks by id (a bulk change reads them in one query). */
export async function findTasks(db: Database, mergerId: string, taskIds: readonly string[]): Promise<TaskRow[]> {
  if (taskIds.length === 0) return [];
  return db
    .select()
    .from(tasks)
    .where(and(eq(tasks.mergerId, mergerId), inArray(tasks.id, [...taskIds])));
}

/** The merger's målform: the language of the library texts its tasks copy. */
export async function findDocumentLanguage(db: Database, mergerId: string): Promise<Language | undefined> {
  const [row] = await db.select({ documentLanguage: mergers.documentLanguage }).from(mergers).where(eq(mergers.id, mergerId));
  return row?.documentLanguage;
}

/** The merger's tasks copied from the library, with the texts they copied. */
export async function listLibraryTaskTexts(db: Database, mergerId: string) {
  return db
    .select({ id: tasks.id, catalogItemId: tasks.catalogItemId, title: tasks.title, groupName: tasks.groupName })
    .from(tasks)
    .where(and(eq(tasks.mergerId, mergerId), isNotNull(tasks.catalogItemId)));
}

/** Gives tasks new library texts in one statement; like a move, a new version. */
export async function setTaskTexts(
  db: Database,
  mergerId: string,
  texts: ReadonlyArray<{ id: string; title: string; groupName: string | null }>,
): Promise<void> {
  if (texts.length === 0) return;
  const values = sql.join(
    texts.map((text) => sql`(${text.id}::uuid, ${text.title}::text, ${text.groupName}::text)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${tasks} set title = v.title, group_name = v.group_name, version = ${tasks.version} + 1, updated_at = now()
    from (values ${values}) as v(id, title, group_name)
    where ${tasks.id} = v.id and ${tasks.mergerId} = ${mergerId}`);
}
