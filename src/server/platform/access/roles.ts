/**
 * The roles a person can have in one merger and what each may do: the matrix
 * the access plugin checks every merger route against, and that services ask
 * when one use case allows more to some roles (deciding, managing members).
 * The value lists are the shared contract's, so the API and the web say the same.
 */
import type { mergerPermission, MergerRoleName } from '#shared/contracts/members.ts';

export type MergerRole = MergerRoleName;

/**
 * What a route or service asks for within one merger:
 * read — see the merger and its content, its history;
 * edit — change content: tasks, the inventory, proposals for veivalg, risks …;
 * decide — decide on the project's behalf: adopt a veivalg, accept a deferral or a risk, change the risk matrix (decision 025);
 * addMembers — invite people (not as owner);
 * manageMembers — change roles, remove members, add owners.
 */
export type MergerPermission = (typeof mergerPermission.options)[number];

const rolePermissions: Record<MergerRole, ReadonlySet<MergerPermission>> = {
  owner: new Set(['read', 'edit', 'decide', 'addMembers', 'manageMembers']),
  lead: new Set(['read', 'edit', 'decide', 'addMembers']),
  member: new Set(['read', 'edit']),
  reader: new Set(['read']),
};

export function roleAllows(role: MergerRole, permission: MergerPermission): boolean {
  return rolePermissions[role].has(permission);
}

/** Everything a role may do, for the web to hide what it may not. */
export function permissionsOf(role: MergerRole): MergerPermission[] {
  return [...rolePermissions[role]];
}
