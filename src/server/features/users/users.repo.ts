import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { auditEvents, passwordResets, users } from '#server/platform/db/schema/index.ts';
import { updateIfVersion } from '#server/platform/db/versioned-write.ts';

export type UserRow = typeof users.$inferSelect;
export type PasswordResetRow = typeof passwordResets.$inferSelect;

export async function listUsers(db: Database): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.name), asc(users.email));
}

export async function findUserById(db: Database, id: string, options: { lock?: boolean } = {}): Promise<UserRow | undefined> {
  const query = db.select().from(users).where(eq(users.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function insertUser(db: Database, values: Pick<UserRow, 'email' | 'name' | 'passwordHash' | 'isAdministrator'>): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert into users returned no row');
  return row;
}

/** Written only if the row still has the version the change started from; null otherwise (decision 005). */
export async function updateUser(
  db: Database,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<UserRow, 'name' | 'email' | 'deactivatedAt'>>,
): Promise<UserRow | null> {
  return updateIfVersion(db, users, { id }, expectedVersion, changes);
}

/** A preference, not a shared record: last write wins and the version stays (nobody's form holds it). */
export async function setLanguage(db: Database, id: string, language: UserRow['language']): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set({ language }).where(eq(users.id, id)).returning();
  return row;
}

export async function setPasswordHash(db: Database, id: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

/**
 * The active administrators, locked until the transaction ends: two
 * administrators deactivating each other at once cannot both succeed and
 * leave Samla with none.
 */
export async function lockActiveAdministrators(db: Database): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.isAdministrator, true), isNull(users.deactivatedAt)))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((row) => row.id);
}

export async function deleteUser(db: Database, id: string): Promise<void> {
  await db.delete(users).where(eq(users.id, id));
}

/**
 * Whether history names this user as the one who made a change. Read here
 * rather than through the audit feature, which has no such question yet; it
 * reads audit_events only. History has no index by person, so this scans
 * until the first hit: asked only when an administrator deletes someone.
 */
export async function hasMadeChanges(db: Database, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(auditEvents)
    .where(eq(auditEvents.actorUserId, userId))
    .limit(1);
  return row !== undefined;
}

// One-time password resets.

export async function insertPasswordReset(
  db: Database,
  values: Pick<PasswordResetRow, 'userId' | 'tokenHash' | 'createdByUserId' | 'createdAt' | 'expiresAt'>,
): Promise<PasswordResetRow> {
  const [row] = await db.insert(passwordResets).values(values).returning();
  if (!row) throw new Error('insert into password_resets returned no row');
  return row;
}

/** Voids the resets not yet used: a new one replaces them, and deactivation ends them. */
export async function deleteUnusedPasswordResets(db: Database, userId: string): Promise<void> {
  await db.delete(passwordResets).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

/**
 * Marks the unused reset with this hash as used, and answers it: of two
 * requests with the same code, only one gets a row back.
 */
export async function claimPasswordReset(db: Database, tokenHash: string, at: Date): Promise<PasswordResetRow | undefined> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: at })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt)))
    .returning();
  return row;
}
