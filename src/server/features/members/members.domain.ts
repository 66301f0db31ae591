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

/**
 * «Ansvarlig» on tasks, mitigations, benefits and veivalg: a member of the merger (the user id)
 * or free text for someone outside Samla. At most one of the two is set.
 */
export interface Responsible {
  text: string | null;
  userId: string | null;
}

/** What a write asks for: leave the responsible as is, or replace it (with one form; the other empties). */
export type ResponsibleRequest = { kind: 'unchanged' } | { kind: 'ambiguous' } | { kind: 'set'; value: Responsible };

/** A write that sends either form replaces the responsible; sending a name and a member at once is ambiguous. */
export function responsibleRequest(input: { text?: string | null | undefined; userId?: string | null | undefined }): ResponsibleRequest {
  if (input.text === undefined && input.userId === undefined) return { kind: 'unchanged' };
  const text = input.text ?? null;
  const userId = input.userId ?? null;
  if (text !== null && userId !== null) return { kind: 'ambiguous' };
  return { kind: 'set', value: { text, userId } };
}

/** The name to show: the member's name (kept after they leave the merger), else the free text. */
export function responsibleName(value: Responsible, names: ReadonlyMap<string, string>): string | null {
  if (value.userId !== null) return names.get(value.userId) ?? value.text;
  return value.text;
}
