import { z } from 'zod';

/**
 * The Excel round trip of the inventory. One endpoint takes a whole workbook
 * (or a CSV for one kind) as the raw request body and either previews what it
 * would change or commits it, all or nothing. The same file previewed and then
 * committed gives the same counts; a file exported by Samla and imported again
 * changes nothing.
 */

export const importMode = z.enum(['preview', 'commit']);
export type ImportMode = z.infer<typeof importMode>;

export const importQuery = z.object({
  mode: importMode.describe('preview: vis hva som vil endres; commit: lagre alt, eller ingenting ved feil'),
  kind: z
    .string()
    .optional()
    .describe('Påkrevd for CSV: hvilken type registeret filen gjelder (systems, contracts …)'),
});

/** One problem in the file, pointing at the cell a user must fix. */
export const importProblem = z
  .object({
    sheet: z.string().describe('Arkets navn, f.eks. «IKT-systemer», eller «CSV»'),
    row: z.number().int().nullable().describe('Radnummer slik regnearket viser det (1 er overskriftsraden)'),
    column: z.string().nullable().describe('Kolonneoverskriften, f.eks. «Løsningsområde»'),
    code: z.string(),
    message: z.string().describe('Hva som er galt, på norsk'),
  })
  .meta({ id: 'ImportProblem' });
export type ImportProblem = z.infer<typeof importProblem>;

export const importSheetSummary = z
  .object({
    kind: z.string(),
    sheet: z.string(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: 'ImportSheetSummary' });
export type ImportSheetSummary = z.infer<typeof importSheetSummary>;

export const importResult = z
  .object({
    mode: importMode,
    committed: z.boolean().describe('true bare når mode=commit og filen var uten feil'),
    sheets: z.array(importSheetSummary),
    problems: z.array(importProblem).describe('Tom når filen kan importeres'),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof importResult>;

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const csvContentType = 'text/csv';
