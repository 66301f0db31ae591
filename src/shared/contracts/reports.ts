import { z } from 'zod';
import { isoDate } from './common.ts';

/** The steering group's status report: the period it covers. */
export const statusReportQuery = z.object({
  from: isoDate.optional().describe('Periodens første dag; standard er 29 dager før til-datoen'),
  to: isoDate.optional().describe('Periodens siste dag; standard er i dag (Europe/Oslo)'),
});
export type StatusReportQuery = z.infer<typeof statusReportQuery>;
