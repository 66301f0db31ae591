import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';
import { xlsxContentType, type ImportResult } from '#shared/contracts/inventory-import.ts';
import type { Language } from '#shared/language.ts';
import { buildWorkbook, textCell } from './zip-test-helpers.ts';

/**
 * Issue 22: whatever an upload can tell a person (a file Samla cannot read, a file past a
 * limit, a row that breaks a kind's own rule) is said in the reader's language, nynorsk and
 * English as fully as bokmål; and the solution areas the workbook lists are in the merger's
 * målform, read back in any of the three.
 */

let t: TestApp;
let mergerId: string;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  mergerId = await t.createMerger();
  base = `/api/v1/mergers/${mergerId}/inventory`;
});
afterAll(async () => {
  await t.close();
});

const upload = (body: Buffer, language: Language, mode: 'preview' | 'commit' = 'preview') =>
  t.owner.inject({
    method: 'POST',
    url: `${base}/import?mode=${mode}`,
    payload: body,
    headers: { 'content-type': xlsxContentType, 'accept-language': language },
  });

const header = `<row r="1">${textCell('A1', 'Kommunenummer')}${textCell('B1', 'Navn')}</row>`;

/** A workbook whose second part has lost its local header: the directory is whole, the zip is not. */
function damagedZip(): Buffer {
  const body = buildWorkbook({ sheets: [{ name: 'IKT-systemer', sheetData: header }] });
  const local = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  const second = body.indexOf(local, body.indexOf(local) + 4);
  expect(second).toBeGreaterThan(0);
  body[second + 2] = 0;
  body[second + 3] = 0;
  return body;
}

/** Every text an answer carries: its message and its details' messages. */
const textsOf = (json: { error: { message: string; details?: unknown } }) => JSON.stringify(json.error);

async function refusal(body: Buffer, language: Language) {
  const response = await upload(body, language);
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-language']).toBe(language);
  return response.json() as { error: { code: string; message: string; details?: unknown } };
}

describe('a file Samla cannot read', () => {
  const said = {
    nb: 'Filen kunne ikke leses som en xlsx-arbeidsbok: zip-filen er skadet. Åpne den i Excel og lagre den på nytt som .xlsx.',
    nn: 'Fila kunne ikkje lesast som ei xlsx-arbeidsbok: zip-fila er skadd. Opne ho i Excel og lagre ho på nytt som .xlsx.',
    en: 'The file could not be read as an xlsx workbook: the zip file is damaged. Open it in Excel and save it again as .xlsx.',
  };

  it('says a damaged zip in the reader’s language, bokmål as before', async () => {
    for (const language of ['nb', 'nn', 'en'] as const) {
      const answer = await refusal(damagedZip(), language);
      expect(answer.error).toMatchObject({ code: 'NOT_A_SPREADSHEET', message: said[language] });
    }
    const english = await refusal(damagedZip(), 'en');
    expect(textsOf(english)).not.toContain('skadet');
    expect(textsOf(english)).not.toContain('Filen');
  });

  it('says a part nested too deep, naming the sheet, in the reader’s language', async () => {
    const deep = buildWorkbook({ sheets: [{ name: 'IKT-systemer', sheetData: header + '<x>'.repeat(80) + '</x>'.repeat(80) }] });
    const answers = {
      nb: 'Filen kunne ikke leses som en xlsx-arbeidsbok: arket «IKT-systemer» er nøstet dypere enn 64 nivåer. Åpne den i Excel og lagre den på nytt som .xlsx.',
      nn: 'Fila kunne ikkje lesast som ei xlsx-arbeidsbok: arket «IKT-systemer» er nøsta djupare enn 64 nivå. Opne ho i Excel og lagre ho på nytt som .xlsx.',
      en: 'The file could not be read as an xlsx workbook: the sheet «IKT-systemer» is nested deeper than 64 levels. Open it in Excel and save it again as .xlsx.',
    };
    for (const language of ['nb', 'nn', 'en'] as const) {
      expect((await refusal(deep, language)).error).toMatchObject({ code: 'NOT_A_SPREADSHEET', message: answers[language] });
    }
  });

  it('says a workbook past a limit (more sheets than Samla reads) in the reader’s language', async () => {
    // 1,001 sheets that all point at one small part.
    const sheets = Array.from({ length: 1001 }, (_, index) => ({
      name: index === 0 ? 'IKT-systemer' : `Ark ${index}`,
      sheetData: header,
      target: 'worksheets/sheet1.xml',
    }));
    const body = buildWorkbook({ sheets });
    const answers = {
      nb: 'Arbeidsboken har mer enn 1000 ark og blir ikke lest. Del den opp i flere filer, eller fjern det som ikke hører hjemme.',
      nn: 'Arbeidsboka har meir enn 1000 ark og blir ikkje lesen. Del ho opp i fleire filer, eller fjern det som ikkje høyrer heime der.',
      en: 'The workbook has more than 1000 sheets and was not read. Split it into several files, or remove what does not belong there.',
    };
    for (const language of ['nb', 'nn', 'en'] as const) {
      expect((await refusal(body, language)).error).toMatchObject({ code: 'SPREADSHEET_TOO_LARGE', message: answers[language] });
    }
    const nynorsk = textsOf(await refusal(body, 'nn'));
    expect(nynorsk).not.toContain('Arbeidsboken');
    expect(nynorsk).not.toContain('ikke');
  });
});

async function workbook(sheets: Record<string, Array<Array<string | number | Date | null>>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a row that breaks a kind’s own rule', () => {
  it('says a contract that ends before it starts in the reader’s language, at the column the file names', async () => {
    const book = await workbook({
      Avtaler: [
        ['Kommunenummer', 'Leverandør', 'Gjelder', 'Startdato', 'Sluttdato'],
        ['4601', 'Visma', 'Lisens ERP', '01.06.2026', '01.01.2026'],
      ],
    });
    const said = {
      nb: 'Sluttdatoen kan ikke være før startdatoen.',
      nn: 'Sluttdatoen kan ikkje vere før startdatoen.',
      en: 'The end date cannot be before the start date.',
    };
    for (const language of ['nb', 'nn', 'en'] as const) {
      const response = await upload(book, language);
      expect(response.statusCode).toBe(200);
      const problems = (response.json() as ImportResult).problems;
      expect(problems).toEqual([{ sheet: 'Avtaler', row: 2, column: 'Sluttdato', code: 'range', message: said[language] }]);
    }
    // The refusal of a commit carries the same problem in the reader's language.
    const refused = await upload(book, 'en', 'commit');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].message).toBe(said.en);
    expect(JSON.stringify(refused.json().error)).not.toContain('ikke');
  });

  it('says an archive period that ends before it begins in nynorsk', async () => {
    const book = await workbook({
      'Arkiv og data': [
        ['Kommunenummer', 'Navn', 'Fra år', 'Til år'],
        ['4601', 'Postjournal', 2010, 2001],
      ],
    });
    const problems = ((await upload(book, 'nn')).json() as ImportResult).problems;
    expect(problems.map((problem) => problem.message)).toContain('Perioden kan ikkje slutte før han byrjar.');
  });
});

describe('solution areas in the workbook', () => {
  const setDocumentLanguage = (language: Language) => t.database.rawQuery(`update mergers set document_language = '${language}' where id = '${mergerId}'`);

  async function listValues(): Promise<Set<string>> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await t.owner.inject(`${base}/template.xlsx`)).rawPayload as unknown as ArrayBuffer);
    const values = new Set<string>();
    book.worksheets[1]!.eachRow((row) => row.eachCell((cell) => values.add(String(cell.value))));
    return values;
  }

  it('lists the library’s areas and Samla’s own in the merger’s målform', async () => {
    await setDocumentLanguage('nn');
    const nynorsk = await listValues();
    expect(nynorsk).toContain('Økonomi- og rekneskapssystem');
    expect(nynorsk).toContain('Anna fagsystem (Helse og velferd)');
    expect(nynorsk).not.toContain('Annet fagsystem (Helse og velferd)');
    await setDocumentLanguage('en');
    const english = await listValues();
    expect(english).toContain('Finance and accounting system');
    expect(english).toContain('Other line-of-business system (Health and welfare)');
    expect(english).toContain('Technical security');
    await setDocumentLanguage('nb');
    const bokmål = await listValues();
    expect(bokmål).toContain('Annet fagsystem (Helse og velferd)');
    expect(bokmål).toContain('Teknisk sikkerhet');
  });

  it('reads an area named in any of the three languages, and says an unknown one in the reader’s', async () => {
    await setDocumentLanguage('nb');
    const book = await workbook({
      'IKT-system': [
        ['Kommunenummer', 'Namn', 'Løysingsområde'],
        ['4601', 'Agresso', 'Økonomi- og rekneskapssystem'],
        ['4601', 'Profil', 'Other line-of-business system (Health and welfare)'],
        ['4601', 'Brannmur', 'Teknisk tryggleik'],
        ['4601', 'Noko', 'Fantasiområde'],
      ],
    });
    const answer = (await upload(book, 'en')).json() as ImportResult;
    expect(answer.problems).toHaveLength(1);
    expect(answer.problems[0]).toMatchObject({ row: 5, code: 'UNKNOWN_SOLUTION_AREA' });
    expect(answer.problems[0]!.message).toMatch(/^The solution area «Fantasiområde» does not exist\./);
    expect(answer.sheets.find((sheet) => sheet.kind === 'systems')).toMatchObject({ created: 3 });
  });
});
