import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { mergers, milestones, phaseDates, taskDependencies, tasks } from '#server/platform/db/schema/index.ts';
import { updateIfVersion } from '#server/platform/db/versioned-write.ts';

export type PhaseDatesRow = typeof phaseDates.$inferSelect;
export type MilestoneRow = typeof milestones.$inferSelect;
export type NewMilestoneRow = typeof milestones.$inferInsert;

/**
 * The merger date the default phase dates count from. Read here rather than asked of the
 * mergers feature: mergers calls the plan (to seed and count tasks), so the plan only reads.
 */
export async function findMergerDate(db: Database, mergerId: string): Promise<string | undefined> {
  const [row] = await db.select({ mergerDate: mergers.mergerDate }).from(mergers).where(eq(mergers.id, mergerId));
  return row?.mergerDate;
}

export async function listPhaseDates(db: Database, mergerId: string): Promise<PhaseDatesRow[]> {
  return db.select().from(phaseDates).where(eq(phaseDates.mergerId, mergerId)).orderBy(asc(phaseDates.phaseNumber));
}

/** First own dates for a phase; undefined when someone else set them first. */
export async function insertPhaseDates(
  db: Database,
  row: { mergerId: string; phaseNumber: number; startDate: string; endDate: string },
): Promise<PhaseDatesRow | undefined> {
  const [inserted] = await db.insert(phaseDates).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** Writes only if the row is still at `expectedVersion`; null when someone else changed it first. */
export async function updatePhaseDatesIfVersion(
  db: Database,
  mergerId: string,
  phaseNumber: number,
  expectedVersion: number,
  changes: { startDate: string; endDate: string },
): Promise<PhaseDatesRow | null> {
  return updateIfVersion(db, phaseDates, { mergerId, phaseNumber }, expectedVersion, changes);
}

export async function listMilestones(db: Database, mergerId: string): Promise<MilestoneRow[]> {
  return db.select().from(milestones).where(eq(milestones.mergerId, mergerId)).orderBy(asc(milestones.date), asc(milestones.createdAt));
}

/** The milestones dated from `from` to `to`, both included. */
export async function listMilestonesBetween(db: Database, mergerId: string, from: string, to: string): Promise<MilestoneRow[]> {
  return db
    .select()
    .from(milestones)
    .where(and(eq(milestones.mergerId, mergerId), between(milestones.date, from, to)))
    .orderBy(asc(milestones.date), asc(milestones.createdAt));
}

export async function findMilestone(db: Database, mergerId: string, id: string): Promise<MilestoneRow | undefined> {
  const [row] = await db
    .select()
    .from(milestones)
    .where(and(eq(milestones.mergerId, mergerId), eq(milestones.id, id)));
  return row;
}

export async function insertMilestone(db: Database, row: NewMilestoneRow): Promise<MilestoneRow> {
  const [inserted] = await db.insert(milestones).values(row).returning();
  if (!inserted) throw new Error('insert into milestones returned no row');
  return inserted;
}

export async function updateMilestoneIfVersion(
  db: Database,
  mergerId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<MilestoneRow, 'title' | 'date' | 'kind'>>,
): Promise<MilestoneRow | null> {
  return updateIfVersion(db, milestones, { mergerId, id }, expectedVersion, changes);
}

export async function deleteMilestone(db: Database, mergerId: string, id: string): Promise<void> {
  await db.delete(milestones).where(and(eq(milestones.mergerId, mergerId), eq(milestones.id, id)));
}

export async function listDependencies(db: Database, mergerId: string): Promise<Array<{ taskId: string; dependsOnTaskId: string }>> {
  return db
    .select({ taskId: taskDependencies.taskId, dependsOnTaskId: taskDependencies.dependsOnTaskId })
    .from(taskDependencies)
    .where(eq(taskDependencies.mergerId, mergerId))
    .orderBy(asc(taskDependencies.createdAt));
}

/** The tasks one task depends on, with what the «ferdig» rule needs. */
export async function dependenciesOf(db: Database, mergerId: string, taskId: string) {
  return db
    .select({ id: tasks.id, title: tasks.title, catalogItemId: tasks.catalogItemId, groupName: tasks.groupName, status: tasks.status })
    .from(taskDependencies)
    .innerJoin(tasks, eq(tasks.id, taskDependencies.dependsOnTaskId))
    .where(and(eq(taskDependencies.mergerId, mergerId), eq(taskDependencies.taskId, taskId)))
    .orderBy(asc(tasks.activityPosition), asc(tasks.position));
}

/** Inserts the edge; false when it was there already. */
export async function insertDependency(db: Database, row: { mergerId: string; taskId: string; dependsOnTaskId: string }): Promise<boolean> {
  const inserted = await db.insert(taskDependencies).values(row).onConflictDoNothing().returning({ id: taskDependencies.id });
  return inserted.length > 0;
}

export async function deleteDependency(db: Database, mergerId: string, taskId: string, dependsOnTaskId: string): Promise<boolean> {
  const deleted = await db
    .delete(taskDependencies)
    .where(and(eq(taskDependencies.mergerId, mergerId), eq(taskDependencies.taskId, taskId), eq(taskDependencies.dependsOnTaskId, dependsOnTaskId)))
    .returning({ id: taskDependencies.id });
  return deleted.length > 0;
}

/** Titles of some of the merger's tasks, with what tells same-named ones apart, for messages and history. */
export async function taskTitles(
  db: Database,
  mergerId: string,
  ids: readonly string[],
): Promise<Map<string, { title: string; catalogItemId: string | null; groupName: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: tasks.id, title: tasks.title, catalogItemId: tasks.catalogItemId, groupName: tasks.groupName })
    .from(tasks)
    .where(and(eq(tasks.mergerId, mergerId), inArray(tasks.id, [...ids])));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Serialises dependency changes within a merger, so two concurrent adds cannot close a cycle together. */
export async function lockMergerDependencies(db: Database, mergerId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`task_dependencies:${mergerId}`}))`);
}
