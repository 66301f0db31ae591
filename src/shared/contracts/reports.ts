import { z } from 'zod';
import { says } from '#shared/validation/messages.ts';
import { isoDate, requiredText, uuidParam } from './common.ts';

/** The steering group's status report: the period it covers. */
export const statusReportQuery = z.object({
  from: isoDate.optional().describe('Periodens første dag; standard er dagen forrige rapport ble utstedt, ellers 29 dager før til-datoen'),
  to: isoDate.optional().describe('Periodens siste dag; standard er i dag (Europe/Oslo)'),
});
export type StatusReportQuery = z.infer<typeof statusReportQuery>;

/** The project leader's overall judgement in an issued report: grønn, gul, rød (decision 038). */
export const overallStatuses = ['green', 'yellow', 'red'] as const;
export type OverallStatus = (typeof overallStatuses)[number];

export const MAX_REPORT_POINTS = 20;

const point = requiredText(1000);

/**
 * Issuing a report: the project leader's own words and the period. The PDF is made from them
 * and the merger's facts, and stored as issued.
 */
export const issueReportBody = z.object({
  from: isoDate.optional().describe('Periodens første dag; standard er dagen forrige rapport ble utstedt'),
  to: isoDate.optional().describe('Periodens siste dag; standard er i dag (Europe/Oslo)'),
  overallStatus: z.enum(overallStatuses, {
    error: says({
      nb: 'Velg samlet status: grønn, gul eller rød.',
      nn: 'Vel samla status: grøn, gul eller raud.',
      en: 'Choose the overall status: green, yellow or red.',
    }),
  }),
  statusReason: requiredText(2000).describe('Hvorfor statusen er som den er'),
  mainPoints: z
    .array(point)
    .min(1, { error: says({ nb: 'Skriv minst ett hovedpunkt.', nn: 'Skriv minst eitt hovudpunkt.', en: 'Write at least one main point.' }) })
    .max(MAX_REPORT_POINTS, {
      error: says({
        nb: `Høyst ${MAX_REPORT_POINTS} hovedpunkter.`,
        nn: `Høgst ${MAX_REPORT_POINTS} hovudpunkt.`,
        en: `At most ${MAX_REPORT_POINTS} main points.`,
      }),
    })
    .describe('Hovedpunktene, ett per punkt'),
  decisionsRequested: z
    .array(point)
    .max(MAX_REPORT_POINTS, {
      error: says({
        nb: `Høyst ${MAX_REPORT_POINTS} saker til beslutning.`,
        nn: `Høgst ${MAX_REPORT_POINTS} saker til avgjerd.`,
        en: `At most ${MAX_REPORT_POINTS} matters for decision.`,
      }),
    })
    .default([])
    .describe('Saker styringsgruppen bes om å beslutte; kan være tom'),
});
export type IssueReportBody = z.input<typeof issueReportBody>;

export const issuedReport = z
  .object({
    id: z.uuid(),
    period: z.object({ from: isoDate, to: isoDate }),
    overallStatus: z.enum(overallStatuses),
    statusReason: z.string(),
    mainPoints: z.array(z.string()),
    decisionsRequested: z.array(z.string()),
    issuedBy: z.string().describe('Navnet på den som utstedte rapporten, slik det var da'),
    issuedAt: z.string(),
    fileName: z.string(),
    size: z.number().int().describe('PDF-ens størrelse i byte'),
  })
  .meta({ id: 'IssuedReport' });
export type IssuedReport = z.infer<typeof issuedReport>;

export const reportListResponse = z.object({
  reports: z.array(issuedReport).describe('Utstedte rapporter, nyeste først'),
  nextPeriod: z
    .object({ from: isoDate, to: isoDate })
    .describe('Standardperioden for neste rapport: fra dagen forrige ble utstedt (ellers de siste 30 dagene) til i dag'),
});
export type ReportList = z.infer<typeof reportListResponse>;

export const reportParams = z.object({ mergerId: uuidParam, reportId: uuidParam });
