import { describe, expect, it } from 'vitest';
import { documentDate } from './document-date.ts';

describe('documentDate', () => {
  it('writes dd.mm.yyyy in bokmål and nynorsk, and the month by name in English', () => {
    expect(documentDate('2027-08-31', 'nb')).toBe('31.08.2027');
    expect(documentDate('2027-08-31', 'nn')).toBe('31.08.2027');
    expect(documentDate('2026-12-07', 'en')).toBe('7 Dec 2026');
    expect(documentDate('2027-01-01', 'en')).toBe('1 Jan 2027');
    // As the web writes it (en-GB).
    expect(documentDate('2026-09-07', 'en')).toBe('7 Sept 2026');
  });
});
