import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { mergerMembers, notifications, users } from '#server/platform/db/schema/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotificationRow = typeof notifications.$inferInsert;

/** Of `userIds`, those who are members of the merger and whose account is active: nobody else may be told about it. */
export async function findActiveMemberIds(db: Database, mergerId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: mergerMembers.userId })
    .from(mergerMembers)
    .innerJoin(users, eq(users.id, mergerMembers.userId))
    .where(and(eq(mergerMembers.mergerId, mergerId), inArray(mergerMembers.userId, userIds), isNull(users.deactivatedAt)));
  return new Set(rows.map((row) => row.userId));
}

/** Inserts the rows; one with an `onceKey` the user already has is skipped. Returns those inserted. */
export async function insertNotifications(db: Database, rows: NewNotificationRow[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return db.insert(notifications).values(rows).onConflictDoNothing().returning();
}
