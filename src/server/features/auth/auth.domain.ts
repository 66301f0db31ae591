/**
 * Access rules as data and pure functions: roles per merger, what each may do,
 * login throttling and session expiry. No I/O here.
 */

export const mergerRoles = ['owner', 'lead', 'member', 'reader'] as const;
export type MergerRole = (typeof mergerRoles)[number];

/** What a route or service asks for within one merger. */
export type MergerPermission =
  | 'read' // see the merger and its content, its history
  | 'edit' // change content: tasks, later the inventory, decisions, risks …
  | 'addMembers' // invite people (not as owner)
  | 'manageMembers'; // change roles, remove members, add owners

const rolePermissions: Record<MergerRole, ReadonlySet<MergerPermission>> = {
  owner: new Set(['read', 'edit', 'addMembers', 'manageMembers']),
  lead: new Set(['read', 'edit', 'addMembers']),
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

/** A lead may add people as lead, member or reader; only an owner makes owners. */
export function mayGrantRole(granter: MergerRole, role: MergerRole): boolean {
  if (granter === 'owner') return true;
  return granter === 'lead' && role !== 'owner';
}

/** The last owner cannot leave or be demoted: a merger must always have someone who can manage it. */
export function wouldRemoveLastOwner(
  owners: readonly string[],
  change: { userId: string; newRole: MergerRole | null },
): boolean {
  if (!owners.includes(change.userId)) return false;
  if (change.newRole === 'owner') return false;
  return owners.length <= 1;
}

// Login throttling. Counted per account and per address over a window; the
// first few failures are free (typos), then each answer is slowed, then refused.
export const throttlePolicy = {
  windowMs: 15 * 60 * 1000,
  freeFailures: 3,
  delayPerFailureMs: 500,
  maxDelayMs: 4000,
  accountLimit: 10,
  addressLimit: 30,
} as const;

export interface FailureRecord {
  failures: number;
  firstFailureAt: Date;
}

export type ThrottleDecision = { kind: 'allow'; delayMs: number } | { kind: 'refuse'; retryAfterSeconds: number };

export function throttleDecision(
  record: FailureRecord | undefined,
  limit: number,
  now: Date,
  policy: typeof throttlePolicy = throttlePolicy,
): ThrottleDecision {
  if (!record) return { kind: 'allow', delayMs: 0 };
  const windowEnds = record.firstFailureAt.getTime() + policy.windowMs;
  if (now.getTime() >= windowEnds) return { kind: 'allow', delayMs: 0 };
  if (record.failures >= limit) {
    return { kind: 'refuse', retryAfterSeconds: Math.ceil((windowEnds - now.getTime()) / 1000) };
  }
  const extra = record.failures - policy.freeFailures;
  return { kind: 'allow', delayMs: extra <= 0 ? 0 : Math.min(policy.maxDelayMs, extra * policy.delayPerFailureMs) };
}

/** Combines the decisions for the account and the address: the stricter wins. */
export function strictest(a: ThrottleDecision, b: ThrottleDecision): ThrottleDecision {
  if (a.kind === 'refuse' && b.kind === 'refuse') return a.retryAfterSeconds >= b.retryAfterSeconds ? a : b;
  if (a.kind === 'refuse') return a;
  if (b.kind === 'refuse') return b;
  return a.delayMs >= b.delayMs ? a : b;
}

/** A session ends when it has been idle longer than the limit; each use renews it. */
export function isSessionExpired(lastSeenAt: Date, now: Date, idleMinutes: number): boolean {
  return now.getTime() - lastSeenAt.getTime() > idleMinutes * 60 * 1000;
}

/** Renewing on every request would write on every read; once a minute is enough. */
export function shouldTouchSession(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > 60 * 1000;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
