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

/** What happens to stored rows that the file does not have. */
export const importMissing = z.enum(['keep', 'delete']);
export type ImportMissing = z.infer<typeof importMissing>;

const queryFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

export const importQuery = z.object({
  mode: importMode.describe('preview: vis hva som vil endres; commit: lagre alt, eller ingenting ved feil'),
  kind: z.string().optional().describe('Påkrevd for CSV: hvilken type registeret filen gjelder (systems, contracts …)'),
  missing: importMissing
    .default('keep')
    .describe('Rader i Samla som ikke står i filen (for de registrene og kommunene filen har): keep lar dem stå; delete sletter dem i samme lagring'),
  confirmWarnings: queryFlag.describe('true: lagre selv om forhåndsvisningen har advarsler (brukeren har lest dem)'),
  previewToken: z
    .string()
    .max(128)
    .optional()
    .describe('Fra forhåndsvisningen: lagringen avvises med 409 hvis den ville gjort noe annet enn forhåndsvisningen viste'),
});

/** One problem or warning in the file, pointing at the cell a user must look at. */
export const importProblem = z
  .object({
    sheet: z.string().describe('Arkets navn slik filen har det, f.eks. «IKT-systemer», eller «CSV»'),
    row: z.number().int().nullable().describe('Radnummer slik regnearket viser det (1 er overskriftsraden)'),
    column: z.string().nullable().describe('Kolonneoverskriften, f.eks. «Løsningsområde»'),
    code: z.string(),
    message: z.string().describe('Hva som er galt, på norsk'),
  })
  .meta({ id: 'ImportProblem' });
export type ImportProblem = z.infer<typeof importProblem>;

/** A field a changed row changes: as the user sees it (names, labels, dd.mm.åååå), null for empty. */
export const importFieldChange = z
  .object({
    column: z.string().describe('Kolonneoverskriften'),
    before: z.string().nullable(),
    after: z.string().nullable(),
  })
  .meta({ id: 'ImportFieldChange' });
export type ImportFieldChange = z.infer<typeof importFieldChange>;

export const importRowChange = z
  .object({
    row: z.number().int().describe('Raden i filen'),
    id: z.string().describe('Den lagrede radens Samla-ID'),
    label: z.string().describe('Radens navn slik Samla viser det'),
    matchedBy: z.enum(['samlaId', 'key']).describe('samlaId: kjent igjen på Samla-ID; key: på kommune og navn (eller typens nøkkel)'),
    changes: z.array(importFieldChange),
  })
  .meta({ id: 'ImportRowChange' });
export type ImportRowChange = z.infer<typeof importRowChange>;

export const importNewRow = z.object({ row: z.number().int(), label: z.string() }).meta({ id: 'ImportNewRow' });
export type ImportNewRow = z.infer<typeof importNewRow>;

export const importSheetSummary = z
  .object({
    kind: z.string(),
    sheet: z.string(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    newRows: z.array(importNewRow).describe('Radene som blir nye'),
    changedRows: z.array(importRowChange).describe('Radene som endres, felt for felt'),
  })
  .meta({ id: 'ImportSheetSummary' });
export type ImportSheetSummary = z.infer<typeof importSheetSummary>;

/** A stored row the file does not have. */
export const importMissingRow = z
  .object({
    kind: z.string(),
    id: z.string(),
    label: z.string(),
    municipalityNumber: z.string(),
    action: z.enum(['keep', 'delete']).describe('Hva lagringen gjør med raden'),
  })
  .meta({ id: 'ImportMissingRow' });
export type ImportMissingRow = z.infer<typeof importMissingRow>;

export const importResult = z
  .object({
    mode: importMode,
    committed: z.boolean().describe('true bare når mode=commit og filen ble lagret'),
    sheets: z.array(importSheetSummary),
    problems: z.array(importProblem).describe('Tom når filen kan importeres'),
    warnings: z.array(importProblem).describe('Det Samla gjorde med filen som brukeren må se før lagring; lagring krever confirmWarnings=true'),
    missing: z.array(importMissingRow).describe('Rader i Samla som ikke står i filen, for registrene og kommunene filen har'),
    missingAction: importMissing,
    deleted: z.number().int().describe('Rader som slettes (forhåndsvisning) eller ble slettet (lagring)'),
    previewToken: z.string().describe('Send med ved lagring: sikrer at lagringen gjør det forhåndsvisningen viste'),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof importResult>;

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const csvContentType = 'text/csv';
