import { describe, expect, it } from 'vitest';
import { dateInOslo, startOfDayInOslo, todayInOslo } from './calendar-dates.ts';

describe('startOfDayInOslo', () => {
  it('follows winter and summer time', () => {
    expect(startOfDayInOslo('2027-01-15').toISOString()).toBe('2027-01-14T23:00:00.000Z');
    expect(startOfDayInOslo('2027-07-15').toISOString()).toBe('2027-07-14T22:00:00.000Z');
  });
});

describe('todayInOslo', () => {
  it('is the date in Norway, not in UTC', () => {
    expect(todayInOslo(new Date('2027-05-15T21:30:00Z'))).toBe('2027-05-15');
    expect(todayInOslo(new Date('2027-05-15T22:30:00Z'))).toBe('2027-05-16');
    expect(todayInOslo(new Date('2027-01-15T22:59:00Z'))).toBe('2027-01-15');
    expect(todayInOslo(new Date('2027-01-15T23:00:00Z'))).toBe('2027-01-16');
  });
  it('reads a timestamp as the day it fell on in Norway', () => {
    expect(dateInOslo('2027-05-15T22:30:00Z')).toBe('2027-05-16');
  });
});
