import { loadExcelJs } from '../workers/lazy-modules.ts';

/**
 * One sheet of rows with a header, the shape of Samla's register exports
 * (risk register, benefit plan, history). The rows are plain data, so the
 * workbook is written in a worker thread (`writeTableWorkbook` in
 * worker-tasks.ts, decision 024), not on the thread every request shares.
 */
export type TableCell = string | number | Date | null;

export interface TableWorkbook {
  sheet: string;
  /** A bold line above the header row. */
  title?: string;
  headers: readonly string[];
  rows: ReadonlyArray<readonly TableCell[]>;
  /** Column widths in characters, by position; the rest get `defaultWidth`. */
  widths: readonly number[];
  defaultWidth: number;
  /** Headers of the columns whose cells are calendar dates (shown dd.mm.åååå). */
  dateHeaders?: readonly string[];
  /** Headers of the columns whose long text wraps inside the cell. */
  wrapHeaders?: readonly string[];
}

/**
 * Text a spreadsheet would read as a formula gets an apostrophe first, as in
 * the CSV exports: a sheet later saved as CSV or pasted elsewhere does not run it.
 */
export function safeText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A calendar date as a real date cell (midnight UTC, how exceljs writes a date
 * serial without a time of day): a spreadsheet sorts and filters it as a date,
 * which it cannot with the text «2027-01-01». Empty stays empty.
 */
export function dateCell(isoDate: string | null | undefined): Date | null {
  return isoDate ? new Date(`${isoDate}T00:00:00Z`) : null;
}

export const dateFormat = 'dd.mm.yyyy';

export async function writeTableWorkbook(table: TableWorkbook): Promise<Uint8Array> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Samla';
  const sheet = workbook.addWorksheet(table.sheet);
  if (table.title !== undefined) sheet.addRow([safeText(table.title)]).font = { bold: true };
  sheet.addRow([...table.headers]).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell)));
  const dates = new Set(table.dateHeaders ?? []);
  const wraps = new Set(table.wrapHeaders ?? []);
  table.headers.forEach((header, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = table.widths[index] ?? table.defaultWidth;
    if (dates.has(header)) column.numFmt = dateFormat;
    if (wraps.has(header)) column.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.views = [{ state: 'frozen', ySplit: table.title !== undefined ? 2 : 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
