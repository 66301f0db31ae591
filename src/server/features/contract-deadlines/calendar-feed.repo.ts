import { eq } from 'drizzle-orm';
import type { Database } from '#server/db/client.ts';
import { calendarFeeds } from '#server/db/schema/index.ts';

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
export async function replaceFeed(db: Database, row: Omit<CalendarFeedRow, 'createdAt'>): Promise<CalendarFeedRow> {
  const [saved] = await db
    .insert(calendarFeeds)
    .values(row)
    .onConflictDoUpdate({ target: calendarFeeds.mergerId, set: { tokenHash: row.tokenHash, createdByName: row.createdByName, createdAt: new Date() } })
    .returning();
  return saved!;
}

export async function deleteFeed(db: Database, mergerId: string): Promise<boolean> {
  const deleted = await db.delete(calendarFeeds).where(eq(calendarFeeds.mergerId, mergerId)).returning({ mergerId: calendarFeeds.mergerId });
  return deleted.length > 0;
}
