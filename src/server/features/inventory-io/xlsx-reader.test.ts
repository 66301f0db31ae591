import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLargeMergerWorkbook } from '../../../../bench/generate-large-merger.ts';
import type { CellValue, SheetInput } from './inventory-import.domain.ts';
import { writeWorkbook, type DisplayRow } from './inventory-workbook.ts';
import { sheetLayouts } from './inventory-sheets.ts';
import { readXlsxSheets, TooManyRowsError, type XlsxSheet } from './xlsx-reader.ts';
import { zipEntries } from './zip-guard.ts';
import { buildZip } from './zip-test-helpers.ts';

// ------------------------------------------------ the exceljs-based reader readWorkbook replaced (reference, test only)

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return plainValue(value.text as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return String(value);
}

function isEmpty(cells: CellValue[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

async function readWorkbookWithExcelJs(buffer: Buffer, maxRows: number): Promise<SheetInput[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const inputs: SheetInput[] = [];
  for (const sheet of workbook.worksheets) {
    const layout = sheetLayouts.find((l) => l.sheet.toLocaleLowerCase('nb') === sheet.name.trim().toLocaleLowerCase('nb'));
    if (!layout) continue;
    if (sheet.actualRowCount - 1 > maxRows) throw new TooManyRowsError(layout.sheet, sheet.actualRowCount - 1);
    const headerRow = sheet.getRow(1);
    const width = Math.max(headerRow.cellCount, layout.columns.length);
    const headers: Array<string | null> = [];
    for (let col = 1; col <= width; col++) {
      const value = plainValue(headerRow.getCell(col).value);
      headers.push(value === null ? null : String(value).trim());
    }
    const rows: SheetInput['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (number === 1) return;
      const cells: CellValue[] = [];
      for (let col = 1; col <= headers.length; col++) cells.push(plainValue(row.getCell(col).value));
      if (!isEmpty(cells)) rows.push({ row: number, cells });
    });
    inputs.push({ sheet: layout.sheet, layout, headerRow: 1, headers, rows });
  }
  return inputs;
}

/**
 * The reader as the import used it when it replaced exceljs: the sheets by
 * name, row 1 the header. readWorkbook (inventory-reading.ts) now finds
 * headers and sheets more freely; this keeps the comparison about the values.
 */
function readWithReader(buffer: Buffer, maxRows: number): SheetInput[] {
  const layoutOf = (name: string) => sheetLayouts.find((l) => l.sheet.toLocaleLowerCase('nb') === name.trim().toLocaleLowerCase('nb'));
  let sheets: XlsxSheet[];
  try {
    sheets = readXlsxSheets(buffer, (name) => layoutOf(name) !== undefined, maxRows).sheets;
  } catch (error) {
    if (error instanceof TooManyRowsError) throw new TooManyRowsError(layoutOf(error.sheet)?.sheet ?? error.sheet, error.rows);
    throw error;
  }
  return sheets.map((sheet) => {
    const layout = layoutOf(sheet.name)!;
    const headerCells = sheet.rows[0]?.row === 1 ? sheet.rows[0].cells : [];
    const width = Math.max(headerCells.length, layout.columns.length);
    const headers: Array<string | null> = [];
    for (let col = 0; col < width; col++) {
      const value = headerCells[col] ?? null;
      headers.push(value === null ? null : String(value).trim());
    }
    const rows: SheetInput['rows'] = [];
    for (const row of sheet.rows) {
      if (row.row === 1) continue;
      const cells: CellValue[] = [];
      for (let col = 0; col < headers.length; col++) cells.push(row.cells[col] ?? null);
      if (!isEmpty(cells)) rows.push({ row: row.row, cells });
    }
    return { sheet: layout.sheet, layout, headerRow: 1, headers, rows };
  });
}

async function expectSameAsExcelJs(buffer: Buffer, maxRows = 100_000): Promise<SheetInput[]> {
  const expected = await readWorkbookWithExcelJs(buffer, maxRows);
  const actual = readWithReader(buffer, maxRows);
  expect(actual).toEqual(expected);
  return actual;
}

// ------------------------------------------------ workbooks

const lists = {
  municipalities: [
    { number: '0301', name: 'Oslo' },
    { number: '4601', name: 'Bergen' },
  ],
  areaLabels: ['Oppvekst', 'Helse'],
  commonSolutionNames: ['Altinn', 'KRR'],
};

/** A row for every column of a layout, by its type, with awkward text here and there. */
function displayRow(kind: string, index: number): DisplayRow {
  const layout = sheetLayouts.find((l) => l.kind === kind)!;
  const texts = ['Blåbær & Ærlig <AS>', '"sitat" og \'apostrof\'', '=SUM(A1)', '+47 55 55 55 55', '  mellomrom  ', 'linje1\nlinje2', 'æøå ÆØÅ'];
  const row: DisplayRow = {};
  layout.columns.forEach((column, c) => {
    // Empty cells in the middle of a row.
    if ((index + c) % 5 === 3) return;
    switch (column.type) {
      case 'municipality':
        row[column.field] = index % 2 ? '0301' : '4601';
        break;
      case 'integer':
      case 'year':
        row[column.field] = 2000 + index;
        break;
      case 'decimal':
        row[column.field] = 1234.5 + index / 4;
        break;
      case 'flag':
        row[column.field] = index % 3 === 0 ? 'Ja' : index % 3 === 1 ? true : false;
        break;
      case 'date':
        row[column.field] = new Date(Date.UTC(2020 + index, index % 12, 1 + index));
        break;
      case 'choice':
        row[column.field] = Object.values(column.labels!)[index % Object.values(column.labels!).length]!;
        break;
      default:
        row[column.field] = texts[(index + c) % texts.length]!;
    }
  });
  return row;
}

async function exportedWorkbook(): Promise<Buffer> {
  const rowsByKind: Record<string, DisplayRow[]> = {};
  for (const layout of sheetLayouts) rowsByKind[layout.kind] = Array.from({ length: 7 }, (_, i) => displayRow(layout.kind, i));
  return writeWorkbook(lists, rowsByKind);
}

const systems = sheetLayouts[0]!;

/** exceljs's own workbook with what Samla does not write: rich text, formulas with results, merged cells, hyperlinks. */
async function excelJsWorkbook(options: { date1904?: boolean; useSharedStrings?: boolean } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  if (options.date1904) book.properties.date1904 = true;
  book.addWorksheet('Notater').addRow(['ikke lest']);
  const sheet = book.addWorksheet(' ikt-SYSTEMER ');
  sheet.addRow([...systems.columns.map((c) => c.header), 'Ekstra']);
  sheet.addRow(['0301', { richText: [{ text: 'Rik ', font: { bold: true } }, { text: 'tekst' }] }, 'Visma & co']);
  sheet.addRow(['0301', { formula: 'CONCATENATE("A","B")', result: 'AB' }, { formula: '1+2', result: 3 }, { formula: 'TRUE()', result: true }]);
  sheet.addRow(['4601', 'Dato', new Date(Date.UTC(2024, 1, 29)), new Date(Date.UTC(1999, 11, 31, 12, 30))]);
  sheet.getCell('C4').numFmt = 'dd.mm.yyyy';
  sheet.getCell('D4').numFmt = '[$-414]d. mmmm yyyy hh:mm';
  sheet.getCell('E4').value = 44000;
  sheet.getCell('E4').numFmt = '"kr" #,##0';
  sheet.getCell('F4').value = { formula: 'DATE(2020,1,1)', result: 43831 } as ExcelJS.CellFormulaValue;
  sheet.getCell('F4').numFmt = 'yyyy-mm-dd';
  sheet.addRow([]);
  sheet.getCell('A7').value = '0301';
  sheet.getCell('B7').value = 'Flettet';
  sheet.mergeCells('B7:D8');
  sheet.getCell('A9').value = '4601';
  sheet.getCell('B9').value = { text: 'Lenke', hyperlink: 'https://example.org' };
  sheet.getCell('C9').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  sheet.getCell('D9').value = -0.125;
  sheet.getCell('E9').value = 1e21;
  sheet.getCell('F9').value = 'tab\there _x000D_ literal';
  sheet.getCell('A10').style = { font: { bold: true } }; // a style, no value: not a row
  sheet.getCell('Z1').style = { font: { bold: true } }; // widens the header
  const other = book.addWorksheet('Avtaler');
  other.addRow(['Kommunenummer']);
  other.addRow([null, null, 'bare C']);
  return Buffer.from(await book.xlsx.writeBuffer({ useSharedStrings: options.useSharedStrings ?? true } as ExcelJS.XlsxWriteOptions));
}

/** A workbook typed by hand, for what exceljs cannot write: inline strings, rows and cells without r, phonetic runs, escapes. */
function handWrittenWorkbook(options: { sheetXml: string; sharedStrings?: string; styles?: string; date1904?: string }): Buffer {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><workbookPr${options.date1904 ? ` date1904="${options.date1904}"` : ''}/>` +
          `<sheets><sheet name="IKT-systemer" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${rel}/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` +
          `<Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/styles.xml',
      data: Buffer.from(
        options.styles ??
          `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;år&quot; yyyy"/></numFmts>` +
            '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="49"/></cellXfs></styleSheet>',
      ),
    },
    {
      name: 'xl/sharedStrings.xml',
      data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}">${options.sharedStrings ?? ''}</sst>`),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}" xmlns:r="${rel}"><sheetData>${options.sheetXml}</sheetData></worksheet>`,
      ),
    },
  ]);
}

const header = `<row r="1">${systems.columns.map((c, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${c.header}</t></is></c>`).join('')}</row>`;

// ------------------------------------------------ tests

describe('readWorkbook with the xlsx reader gives what exceljs gave', () => {
  let bench: Buffer;
  beforeAll(async () => {
    bench = await generateLargeMergerWorkbook();
  });

  it('reads the LibreOffice fixture', async () => {
    const buffer = readFileSync(fileURLToPath(new URL('../../../../test-fixtures/inventory-libreoffice.xlsx', import.meta.url)));
    const sheets = await expectSameAsExcelJs(buffer);
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.some((s) => s.rows.some((r) => r.cells.some((c) => c instanceof Date)))).toBe(true);
  });

  it('reads an export written by writeWorkbook, every sheet, awkward values and empty cells', async () => {
    const sheets = await expectSameAsExcelJs(await exportedWorkbook());
    expect(sheets.map((s) => s.sheet)).toEqual(sheetLayouts.map((l) => l.sheet));
    const cells = sheets.flatMap((s) => s.rows.flatMap((r) => r.cells));
    expect(cells).toContain('Blåbær & Ærlig <AS>');
    expect(cells).toContain('=SUM(A1)');
    expect(cells).toContain('+47 55 55 55 55');
    expect(cells).toContain('linje1\nlinje2');
    expect(cells).toContain(true);
    expect(cells).toContain(null);
    expect(cells.some((c) => c instanceof Date)).toBe(true);
    // The template: headers, no rows.
    await expectSameAsExcelJs(await writeWorkbook(lists));
  });

  it('reads the large merger bench workbook', async () => {
    const sheets = await expectSameAsExcelJs(bench);
    expect(sheets.map((s) => s.rows.length)).toEqual([2500, 800, 4000, 600]);
  });

  it('reads rich text, formulas, merged cells, hyperlinks, errors and date formats as exceljs did', async () => {
    const sheets = await expectSameAsExcelJs(await excelJsWorkbook());
    const [systemsSheet] = sheets;
    expect(systemsSheet!.headers.length).toBe(26);
    expect(systemsSheet!.rows.map((r) => r.row)).toEqual([2, 3, 4, 7, 8, 9]);
    expect(systemsSheet!.rows[0]!.cells.slice(0, 3)).toEqual(['0301', 'Rik tekst', 'Visma & co']);
    expect(systemsSheet!.rows[1]!.cells.slice(0, 4)).toEqual(['0301', 'AB', 3, true]);
    expect(systemsSheet!.rows[2]!.cells.slice(0, 6)).toEqual([
      '4601',
      'Dato',
      new Date(Date.UTC(2024, 1, 29)),
      new Date(Date.UTC(1999, 11, 31, 12, 30)),
      44000,
      new Date(Date.UTC(2020, 0, 1)),
    ]);
    expect(systemsSheet!.rows[3]!.cells.slice(0, 4)).toEqual(['0301', 'Flettet', 'Flettet', 'Flettet']);
    expect(systemsSheet!.rows[4]!.cells.slice(0, 4)).toEqual([null, 'Flettet', 'Flettet', 'Flettet']);
    expect(systemsSheet!.rows[5]!.cells.slice(0, 6)).toEqual(['4601', 'Lenke', null, -0.125, 1e21, 'tab\there \r literal']);
  });

  it('reads a 1904 workbook and strings written without the shared table', async () => {
    const sheets = await expectSameAsExcelJs(await excelJsWorkbook({ date1904: true, useSharedStrings: false }));
    expect(sheets[0]!.rows[2]!.cells[2]).toEqual(new Date(Date.UTC(2024, 1, 29)));
  });
});

describe('readXlsxSheets', () => {
  it('reads inline strings, phonetic runs, escapes, entities and rows and cells without r', async () => {
    const buffer = handWrittenWorkbook({
      sharedStrings:
        '<si><t xml:space="preserve"> a&amp;b&#229;&#xE6; </t></si>' +
        '<si><r><rPr><b/></rPr><t>Rik</t></r><r><t xml:space="preserve"> tekst</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>' +
        '<si><t>line_x000D_break_x005F_x000D_</t></si><si><t/></si>',
      sheetXml:
        header +
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c>' +
        '<c r="D2" s="1"><v>45351</v></c><c r="E2" s="2"><v>45351.5</v></c><c r="F2" s="3"><v>12</v></c></row>' +
        '<row><c t="str"><v>&lt;ingen r&gt;</v></c><c t="b"><v>0</v></c><c t="e"><v>#DIV/0!</v></c><c><f>1/0</f><v>2.5</v></c>' +
        '<c t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>' +
        '<row r="5"><c r="B5" t="str"><f>"x"</f><v>Formel</v></c><c r="C5" s="1"/></row>',
    });
    const [sheet] = readXlsxSheets(buffer, () => true, 100).sheets;
    expect(sheet!.name).toBe('IKT-systemer');
    expect(sheet!.rows.map((r) => r.row)).toEqual([1, 2, 3, 5]);
    expect(sheet!.rows[0]!.cells.slice(0, 2)).toEqual(['Kommunenummer', 'Navn']);
    expect(sheet!.rows[1]!.cells).toEqual([
      ' a&båæ ',
      'Rik tekst',
      'line\rbreak_x000D_',
      new Date(Date.UTC(2024, 1, 29)),
      new Date(Date.UTC(2024, 1, 29, 12)),
      12,
    ]);
    expect(sheet!.rows[2]!.cells).toEqual(['<ingen r>', false, null, 2.5, 'inline']);
    expect(sheet!.rows[3]!.cells).toEqual([null, 'Formel', null]);
    // What exceljs made of it, as far as exceljs reads it (it needs r on every row).
    const withR = handWrittenWorkbook({
      sharedStrings:
        '<si><t xml:space="preserve"> a&amp;b&#229;&#xE6; </t></si><si><r><t>Rik</t></r><r><t> tekst</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>',
      sheetXml:
        header +
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="D2" s="1"><v>45351</v></c><c r="E2" s="2"><v>45351.5</v></c>' +
        '<c r="F2" s="3"><v>12</v></c><c r="G2" t="str"><v>&amp;amp;</v></c><c r="H2" t="e"><v>#N/A</v></c></row>' +
        '<row r="4"><c r="A4" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c><c r="B4"><f>1+1</f><v>2</v></c><c r="C4" s="2"/></row>',
    });
    await expectSameAsExcelJs(withR);
  });

  it('reads pretty-printed XML (white space between elements) as exceljs did', async () => {
    const buffer = handWrittenWorkbook({
      sharedStrings: '\n  <si>\n    <t>delt</t>\n  </si>\n',
      sheetXml:
        '\n  ' +
        header +
        '\n  <row r="2" spans="1:3">\n    <c r="A2" t="s">\n      <v>0</v>\n    </c>\n    <c r="C2" s="1">\n      <v>45000</v>\n    </c>\n  </row>' +
        '\n  <row r="3"/>\n  <row r="4">\n    <c r="B4" t="str">\n      <f>A2</f>\n      <v>delt</v>\n    </c>\n  </row>\n',
    });
    const [sheet] = await expectSameAsExcelJs(buffer);
    expect(sheet!.rows).toEqual([
      { row: 2, cells: ['delt', null, new Date(Date.UTC(2023, 2, 15)), ...Array(systems.columns.length - 3).fill(null)] },
      { row: 4, cells: [null, 'delt', ...Array(systems.columns.length - 2).fill(null)] },
    ]);
  });

  it('honours date1904 written as 1 or true', () => {
    for (const flag of ['1', 'true']) {
      const buffer = handWrittenWorkbook({ date1904: flag, sheetXml: header + '<row r="2"><c r="A2" s="1"><v>0</v></c></row>' });
      expect(readXlsxSheets(buffer, () => true, 10).sheets[0]!.rows[1]!.cells).toEqual([new Date(Date.UTC(1904, 0, 1))]);
    }
  });

  it('reads stored (uncompressed) parts', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('IKT-systemer').addRow(['Kommunenummer', 'Navn']).commit();
    book.getWorksheet('IKT-systemer')!.addRow(['0301', 'Lagret']);
    const buffer = Buffer.from(await book.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
    expect(zipEntries(buffer)!.every((entry) => entry.method === 0)).toBe(true);
    expect(readXlsxSheets(buffer, () => true, 10).sheets[0]!.rows[1]).toEqual({ row: 2, cells: ['0301', 'Lagret'] });
  });

  it('refuses a compression method it does not know', () => {
    const buffer = Buffer.from(handWrittenWorkbook({ sheetXml: header }));
    const entries = zipEntries(buffer)!;
    const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let at = buffer.readUInt32LE(end + 16);
    for (const entry of entries) {
      if (entry.name === 'xl/workbook.xml') buffer.writeUInt16LE(12, at + 10); // bzip2
      at += 46 + Buffer.byteLength(entry.name) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    }
    expect(() => readXlsxSheets(buffer, () => true, 10)).toThrow(/compression method 12/);
  });

  it('refuses a zip that is not a workbook', () => {
    expect(() => readXlsxSheets(buildZip([{ name: 'a.txt', data: Buffer.from('hei') }]), () => true, 10)).toThrow();
    expect(() => readXlsxSheets(Buffer.from('Navn;Leverandør\n'), () => true, 10)).toThrow();
  });

  it('throws TooManyRowsError past maxRows (the header not counted), named as Samla names the sheet', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>r</t></is></c></row>`).join('');
    expect(readXlsxSheets(handWrittenWorkbook({ sheetXml: header + rows(3) }), () => true, 3).sheets[0]!.rows).toHaveLength(4);
    expect(() => readXlsxSheets(handWrittenWorkbook({ sheetXml: header + rows(4) }), () => true, 3)).toThrow(TooManyRowsError);
    // Sheets not wanted are not counted.
    expect(readXlsxSheets(handWrittenWorkbook({ sheetXml: header + rows(4) }), () => false, 3).sheets).toEqual([]);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(' ikt-systemer');
    for (let i = 0; i < 6; i++) sheet.addRow([`rad ${i}`]);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    const error = (() => {
      try {
        return readWithReader(buffer, 4);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TooManyRowsError);
    expect(error).toMatchObject({ sheet: 'IKT-systemer', rows: 5 });
    await expect(readWorkbookWithExcelJs(buffer, 4)).rejects.toMatchObject({ sheet: 'IKT-systemer', rows: 5 });
    await expectSameAsExcelJs(buffer, 5);
  });
});
