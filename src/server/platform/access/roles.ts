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
 * manageMembers — change roles, remove members, add owners;
 * administer — correct the merger itself (name, date, municipalities) and archive it (decision 033);
 * delete — delete the merger and everything in it (decision 033).
 */
export type MergerPermission = (typeof mergerPermission.options)[number];

const rolePermissions: Record<MergerRole, ReadonlySet<MergerPermission>> = {
  owner: new Set(['read', 'edit', 'decide', 'addMembers', 'manageMembers', 'administer', 'delete']),
  lead: new Set(['read', 'edit', 'decide', 'addMembers', 'administer']),
  member: new Set(['read', 'edit']),
  reader: new Set(['read']),
};

export function roleAllows(role: MergerRole, permission: MergerPermission): boolean {
  return rolePermissions[role].has(permission);
}

/** What stays possible on an archived merger: reading it, and un-archiving or deleting it (decision 033). */
const allowedWhenArchived: ReadonlySet<MergerPermission> = new Set(['read', 'administer', 'delete']);

/**
 * Everything a role may do, for the web to hide what it may not. On an archived merger
 * only reading, un-archiving and deleting are left, so every page's edit buttons go.
 */
export function permissionsOf(role: MergerRole, options: { archived?: boolean } = {}): MergerPermission[] {
  const all = [...rolePermissions[role]];
  return options.archived ? all.filter((permission) => allowedWhenArchived.has(permission)) : all;
}
