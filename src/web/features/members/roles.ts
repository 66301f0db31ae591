import type { MergerRoleName } from '#shared/contracts/members.ts';

/** From most to least: the order roles are listed in. */
export const mergerRoles: readonly MergerRoleName[] = ['owner', 'lead', 'member', 'reader'];

/** The roles a person may give others: only an owner makes owners (the API says the same). */
export function grantableRoles(myRole: MergerRoleName): MergerRoleName[] {
  if (myRole === 'owner') return [...mergerRoles];
  if (myRole === 'lead') return mergerRoles.filter((role) => role !== 'owner');
  return [];
}

export function isMergerRole(value: string): value is MergerRoleName {
  return (mergerRoles as readonly string[]).includes(value);
}
