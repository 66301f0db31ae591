import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';
import { csvContentType, xlsxContentType, type ImportResult } from '#shared/contracts/inventory-import.ts';
import { nbVocabulary } from '#shared/vocabulary/nb.ts';
import { buildZip } from './zip-test-helpers.ts';

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

type Sheets = Record<string, Array<Array<string | number | Date | null>>>;

/** A workbook as a user fills it in: the first row of each sheet is the header. */
async function workbook(sheets: Sheets): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const systemsHeader = ['Kommunenummer', 'Navn', 'Leverandør', 'Produkt', 'Løsningsområde', 'Drift', 'Antall brukere', 'Arkivverdig'];
const sample: Sheets = {
  'IKT-systemer': [
    systemsHeader,
    ['4601', 'Visma Enterprise', 'Visma', 'Enterprise', 'Servere, lagring og drift', 'SaaS/sky', 1200, 'Ja'],
    [4626, 'Elements', 'Sikri AS', null, null, 'Lokalt', null, 'Nei'],
    ['4601', 'Gerica', 'Tieto', null, null, null, 300, null],
  ],
  Avtaler: [
    ['Kommunenummer', 'Leverandør', 'Gjelder', 'Startdato', 'Sluttdato', 'Endringsklausul', 'Årlig kostnad (kr)', 'Systemer'],
    ['4601', 'Visma', 'Lisens ERP', new Date(Date.UTC(2020, 0, 1)), '31.12.2027', 'Ukjent', 250000.5, 'Visma Enterprise; Gerica'],
  ],
  Integrasjoner: [
    ['Kommunenummer', 'Fra system', 'Til system', 'Fellesløsning', 'Retning', 'Metode'],
    ['4601', 'Gerica', 'Visma Enterprise', null, 'Ut', 'Fil'],
    ['4601', 'Gerica', null, 'KRR', 'Inn', 'API'],
  ],
};

interface UploadOptions {
  kind?: string;
  type?: string;
  missing?: 'keep' | 'delete';
  confirmWarnings?: boolean;
  previewToken?: string;
}

async function upload(body: Buffer | string, mode: 'preview' | 'commit', options: UploadOptions = {}) {
  const query = new URLSearchParams({ mode });
  if (options.kind) query.set('kind', options.kind);
  if (options.missing) query.set('missing', options.missing);
  if (options.confirmWarnings) query.set('confirmWarnings', 'true');
  if (options.previewToken) query.set('previewToken', options.previewToken);
  return t.owner.inject({
    method: 'POST',
    url: `${base}/import?${query.toString()}`,
    payload: body,
    headers: { 'content-type': options.type ?? (typeof body === 'string' ? csvContentType : xlsxContentType) },
  });
}

async function counts() {
  const count = async (table: string) => Number(((await t.database.rawQuery(`select count(*)::int as n from ${table}`)) as Array<{ n: number }>)[0]!.n);
  return {
    systems: await count('inventory_systems'),
    contracts: await count('inventory_contracts'),
    integrations: await count('inventory_integrations'),
    audit: await count('audit_events'),
  };
}

const summary = (result: ImportResult) => Object.fromEntries(result.sheets.map((sheet) => [sheet.kind, [sheet.created, sheet.updated, sheet.unchanged]]));

describe('template', () => {
  it('has the instructions, one sheet per kind with Norwegian headers, dropdowns and a frozen header row', async () => {
    const response = await t.owner.inject(`${base}/template.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain(xlsxContentType);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Veiledning',
      'Lister',
      'IKT-systemer',
      'Digitale tjenester',
      'Avtaler',
      'Integrasjoner',
      'Arkiv og data',
      'Infrastruktur',
      'IKT-organisering',
      'Interkommunale samarbeid',
    ]);
    // The app's names for the registers, in the seed's wording: one definition for both.
    expect(book.worksheets.slice(2).map((sheet) => sheet.name)).toEqual(Object.values(nbVocabulary.inventoryKind));
    expect(book.getWorksheet('Lister')!.state).toBe('hidden');
    const guide = book.getWorksheet('Veiledning')!.getColumn(1).values.join('\n');
    expect(guide).toContain('Kommunenummer');
    expect(guide).toContain('blir stående, med mindre du velger å slette dem');
    expect(guide).toContain('tom celle i en kolonne arket har, tømmer feltet');
    expect(guide).toContain('Samla-ID');
    expect(guide).toContain('Windows-1252');
    const systems = book.getWorksheet('IKT-systemer')!;
    expect((systems.getRow(1).values as string[]).slice(1)).toEqual([
      'Kommunenummer',
      'Navn',
      'Leverandør',
      'Produkt',
      'Versjon',
      'Løsningsområde',
      'Tjenesteområde',
      'Drift',
      'Antall brukere',
      'Systemeier',
      'Arkivverdig',
      'Merknader',
    ]);
    expect(systems.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const drift = systems.getCell('H2').dataValidation;
    expect(drift).toMatchObject({ type: 'list' });
    expect(drift.formulae[0]).toContain('Lister!');
    expect(systems.getCell('A2').dataValidation).toMatchObject({ type: 'list' });
    const lists = book.getWorksheet('Lister')!;
    expect(lists.getColumn(1).values.slice(1)).toEqual(['4601', '4626']);
    const avtaler = book.getWorksheet('Avtaler')!;
    const changeColumn = (avtaler.getRow(1).values as string[]).indexOf('Endringsklausul');
    expect(avtaler.getRow(2).getCell(changeColumn).dataValidation).toMatchObject({ type: 'list' });
    // Free text is formatted as text, so Calc and Excel keep «5.4» in Versjon as typed.
    expect(systems.getColumn(headerIndex(systems, 'Versjon')).numFmt).toBe('@');
  });

  it('has the Samla-ID column once the merger has data, so rows pasted from an export keep their identity', async () => {
    await upload(await workbook(sample), 'commit');
    const response = await t.owner.inject(`${base}/template.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    for (const sheet of book.worksheets.filter((candidate) => !['Veiledning', 'Lister'].includes(candidate.name))) {
      expect((sheet.getRow(1).values as string[]).at(-1), sheet.name).toBe('Samla-ID');
    }
    const systems = book.getWorksheet('IKT-systemer')!;
    const idCell = systems.getRow(2).getCell(headerIndex(systems, 'Samla-ID'));
    expect(idCell.dataValidation).toMatchObject({ type: 'textLength', showErrorMessage: true });
  });
});

describe('import', () => {
  it('previews and then commits the same counts; the same file again changes nothing', async () => {
    const file = await workbook(sample);
    const preview = await upload(file, 'preview');
    expect(preview.statusCode, preview.body).toBe(200);
    const previewed = preview.json() as ImportResult;
    expect(previewed.problems).toEqual([]);
    expect(previewed.committed).toBe(false);
    expect(summary(previewed)).toEqual({ systems: [3, 0, 0], contracts: [1, 0, 0], integrations: [2, 0, 0] });
    const before = await counts();
    expect(before.systems).toBe(0);

    const commit = await upload(file, 'commit');
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json().committed).toBe(true);
    expect(summary(commit.json())).toEqual(summary(previewed));
    const after = await counts();
    expect(after).toMatchObject({ systems: 3, contracts: 1, integrations: 2 });
    expect(after.audit - before.audit).toBe(6);

    const contracts = (await t.owner.inject(`${base}/contracts`)).json().items;
    expect(contracts[0]).toMatchObject({ startDate: '2020-01-01', endDate: '2027-12-31', changeClause: 'unknown', annualCost: 250000.5 });
    expect(contracts[0].systems.map((s: { name: string }) => s.name)).toEqual(['Visma Enterprise', 'Gerica']);
    const integrations = (await t.owner.inject(`${base}/integrations`)).json().items;
    expect(integrations.map((i: { commonSolutionId: string | null }) => i.commonSolutionId).sort()).toEqual(['kontakt-og-reservasjonsregisteret', null]);
    const history = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?entity=integration`)).json().entries;
    expect(history.map((entry: { entityLabel: string }) => entry.entityLabel).sort()).toEqual([
      'Gerica → Kontakt- og reservasjonsregisteret',
      'Gerica → Visma Enterprise',
    ]);
    const elements = (await t.owner.inject(`${base}/systems?municipality=4626`)).json().items[0];
    expect(elements).toMatchObject({ name: 'Elements', hosting: 'local', archiveWorthy: false });

    const again = await upload(file, 'commit');
    expect(again.statusCode, again.body).toBe(200);
    expect(summary(again.json())).toEqual({ systems: [0, 0, 3], contracts: [0, 0, 1], integrations: [0, 0, 2] });
    expect(await counts()).toEqual(after);
  });

  it('updates a changed row with a version bump and history, and an empty cell clears the value', async () => {
    await upload(await workbook(sample), 'commit');
    const changed = structuredClone(sample);
    changed['IKT-systemer']![1]![6] = 1500;
    changed['IKT-systemer']![1]![5] = null;
    const result = await upload(await workbook({ 'IKT-systemer': changed['IKT-systemer']! }), 'commit');
    expect(summary(result.json())).toEqual({ systems: [0, 1, 2] });
    const visma = (await t.owner.inject(`${base}/systems?q=Visma`)).json().items[0];
    expect(visma).toMatchObject({ userCount: 1500, hosting: null, version: 2 });
    const history = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?entity=system&entityId=${visma.id}`)).json().entries;
    expect(history[0].changes).toEqual([
      { field: 'hosting', old: 'saas', new: null },
      { field: 'userCount', old: 1200, new: 1500 },
    ]);
  });

  it('reports each error at its sheet, row and column and writes nothing', async () => {
    const bad: Sheets = {
      'IKT-systemer': [
        systemsHeader,
        ['9999', 'Ukjent kommune', null, null, null, null, null, null],
        ['4601', 'Feil område', null, null, 'Ikke et område', null, null, null],
        ['4601', 'Feil drift', null, null, null, 'I skyen', null, null],
        ['4601', 'Negativ', null, null, null, null, -3, null],
        ['4601', 'Tekst', null, null, null, null, 'mange', null],
        ['4601', null, 'Uten navn', null, null, null, null, null],
        ['4601', 'Dobbel', 'Visma', null, null, null, null, null],
        ['4601', ' dobbel ', 'VISMA', null, null, null, null, null],
      ],
      Avtaler: [
        ['Kommunenummer', 'Leverandør', 'Startdato'],
        ['4601', 'Visma', '2020/01/01'],
      ],
      Integrasjoner: [
        ['Kommunenummer', 'Fra system', 'Til system'],
        ['4601', 'Dobbel', 'Finnes ikke'],
      ],
      'Arkiv og data': [
        ['Kommunenummer', 'Beskrivelse'],
        ['4601', 'Uten navnekolonne'],
      ],
    };
    const file = await workbook(bad);
    const before = await counts();
    const preview = (await upload(file, 'preview')).json() as ImportResult;
    const at = (sheet: string, row: number) => preview.problems.filter((p) => p.sheet === sheet && p.row === row);
    expect(at('IKT-systemer', 2)[0]).toMatchObject({ column: 'Kommunenummer', code: 'UNKNOWN_MUNICIPALITY' });
    expect(at('IKT-systemer', 3)[0]).toMatchObject({ column: 'Løsningsområde', code: 'UNKNOWN_SOLUTION_AREA' });
    expect(at('IKT-systemer', 4)[0]).toMatchObject({ column: 'Drift', code: 'UNKNOWN_VALUE' });
    expect(at('IKT-systemer', 4)[0]!.message).toContain('Lokalt, Hos leverandør, SaaS/sky, Interkommunalt');
    expect(at('IKT-systemer', 5)[0]).toMatchObject({ column: 'Antall brukere', code: 'BAD_NUMBER' });
    expect(at('IKT-systemer', 6)[0]).toMatchObject({ column: 'Antall brukere', code: 'BAD_NUMBER' });
    expect(at('IKT-systemer', 7)[0]).toMatchObject({ column: 'Navn', code: 'REQUIRED' });
    expect(at('IKT-systemer', 8)).toEqual([]);
    expect(at('IKT-systemer', 9)[0]).toMatchObject({ code: 'DUPLICATE_ROW' });
    expect(at('IKT-systemer', 9)[0]!.message).toContain('rad 8');
    expect(at('Avtaler', 2)[0]).toMatchObject({ column: 'Startdato', code: 'BAD_DATE' });
    expect(at('Avtaler', 2)[0]!.message).toContain('dd.mm.åååå');
    expect(at('Integrasjoner', 2)[0]).toMatchObject({ column: 'Til system', code: 'UNKNOWN_SYSTEM' });
    expect(at('Arkiv og data', 1)[0]).toMatchObject({ column: 'Navn', code: 'MISSING_COLUMN' });

    const commit = await upload(file, 'commit');
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.code).toBe('IMPORT_INVALID');
    expect(commit.json().error.details).toEqual(preview.problems);
    expect(await counts()).toEqual(before);
  });

  it('imports one kind from CSV, semicolons and apostrophe-escaped formulas included', async () => {
    const csv = '\uFEFFKommunenummer;Navn;Leverandør;Merknader\r\n4601;\'=SUM(A1);"Acme; AS";"sier ""hei"""\r\n4626;\'@kalk;;\'-5\r\n';
    const result = await upload(csv, 'commit', { kind: 'systems' });
    expect(result.statusCode, result.body).toBe(200);
    expect(summary(result.json())).toEqual({ systems: [2, 0, 0] });
    const items = (await t.owner.inject(`${base}/systems?sort=municipalityNumber`)).json().items;
    expect(items.map((i: { name: string; vendor: string; notes: string }) => [i.name, i.vendor, i.notes])).toEqual([
      ['=SUM(A1)', 'Acme; AS', 'sier "hei"'],
      ['@kalk', null, '-5'],
    ]);
    const exported = await t.owner.inject(`${base}/systems/export.csv`);
    expect(exported.statusCode).toBe(200);
    expect(exported.body.startsWith('\uFEFFKommunenummer;Navn;')).toBe(true);
    expect(exported.body).toContain("'=SUM(A1)");
    const again = await upload(exported.body, 'commit', { kind: 'systems' });
    expect(summary(again.json())).toEqual({ systems: [0, 0, 2] });
  });

  it('reads only the sheet of the kind asked for', async () => {
    const result = await upload(await workbook(sample), 'preview', { kind: 'systems' });
    expect(summary(result.json())).toEqual({ systems: [3, 0, 0] });
  });

  it('asks for the kind of a CSV', async () => {
    const response = await upload('Kommunenummer;Navn\r\n4601;X\r\n', 'preview');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('KIND_REQUIRED');
  });
});

describe('export', () => {
  it('exports everything in the template layout, and re-importing it changes nothing; formulas stay text', async () => {
    const withFormula = structuredClone(sample);
    withFormula['IKT-systemer']!.push(['4626', '=HYPERLINK("http://x")', '+47 Leverandør', '-Produkt', null, null, null, null]);
    expect((await upload(await workbook(withFormula), 'commit')).statusCode).toBe(200);
    const response = await t.owner.inject(`${base}/export.xlsx`);
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const systems = book.getWorksheet('IKT-systemer')!;
    const cells: ExcelJS.Cell[] = [];
    systems.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const formulaCell = cells.find((cell) => String(cell.value).startsWith('=HYPERLINK'))!;
    expect(formulaCell.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
    const before = await counts();
    const again = await upload(response.rawPayload, 'commit');
    expect(again.statusCode, again.body).toBe(200);
    const result = again.json() as ImportResult;
    expect(result.sheets.every((sheet) => sheet.created === 0 && sheet.updated === 0)).toBe(true);
    expect(summary(result)).toMatchObject({ systems: [0, 0, 4], contracts: [0, 0, 1], integrations: [0, 0, 2] });
    expect(await counts()).toEqual(before);
  });
});

describe('refusals', () => {
  it('refuses a zip bomb before reading it', async () => {
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(120 * 1024 * 1024) }], { claimedSize: 1000 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await upload(bomb, 'preview');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('SPREADSHEET_TOO_LARGE');
  });

  it('refuses a body over the size limit', async () => {
    const response = await upload(Buffer.alloc(11 * 1024 * 1024, 1), 'preview');
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(response.json().error.message).toContain('MB');
  });

  it('refuses what is not a spreadsheet', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 0xff, 0xfe, 0x00])]);
    const response = await upload(pdf, 'preview');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('NOT_A_SPREADSHEET');
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), deflateRawSync(Buffer.from('x'))]);
    expect((await upload(brokenZip, 'preview')).json().error.code).toBe('NOT_A_SPREADSHEET');
  });

  it('refuses more rows than the limit', async () => {
    const rows: Array<Array<string>> = [['Kommunenummer', 'Navn']];
    for (let i = 0; i < 20_001; i++) rows.push(['4601', `S${i}`]);
    const csv = rows.map((row) => row.join(';')).join('\r\n');
    const response = await upload(csv, 'preview', { kind: 'systems' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('TOO_MANY_ROWS');
  });
});

describe('a workbook written by LibreOffice', () => {
  it('imports correctly', async () => {
    const { readFile } = await import('node:fs/promises');
    const file = await readFile(new URL('../../../../test-fixtures/inventory-libreoffice.xlsx', import.meta.url));
    const result = await upload(file, 'commit');
    expect(result.statusCode, result.body).toBe(200);
    expect(summary(result.json())).toEqual({ systems: [3, 0, 0], contracts: [1, 0, 0], integrations: [2, 0, 0] });
    const systems = (await t.owner.inject(`${base}/systems?sort=name`)).json().items;
    expect(systems.map((s: { name: string }) => s.name)).toEqual(['Elements', 'Gerica', 'Visma Enterprise']);
    expect(systems[2]).toMatchObject({
      municipalityNumber: '4601',
      vendor: 'Visma AS',
      solutionAreaId: 'samla-omrade-servere-lagring-og-drift',
      hosting: 'saas',
      userCount: 1200,
      archiveWorthy: true,
    });
    expect(systems[1].notes).toBe('=ikke en formel');
    const contract = (await t.owner.inject(`${base}/contracts`)).json().items[0];
    expect(contract).toMatchObject({ startDate: '2021-03-01', endDate: '2027-12-31', annualCost: 125000.5 });
    expect(contract.systems).toHaveLength(2);
    const integrations = (await t.owner.inject(`${base}/integrations`)).json().items;
    expect(integrations.map((i: { commonSolutionId: string | null }) => i.commonSolutionId).sort()).toEqual(['id-porten', null]);
    expect((await upload(file, 'preview')).json().sheets.every((s: { unchanged: number }) => s.unchanged > 0)).toBe(true);
  });
});

/** The exported workbook, edited as a user would in Excel: `edit` gets the sheet by name. */
async function editExport(edit: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const response = await t.owner.inject(`${base}/export.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  edit(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const headerIndex = (sheet: ExcelJS.Worksheet, header: string) => (sheet.getRow(1).values as string[]).indexOf(header);

describe('an import the user can trust', () => {
  it('recognises exported rows by Samla-ID: a corrected vendor changes the system, and its contracts and integrations stay on it', async () => {
    expect((await upload(await workbook(sample), 'commit')).statusCode).toBe(200);
    const visma = (await t.owner.inject(`${base}/systems?q=Visma`)).json().items[0];
    const file = await editExport((book) => {
      const sheet = book.getWorksheet('IKT-systemer')!;
      expect(headerIndex(sheet, 'Samla-ID')).toBeGreaterThan(0);
      sheet.eachRow((row) => {
        if (row.getCell(headerIndex(sheet, 'Navn')).value === 'Visma Enterprise') row.getCell(headerIndex(sheet, 'Leverandør')).value = 'Visma AS';
      });
    });
    const preview = (await upload(file, 'preview')).json() as ImportResult;
    expect(preview.problems).toEqual([]);
    expect(preview.warnings).toEqual([]);
    const systems = preview.sheets.find((sheet) => sheet.kind === 'systems')!;
    expect(systems).toMatchObject({ created: 0, updated: 1, newRows: [] });
    expect(systems.changedRows).toEqual([
      {
        row: expect.any(Number),
        id: visma.id,
        label: 'Visma Enterprise',
        matchedBy: 'samlaId',
        changes: [{ column: 'Leverandør', before: 'Visma', after: 'Visma AS' }],
      },
    ]);
    const commit = await upload(file, 'commit', { previewToken: preview.previewToken });
    expect(commit.statusCode, commit.body).toBe(200);
    expect((await counts()).systems).toBe(3);
    const contract = (await t.owner.inject(`${base}/contracts`)).json().items[0];
    expect(contract.systems.map((system: { id: string }) => system.id)).toContain(visma.id);
  });

  it('without the vendor column the rows still match, and the vendor is kept', async () => {
    await upload(await workbook(sample), 'commit');
    const withoutVendor = sample['IKT-systemer']!.map((row) => row.filter((_cell, index) => index !== 2));
    const result = (await upload(await workbook({ 'IKT-systemer': withoutVendor }), 'commit')).json() as ImportResult;
    expect(summary(result)).toEqual({ systems: [0, 0, 3] });
    expect((await t.owner.inject(`${base}/systems?q=Gerica`)).json().items[0].vendor).toBe('Tieto');
  });

  it('lists rows missing from the file, keeps them by default, and deletes them in the same commit when asked', async () => {
    await upload(await workbook(sample), 'commit');
    const onlyVisma = {
      'IKT-systemer': [systemsHeader, sample['IKT-systemer']![1]!, sample['IKT-systemer']![3]!],
      Integrasjoner: [sample.Integrasjoner![0]!, sample.Integrasjoner![1]!],
    };
    const file = await workbook(onlyVisma);
    const kept = (await upload(file, 'preview')).json() as ImportResult;
    // Elements belongs to 4626, which the file has no rows for: not «missing».
    expect(kept.missing).toEqual([
      expect.objectContaining({ kind: 'integrations', label: 'Gerica → Kontakt- og reservasjonsregisteret', municipalityNumber: '4601', action: 'keep' }),
    ]);
    expect(kept.deleted).toBe(0);
    const removedPreview = (await upload(file, 'preview', { missing: 'delete' })).json() as ImportResult;
    expect(removedPreview.missing[0]!.action).toBe('delete');
    expect(removedPreview.deleted).toBe(1);
    const before = await counts();
    const commit = await upload(file, 'commit', { missing: 'delete', previewToken: removedPreview.previewToken });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json().deleted).toBe(1);
    expect(await counts()).toMatchObject({ systems: 3, integrations: before.integrations - 1 });
    const history = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?entity=integration`)).json().entries;
    expect(history[0]).toMatchObject({ action: 'delete', entityLabel: 'Gerica → Kontakt- og reservasjonsregisteret' });
  });

  it('stores nothing with unconfirmed warnings, and once confirmed stores what the preview said', async () => {
    const file = await workbook({
      'IKT-systemer': [
        [...systemsHeader, 'Kommentar'],
        ['4601', 'Visma Enterprise', 'Visma', null, null, null, 1200, null, 'ikke lest'],
      ],
    });
    const preview = (await upload(file, 'preview')).json() as ImportResult;
    expect(preview.problems).toEqual([]);
    expect(preview.warnings).toEqual([expect.objectContaining({ sheet: 'IKT-systemer', column: 'Kommentar' })]);
    const before = await counts();
    const refused = await upload(file, 'commit', { previewToken: preview.previewToken });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('IMPORT_NEEDS_CONFIRMATION');
    expect(refused.json().error.details.warnings).toEqual(preview.warnings);
    expect(await counts()).toEqual(before);
    const confirmed = await upload(file, 'commit', { confirmWarnings: true, previewToken: preview.previewToken });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().sheets).toEqual(preview.sheets);
    expect((await t.owner.inject(`${base}/systems`)).json().items[0]).toMatchObject({ name: 'Visma Enterprise', userCount: 1200 });
  });

  it('refuses a commit that would do something else than the preview showed', async () => {
    await upload(await workbook(sample), 'commit');
    const changed = structuredClone(sample);
    changed['IKT-systemer']![1]![6] = 1500;
    const file = await workbook({ 'IKT-systemer': changed['IKT-systemer']! });
    const preview = (await upload(file, 'preview')).json() as ImportResult;
    const visma = (await t.owner.inject(`${base}/systems?q=Visma`)).json().items[0];
    // Someone else sets the same system's users meanwhile.
    const patch = await t.owner.inject({
      method: 'PATCH',
      url: `${base}/systems/${visma.id}`,
      payload: { version: visma.version, userCount: 1500 },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const commit = await upload(file, 'commit', { previewToken: preview.previewToken });
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error.code).toBe('IMPORT_PREVIEW_OUTDATED');
    expect(commit.json().error.details.sheets[0]).toMatchObject({ updated: 0, unchanged: 3 });
  });
});

describe('spreadsheets as municipalities make them (fixtures saved by LibreOffice and Norwegian Excel)', () => {
  const fixture = async (name: string) => (await import('node:fs/promises')).readFile(new URL(`../../../../test-fixtures/import/${name}`, import.meta.url));

  beforeEach(async () => {
    mergerId = await t.createMerger({ name: 'Gjøvik og Lillehammer', municipalities: ['3405', '3407'] });
    base = `/api/v1/mergers/${mergerId}/inventory`;
  });

  it('reads renamed, copied and hidden sheets, a title row, a misspelt header and a filtered row, says so, and stores what it said', async () => {
    const file = await fixture('libreoffice-reshaped.xlsx');
    const preview = (await upload(file, 'preview')).json() as ImportResult;
    expect(preview.problems).toEqual([]);
    const warned = preview.warnings.map((warning) => [warning.sheet, warning.row, warning.column, warning.code]);
    expect(warned).toEqual(
      expect.arrayContaining([
        ['Forside', null, null, 'SHEET_NOT_READ'],
        ['IKT-systemer Gjøvik', null, null, 'SHEET_READ_AS'],
        ['IKT-systemer Gjøvik', 3, null, 'TITLE_ROWS_SKIPPED'],
        ['IKT-systemer Gjøvik', 3, 'Leverandor', 'COLUMN_READ_AS'],
        ['IKT-systemer Gjøvik', 3, 'Kommentar', 'UNKNOWN_COLUMN'],
        ['IKT-systemer Gjøvik', null, null, 'HIDDEN_ROWS'],
        ['IKT-systemer (2)', null, null, 'SHEET_READ_AS'],
        ['Avtaler Bærum', 1, 'Leverandør', 'MERGED_HEADER'],
        ['Avtaler_2024', null, null, 'SHEET_NOT_READ'],
        ['Integrasjoner', null, null, 'HIDDEN_SHEET'],
      ]),
    );
    expect(preview.warnings.find((warning) => warning.column === 'Kommentar')!.message).toContain('Mente du «Merknader»?');
    const before = await counts();
    expect((await upload(file, 'commit', { previewToken: preview.previewToken })).json().error.code).toBe('IMPORT_NEEDS_CONFIRMATION');
    expect(await counts()).toEqual(before);
    const commit = await upload(file, 'commit', { confirmWarnings: true, previewToken: preview.previewToken });
    expect(commit.statusCode, commit.body).toBe(200);
    const stored = (await t.owner.inject(`${base}/systems?sort=name`)).json().items as Array<{ name: string; vendor: string | null }>;
    const previewed = preview.sheets.filter((sheet) => sheet.kind === 'systems').flatMap((sheet) => sheet.newRows.map((row) => row.label));
    expect(stored.map((system) => system.name).sort()).toEqual(previewed.sort());
    // «Leverandor» was read as «Leverandør».
    expect(stored.some((system) => system.vendor !== null)).toBe(true);
  });

  it('warns at the cell where Calc made a version into a date, and stores what the preview showed once confirmed', async () => {
    const file = await fixture('libreoffice-version-as-date.xlsx');
    const preview = (await upload(file, 'preview')).json() as ImportResult;
    expect(preview.warnings.map((warning) => [warning.sheet, warning.row, warning.column, warning.code])).toEqual([
      ['IKT-systemer', 2, 'Versjon', 'TEXT_BECAME_DATE'],
      ['IKT-systemer', 3, 'Versjon', 'TEXT_BECAME_DATE'],
    ]);
    expect(preview.warnings[1]!.message).toContain('(14.01.2002) — skrev du 14.1.2?');
    const commit = await upload(file, 'commit', { confirmWarnings: true, previewToken: preview.previewToken });
    expect(commit.statusCode, commit.body).toBe(200);
    const elements = (await t.owner.inject(`${base}/systems?q=Elements`)).json().items[0];
    expect(elements.productVersion).toBe('14.01.2002');
  });

  it('imports the CSV Norwegian Excel saves (Windows-1252, sep=;, CRLF) with æøå exactly', async () => {
    const commit = await upload(await fixture('excel-windows-1252-sep.csv'), 'commit', { kind: 'systems' });
    expect(commit.statusCode, commit.body).toBe(200);
    const items = (await t.owner.inject(`${base}/systems?sort=name`)).json().items;
    expect(items.map((item: { name: string; vendor: string }) => [item.name, item.vendor])).toEqual([
      ['Sak/arkiv', 'Åsen Data'],
      ['Økonomi – «Visma»', 'Blåbær & Ærlig AS'],
    ]);
    expect(items[1].notes).toBe('Linje 1\nlinje 2; med semikolon');
    expect(items[1].productVersion).toBe('5.4');
  });
});
