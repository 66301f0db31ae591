import { and, asc, desc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { MergerRole } from '#server/platform/access/roles.ts';
import type { Language } from '#shared/language.ts';
import type { Database } from '#server/platform/db/client.ts';
import { apiTokens, loginAttempts, sessions, userIdentities, users } from '#server/platform/db/schema/index.ts';
import { rawRows } from '#server/platform/db/raw.ts';
import { revisionColumnSql } from '#server/platform/response-cache/response-cache.repo.ts';

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

export async function insertUser(db: Database, values: Pick<UserRow, 'email' | 'name' | 'passwordHash' | 'isAdministrator'>): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert into users returned no row');
  return row;
}

export type IdentityRow = typeof userIdentities.$inferSelect;

/** The user a single sign-on identity (issuer + subject) is linked to. */
export async function findUserByIdentity(db: Database, issuer: string, subject: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
  return row?.user;
}

export async function insertIdentity(db: Database, values: Pick<IdentityRow, 'issuer' | 'subject' | 'userId' | 'emailAtLink' | 'lastUsedAt'>) {
  await db.insert(userIdentities).values(values);
}

export async function touchIdentity(db: Database, issuer: string, subject: string, at: Date) {
  await db
    .update(userIdentities)
    .set({ lastUsedAt: at })
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
}

export async function insertSession(db: Database, values: Pick<SessionRow, 'tokenHash' | 'userId' | 'csrfToken' | 'createdAt' | 'lastSeenAt' | 'userAgent'>) {
  await db.insert(sessions).values(values);
}

/** A user's sessions, newest first («Mine økter»). */
export async function listSessionsOfUser(db: Database, userId: string): Promise<SessionRow[]> {
  return db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastSeenAt));
}

export async function deleteSessionOfUser(db: Database, userId: string, tokenHash: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.tokenHash, tokenHash)))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length > 0;
}

/** Ends every session of a user, or every one but `keepTokenHash`; answers how many ended. */
export async function deleteSessionsOfUser(db: Database, userId: string, keepTokenHash?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

export async function revokeApiTokensOfUser(db: Database, userId: string, at: Date) {
  await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** Who signs in, as every request needs it. */
export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  isAdministrator: boolean;
  /** Chosen in the user menu (decision 039): what the server answers in. */
  language: Language | null;
}

/** On a merger's routes: the caller's role there (null: not a member) and the data revision (decision 019). */
export interface MembershipRow {
  role: MergerRole | null;
  dataRevision: string;
  archived: boolean;
}

// Every request runs one of the two statements below, so they are written by
// hand and sent as they are: building them through Drizzle and mapping its
// rows cost more than the database took to answer (bench/inject-probe.ts).
// On a merger's routes the role and the data revision come in the same
// statement (one round trip per request).
const signedInColumns = `u.id as user_id, u.email, u.name, u.is_administrator, u.language`;
const membershipColumns = `,
  (select m.role from merger_members m where m.merger_id = $2 and m.user_id = u.id) as role,
  (select g.archived_at is not null from mergers g where g.id = $2) as archived,
  ${revisionColumnSql('$2')} as data_revision`;

interface SignInRow {
  user_id: string;
  email: string;
  name: string;
  is_administrator: boolean;
  // Held to the three by the users_language_check constraint.
  language: Language | null;
  // Typed here, not by Drizzle (a hand-written statement): merger_members.role, which its CHECK holds to the role names.
  role?: MergerRole | null;
  archived?: boolean | null;
  data_revision?: string;
}

async function signInQuery<T extends SignInRow>(db: Database, name: string, text: string, params: string[]): Promise<T | undefined> {
  const [row] = await rawRows<T>(db, text, params, name);
  return row;
}

function splitSignIn(row: SignInRow) {
  const user: SignedInUser = { id: row.user_id, email: row.email, name: row.name, isAdministrator: row.is_administrator, language: row.language };
  const membership: MembershipRow | null =
    row.data_revision === undefined ? null : { role: row.role ?? null, dataRevision: row.data_revision, archived: row.archived === true };
  return { user, membership };
}

export async function findSessionWithUser(db: Database, tokenHash: string, mergerId?: string) {
  const row = await signInQuery<SignInRow & { last_seen_at: Date; csrf_token: string }>(
    db,
    mergerId ? 'samla_session_in_merger' : 'samla_session',
    `select s.last_seen_at, s.csrf_token, ${signedInColumns}${mergerId ? membershipColumns : ''}
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and u.deactivated_at is null`,
    mergerId ? [tokenHash, mergerId] : [tokenHash],
  );
  if (!row) return undefined;
  return { session: { lastSeenAt: row.last_seen_at, csrfToken: row.csrf_token }, ...splitSignIn(row) };
}

export async function touchSession(db: Database, tokenHash: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Database, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function insertApiToken(db: Database, values: Pick<ApiTokenRow, 'userId' | 'name' | 'tokenHash' | 'expiresAt'>) {
  const [row] = await db.insert(apiTokens).values(values).returning();
  if (!row) throw new Error('insert into api_tokens returned no row');
  return row;
}

/** A token neither revoked nor expired at `now`, of a user not deactivated. */
export async function findLiveTokenWithUser(db: Database, tokenHash: string, now: Date, mergerId?: string) {
  const row = await signInQuery<SignInRow & { token_id: string; last_used_at: Date | null }>(
    db,
    mergerId ? 'samla_token_in_merger' : 'samla_token',
    `select t.id as token_id, t.last_used_at, ${signedInColumns}${mergerId ? membershipColumns : ''}
       from api_tokens t join users u on u.id = t.user_id
      where t.token_hash = $1 and t.revoked_at is null and u.deactivated_at is null
        and (t.expires_at is null or t.expires_at > $${mergerId ? 3 : 2}::timestamptz)`,
    mergerId ? [tokenHash, mergerId, now.toISOString()] : [tokenHash, now.toISOString()],
  );
  if (!row) return undefined;
  return { token: { id: row.token_id, lastUsedAt: row.last_used_at }, ...splitSignIn(row) };
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

export interface ReservedAttempt {
  failures: number;
  firstFailureAt: Date;
}

/**
 * Counts an attempt on each key before the password is checked, in one
 * statement, and answers each count with this attempt included: requests that
 * arrive together each get their own number, so no more than the limit are
 * ever evaluated. An attempt after the window has passed starts a new window.
 */
export async function reserveLoginAttempts(db: Database, keys: readonly string[], at: Date, windowMs: number): Promise<Map<string, ReservedAttempt>> {
  const windowStart = new Date(at.getTime() - windowMs).toISOString();
  const expired = sql`${loginAttempts.firstFailureAt} < ${windowStart}::timestamptz`;
  const rows = await db
    .insert(loginAttempts)
    .values(keys.map((key) => ({ key, failures: 1, firstFailureAt: at, lastFailureAt: at })))
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${expired} then 1 else ${loginAttempts.failures} + 1 end`,
        firstFailureAt: sql`case when ${expired} then ${at.toISOString()}::timestamptz else ${loginAttempts.firstFailureAt} end`,
        lastFailureAt: at,
      },
    })
    .returning({ key: loginAttempts.key, failures: loginAttempts.failures, firstFailureAt: loginAttempts.firstFailureAt });
  return new Map(rows.map((row) => [row.key, { failures: row.failures, firstFailureAt: row.firstFailureAt }]));
}

/** Gives back an attempt reserved on these keys that turned out not to be a failure. */
export async function releaseLoginAttempts(db: Database, keys: readonly string[]) {
  if (keys.length === 0) return;
  await db
    .update(loginAttempts)
    .set({ failures: sql`greatest(${loginAttempts.failures} - 1, 0)` })
    .where(inArray(loginAttempts.key, [...keys]));
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
