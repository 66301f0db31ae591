import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '#server/db/client.ts';
import { mergerMembers, users } from '#server/db/schema/index.ts';

export type MemberRow = typeof mergerMembers.$inferSelect;

export async function findMembership(db: Database, mergerId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(mergerMembers)
    .where(and(eq(mergerMembers.mergerId, mergerId), eq(mergerMembers.userId, userId)));
  return row;
}

export async function findMemberWithUser(db: Database, mergerId: string, userId: string) {
  const [row] = await db
    .select({ member: mergerMembers, user: { email: users.email, name: users.name } })
    .from(mergerMembers)
    .innerJoin(users, eq(users.id, mergerMembers.userId))
    .where(and(eq(mergerMembers.mergerId, mergerId), eq(mergerMembers.userId, userId)));
  return row;
}

export async function listMembersWithUsers(db: Database, mergerId: string) {
  return db
    .select({ member: mergerMembers, user: { id: users.id, email: users.email, name: users.name } })
    .from(mergerMembers)
    .innerJoin(users, eq(users.id, mergerMembers.userId))
    .where(eq(mergerMembers.mergerId, mergerId))
    .orderBy(asc(users.name), asc(users.email));
}

export async function listMergerIdsOfUser(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ mergerId: mergerMembers.mergerId })
    .from(mergerMembers)
    .where(eq(mergerMembers.userId, userId));
  return rows.map((row) => row.mergerId);
}

export async function insertMember(db: Database, values: Pick<MemberRow, 'mergerId' | 'userId' | 'role'>) {
  const [row] = await db.insert(mergerMembers).values(values).returning();
  if (!row) throw new Error('insert into merger_members returned no row');
  return row;
}

export async function updateMemberRole(db: Database, mergerId: string, userId: string, role: string) {
  const [row] = await db
    .update(mergerMembers)
    .set({ role, version: sql`${mergerMembers.version} + 1` })
    .where(and(eq(mergerMembers.mergerId, mergerId), eq(mergerMembers.userId, userId)))
    .returning();
  return row;
}

export async function deleteMember(db: Database, mergerId: string, userId: string) {
  await db.delete(mergerMembers).where(and(eq(mergerMembers.mergerId, mergerId), eq(mergerMembers.userId, userId)));
}

export async function listOwnerIds(db: Database, mergerId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: mergerMembers.userId })
    .from(mergerMembers)
    .where(and(eq(mergerMembers.mergerId, mergerId), eq(mergerMembers.role, 'owner')))
    // Owners are read under a row lock: two owners demoting each other at once
    // must not leave the merger with none.
    .for('update');
  return rows.map((row) => row.userId);
}
