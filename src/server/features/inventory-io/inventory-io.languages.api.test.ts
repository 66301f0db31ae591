import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';
import { xlsxContentType, type ImportProblem, type ImportResult } from '#shared/contracts/inventory-import.ts';
import { languages } from '#shared/language.ts';
import { knownHeaders } from './inventory-reading.ts';
import { choiceIndex } from './inventory-cells.ts';
import { guideSheetNames, sheetLayouts } from './inventory-sheets.ts';

/** Issue 22: the workbook in the merger's målform, the import in any of the three, its problems in the reader's. */

let t: TestApp;
let mergerId: string;
let base: string;

beforeEach(async () => {
  t = await createTestApp();
  mergerId = await t.createMerger();
  base = `/api/v1/mergers/${mergerId}/inventory`;
});
afterEach(async () => {
  await t.close();
});

const setDocumentLanguage = (language: 'nb' | 'nn' | 'en') =>
  t.database.rawQuery(`update mergers set document_language = '${language}' where id = '${mergerId}'`);

type Sheets = Record<string, Array<Array<string | number | Date | null>>>;

async function workbook(sheets: Sheets): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(body: Buffer, mode: 'preview' | 'commit', headers: Record<string, string> = {}) {
  return t.owner.inject({
    method: 'POST',
    url: `${base}/import?mode=${mode}`,
    payload: body,
    headers: { 'content-type': xlsxContentType, ...headers },
  });
}

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

const headerRow = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

describe('the layout in three languages', () => {
  it('maps every header of a sheet, in any language, to one column only, and every value label to one value', () => {
    for (const layout of sheetLayouts) {
      // Throws when two columns share a header after folding, in any pair of languages.
      const known = knownHeaders(layout);
      for (const column of layout.columns) {
        for (const language of languages) expect(known.exact.get(column.headers[language])).toBe(column.header);
        if (column.choice) expect(() => choiceIndex(column)).not.toThrow();
      }
    }
  });

  it('keeps sheet names unique and within Excel’s 31 characters in every language', () => {
    for (const language of languages) {
      const names = [guideSheetNames[language], ...sheetLayouts.map((layout) => layout.sheets[language])];
      expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
      for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
    }
  });
});

describe('a nynorsk merger', () => {
  beforeEach(async () => {
    await setDocumentLanguage('nn');
  });

  it('gets a template with nynorsk sheet names, headers, guide and value lists', async () => {
    const response = await t.owner.inject(`${base}/template.xlsx`);
    expect(response.statusCode).toBe(200);
    const book = await readBack(response.rawPayload);
    const names = book.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual([
      'Rettleiing',
      'Lister',
      'IKT-system',
      'Digitale tenester',
      'Avtalar',
      'Integrasjonar',
      'Arkiv og data',
      'Infrastruktur',
      'IKT-organisering',
      'Interkommunale samarbeid',
    ]);
    expect(headerRow(book.getWorksheet('IKT-system')!)).toEqual([
      'Kommunenummer',
      'Namn',
      'Leverandør',
      'Produkt',
      'Versjon',
      'Løysingsområde',
      'Tenesteområde',
      'Drift',
      'Tal på brukarar',
      'Systemeigar',
      'Arkivverdig',
      'Merknader',
    ]);
    expect(headerRow(book.getWorksheet('Avtalar')!)).toContain('Oppseiingstid (månader)');
    const guide = book
      .getWorksheet('Rettleiing')!
      .getColumn(1)
      .values.filter((value): value is string => typeof value === 'string')
      .join('\n');
    expect(guide).toContain('Slik brukar du arbeidsboka');
    expect(guide).toContain('samanslåinga');
    // The dropdown's values are the nynorsk labels.
    const lists = book.getWorksheet('Lister')!;
    const values = new Set<string>();
    lists.eachRow((row) => row.eachCell((cell) => values.add(String(cell.value))));
    expect(values).toContain('Begge vegar');
    expect(values).toContain('Teknisk tryggleik');
  });

  it('imports a workbook with bokmål sheet names and headers, and one with English ones', async () => {
    const bokmål = await workbook({
      'IKT-systemer': [
        ['Kommunenummer', 'Navn', 'Leverandør', 'Drift', 'Antall brukere', 'Arkivverdig'],
        ['4601', 'Visma Enterprise', 'Visma', 'SaaS/sky', 1200, 'Ja'],
      ],
      Avtaler: [
        ['Kommunenummer', 'Leverandør', 'Gjelder', 'Endringsklausul', 'Systemer'],
        ['4601', 'Visma', 'Lisens ERP', 'Avtalen går ikke over', 'Visma Enterprise'],
      ],
    });
    const first = await upload(bokmål, 'commit', { 'accept-language': 'nn' });
    expect(first.statusCode).toBe(200);
    expect((first.json() as ImportResult).warnings).toEqual([]);

    const english = await workbook({
      'ICT systems': [
        ['Municipality number', 'Name', 'Supplier', 'Hosting', 'Number of users', 'Of archival value'],
        ['4601', 'Elements', 'Sikri', 'On premises', 40, 'No'],
      ],
      // A mix: a nynorsk sheet in the same workbook.
      Integrasjonar: [
        ['Kommunenummer', 'Frå system', 'Til system', 'Retning', 'Metode'],
        ['4601', 'Elements', 'Visma Enterprise', 'Begge vegar', 'Fil'],
      ],
    });
    const second = await upload(english, 'commit', { 'accept-language': 'en' });
    expect(second.statusCode).toBe(200);
    expect((second.json() as ImportResult).warnings).toEqual([]);

    const systems = (await t.owner.inject(`${base}/systems`)).json().items as Array<Record<string, unknown>>;
    expect(systems.find((system) => system.name === 'Visma Enterprise')).toMatchObject({ hosting: 'saas', userCount: 1200, archiveWorthy: true });
    expect(systems.find((system) => system.name === 'Elements')).toMatchObject({ hosting: 'local', userCount: 40, archiveWorthy: false });
    const contracts = (await t.owner.inject(`${base}/contracts`)).json().items as Array<Record<string, unknown>>;
    expect(contracts[0]).toMatchObject({ changeClause: 'does_not_transfer' });
    const integrations = (await t.owner.inject(`${base}/integrations`)).json().items as Array<Record<string, unknown>>;
    expect(integrations[0]).toMatchObject({ direction: 'both', method: 'file' });
  });

  it('says an import problem in nynorsk for a nynorsk reader, at sheet, row and the column as the file names it', async () => {
    const book = await workbook({
      'IKT-system': [
        ['Kommunenummer', 'Namn', 'Tal på brukarar', 'Drift'],
        ['4601', 'Visma', 'mange', 'Skyen'],
      ],
    });
    const response = await upload(book, 'preview', { 'accept-language': 'nn' });
    expect(response.statusCode).toBe(200);
    const problems = (response.json() as ImportResult).problems;
    const at = (column: string) => problems.find((problem: ImportProblem) => problem.column === column)!;
    expect(at('Tal på brukarar')).toMatchObject({ sheet: 'IKT-system', row: 2, code: 'BAD_NUMBER' });
    expect(at('Tal på brukarar').message).toBe('Tal på brukarar: «mange» er ikkje eit tal. Skriv berre talet, t.d. 1 500, utan tekst eller eining.');
    expect(at('Drift')).toMatchObject({ sheet: 'IKT-system', row: 2, code: 'UNKNOWN_VALUE' });
    expect(at('Drift').message).toContain('er ikkje ein gyldig verdi');
    expect(at('Drift').message).toContain('Tillate: Lokalt, Hos leverandør, SaaS/sky, Interkommunalt');

    // The same file for an English reader: the column is still named as the file names it.
    const english = (await upload(book, 'preview', { 'accept-language': 'en' })).json() as ImportResult;
    expect(english.problems.find((problem) => problem.code === 'BAD_NUMBER')).toMatchObject({
      column: 'Tal på brukarar',
      message: 'Tal på brukarar: «mange» is not a number. Write just the number, e.g. 1 500, without text or unit.',
    });
  });

  it('refuses an import with problems in the reader’s language', async () => {
    const book = await workbook({
      'IKT-system': [
        ['Kommunenummer', 'Leverandør'],
        ['4601', 'Visma'],
      ],
    });
    const response = await upload(book, 'commit', { 'accept-language': 'nn' });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details[0]).toMatchObject({
      sheet: 'IKT-system',
      row: 1,
      column: 'Namn',
      code: 'MISSING_COLUMN',
      message: 'Kolonnen «Namn» manglar i overskriftsrada.',
    });
  });

  it('exports CSV with nynorsk headers and value labels', async () => {
    const book = await workbook({
      'IKT-system': [
        ['Kommunenummer', 'Namn', 'Drift', 'Arkivverdig'],
        ['4601', 'Visma', 'Hos leverandør', 'Ja'],
      ],
      Integrasjonar: [
        ['Kommunenummer', 'Frå system', 'Til system', 'Retning'],
        ['4601', 'Visma', 'Visma', 'Begge vegar'],
      ],
    });
    expect((await upload(book, 'commit')).statusCode).toBe(200);
    const systems = await t.owner.inject(`${base}/systems/export.csv`);
    expect(systems.statusCode).toBe(200);
    const firstLine = systems.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    expect(firstLine).toBe(
      'Kommunenummer;Namn;Leverandør;Produkt;Versjon;Løysingsområde;Tenesteområde;Drift;Tal på brukarar;Systemeigar;Arkivverdig;Merknader;Samla-ID',
    );
    const integrations = await t.owner.inject(`${base}/integrations/export.csv`);
    expect(integrations.body).toContain('Frå system');
    expect(integrations.body).toContain('Begge vegar');
  });

  it('exports a workbook that imports back unchanged', async () => {
    const book = await workbook({
      'IKT-system': [
        ['Kommunenummer', 'Namn', 'Drift'],
        ['4601', 'Visma', 'Lokalt'],
      ],
    });
    expect((await upload(book, 'commit')).statusCode).toBe(200);
    const exported = await t.owner.inject(`${base}/export.xlsx`);
    const back = await readBack(exported.rawPayload);
    expect(back.getWorksheet('IKT-system')).toBeDefined();
    const again = (await upload(exported.rawPayload, 'preview')).json() as ImportResult;
    expect(again.problems).toEqual([]);
    expect(again.warnings).toEqual([]);
    expect(again.sheets.find((sheet) => sheet.kind === 'systems')).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });
});

describe('an English merger', () => {
  it('gets a template in English', async () => {
    await setDocumentLanguage('en');
    const book = await readBack((await t.owner.inject(`${base}/template.xlsx`)).rawPayload);
    expect(book.worksheets[0]!.name).toBe('Instructions');
    expect(headerRow(book.getWorksheet('Agreements')!)).toEqual([
      'Municipality number',
      'Supplier',
      'Agreement type',
      'Covers',
      'Start date',
      'End date',
      'Notice period (months)',
      'Termination clause',
      'Change clause',
      'Annual cost (NOK)',
      'Systems',
      'Notes',
    ]);
  });
});

describe('a bokmål merger', () => {
  it('keeps the CSV headers in bokmål, whatever the reader’s language', async () => {
    const response = await t.owner.inject({ url: `${base}/systems/export.csv`, headers: { 'accept-language': 'en' } });
    expect(response.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
      'Kommunenummer;Navn;Leverandør;Produkt;Versjon;Løsningsområde;Tjenesteområde;Drift;Antall brukere;Systemeier;Arkivverdig;Merknader;Samla-ID',
    );
  });
});
