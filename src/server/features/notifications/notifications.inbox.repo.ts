import { and, count, desc, eq, exists, inArray, isNotNull, isNull, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { mergerMembers, mergers, notifications, tasks, users } from '#server/platform/db/schema/index.ts';

/**
 * A person sees what they were told only while they are a member of that merger: removed
 * from it, they may no longer read what it was about.
 */
const stillMember = (db: Database) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(mergerMembers)
      .where(and(eq(mergerMembers.mergerId, notifications.mergerId), eq(mergerMembers.userId, notifications.userId))),
  );

export async function listNotifications(db: Database, userId: string, options: { unreadOnly: boolean; limit: number; offset: number }) {
  const conditions: SQL[] = [eq(notifications.userId, userId), stillMember(db)];
  if (options.unreadOnly) conditions.push(isNull(notifications.readAt));
  return db
    .select({ notification: notifications, mergerName: mergers.name })
    .from(notifications)
    .innerJoin(mergers, eq(mergers.id, notifications.mergerId))
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit)
    .offset(options.offset);
}

/** One statement on the partial index of unread rows: the header asks on every page. */
export async function countUnread(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), stillMember(db)));
  return row?.unread ?? 0;
}

/** Marks the user's notification read (once: the first time stays); null when it is not theirs. */
export async function markRead(db: Database, userId: string, notificationId: string, at: Date) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return row ?? null;
}

export async function markAllRead(db: Database, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

// ---------------------------------------------------------------- who is responsible for a task

/**
 * Tasks with the member responsible for them (`tasks.responsible_user_id`, decision 034): who
 * is told that a task of theirs is due, that a veivalg was adopted in an area where they have
 * tasks, and who follows a task's comments. This is the one place that says it; a free-text
 * «Ansvarlig» names someone outside Samla, who is told nothing. Only a current, active member
 * counts: someone who left keeps the assignment by name but is no longer told.
 */
async function tasksWithResponsibleMember(db: Database, where: SQL) {
  return db
    .select({
      taskId: tasks.id,
      mergerId: tasks.mergerId,
      title: tasks.title,
      catalogItemId: tasks.catalogItemId,
      groupName: tasks.groupName,
      dueDate: tasks.dueDate,
      userId: users.id,
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.responsibleUserId))
    .innerJoin(mergerMembers, and(eq(mergerMembers.mergerId, tasks.mergerId), eq(mergerMembers.userId, users.id)))
    .where(and(isNull(users.deactivatedAt), where));
}

export type ResponsibleTask = Awaited<ReturnType<typeof tasksWithResponsibleMember>>[number];

/** Of the merger's tasks `taskIds`, each with its responsible member. */
export function responsibleForTasks(db: Database, mergerId: string, taskIds: readonly string[]): Promise<ResponsibleTask[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return tasksWithResponsibleMember(db, and(eq(tasks.mergerId, mergerId), inArray(tasks.id, [...taskIds]))!);
}

/** Every open task, in every merger, due on or before `dueBy`, with its responsible member: the daily scan's work. */
export function openTasksDueBy(db: Database, dueBy: string): Promise<ResponsibleTask[]> {
  return tasksWithResponsibleMember(db, and(isNotNull(tasks.dueDate), lte(tasks.dueDate, dueBy), notInArray(tasks.status, ['done', 'not_relevant']))!);
}

/** Members of the merger whose name is one of `names` (free-text «Ansvarlig» on risks and benefits). */
export async function membersNamed(db: Database, mergerId: string, names: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(names.map((name) => name.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return [];
  const rows = await db
    .select({ userId: users.id })
    .from(mergerMembers)
    .innerJoin(users, eq(users.id, mergerMembers.userId))
    .where(and(eq(mergerMembers.mergerId, mergerId), inArray(sql`lower(btrim(${users.name}))`, wanted)));
  return rows.map((row) => row.userId);
}
