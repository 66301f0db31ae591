import { describe, expect, it } from 'vitest';
import { createFormatters } from './format.ts';
import { nb } from './nb.ts';

const fmt = createFormatters(nb.meta.intlLocale, nb.meta.timeAt);

describe('Norwegian formatting', () => {
  it('shows calendar dates as dd.mm.yyyy', () => {
    expect(fmt.date('2028-01-01')).toBe('01.01.2028');
  });

  it('shows timestamps in Oslo time', () => {
    expect(fmt.dateTime('2027-12-31T23:30:00Z')).toBe('01.01.2028 kl. 00:30');
    expect(fmt.timestamp('2027-12-31T23:30:00Z')).toBe('01.01.2028 00:30');
    // Summer time: UTC+2.
    expect(fmt.timestamp('2028-06-30T12:05:00Z')).toBe('30.06.2028 14:05');
  });

  it('groups thousands and writes percent the Norwegian way', () => {
    expect(fmt.number(2500).replace(/\s/g, ' ')).toBe('2 500');
    expect(fmt.percent(40).replace(/\s/g, ' ')).toBe('40 %');
  });

  it('joins names with «og»', () => {
    expect(fmt.list(['Indre Østfold', 'Halden', 'Sarpsborg'])).toBe('Indre Østfold, Halden og Sarpsborg');
  });

  it('says progress as text', () => {
    expect(nb.progress.summary('12', '30', fmt.percent(40)).replace(/\s/g, ' ')).toBe('12 av 30 ferdige (40 %)');
  });
});

describe('English formatting', () => {
  // en.ts's own meta (en-GB, «… at …»), so the test holds while the catalog is being completed.
  const english = createFormatters('en-GB', (date, time) => `${date} at ${time}`);

  it('writes the month by name, day first, as an English reader expects', () => {
    expect(english.date('2026-12-07')).toBe('7 Dec 2026');
    expect(english.date('2028-01-01')).toBe('1 Jan 2028');
    expect(english.date('not a date')).toBe('not a date');
  });

  it('shows timestamps in Oslo time with the month by name', () => {
    expect(english.dateTime('2027-12-31T23:30:00Z')).toBe('1 Jan 2028 at 00:30');
    expect(english.timestamp('2028-06-30T12:05:00Z')).toBe('30 Jun 2028 14:05');
  });

  it('groups thousands with a comma and joins names with «and»', () => {
    expect(english.number(2500)).toBe('2,500');
    expect(english.percent(40)).toBe('40%');
    expect(english.list(['Indre Østfold', 'Halden', 'Sarpsborg'])).toBe('Indre Østfold, Halden and Sarpsborg');
  });
});

describe('Nynorsk formatting', () => {
  const nynorsk = createFormatters('nn-NO', (date, time) => `${date} kl. ${time}`);

  it('keeps dd.mm.yyyy and Oslo time', () => {
    expect(nynorsk.date('2028-01-01')).toBe('01.01.2028');
    expect(nynorsk.dateTime('2027-12-31T23:30:00Z')).toBe('01.01.2028 kl. 00:30');
  });
});
