import type { TableWorkbook } from '#server/platform/formats/table-workbook.ts';
import { csvLines } from '#server/platform/formats/csv.ts';
import type { AuditEntry } from '#shared/contracts/audit.ts';

const headers = ['Tidspunkt', 'Hvem', 'E-post', 'Hva', 'Navn', 'Handling', 'Felt', 'Før', 'Etter'];

function osloTime(iso: string): string {
  return new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

/**
 * One row per changed field, so a spreadsheet can filter on field, old and new
 * value; every word as the history page says it (audit.presentation.ts).
 */
export function auditRows(entries: readonly AuditEntry[]): string[][] {
  return entries.flatMap((entry) => {
    const { display } = entry;
    const base = [osloTime(entry.at), entry.actor.name, entry.actor.email ?? '', display.entity, display.label ?? '', display.action];
    if (display.changes.length === 0) return [[...base, '', '', '']];
    return display.changes.map((change) => [...base, change.field, change.old ?? '', change.new ?? '']);
  });
}

/**
 * Semicolons and a byte-order mark: what Excel with Norwegian settings opens as
 * columns. A line at a time, to be sent as a stream (decision 024).
 */
export function auditCsvLines(entries: readonly AuditEntry[]): Generator<string> {
  return csvLines([headers, ...auditRows(entries)]);
}

/** The history as one sheet from rows already in words, written in a worker thread (decision 024). */
export function historyWorkbook(rows: string[][], title: string): TableWorkbook {
  return {
    sheet: 'Historikk',
    title,
    headers,
    rows,
    widths: [20, 24, 28, 18, 40, 12, 24, 36, 36],
    defaultWidth: 20,
    // Long names and texts wrap inside their cell instead of running over the next ones.
    wrapHeaders: ['Navn', 'Felt', 'Før', 'Etter'],
  };
}
