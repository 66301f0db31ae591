import type ExcelJS from 'exceljs';
import { loadExcelJs } from '#server/lib/lazy-modules.ts';
import { csvLines } from '#server/lib/csv.ts';
import type { AuditEntry } from './audit.service.ts';

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

/** The workbook from rows already in words: plain data in, so it can be written in a worker thread. */
export async function historyWorkbook(rows: readonly string[][], title: string): Promise<Uint8Array> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Samla';
  const sheet = workbook.addWorksheet('Historikk');
  sheet.addRow([title]).font = { bold: true };
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = [20, 24, 28, 18, 40, 12, 24, 36, 36][index] ?? 20;
  });
  // Long names and texts wrap inside their cell instead of running over the next ones.
  for (const column of [5, 7, 8, 9]) sheet.getColumn(column).alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
