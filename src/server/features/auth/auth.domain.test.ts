import { describe, expect, it } from 'vitest';
import {
  accountWidePolicy,
  isSessionExpired,
  reservedDecision,
  strictest,
  throttleDecision,
  throttleKeys,
  throttlePolicy,
  throttleSource,
} from './auth.domain.ts';

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
    expect(strictest({ kind: 'refuse', retryAfterSeconds: 5 }, { kind: 'allow', delayMs: 4000 }, { kind: 'refuse', retryAfterSeconds: 60 })).toEqual({
      kind: 'refuse',
      retryAfterSeconds: 60,
    });
    expect(strictest()).toEqual({ kind: 'allow', delayMs: 0 });
  });
  it('decides on a reserved attempt from the attempts before it: the limit-th is evaluated, the next refused', () => {
    expect(reservedDecision({ failures: 1, firstFailureAt: start }, 10, start)).toEqual({ kind: 'allow', delayMs: 0 });
    expect(reservedDecision({ failures: 10, firstFailureAt: start }, 10, after(1000)).kind).toBe('allow');
    expect(reservedDecision({ failures: 11, firstFailureAt: start }, 10, after(1000)).kind).toBe('refuse');
  });
  it('only slows on the account-wide counter, however many the failures', () => {
    const slowed = throttleDecision({ failures: 5000, firstFailureAt: start }, Number.POSITIVE_INFINITY, after(1000), accountWidePolicy);
    expect(slowed).toEqual({ kind: 'allow', delayMs: throttlePolicy.accountMaxDelayMs });
    expect(
      throttleDecision({ failures: throttlePolicy.accountSlowAfter, firstFailureAt: start }, Number.POSITIVE_INFINITY, after(1000), accountWidePolicy),
    ).toEqual({
      kind: 'allow',
      delayMs: 0,
    });
  });
  it('counts an IPv6 source by its /64 and an IPv4 source by its address', () => {
    expect(throttleSource('192.0.2.10')).toBe('192.0.2.10');
    expect(throttleSource('::ffff:192.0.2.10')).toBe('192.0.2.10');
    expect(throttleSource('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(throttleSource('2001:0db8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64');
    expect(throttleSource('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleSource('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttleSource('::1')).toBe('0:0:0:0::/64');
    expect(throttleKeys('kari@kommune.no', '192.0.2.10')).toEqual({
      accountFromSource: 'account-source:kari@kommune.no|192.0.2.10',
      source: 'ip:192.0.2.10',
      account: 'email:kari@kommune.no',
    });
  });
});

describe('session expiry', () => {
  it('expires after the idle limit, not before', () => {
    const seen = new Date('2027-01-01T10:00:00Z');
    expect(isSessionExpired(seen, new Date('2027-01-01T10:59:59Z'), 60)).toBe(false);
    expect(isSessionExpired(seen, new Date('2027-01-01T11:00:01Z'), 60)).toBe(true);
  });
});
