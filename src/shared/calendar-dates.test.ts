import { describe, expect, it } from 'vitest';
import { dateInOslo, daysBetween, isCalendarDate, startOfDayInOslo, todayInOslo } from './calendar-dates.ts';

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
  it('takes the new year from Oslo, not from UTC', () => {
    // 23:30 UTC on 31 December is already New Year in Oslo.
    expect(todayInOslo(new Date('2027-12-31T23:30:00Z'))).toBe('2028-01-01');
    // In summer Oslo is UTC+2.
    expect(todayInOslo(new Date('2028-06-30T22:30:00Z'))).toBe('2028-07-01');
  });
  it('reads a timestamp as the day it fell on in Norway', () => {
    expect(dateInOslo('2027-05-15T22:30:00Z')).toBe('2027-05-16');
  });
});

describe('daysBetween', () => {
  it('counts whole days across daylight saving time', () => {
    expect(daysBetween('2028-03-25', '2028-03-27')).toBe(2);
    expect(daysBetween('2028-01-02', '2028-01-01')).toBe(-1);
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
  });
});

describe('isCalendarDate', () => {
  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('01.01.2028')).toBe(false);
  });
});
