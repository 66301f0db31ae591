import { describe, expect, it } from 'vitest';
import {
  isSessionExpired,
  mayGrantRole,
  roleAllows,
  strictest,
  throttleDecision,
  throttlePolicy,
  wouldRemoveLastOwner,
} from './auth.domain.ts';

describe('roles', () => {
  it('gives each role exactly its rights', () => {
    expect(roleAllows('reader', 'read')).toBe(true);
    expect(roleAllows('reader', 'edit')).toBe(false);
    expect(roleAllows('member', 'edit')).toBe(true);
    expect(roleAllows('member', 'addMembers')).toBe(false);
    expect(roleAllows('lead', 'addMembers')).toBe(true);
    expect(roleAllows('lead', 'manageMembers')).toBe(false);
    expect(roleAllows('owner', 'manageMembers')).toBe(true);
  });
  it('lets only owners make owners', () => {
    expect(mayGrantRole('lead', 'reader')).toBe(true);
    expect(mayGrantRole('lead', 'lead')).toBe(true);
    expect(mayGrantRole('lead', 'owner')).toBe(false);
    expect(mayGrantRole('member', 'reader')).toBe(false);
    expect(mayGrantRole('owner', 'owner')).toBe(true);
  });
  it('keeps the last owner', () => {
    expect(wouldRemoveLastOwner(['a'], { userId: 'a', newRole: null })).toBe(true);
    expect(wouldRemoveLastOwner(['a'], { userId: 'a', newRole: 'lead' })).toBe(true);
    expect(wouldRemoveLastOwner(['a', 'b'], { userId: 'a', newRole: null })).toBe(false);
    expect(wouldRemoveLastOwner(['a'], { userId: 'b', newRole: null })).toBe(false);
  });
});

describe('login throttling', () => {
  const start = new Date('2027-01-01T10:00:00Z');
  const after = (ms: number) => new Date(start.getTime() + ms);
  it('lets the first failures through unslowed, then slows, then refuses', () => {
    expect(throttleDecision(undefined, 10, start)).toEqual({ kind: 'allow', delayMs: 0 });
    expect(throttleDecision({ failures: 3, firstFailureAt: start }, 10, after(1000))).toEqual({ kind: 'allow', delayMs: 0 });
    expect(throttleDecision({ failures: 5, firstFailureAt: start }, 10, after(1000))).toEqual({
      kind: 'allow',
      delayMs: 2 * throttlePolicy.delayPerFailureMs,
    });
    const refused = throttleDecision({ failures: 10, firstFailureAt: start }, 10, after(60_000));
    expect(refused).toEqual({ kind: 'refuse', retryAfterSeconds: (throttlePolicy.windowMs - 60_000) / 1000 });
  });
  it('forgets failures when the window has passed', () => {
    expect(throttleDecision({ failures: 50, firstFailureAt: start }, 10, after(throttlePolicy.windowMs))).toEqual({
      kind: 'allow',
      delayMs: 0,
    });
  });
  it('takes the stricter of account and address', () => {
    expect(strictest({ kind: 'allow', delayMs: 0 }, { kind: 'refuse', retryAfterSeconds: 5 })).toEqual({
      kind: 'refuse',
      retryAfterSeconds: 5,
    });
    expect(strictest({ kind: 'allow', delayMs: 500 }, { kind: 'allow', delayMs: 1000 })).toEqual({ kind: 'allow', delayMs: 1000 });
  });
});

describe('session expiry', () => {
  it('expires after the idle limit, not before', () => {
    const seen = new Date('2027-01-01T10:00:00Z');
    expect(isSessionExpired(seen, new Date('2027-01-01T10:59:59Z'), 60)).toBe(false);
    expect(isSessionExpired(seen, new Date('2027-01-01T11:00:01Z'), 60)).toBe(true);
  });
});
