import { describe, expect, it } from 'vitest';
import { periodProblem, statusReportUrl } from './report-period.ts';

describe('the report period in the web', () => {
  it('accepts empty fields (the default period) and a valid period', () => {
    expect(periodProblem('', '', '2027-05-15')).toBeNull();
    expect(periodProblem('2027-01-01', '2027-03-31', '2027-05-15')).toBeNull();
    expect(periodProblem('2027-01-01', '2028-01-01', '2027-05-15')).toBeNull();
  });
  it('refuses what the server refuses', () => {
    expect(periodProblem('2027-05-16', '', '2027-05-15')).toBe('fromAfterTo');
    expect(periodProblem('2027-04-02', '2027-04-01', '2027-05-15')).toBe('fromAfterTo');
    expect(periodProblem('2027-01-01', '2028-01-02', '2027-05-15')).toBe('tooLong');
    expect(periodProblem('2027-02-30', '', '2027-05-15')).toBe('invalidFrom');
  });
  it('puts only the chosen dates in the address', () => {
    expect(statusReportUrl('m1', '', '')).toBe('/api/v1/mergers/m1/reports/status.pdf');
    expect(statusReportUrl('m1', '2027-01-01', '2027-03-31')).toBe('/api/v1/mergers/m1/reports/status.pdf?from=2027-01-01&to=2027-03-31');
  });
});
