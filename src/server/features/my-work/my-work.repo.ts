import { and, asc, eq, type Column } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { benefits, decisions, mergerMembers, mergers, mitigations, risks, tasks, userCalendarFeeds, users } from '#server/platform/db/schema/index.ts';

/**
 * What a user is responsible for as a member, in the mergers they are still in: the join on
 * merger_members is what hides the items of a merger they left (the items keep their id).
 */
const inMyMergers = (userId: string, mergerIdColumn: Column) => and(eq(mergerMembers.mergerId, mergerIdColumn), eq(mergerMembers.userId, userId));

export async function listMyMergers(db: Database, userId: string) {
  return db
    .select({ id: mergers.id, name: mergers.name })
    .from(mergerMembers)
    .innerJoin(mergers, eq(mergers.id, mergerMembers.mergerId))
    .where(eq(mergerMembers.userId, userId))
    .orderBy(asc(mergers.name));
}

export async function listMyTasks(db: Database, userId: string) {
  return db
    .select({
      id: tasks.id,
      mergerId: tasks.mergerId,
      mergerName: mergers.name,
      title: tasks.title,
      catalogItemId: tasks.catalogItemId,
      groupName: tasks.groupName,
      status: tasks.status,
      dueDate: tasks.dueDate,
    })
    .from(tasks)
    .innerJoin(mergerMembers, inMyMergers(userId, tasks.mergerId))
    .innerJoin(mergers, eq(mergers.id, tasks.mergerId))
    .where(eq(tasks.responsibleUserId, userId));
}

export async function listMyMitigations(db: Database, userId: string) {
  return db
    .select({
      id: mitigations.id,
      mergerId: mitigations.mergerId,
      mergerName: mergers.name,
      riskId: mitigations.riskId,
      riskTitle: risks.title,
      title: mitigations.title,
      status: mitigations.status,
      dueDate: mitigations.deadline,
    })
    .from(mitigations)
    .innerJoin(mergerMembers, inMyMergers(userId, mitigations.mergerId))
    .innerJoin(mergers, eq(mergers.id, mitigations.mergerId))
    .innerJoin(risks, eq(risks.id, mitigations.riskId))
    .where(eq(mitigations.responsibleUserId, userId));
}

export async function listMyBenefits(db: Database, userId: string) {
  return db
    .select({
      id: benefits.id,
      mergerId: benefits.mergerId,
      mergerName: mergers.name,
      title: benefits.title,
      status: benefits.status,
      dueDate: benefits.plannedRealisationDate,
    })
    .from(benefits)
    .innerJoin(mergerMembers, inMyMergers(userId, benefits.mergerId))
    .innerJoin(mergers, eq(mergers.id, benefits.mergerId))
    .where(eq(benefits.responsibleUserId, userId));
}

export async function listMyDecisions(db: Database, userId: string) {
  return db
    .select({
      id: decisions.id,
      mergerId: decisions.mergerId,
      mergerName: mergers.name,
      solutionAreaId: decisions.solutionAreaId,
      status: decisions.state,
    })
    .from(decisions)
    .innerJoin(mergerMembers, inMyMergers(userId, decisions.mergerId))
    .innerJoin(mergers, eq(mergers.id, decisions.mergerId))
    .where(eq(decisions.responsibleUserId, userId));
}

// ---------------------------------------------------------------- personal calendar feed

export type UserCalendarFeedRow = typeof userCalendarFeeds.$inferSelect;

export async function findFeedOfUser(db: Database, userId: string): Promise<UserCalendarFeedRow | undefined> {
  const [row] = await db.select().from(userCalendarFeeds).where(eq(userCalendarFeeds.userId, userId));
  return row;
}

/** The feed behind an address, with its owner's name and whether their account is deactivated. */
export async function findFeedByTokenHash(db: Database, tokenHash: string) {
  const [row] = await db
    .select({ feed: userCalendarFeeds, user: { name: users.name, deactivatedAt: users.deactivatedAt, language: users.language } })
    .from(userCalendarFeeds)
    .innerJoin(users, eq(users.id, userCalendarFeeds.userId))
    .where(eq(userCalendarFeeds.tokenHash, tokenHash));
  return row;
}

/** One address per user: a new one replaces the old, which stops working at once. */
export async function replaceFeed(db: Database, row: Pick<UserCalendarFeedRow, 'userId' | 'tokenHash' | 'createdAt'>): Promise<UserCalendarFeedRow> {
  const values = { ...row, lastUsedAt: null };
  const [saved] = await db.insert(userCalendarFeeds).values(values).onConflictDoUpdate({ target: userCalendarFeeds.userId, set: values }).returning();
  return saved!;
}

/** Notes a calendar program's fetch; by the token, so a replaced address is never touched. */
export async function touchFeed(db: Database, tokenHash: string, at: Date): Promise<void> {
  await db.update(userCalendarFeeds).set({ lastUsedAt: at }).where(eq(userCalendarFeeds.tokenHash, tokenHash));
}

export async function deleteFeed(db: Database, userId: string): Promise<boolean> {
  const deleted = await db.delete(userCalendarFeeds).where(eq(userCalendarFeeds.userId, userId)).returning({ userId: userCalendarFeeds.userId });
  return deleted.length > 0;
}
