import type { OverallStatus, IssueReportBody } from '#shared/contracts/reports.ts';
import type { Messages } from '#web/i18n/messages.ts';
import type { FieldMessages } from '#web/lib/form-validation.ts';

/** What the form for issuing a report holds: strings, one point per line in the lists. */
export interface ReportValues {
  overallStatus: OverallStatus | '';
  statusReason: string;
  mainPoints: string;
  decisionsRequested: string;
}

export const reportFields = ['overallStatus', 'statusReason', 'mainPoints', 'decisionsRequested'] as const;
export type ReportField = (typeof reportFields)[number];

export const emptyReport: ReportValues = { overallStatus: '', statusReason: '', mainPoints: '', decisionsRequested: '' };

/** One point per line; blank lines, and a bullet or number someone typed first, dropped. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-–•*]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
}

/** The body of POST …/reports, with the period chosen above the form ('' is the server's default). */
export function reportBodyOf(values: ReportValues, period: { from: string; to: string }): IssueReportBody {
  const body: IssueReportBody = {
    // '' (nothing chosen) goes to the contract as it is, which refuses it in the form's words.
    overallStatus: values.overallStatus as OverallStatus,
    statusReason: values.statusReason,
    mainPoints: linesOf(values.mainPoints),
    decisionsRequested: linesOf(values.decisionsRequested),
  };
  if (period.from !== '') body.from = period.from;
  if (period.to !== '') body.to = period.to;
  return body;
}

/** The form's words for what the contract refuses. */
export function reportFieldMessages(m: Messages): FieldMessages<ReportField> {
  const t = m.reports.issue;
  return {
    overallStatus: t.statusRequired,
    statusReason: { required: t.reasonRequired },
    mainPoints: { required: t.mainPointsRequired, tooFew: t.mainPointsRequired },
  };
}
