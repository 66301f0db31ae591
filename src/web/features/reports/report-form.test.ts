import { describe, expect, it } from 'vitest';
import { issueReportBody } from '#shared/contracts/reports.ts';
import { nb } from '#web/i18n/nb.ts';
import { checkForm } from '#web/lib/form-validation.ts';
import { emptyReport, linesOf, reportBodyOf, reportFieldMessages, reportFields } from './report-form.ts';

const check = (values: typeof emptyReport, period = { from: '', to: '' }) =>
  checkForm(issueReportBody, reportBodyOf(values, period), reportFields, reportFieldMessages(nb), nb).errors;

describe('the form for issuing a report', () => {
  it('reads one point per line, dropping blank lines and typed bullets or numbers', () => {
    expect(linesOf('- Første\n\n• Andre\r\n3) Tredje\n  2. Fjerde  \n   ')).toEqual(['Første', 'Andre', 'Tredje', 'Fjerde']);
    expect(linesOf('')).toEqual([]);
  });

  it('says what is missing: the status, its reason and a main point', () => {
    expect(check(emptyReport)).toEqual({
      overallStatus: nb.reports.issue.statusRequired,
      statusReason: nb.reports.issue.reasonRequired,
      mainPoints: nb.reports.issue.mainPointsRequired,
    });
  });

  it('sends the lists and the period chosen above; an empty period is the server’s default', () => {
    const values = { overallStatus: 'red', statusReason: 'Lønn mangler.', mainPoints: 'A\nB', decisionsRequested: '' } as const;
    expect(check(values)).toEqual({});
    expect(reportBodyOf(values, { from: '', to: '' })).toEqual({
      overallStatus: 'red',
      statusReason: 'Lønn mangler.',
      mainPoints: ['A', 'B'],
      decisionsRequested: [],
    });
    expect(reportBodyOf(values, { from: '2027-05-01', to: '' })).toMatchObject({ from: '2027-05-01' });
  });
});
