import { eq } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { calendarFeeds } from '#server/platform/db/schema/index.ts';

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

export async function findFeedOfMerger(db: Database, mergerId: string): Promise<CalendarFeedRow | undefined> {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.mergerId, mergerId));
  return row;
}

export async function findFeedByTokenHash(db: Database, tokenHash: string): Promise<CalendarFeedRow | undefined> {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash));
  return row;
}

/** One address per merger: a new one replaces the old, which stops working at once. */
export async function replaceFeed(
  db: Database,
  row: Pick<CalendarFeedRow, 'mergerId' | 'tokenHash' | 'createdByName' | 'createdByUserId' | 'createdAt'>,
): Promise<CalendarFeedRow> {
  const values = { ...row, lastUsedAt: null };
  const [saved] = await db.insert(calendarFeeds).values(values).onConflictDoUpdate({ target: calendarFeeds.mergerId, set: values }).returning();
  return saved!;
}

/** Notes a calendar program's fetch; by the token, so a replaced address is never touched. */
export async function touchFeed(db: Database, tokenHash: string, at: Date): Promise<void> {
  await db.update(calendarFeeds).set({ lastUsedAt: at }).where(eq(calendarFeeds.tokenHash, tokenHash));
}

export async function deleteFeed(db: Database, mergerId: string): Promise<boolean> {
  const deleted = await db.delete(calendarFeeds).where(eq(calendarFeeds.mergerId, mergerId)).returning({ mergerId: calendarFeeds.mergerId });
  return deleted.length > 0;
}
