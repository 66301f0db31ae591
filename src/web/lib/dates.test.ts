import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, todayInOslo } from './dates.ts';

describe('dates', () => {
  it('takes today from Oslo, not from UTC', () => {
    // 23:30 UTC on 31 December is already New Year in Oslo.
    expect(todayInOslo(new Date('2027-12-31T23:30:00Z'))).toBe('2028-01-01');
    // In summer Oslo is UTC+2.
    expect(todayInOslo(new Date('2028-06-30T22:30:00Z'))).toBe('2028-07-01');
  });

  it('counts whole days across daylight saving time', () => {
    expect(daysBetween('2028-03-25', '2028-03-27')).toBe(2);
    expect(daysBetween('2028-01-02', '2028-01-01')).toBe(-1);
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('01.01.2028')).toBe(false);
  });
});
