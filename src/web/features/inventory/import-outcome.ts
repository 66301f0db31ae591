import type { ImportMissing, ImportMissingRow, ImportMode, ImportProblem, ImportResult, ImportSheetSummary } from '#shared/contracts/inventory-import.ts';
import { ApiError } from '#web/lib/api-client.ts';

/** How many rows of one list the preview shows before «Vis alle»: 2,500 table rows at once make the page slow to use. */
export const previewLimit = 50;

export interface ImportRequest {
  mode: ImportMode;
  /** The register a CSV file is for (its API segment); a workbook names its own sheets. */
  kind?: string | undefined;
  csv: boolean;
  missing: ImportMissing;
  /** Commit only: the person has read the preview's warnings. */
  confirmWarnings?: boolean;
  /** Commit only: the token of the preview the person saw. */
  previewToken?: string | undefined;
}

/** The import endpoint's query string: a preview says what it shows for missing rows; a commit also what it was shown. */
export function importSearch(request: ImportRequest): string {
  const params = new URLSearchParams({ mode: request.mode });
  if (request.csv && request.kind) params.set('kind', request.kind);
  params.set('missing', request.missing);
  if (request.mode === 'commit') {
    params.set('confirmWarnings', request.confirmWarnings ? 'true' : 'false');
    if (request.previewToken) params.set('previewToken', request.previewToken);
  }
  return params.toString();
}

export function isImportResult(value: unknown): value is ImportResult {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    Array.isArray(candidate.sheets) &&
    Array.isArray(candidate.problems) &&
    Array.isArray(candidate.warnings) &&
    Array.isArray(candidate.missing) &&
    typeof candidate.previewToken === 'string'
  );
}

function isProblem(value: unknown): value is ImportProblem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.sheet === 'string' && typeof candidate.message === 'string';
}

/**
 * What a refused import means for the page:
 * - `invalid` (400 IMPORT_INVALID): the file has problems; nothing was saved;
 * - `outdated` (409 IMPORT_PREVIEW_OUTDATED): the data or file changed since the preview, `result` is the new preview;
 * - `needsConfirmation` (400 IMPORT_NEEDS_CONFIRMATION): the preview has warnings nobody confirmed.
 * Anything else is an ordinary error.
 */
export type ImportRefusal =
  | { type: 'invalid'; problems: ImportProblem[]; result?: ImportResult }
  | { type: 'outdated'; result: ImportResult }
  | { type: 'needsConfirmation'; result: ImportResult };

export function importRefusal(error: unknown): ImportRefusal | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const { code, details } = error;
  if (code === 'IMPORT_INVALID') {
    if (isImportResult(details)) return { type: 'invalid', problems: details.problems, result: details };
    if (Array.isArray(details)) return { type: 'invalid', problems: details.filter(isProblem) };
    return undefined;
  }
  if (code === 'IMPORT_PREVIEW_OUTDATED' && isImportResult(details)) return { type: 'outdated', result: details };
  if (code === 'IMPORT_NEEDS_CONFIRMATION' && isImportResult(details)) return { type: 'needsConfirmation', result: details };
  return undefined;
}

export interface MissingGroup {
  kind: string;
  rows: ImportMissingRow[];
}

/** Stored rows the file lacks, one group per register in the registers' own order (unknown kinds last), names sorted. */
export function groupMissing(missing: readonly ImportMissingRow[], kindOrder: readonly string[]): MissingGroup[] {
  const groups = new Map<string, ImportMissingRow[]>();
  for (const row of missing) {
    const rows = groups.get(row.kind);
    if (rows) rows.push(row);
    else groups.set(row.kind, [row]);
  }
  const rank = (kind: string) => {
    const index = kindOrder.indexOf(kind);
    return index === -1 ? kindOrder.length : index;
  };
  const collator = new Intl.Collator('nb');
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || collator.compare(a, b))
    .map(([kind, rows]) => ({
      kind,
      rows: [...rows].sort((a, b) => a.municipalityNumber.localeCompare(b.municipalityNumber) || collator.compare(a.label, b.label)),
    }));
}

/** The part of a long list the page shows: all of it once asked for, else the first `limit`. */
export function visibleRows<T>(rows: readonly T[], showAll: boolean, limit = previewLimit): readonly T[] {
  return showAll || rows.length <= limit ? rows : rows.slice(0, limit);
}

/** Whether the preview would change anything at all (rows created, updated or deleted). */
export function changesAnything(result: ImportResult): boolean {
  return result.deleted > 0 || result.sheets.some((sheet) => sheet.created > 0 || sheet.updated > 0);
}

/** A sheet without a single row: nothing to show but its name. */
export function isEmptySheet(sheet: ImportSheetSummary): boolean {
  return sheet.created + sheet.updated + sheet.unchanged === 0 && sheet.newRows.length === 0 && sheet.changedRows.length === 0;
}
