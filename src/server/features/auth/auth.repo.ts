import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '#server/db/client.ts';
import { apiTokens, loginAttempts, sessions, users } from '#server/db/schema/index.ts';
import { dataRevisionSql } from '#server/features/response-cache/response-cache.repo.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return Number(row?.count ?? 0);
}

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: Database, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(db: Database): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.name), asc(users.email));
}

export async function insertUser(
  db: Database,
  values: Pick<UserRow, 'email' | 'name' | 'passwordHash' | 'isAdministrator'>,
): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert into users returned no row');
  return row;
}

export async function insertSession(
  db: Database,
  values: Pick<SessionRow, 'tokenHash' | 'userId' | 'csrfToken' | 'createdAt' | 'lastSeenAt'>,
) {
  await db.insert(sessions).values(values);
}

/**
 * On a merger's routes the caller's role there and the data revision come in
 * the same statement as the sign-in (one round trip per request, decision 019).
 */
function membershipIn(mergerId: string | undefined) {
  return {
    role: mergerId
      ? sql<string | null>`(select m.role from merger_members m where m.merger_id = ${mergerId} and m.user_id = ${users.id})`
      : sql<null>`null`,
    dataRevision: mergerId ? dataRevisionSql(mergerId) : sql<null>`null`,
  };
}

export async function findSessionWithUser(db: Database, tokenHash: string, mergerId?: string) {
  const [row] = await db
    .select({ session: sessions, user: users, membership: membershipIn(mergerId) })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: Database, tokenHash: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Database, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function insertApiToken(db: Database, values: Pick<ApiTokenRow, 'userId' | 'name' | 'tokenHash'>) {
  const [row] = await db.insert(apiTokens).values(values).returning();
  if (!row) throw new Error('insert into api_tokens returned no row');
  return row;
}

export async function findLiveTokenWithUser(db: Database, tokenHash: string, mergerId?: string) {
  const [row] = await db
    .select({ token: apiTokens, user: users, membership: membershipIn(mergerId) })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row;
}

export async function touchApiToken(db: Database, id: string, at: Date) {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

export async function listApiTokens(db: Database, userId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Database, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function findLoginFailures(db: Database, key: string) {
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key));
  return row;
}

/** Counts a failure; a failure after the window has passed starts a new window. */
export async function recordLoginFailure(db: Database, key: string, at: Date, windowMs: number) {
  const windowStart = new Date(at.getTime() - windowMs);
  await db
    .insert(loginAttempts)
    .values({ key, failures: 1, firstFailureAt: at, lastFailureAt: at })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${loginAttempts.firstFailureAt} < ${windowStart.toISOString()}::timestamptz then 1 else ${loginAttempts.failures} + 1 end`,
        firstFailureAt: sql`case when ${loginAttempts.firstFailureAt} < ${windowStart.toISOString()}::timestamptz then ${at.toISOString()}::timestamptz else ${loginAttempts.firstFailureAt} end`,
        lastFailureAt: at,
      },
    });
}

export async function clearLoginFailures(db: Database, key: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

/** Mergers nobody belongs to (made before sign-in existed) go to the first administrator. */
export async function adoptOrphanMergers(db: Database, userId: string) {
  await db.execute(sql`
    insert into merger_members (merger_id, user_id, role)
    select m.id, ${userId}::uuid, 'owner' from mergers m
    where not exists (select 1 from merger_members mm where mm.merger_id = m.id)`);
}

/** Housekeeping on sign-in: sessions idle past the limit and failures past the window are dead weight. */
export async function deleteStaleAuthRows(db: Database, idleBefore: Date, failuresBefore: Date) {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, idleBefore));
  await db.delete(loginAttempts).where(lt(loginAttempts.lastFailureAt, failuresBefore));
}
