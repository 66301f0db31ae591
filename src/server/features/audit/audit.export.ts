import type ExcelJS from 'exceljs';
import { loadExcelJs } from '#server/lib/lazy-modules.ts';
import { csvDocument } from '#server/lib/csv.ts';
import type { AuditEntry } from './audit.service.ts';

const headers = ['Tidspunkt', 'Hvem', 'E-post', 'Hva', 'Id', 'Navn', 'Handling', 'Felt', 'Før', 'Etter'];
const actionNames: Record<string, string> = { create: 'opprettet', update: 'endret', delete: 'slettet' };

function osloTime(iso: string): string {
  return new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One row per changed field, so a spreadsheet can filter on field, old and new value. */
export function auditRows(entries: readonly AuditEntry[]): string[][] {
  return entries.flatMap((entry) => {
    const base = [
      osloTime(entry.at),
      entry.actor.name,
      entry.actor.email ?? '',
      entry.entity,
      entry.entityId,
      entry.entityLabel ?? '',
      actionNames[entry.action] ?? entry.action,
    ];
    if (entry.changes.length === 0) return [[...base, '', '', '']];
    return entry.changes.map((change) => [...base, change.field, cell(change.old), cell(change.new)]);
  });
}

// Semicolons and a byte-order mark: what Excel with Norwegian settings opens as columns.
export function auditCsv(entries: readonly AuditEntry[]): string {
  return csvDocument([headers, ...auditRows(entries)]);
}

export async function auditXlsx(entries: readonly AuditEntry[], title: string): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Samla';
  const sheet = workbook.addWorksheet('Historikk');
  sheet.addRow([title]).font = { bold: true };
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  for (const row of auditRows(entries)) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = [20, 24, 28, 10, 38, 40, 12, 20, 30, 30][index] ?? 20;
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
