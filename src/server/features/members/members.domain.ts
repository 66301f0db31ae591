/** Membership rules as pure functions: who may grant which role, and that a merger keeps an owner. */
import type { MergerRole } from '#server/platform/access/roles.ts';

/** A lead may add people as lead, member or reader; only an owner makes owners. */
export function mayGrantRole(granter: MergerRole, role: MergerRole): boolean {
  if (granter === 'owner') return true;
  return granter === 'lead' && role !== 'owner';
}

/** The last owner cannot leave or be demoted: a merger must always have someone who can manage it. */
export function wouldRemoveLastOwner(owners: readonly string[], change: { userId: string; newRole: MergerRole | null }): boolean {
  if (!owners.includes(change.userId)) return false;
  if (change.newRole === 'owner') return false;
  return owners.length <= 1;
}
