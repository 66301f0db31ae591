import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { MergerRole } from '#server/platform/access/roles.ts';
import type { Database } from '#server/platform/db/client.ts';
import { mergerInvitations, mergerMembers, users } from '#server/platform/db/schema/index.ts';

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
  const rows = await db.select({ mergerId: mergerMembers.mergerId }).from(mergerMembers).where(eq(mergerMembers.userId, userId));
  return rows.map((row) => row.mergerId);
}

export async function insertMember(db: Database, values: Pick<MemberRow, 'mergerId' | 'userId' | 'role'>) {
  const [row] = await db.insert(mergerMembers).values(values).returning();
  if (!row) throw new Error('insert into merger_members returned no row');
  return row;
}

export async function updateMemberRole(db: Database, mergerId: string, userId: string, role: MergerRole) {
  // Not updateIfVersion: a role change is not made from a stale read (no version in the request) and the table has no updatedAt.
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

export type InvitationRow = typeof mergerInvitations.$inferSelect;

export async function listInvitations(db: Database, mergerId: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(mergerInvitations)
    .where(eq(mergerInvitations.mergerId, mergerId))
    .orderBy(asc(mergerInvitations.createdAt), asc(mergerInvitations.email));
}

export async function findInvitation(db: Database, mergerId: string, email: string): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(mergerInvitations)
    .where(and(eq(mergerInvitations.mergerId, mergerId), eq(mergerInvitations.email, email)));
  return row;
}

export async function insertInvitation(db: Database, values: Omit<InvitationRow, 'createdAt'> & { createdAt: Date }): Promise<InvitationRow> {
  const [row] = await db.insert(mergerInvitations).values(values).returning();
  if (!row) throw new Error('insert into merger_invitations returned no row');
  return row;
}

export async function deleteInvitation(db: Database, mergerId: string, email: string): Promise<InvitationRow | undefined> {
  const [row] = await db
    .delete(mergerInvitations)
    .where(and(eq(mergerInvitations.mergerId, mergerId), eq(mergerInvitations.email, email)))
    .returning();
  return row;
}

/** Every invitation of an address, removed and returned at once: two sign-ins at the same moment cannot both take one. */
export async function takeInvitationsOf(db: Database, email: string): Promise<InvitationRow[]> {
  return db.delete(mergerInvitations).where(eq(mergerInvitations.email, email)).returning();
}

/** A membership unless the user already has one there; the row when it was made. */
export async function insertMemberIfAbsent(db: Database, values: Pick<MemberRow, 'mergerId' | 'userId' | 'role'>) {
  const [row] = await db.insert(mergerMembers).values(values).onConflictDoNothing().returning();
  return row;
}

/** A user with this (normalised) address, to add as member at once: a read of the users the auth feature keeps. */
export async function findUserByEmail(db: Database, email: string) {
  const [row] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, email));
  return row;
}

export async function findMemberByEmail(db: Database, mergerId: string, email: string) {
  const [row] = await db
    .select({ userId: mergerMembers.userId })
    .from(mergerMembers)
    .innerJoin(users, eq(users.id, mergerMembers.userId))
    .where(and(eq(mergerMembers.mergerId, mergerId), eq(users.email, email)));
  return row;
}

/** The names of these users (members or former members), for showing who is responsible. */
export async function listUserNames(db: Database, userIds: string[]): Promise<Array<{ id: string; name: string }>> {
  if (userIds.length === 0) return [];
  return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds));
}
