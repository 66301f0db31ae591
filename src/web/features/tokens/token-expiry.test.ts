import { describe, expect, it } from 'vitest';
import { lastDayOf, latestLastDay } from './token-expiry.ts';

describe('lastDayOf', () => {
  it('is the Oslo day before the moment the key stops, in winter and in summer', () => {
    // Midnight in Oslo at the start of 2 January (CET, UTC+1) and of 2 July (CEST, UTC+2).
    expect(lastDayOf('2027-01-01T23:00:00.000Z')).toBe('2027-01-01');
    expect(lastDayOf('2027-07-01T22:00:00.000Z')).toBe('2027-07-01');
  });

  it('leaves text it cannot read as it is', () => {
    expect(lastDayOf('snart')).toBe('snart');
  });
});

describe('latestLastDay', () => {
  it('is 365 days after today in Oslo, across a leap day', () => {
    expect(latestLastDay(new Date('2027-03-01T12:00:00Z'))).toBe('2028-02-29');
    expect(latestLastDay(new Date('2026-12-31T23:30:00Z'))).toBe('2028-01-01');
  });
});
