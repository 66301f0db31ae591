/**
 * Sign-in rules as data and pure functions: login throttling and session
 * expiry. No I/O here. The role matrix is the platform's
 * (platform/access/roles.ts); who may grant a role is the members feature's.
 */

// Login throttling (decision 022). Attempts are counted, atomically and before
// the password is checked, per account *from one source*, per source across
// accounts, and per account across all sources. The first two refuse after their
// limit; the third only slows: a stranger's guesses must not lock the owner out.
// The first few failures are free (typos), then each answer is slowed.
export interface ThrottlePolicy {
  windowMs: number;
  freeFailures: number;
  delayPerFailureMs: number;
  maxDelayMs: number;
}

export const throttlePolicy = {
  windowMs: 15 * 60 * 1000,
  freeFailures: 3,
  delayPerFailureMs: 500,
  maxDelayMs: 4000,
  /** One account from one source: the owner's typos and a single guesser. */
  accountLimit: 10,
  /** One source across accounts: a password spray from one address (or an IPv6 /64). */
  addressLimit: 30,
  /** One account from everywhere: slowed after this many, never refused. */
  accountSlowAfter: 10,
  accountMaxDelayMs: 8000,
};

/** The account-wide counter's policy: more free failures, a longer delay, and no refusal. */
export const accountWidePolicy: ThrottlePolicy = {
  ...throttlePolicy,
  freeFailures: throttlePolicy.accountSlowAfter,
  maxDelayMs: throttlePolicy.accountMaxDelayMs,
};

export interface FailureRecord {
  failures: number;
  firstFailureAt: Date;
}

export type ThrottleDecision = { kind: 'allow'; delayMs: number } | { kind: 'refuse'; retryAfterSeconds: number };

/**
 * Decides on an attempt from the failures counted before it. `limit` may be
 * Infinity: then the counter only ever slows.
 */
export function throttleDecision(record: FailureRecord | undefined, limit: number, now: Date, policy: ThrottlePolicy = throttlePolicy): ThrottleDecision {
  if (!record) return { kind: 'allow', delayMs: 0 };
  const windowEnds = record.firstFailureAt.getTime() + policy.windowMs;
  if (now.getTime() >= windowEnds) return { kind: 'allow', delayMs: 0 };
  if (record.failures >= limit) {
    return { kind: 'refuse', retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)) };
  }
  const extra = record.failures - policy.freeFailures;
  return { kind: 'allow', delayMs: extra <= 0 ? 0 : Math.min(policy.maxDelayMs, extra * policy.delayPerFailureMs) };
}

/**
 * The decision for an attempt already reserved: the counter came back with
 * this attempt included, so the attempts before it are one fewer.
 */
export function reservedDecision(reserved: FailureRecord | undefined, limit: number, now: Date, policy: ThrottlePolicy = throttlePolicy): ThrottleDecision {
  if (!reserved) return { kind: 'allow', delayMs: 0 };
  return throttleDecision({ failures: reserved.failures - 1, firstFailureAt: reserved.firstFailureAt }, limit, now, policy);
}

/** Combines decisions (account from this source, source, account everywhere): the strictest wins. */
export function strictest(...decisions: ThrottleDecision[]): ThrottleDecision {
  let result: ThrottleDecision = { kind: 'allow', delayMs: 0 };
  for (const decision of decisions) {
    if (decision.kind === 'refuse') {
      if (result.kind !== 'refuse' || decision.retryAfterSeconds > result.retryAfterSeconds) result = decision;
    } else if (result.kind === 'allow' && decision.delayMs > result.delayMs) {
      result = decision;
    }
  }
  return result;
}

/**
 * The source a failure is counted against: the address, but for IPv6 its /64,
 * the block one subscriber gets (counting single IPv6 addresses counts nothing).
 */
export function throttleSource(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const bare = address.split('%', 1)[0]!.toLowerCase();
  const [head = '', tail] = bare.split('::', 2) as [string, string | undefined];
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups];
  if (groups.length < 4) return bare;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The throttle counters of one attempt (rows of login_attempts). */
export function throttleKeys(email: string, address: string) {
  const source = throttleSource(address);
  return {
    accountFromSource: `account-source:${email}|${source}`,
    source: `ip:${source}`,
    account: `email:${email}`,
  };
}

/** A session ends when it has been idle longer than the limit; each use renews it. */
export function isSessionExpired(lastSeenAt: Date, now: Date, idleMinutes: number): boolean {
  return now.getTime() - lastSeenAt.getTime() > idleMinutes * 60 * 1000;
}

/** Renewing on every request would write on every read; once a minute is enough. */
export function shouldTouchSession(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > 60 * 1000;
}
