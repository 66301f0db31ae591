import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  deadlinesAhead,
  decisionsAdoptedIn,
  formatDate,
  redRisks,
  reportedDeadlines,
  reportFileName,
  reportPeriod,
  slugify,
} from './reports.domain.ts';
import { dateInOslo as osloDate } from '#shared/calendar-dates.ts';

describe('the report period', () => {
  it('defaults to the 30 days up to and including today', () => {
    expect(reportPeriod({}, '2027-05-15')).toEqual({ ok: true, period: { from: '2027-04-16', to: '2027-05-15' } });
    expect(daysBetween('2027-04-16', '2027-05-15') + 1).toBe(30);
  });
  it('takes the 30 days up to `to` when only `to` is given, and up to today when only `from` is', () => {
    expect(reportPeriod({ to: '2027-03-31' }, '2027-05-15')).toEqual({ ok: true, period: { from: '2027-03-02', to: '2027-03-31' } });
    expect(reportPeriod({ from: '2027-05-01' }, '2027-05-15')).toEqual({ ok: true, period: { from: '2027-05-01', to: '2027-05-15' } });
  });
  it('accepts one day and 366 days, refuses a backwards period and 367 days with Norwegian messages', () => {
    expect(reportPeriod({ from: '2027-05-15', to: '2027-05-15' }, '2027-05-15').ok).toBe(true);
    expect(reportPeriod({ from: '2027-01-01', to: '2028-01-01' }, '2027-05-15').ok).toBe(true);
    const backwards = reportPeriod({ from: '2027-05-16', to: '2027-05-15' }, '2027-05-15');
    expect(backwards).toEqual({
      ok: false,
      problems: [expect.objectContaining({ path: 'from', message: expect.objectContaining({ nb: 'Fra-datoen kan ikke være etter til-datoen.' }) })],
    });
    const long = reportPeriod({ from: '2027-01-01', to: '2028-01-02' }, '2027-05-15');
    expect(long).toEqual({
      ok: false,
      problems: [expect.objectContaining({ path: 'to', message: expect.objectContaining({ nb: 'Rapportperioden kan være høyst 366 dager.' }) })],
    });
  });
  it('counts calendar days across month ends, leap days and daylight saving', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-28', -1)).toBe('2027-03-27');
    expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
  });
});

describe('what the report lists', () => {
  const period = { from: '2027-04-16', to: '2027-05-15' };
  it('decisions adopted in the period, by the adoption date in Norway', () => {
    const decisions = [
      { id: 'a', state: 'adopted', decidedAt: '2027-05-15T22:30:00Z' }, // 16 May in Oslo: outside
      { id: 'b', state: 'adopted', decidedAt: '2027-04-15T22:30:00Z' }, // 16 April in Oslo: inside
      { id: 'c', state: 'proposed', decidedAt: null },
      { id: 'd', state: 'adopted', decidedAt: '2027-05-01T08:00:00Z' },
      { id: 'e', state: 'adopted', decidedAt: '2027-03-01T08:00:00Z' },
    ];
    expect(decisionsAdoptedIn(decisions, period).map((d) => d.id)).toEqual(['b', 'd']);
    expect(osloDate('2027-05-15T21:30:00Z')).toBe('2027-05-15');
    expect(osloDate('2027-05-15T22:30:00Z')).toBe('2027-05-16');
  });
  it('contract deadlines from today through the next 90 days, earliest first', () => {
    const contracts = [
      { id: 'past', deadline: '2027-05-14' },
      { id: 'today', deadline: '2027-05-15' },
      { id: 'last', deadline: '2027-08-13' },
      { id: 'beyond', deadline: '2027-08-14' },
      { id: 'none', deadline: null },
      { id: 'soon', deadline: '2027-06-30' },
    ];
    expect(deadlinesAhead(contracts, '2027-05-15').map((c) => c.id)).toEqual(['today', 'soon', 'last']);
  });
  it('risks at the matrix highest class, open ones only', () => {
    const classes = [{ key: 'low' }, { key: 'medium' }, { key: 'high' }];
    const risks = [
      { id: 'r1', status: 'open', inherent: { classKey: 'high' } },
      { id: 'r2', status: 'closed', inherent: { classKey: 'high' } },
      { id: 'r3', status: 'accepted', inherent: { classKey: 'high' } },
      { id: 'r4', status: 'open', inherent: { classKey: 'medium' } },
      { id: 'r5', status: 'open', inherent: null },
    ];
    expect(redRisks(risks, classes).map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(redRisks(risks, [])).toEqual([]);
  });
  it('formats dates the Norwegian way and names the file', () => {
    expect(formatDate('2027-06-30')).toBe('30.06.2027');
    expect(slugify('Digital sammenslåing Nye Bærum/Ørsta')).toBe('digital-sammenslaing-nye-baerum-orsta');
    expect(slugify('!!!')).toBe('sammenslaing');
    expect(reportFileName('Nye Bergen', '2027-05-15')).toBe('statusrapport-nye-bergen-2027-05-15.pdf');
  });
});

describe('the contract deadlines in the report', () => {
  it('lists passed deadlines still to act on first, then the next 90 days; a contract that ran out as planned stays out', () => {
    const contracts = [
      { id: 'soon', deadline: '2027-06-30', status: 'due_soon' },
      { id: 'extend-missed', deadline: '2027-02-28', status: 'overdue' },
      { id: 'notice-missed', deadline: '2026-12-31', status: 'overdue' },
      { id: 'ran-out', deadline: '2027-04-30', status: 'expired' },
      { id: 'beyond', deadline: '2027-08-14', status: 'ok' },
      { id: 'none', deadline: null, status: 'none' },
    ];
    expect(reportedDeadlines(contracts, '2027-05-15').map((c) => c.id)).toEqual(['notice-missed', 'extend-missed', 'soon']);
  });
});

describe('the period since the last issued report (decision 038)', () => {
  it('starts on the day the last report was issued, unless a from is chosen', () => {
    expect(reportPeriod({}, '2027-06-12', '2027-05-15')).toEqual({ ok: true, period: { from: '2027-05-15', to: '2027-06-12' } });
    expect(reportPeriod({ from: '2027-06-01' }, '2027-06-12', '2027-05-15')).toEqual({ ok: true, period: { from: '2027-06-01', to: '2027-06-12' } });
  });

  it('falls back to the 30 days when the last report is after the period’s end or more than 366 days before it', () => {
    expect(reportPeriod({ to: '2027-05-01' }, '2027-06-12', '2027-05-15')).toEqual({ ok: true, period: { from: '2027-04-02', to: '2027-05-01' } });
    expect(reportPeriod({}, '2027-06-12', '2026-06-11')).toEqual({ ok: true, period: { from: '2027-05-14', to: '2027-06-12' } });
    expect(reportPeriod({}, '2027-06-12', '2026-06-12')).toEqual({ ok: true, period: { from: '2026-06-12', to: '2027-06-12' } });
  });
});
