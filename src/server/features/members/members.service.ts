import { actorOf, type ServiceContext } from '#server/context.ts';
import type { Database } from '#server/db/client.ts';
import { DomainError, conflict, invalid, notFound } from '#server/errors.ts';
import { recordChange } from '#server/features/audit/audit.service.ts';
import { mayGrantRole, roleAllows, wouldRemoveLastOwner, type MergerRole } from '#server/features/auth/auth.domain.ts';
import { findUserByEmail } from '#server/features/auth/auth.service.ts';
import * as repo from './members.repo.ts';

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: MergerRole;
  version: number;
}

export async function mergerIdsOf(db: Database, userId: string): Promise<string[]> {
  return repo.listMergerIdsOfUser(db, userId);
}

/** Makes the creator of a merger its owner; runs in the creating transaction. */
export async function addFounder(db: Database, mergerId: string, userId: string): Promise<void> {
  await repo.insertMember(db, { mergerId, userId, role: 'owner' });
}

export async function listMembers(ctx: ServiceContext, mergerId: string): Promise<MemberView[]> {
  const rows = await repo.listMembersWithUsers(ctx.db, mergerId);
  return rows.map(({ member, user }) => ({
    userId: user.id,
    email: user.email,
    name: user.name,
    role: member.role as MergerRole,
    version: member.version,
  }));
}

function myRole(ctx: ServiceContext): MergerRole {
  if (!ctx.membership) throw new Error('members service called without a checked membership');
  return ctx.membership.role;
}

const cannotGrant = () =>
  new DomainError('ROLE_NOT_GRANTABLE', 403, 'Bare eieren kan gi rollen eier.');
const lastOwner = () =>
  conflict('LAST_OWNER', 'Sammenslåingen må ha minst én eier. Gi noen andre rollen eier først.');

export async function addMember(
  ctx: ServiceContext,
  mergerId: string,
  input: { email: string; role: MergerRole },
): Promise<MemberView> {
  const actor = actorOf(ctx);
  if (!mayGrantRole(myRole(ctx), input.role)) throw cannotGrant();
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user) {
    throw invalid('USER_NOT_FOUND', 'Fant ingen bruker med denne e-postadressen. En administrator må opprette brukeren først.', [
      { path: 'email', code: 'unknown', message: 'Ingen bruker har denne e-postadressen.' },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    if (await repo.findMembership(tx, mergerId, user.id)) {
      throw conflict('ALREADY_MEMBER', 'Personen er allerede med i sammenslåingen.', [
        { path: 'email', code: 'exists', message: 'Personen er allerede medlem.' },
      ]);
    }
    const row = await repo.insertMember(tx, { mergerId, userId: user.id, role: input.role });
    await recordChange(tx, actor, {
      mergerId,
      entity: 'member',
      entityId: user.id,
      entityLabel: user.email,
      action: 'create',
      changes: [{ field: 'role', old: null, new: input.role }],
    });
    return { userId: user.id, email: user.email, name: user.name, role: input.role, version: row.version };
  });
}

/**
 * Changes one member's role, or removes them (newRole null), under a lock on
 * the owners so the merger never ends up without one.
 */
async function changeMembership(
  ctx: ServiceContext,
  mergerId: string,
  userId: string,
  newRole: MergerRole | null,
): Promise<MemberView | null> {
  const actor = actorOf(ctx);
  if (!roleAllows(myRole(ctx), 'manageMembers')) throw cannotGrant();
  return ctx.db.transaction(async (tx) => {
    const owners = await repo.listOwnerIds(tx, mergerId);
    const current = await repo.findMemberWithUser(tx, mergerId, userId);
    if (!current) throw notFound('MEMBER_NOT_FOUND', 'Personen er ikke med i sammenslåingen.');
    if (wouldRemoveLastOwner(owners, { userId, newRole })) throw lastOwner();
    const oldRole = current.member.role;
    const updated =
      newRole === null ? null : (await repo.updateMemberRole(tx, mergerId, userId, newRole)) ?? null;
    if (newRole === null) await repo.deleteMember(tx, mergerId, userId);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'member',
      entityId: userId,
      entityLabel: current.user.email,
      action: newRole === null ? 'delete' : 'update',
      changes: oldRole === newRole ? [] : [{ field: 'role', old: oldRole, new: newRole }],
    });
    return updated && { ...current.user, userId, role: updated.role as MergerRole, version: updated.version };
  });
}

export async function changeMemberRole(
  ctx: ServiceContext,
  mergerId: string,
  userId: string,
  role: MergerRole,
): Promise<MemberView> {
  return (await changeMembership(ctx, mergerId, userId, role))!;
}

export async function removeMember(ctx: ServiceContext, mergerId: string, userId: string): Promise<void> {
  await changeMembership(ctx, mergerId, userId, null);
}
