import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '#server/platform/errors.ts';
import type { ImportProblem } from '#shared/contracts/inventory-import.ts';
import type { ParsedUpload } from './inventory-import.domain.ts';
import { foldName, readCsv, readWorkbook, TooManyRowsError } from './inventory-reading.ts';
import { layoutOfKind } from './inventory-sheets.ts';

const systems = layoutOfKind('systems');
const contracts = layoutOfKind('contracts');
const systemHeaders = systems.columns.map((column) => column.header);
const contractHeaders = contracts.columns.map((column) => column.header);

async function book(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sheetWith(workbook: ExcelJS.Workbook, name: string, rows: unknown[][], options?: Partial<ExcelJS.AddWorksheetOptions>) {
  const sheet = workbook.addWorksheet(name, options);
  rows.forEach((row, index) => {
    if (row.length > 0) sheet.getRow(index + 1).values = row as ExcelJS.CellValue[];
  });
  return sheet;
}

/** Sheet, row, column and code: what a user is pointed at. */
const where = (warnings: readonly ImportProblem[]) => warnings.map(({ sheet, row, column, code }) => ({ sheet, row, column, code }));
const message = (upload: ParsedUpload, code: string, sheet?: string) =>
  upload.warnings.find((warning) => warning.code === code && (sheet === undefined || warning.sheet === sheet))?.message;

const systemRow = (name: string, vendor = 'Visma') => ['3405', name, vendor];
const contractRow = (vendor: string) => ['3405', vendor, 'Lisens', 'Gjelder'];

describe('readWorkbook: sheets renamed, copied or unknown', () => {
  it('reads sheets that resemble a known one and fit its headers, says so, and keeps each sheet’s own name', async () => {
    const buffer = await book((wb) => {
      sheetWith(wb, 'Veiledning', [['Samla – kartlegging']]);
      sheetWith(wb, 'Lister', [['0301']], { state: 'hidden' });
      sheetWith(wb, 'IKT-systemer', [systemHeaders, systemRow('Gerica')]);
      sheetWith(wb, 'IKT-systemer (2)', [systemHeaders, systemRow('Elements')]);
      sheetWith(wb, 'ikt systemer', [systemHeaders, systemRow('Visma Flyt')]);
      sheetWith(wb, 'Avtaler Bærum', [contractHeaders, contractRow('Tieto')]);
      sheetWith(wb, 'Avtaler_2024', [
        ['Kommunenummer', 'Firma', 'Gjelder'],
        ['3405', 'Acos', 'Drift'],
      ]);
      sheetWith(wb, 'Ark1', [systemHeaders, systemRow('Profil')]);
      sheetWith(wb, 'Fagsystemer', [['Hva'], ['noe']]);
      sheetWith(wb, 'Budsjett', [
        ['Post', 'Beløp'],
        ['Lisenser', 1000],
      ]);
      sheetWith(wb, 'Ark2', []);
    });
    const upload = await readWorkbook(buffer, 100);
    expect(upload.sheets.map((sheet) => [sheet.sheet, sheet.layout.kind, sheet.rows.map((row) => row.cells[1])])).toEqual([
      ['IKT-systemer', 'systems', ['Gerica']],
      ['IKT-systemer (2)', 'systems', ['Elements']],
      ['ikt systemer', 'systems', ['Visma Flyt']],
      ['Avtaler Bærum', 'contracts', ['Tieto']],
    ]);
    expect(where(upload.warnings)).toEqual([
      { sheet: 'IKT-systemer (2)', row: null, column: null, code: 'SHEET_READ_AS' },
      { sheet: 'ikt systemer', row: null, column: null, code: 'SHEET_READ_AS' },
      { sheet: 'Avtaler Bærum', row: null, column: null, code: 'SHEET_READ_AS' },
      { sheet: 'Avtaler_2024', row: null, column: null, code: 'SHEET_NOT_READ' },
      { sheet: 'Ark1', row: null, column: null, code: 'SHEET_NOT_READ' },
      { sheet: 'Fagsystemer', row: null, column: null, code: 'SHEET_NOT_READ' },
      { sheet: 'Budsjett', row: null, column: null, code: 'SHEET_NOT_READ' },
      { sheet: 'Ark2', row: null, column: null, code: 'SHEET_NOT_READ' },
    ]);
    expect(message(upload, 'SHEET_READ_AS', 'Avtaler Bærum')).toBe(
      'Arket «Avtaler Bærum» er lest som «Avtaler». Gi arket navnet «Avtaler» for å slippe denne meldingen.',
    );
    expect(message(upload, 'SHEET_NOT_READ', 'Avtaler_2024')).toBe(
      'Arket «Avtaler_2024» er ikke lest: navnet ligner «Avtaler», men overskriftsraden mangler «Leverandør». ' +
        'Mente du arket «Avtaler»? Bruk overskriftene fra malen og last opp på nytt.',
    );
    expect(message(upload, 'SHEET_NOT_READ', 'Ark1')).toBe(
      'Arket «Ark1» er ikke lest: Samla kjenner ikke navnet. Mente du arket «IKT-systemer»? ' +
        'Overskriftene passer til «IKT-systemer». Gi arket navnet «IKT-systemer» og last opp på nytt.',
    );
    expect(message(upload, 'SHEET_NOT_READ', 'Fagsystemer')).toContain('Mente du arket «IKT-systemer»?');
    expect(message(upload, 'SHEET_NOT_READ', 'Budsjett')).not.toContain('Mente du');
    expect(message(upload, 'SHEET_NOT_READ', 'Budsjett')).toContain('«IKT-systemer», «Digitale tjenester»');
    expect(message(upload, 'SHEET_NOT_READ', 'Ark2')).toBe('Arket «Ark2» er ikke lest: Samla kjenner ikke navnet. Arket er tomt.');
  });

  it('reads a known name whatever its case and surrounding spaces, without a warning', async () => {
    const upload = await readWorkbook(await book((wb) => sheetWith(wb, ' avtaler ', [contractHeaders, contractRow('Visma')])), 100);
    expect(upload.warnings).toEqual([]);
    expect(upload.sheets.map((sheet) => [sheet.sheet, sheet.layout.kind])).toEqual([[' avtaler ', 'contracts']]);
  });

  it('reads the sheets of an earlier template by their old names («IKT-organisasjon», «Interkommunalt samarbeid»), without a warning', async () => {
    const itOrganisation = layoutOfKind('itOrganisation');
    const cooperation = layoutOfKind('intermunicipalCooperation');
    const upload = await readWorkbook(
      await book((wb) => {
        sheetWith(wb, 'IKT-organisasjon', [itOrganisation.columns.map((column) => column.header), ['3405', 'IKT-leder', 'Ledelse', 1]]);
        sheetWith(wb, 'interkommunalt samarbeid', [cooperation.columns.map((column) => column.header), ['3405', 'IKT Innlandet', 'Drift']]);
      }),
      100,
    );
    expect(upload.warnings).toEqual([]);
    expect(upload.sheets.map((sheet) => [sheet.sheet, sheet.layout.kind, sheet.rows.length])).toEqual([
      ['IKT-organisasjon', 'itOrganisation', 1],
      ['interkommunalt samarbeid', 'intermunicipalCooperation', 1],
    ]);
  });

  it('folds case, space, punctuation and æøå', () => {
    expect(foldName(' IKT-systemer (2) ')).toBe('iktsystemer2');
    expect(foldName('Løsningsområde:')).toBe('losningsomrade');
    expect(foldName('Årlig kostnad (kr)*')).toBe('arligkostnadkr');
    expect(foldName('Tilgang i ny kommune')).toBe(foldName('tilgang_i_ny_KOMMUNE'));
    expect(foldName('Ærlig')).toBe('aerlig');
  });
});

describe('readWorkbook: headers as people type them', () => {
  it('reads folded headers as Samla’s, warns about unknown and repeated ones, and gives canonical headers', async () => {
    const headers = [
      'Kommunenummer',
      'navn',
      'Leverandor',
      'Navn på system',
      'Kommentar',
      'Antall brukere:',
      'Versjon *',
      'Samla-ID',
      'samla id',
      'Leverandør',
      'Drfit',
      ' Produkt ',
    ];
    const upload = await readWorkbook(
      await book((wb) =>
        sheetWith(wb, 'IKT-systemer', [headers, ['3405', 'Gerica', 'Tieto', 'Gerica fagsystem', 'ok', 12, '5.4', 'id-1', 'id-2', 'Evry', 'Lokalt', 'P']]),
      ),
      100,
    );
    const [sheet] = upload.sheets;
    expect(sheet!.headers).toEqual(['Kommunenummer', 'Navn', 'Leverandør', null, null, 'Antall brukere', 'Versjon', 'Samla-ID', null, null, null, 'Produkt']);
    expect(sheet!.rows).toEqual([{ row: 2, cells: ['3405', 'Gerica', 'Tieto', 'Gerica fagsystem', 'ok', 12, '5.4', 'id-1', 'id-2', 'Evry', 'Lokalt', 'P'] }]);
    expect(where(upload.warnings)).toEqual([
      { sheet: 'IKT-systemer', row: 1, column: 'navn', code: 'COLUMN_READ_AS' },
      { sheet: 'IKT-systemer', row: 1, column: 'Leverandor', code: 'COLUMN_READ_AS' },
      { sheet: 'IKT-systemer', row: 1, column: 'Navn på system', code: 'UNKNOWN_COLUMN' },
      { sheet: 'IKT-systemer', row: 1, column: 'Kommentar', code: 'UNKNOWN_COLUMN' },
      { sheet: 'IKT-systemer', row: 1, column: 'Antall brukere:', code: 'COLUMN_READ_AS' },
      { sheet: 'IKT-systemer', row: 1, column: 'Versjon *', code: 'COLUMN_READ_AS' },
      { sheet: 'IKT-systemer', row: 1, column: 'samla id', code: 'DUPLICATE_COLUMN' },
      { sheet: 'IKT-systemer', row: 1, column: 'Leverandør', code: 'DUPLICATE_COLUMN' },
      { sheet: 'IKT-systemer', row: 1, column: 'Drfit', code: 'UNKNOWN_COLUMN' },
    ]);
    const text = (column: string) => upload.warnings.find((warning) => warning.column === column)!.message;
    expect(text('Leverandor')).toBe(
      'Kolonnen «Leverandor» (kolonne C) i arket «IKT-systemer» er lest som «Leverandør». Gi kolonnen overskriften «Leverandør» for å slippe denne meldingen.',
    );
    expect(text('Navn på system')).toBe(
      'Kolonnen «Navn på system» (kolonne D) i arket «IKT-systemer» er ikke lest: Samla kjenner ikke overskriften. ' +
        'Mente du «Navn»? Gi kolonnen den overskriften og last opp på nytt.',
    );
    expect(text('Kommentar')).toContain('Mente du «Merknader»?');
    expect(text('Drfit')).toContain('Mente du «Drift»?');
    expect(text('Leverandør')).toBe(
      'Kolonnen «Leverandør» står to ganger i arket «IKT-systemer» (kolonne C og J). Bare kolonne C er lest; kolonne J er ikke lest. ' +
        'Slå kolonnene sammen eller slett den ene.',
    );
  });

  it('says when an unknown header has no likely meaning, and when values stand in a column without a header', async () => {
    const upload = await readWorkbook(
      await book((wb) =>
        sheetWith(wb, 'IKT-systemer', [
          ['Kommunenummer', 'Navn', 'Budsjettpost'],
          ['3405', 'Gerica', 'x', null, 'notat'],
        ]),
      ),
      100,
    );
    expect(where(upload.warnings)).toEqual([
      { sheet: 'IKT-systemer', row: 1, column: 'Budsjettpost', code: 'UNKNOWN_COLUMN' },
      { sheet: 'IKT-systemer', row: 1, column: 'E', code: 'COLUMN_WITHOUT_HEADER' },
    ]);
    expect(upload.warnings[0]!.message).not.toContain('Mente du');
    expect(upload.warnings[1]!.message).toBe(
      'Kolonne E i arket «IKT-systemer» har verdier (første i rad 2), men ingen overskrift, og er ikke lest. Gi kolonnen en overskrift fra malen, eller slett verdiene.',
    );
  });
});

describe('readWorkbook: title rows, merged headers, hidden sheets and rows, blank rows', () => {
  it('finds the header below a title and warns once', async () => {
    const upload = await readWorkbook(
      await book((wb) => sheetWith(wb, 'IKT-systemer', [['Kartlegging Gjøvik kommune 2026'], [], systemHeaders, systemRow('Gerica')])),
      100,
    );
    const [sheet] = upload.sheets;
    expect(sheet!.headerRow).toBe(3);
    expect(sheet!.headers.slice(0, 3)).toEqual(['Kommunenummer', 'Navn', 'Leverandør']);
    expect(sheet!.rows.map((row) => row.row)).toEqual([4]);
    expect(upload.warnings).toEqual([
      {
        sheet: 'IKT-systemer',
        row: 3,
        column: null,
        code: 'TITLE_ROWS_SKIPPED',
        message: 'Overskriftsraden er rad 3; radene over er ikke lest.',
      },
    ]);
  });

  it('names merged header cells; the columns after the first are not read', async () => {
    const upload = await readWorkbook(
      await book((wb) => {
        const sheet = sheetWith(wb, 'IKT-systemer', [
          ['Kommunenummer', 'Navn', 'Leverandør', null, 'Versjon'],
          ['3405', 'Gerica', 'Tieto', 'Evry', '1.0'],
        ]);
        sheet.mergeCells('C1:D1');
      }),
      100,
    );
    const [sheet] = upload.sheets;
    expect(sheet!.headers.slice(0, 5)).toEqual(['Kommunenummer', 'Navn', 'Leverandør', null, 'Versjon']);
    expect(sheet!.rows[0]!.cells.slice(0, 5)).toEqual(['3405', 'Gerica', 'Tieto', 'Evry', '1.0']);
    expect(upload.warnings).toEqual([
      {
        sheet: 'IKT-systemer',
        row: 1,
        column: 'Leverandør',
        code: 'MERGED_HEADER',
        message:
          'Cellene C1:D1 i overskriftsraden er slått sammen. Kolonne D har derfor ingen overskrift og er ikke lest. ' +
          'Del opp de sammenslåtte cellene og gi hver kolonne sin egen overskrift.',
      },
    ]);
  });

  it('says where merged cells below the header give their value to every row they cover', async () => {
    const upload = await readWorkbook(
      await book((wb) => {
        const sheet = sheetWith(wb, 'IKT-systemer', [
          ['Kommunenummer', 'Navn', 'Leverandør'],
          ['3405', 'Gerica', 'Tieto'],
          [null, 'Elements', 'Sikri'],
          [null, 'Acos', null],
        ]);
        sheet.mergeCells('A2:A4');
      }),
      100,
    );
    expect(upload.sheets[0]!.rows.map((row) => row.cells[0])).toEqual(['3405', '3405', '3405']);
    expect(upload.warnings).toEqual([expect.objectContaining({ sheet: 'IKT-systemer', row: 2, column: 'Kommunenummer', code: 'MERGED_CELLS' })]);
    expect(upload.warnings[0]!.message).toContain('Cellene A2:A4');
  });

  it('reads hidden sheets and hidden rows, and says so', async () => {
    const upload = await readWorkbook(
      await book((wb) => {
        const sheet = sheetWith(wb, 'IKT-systemer', [systemHeaders, ...Array.from({ length: 14 }, (_, i) => systemRow(`System ${i + 2}`))], {
          state: 'hidden',
        });
        for (let row = 3; row <= 14; row++) sheet.getRow(row).hidden = true;
        const other = sheetWith(wb, 'Avtaler', [contractHeaders, contractRow('Visma'), contractRow('Tieto')], { state: 'veryHidden' });
        other.getRow(3).hidden = true;
      }),
      100,
    );
    expect(upload.sheets.map((sheet) => sheet.rows.length)).toEqual([14, 2]);
    expect(where(upload.warnings)).toEqual([
      { sheet: 'IKT-systemer', row: null, column: null, code: 'HIDDEN_SHEET' },
      { sheet: 'IKT-systemer', row: null, column: null, code: 'HIDDEN_ROWS' },
      { sheet: 'Avtaler', row: null, column: null, code: 'HIDDEN_SHEET' },
      { sheet: 'Avtaler', row: null, column: null, code: 'HIDDEN_ROWS' },
    ]);
    expect(message(upload, 'HIDDEN_ROWS', 'IKT-systemer')).toBe(
      'Radene 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 og 2 til i arket «IKT-systemer» er skjult (for eksempel av et filter), men blir importert. ' +
        'Vis alle rader i regnearket for å se hva som importeres, eller slett radene som ikke skal med.',
    );
    expect(message(upload, 'HIDDEN_ROWS', 'Avtaler')).toMatch(/^Rad 3 i arket «Avtaler» er skjult/);
    expect(message(upload, 'HIDDEN_SHEET', 'Avtaler')).toBe(
      'Arket «Avtaler» er skjult i arbeidsboken, men er lest. Vis arket (høyreklikk på en arkfane og velg «Vis») for å se hva som importeres.',
    );
  });

  it('skips rows with nothing but Kommunenummer or white space, silently, and counts rows after that', async () => {
    const rows = [systemHeaders, systemRow('Gerica'), ['3405'], ['3405', '  ', null, ' '], [null, ' '], ['3405', null, 'Visma']];
    for (let i = 0; i < 30; i++) rows.push(['3405']);
    const buffer = await book((wb) => sheetWith(wb, 'IKT-systemer', rows));
    const upload = await readWorkbook(buffer, 2);
    expect(upload.warnings).toEqual([]);
    expect(upload.sheets[0]!.rows.map((row) => row.row)).toEqual([2, 6]);
    await expect(readWorkbook(buffer, 1)).rejects.toMatchObject({ sheet: 'IKT-systemer', rows: 2 });
    await expect(readWorkbook(buffer, 1)).rejects.toBeInstanceOf(TooManyRowsError);
  });
});

// ---------------------------------------------------------------- CSV

/** Windows-1252 for the characters these tests use (all within Latin-1). */
const cp1252 = (text: string) => Buffer.from(text, 'latin1');

describe('readCsv', () => {
  const header = 'Kommunenummer;Navn;Leverandør;Merknader';

  it('reads «CSV (semikolonseparert)» from a Norwegian Excel: Windows-1252, sep=;, CRLF, æøå exactly', () => {
    const bytes = cp1252(`sep=;\r\n${header}\r\n3405;Økonomi;Blåbær AS;"Linje 1\r\nlinje 2; med semikolon"\r\n3405;;;\r\n3407;Ærlig;Å;\r\n`);
    const upload = readCsv(bytes, systems, 100);
    expect(upload.warnings).toEqual([]);
    expect(upload.sheets).toEqual([
      {
        sheet: 'CSV',
        layout: systems,
        headerRow: 1,
        headers: ['Kommunenummer', 'Navn', 'Leverandør', 'Merknader', ...Array(systems.columns.length - 4).fill(null)],
        rows: [
          { row: 2, cells: ['3405', 'Økonomi', 'Blåbær AS', 'Linje 1\r\nlinje 2; med semikolon', ...Array(systems.columns.length - 4).fill(null)] },
          { row: 4, cells: ['3407', 'Ærlig', 'Å', '', ...Array(systems.columns.length - 4).fill(null)] },
        ],
      },
    ]);
  });

  it('reads UTF-8 with and without a byte-order mark, UTF-16, tabs and commas alike', () => {
    const expected = ['3405', 'Blåbær', 'Ærlig AS'];
    const cellsOf = (upload: ParsedUpload) => upload.sheets[0]!.rows[0]!.cells.slice(0, 3);
    expect(cellsOf(readCsv(Buffer.from(`\uFEFF${header}\n3405;Blåbær;Ærlig AS\n`), systems, 10))).toEqual(expected);
    expect(cellsOf(readCsv(Buffer.from(`Kommunenummer,Navn,Leverandør\n3405,Blåbær,Ærlig AS\n`), systems, 10))).toEqual(expected);
    const utf16 = Buffer.from(`\uFEFFKommunenummer\tNavn\tLeverandør\r\n3405\tBlåbær\tÆrlig AS\r\n`, 'utf16le');
    expect(cellsOf(readCsv(utf16, systems, 10))).toEqual(expected);
  });

  it('applies the same header rules: title lines, folded and unknown headers', () => {
    const upload = readCsv(cp1252('Kartlegging Gjøvik;;\r\nkommunenummer;Navn:;Leverandor;Kommentar\r\n3407;Gerica;Tieto;x\r\n'), systems, 10);
    expect(upload.sheets[0]!.headerRow).toBe(2);
    expect(upload.sheets[0]!.headers.slice(0, 4)).toEqual(['Kommunenummer', 'Navn', 'Leverandør', null]);
    expect(where(upload.warnings)).toEqual([
      { sheet: 'CSV', row: 2, column: null, code: 'TITLE_ROWS_SKIPPED' },
      { sheet: 'CSV', row: 2, column: 'kommunenummer', code: 'COLUMN_READ_AS' },
      { sheet: 'CSV', row: 2, column: 'Navn:', code: 'COLUMN_READ_AS' },
      { sheet: 'CSV', row: 2, column: 'Leverandor', code: 'COLUMN_READ_AS' },
      { sheet: 'CSV', row: 2, column: 'Kommentar', code: 'UNKNOWN_COLUMN' },
    ]);
  });

  it('refuses binary files with a Norwegian message', () => {
    const refusal = (bytes: Buffer): [string, string] | undefined => {
      try {
        readCsv(bytes, systems, 10);
      } catch (error) {
        if (error instanceof DomainError) return [error.code, error.message];
        throw error;
      }
      return undefined;
    };
    expect(refusal(Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n', 'latin1'))).toEqual([
      'NOT_A_SPREADSHEET',
      'Filen er en PDF, ikke et regneark. Last opp en xlsx-fil eller en CSV-fil.',
    ]);
    expect(refusal(Buffer.from([0x4e, 0x61, 0x76, 0x6e, 0x00, 0x01]))![0]).toBe('NOT_A_SPREADSHEET');
    expect(refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual([
      'NOT_A_SPREADSHEET',
      'Filen er i det gamle Excel-formatet (.xls). Lagre den som «Excel-arbeidsbok (.xlsx)» eller som CSV, og last opp på nytt.',
    ]);
  });

  it('counts rows after blank ones are left out', () => {
    const bytes = Buffer.from(`${header}\n3405;A\n3405;;;\n;\n3405;B\n`);
    expect(readCsv(bytes, systems, 2).sheets[0]!.rows.map((row) => row.row)).toEqual([2, 5]);
    expect(() => readCsv(bytes, systems, 1)).toThrow(TooManyRowsError);
  });
});

// ---------------------------------------------------------------- files saved by LibreOffice Calc (scripts/make-import-fixtures.mjs)

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../test-fixtures/import/${name}`, import.meta.url)));

describe('files saved by LibreOffice Calc and Excel', () => {
  it('reads Samla’s template filled in Calc: its own sheets silent, pre-filled Kommunenummer rows blank', async () => {
    const upload = await readWorkbook(fixture('libreoffice-template-filled.xlsx'), 100);
    expect(upload.warnings).toEqual([]);
    const [systemSheet, , contractSheet] = upload.sheets;
    expect(systemSheet!.rows).toEqual([
      { row: 2, cells: ['3405', 'Gerica', 'Tieto', 'Gerica', '5.4', 'Helse og omsorg', 'Pleie', 'Lokalt', 120, 'Helse', 'Ja', 'Skrevet i Calc'] },
      { row: 3, cells: ['3407', 'Visma Flyt Skole', 'Visma', null, null, 'Oppvekst', null, 'SaaS/sky', 800, null, 'Nei', null] },
    ]);
    expect(contractSheet!.rows[0]!.cells.slice(4, 6)).toEqual([new Date(Date.UTC(2021, 2, 1)), new Date(Date.UTC(2027, 11, 31))]);
  });

  it('reads a workbook a municipality reshaped: renamed and copied sheets, title, filter, merged header, hidden sheet', async () => {
    const upload = await readWorkbook(fixture('libreoffice-reshaped.xlsx'), 100);
    expect(upload.sheets.map((sheet) => [sheet.sheet, sheet.layout.kind, sheet.headerRow, sheet.rows.map((row) => row.row)])).toEqual([
      ['IKT-systemer Gjøvik', 'systems', 3, [4, 5, 6]],
      ['IKT-systemer (2)', 'systems', 1, [2]],
      ['Avtaler Bærum', 'contracts', 1, [2]],
      ['Integrasjoner', 'integrations', 1, [2]],
    ]);
    expect(upload.sheets[0]!.headers.slice(0, 6)).toEqual(['Kommunenummer', 'Navn', 'Leverandør', 'Versjon', null, 'Antall brukere']);
    expect(upload.sheets[0]!.rows[0]!.cells.slice(0, 6)).toEqual(['3407', 'Gerica', 'Tieto', '5.4', 'ok', 120]);
    expect(upload.sheets[2]!.headers.slice(0, 5)).toEqual(['Kommunenummer', 'Leverandør', null, 'Gjelder', 'Årlig kostnad (kr)']);
    expect(where(upload.warnings)).toEqual([
      { sheet: 'Forside', row: null, column: null, code: 'SHEET_NOT_READ' },
      { sheet: 'IKT-systemer Gjøvik', row: null, column: null, code: 'SHEET_READ_AS' },
      { sheet: 'IKT-systemer Gjøvik', row: 3, column: null, code: 'TITLE_ROWS_SKIPPED' },
      { sheet: 'IKT-systemer Gjøvik', row: 3, column: 'Leverandor', code: 'COLUMN_READ_AS' },
      { sheet: 'IKT-systemer Gjøvik', row: 3, column: 'Kommentar', code: 'UNKNOWN_COLUMN' },
      { sheet: 'IKT-systemer Gjøvik', row: 3, column: 'Antall brukere:', code: 'COLUMN_READ_AS' },
      { sheet: 'IKT-systemer Gjøvik', row: null, column: null, code: 'HIDDEN_ROWS' },
      { sheet: 'IKT-systemer (2)', row: null, column: null, code: 'SHEET_READ_AS' },
      { sheet: 'Avtaler Bærum', row: null, column: null, code: 'SHEET_READ_AS' },
      { sheet: 'Avtaler Bærum', row: 1, column: 'Leverandør', code: 'MERGED_HEADER' },
      { sheet: 'Avtaler_2024', row: null, column: null, code: 'SHEET_NOT_READ' },
      { sheet: 'Budsjett', row: null, column: null, code: 'SHEET_NOT_READ' },
      { sheet: 'Integrasjoner', row: null, column: null, code: 'HIDDEN_SHEET' },
    ]);
    expect(message(upload, 'HIDDEN_ROWS')).toMatch(/^Rad 6 i arket «IKT-systemer Gjøvik» er skjult/);
    expect(message(upload, 'MERGED_HEADER')).toContain('Cellene B1:C1');
  });

  it('reads CSV saved by Calc and by Excel in Windows-1252 with semicolons, æøå and dashes exactly', () => {
    for (const name of ['calc-windows-1252-semicolon.csv', 'excel-windows-1252-sep.csv']) {
      const upload = readCsv(fixture(name), systems, 100);
      expect(upload.warnings).toEqual([]);
      const [sheet] = upload.sheets;
      expect(sheet!.headers.slice(0, 5)).toEqual(['Kommunenummer', 'Navn', 'Leverandør', 'Versjon', 'Merknader']);
      expect(sheet!.rows.map((row) => row.cells.slice(0, 5))).toEqual([
        ['3405', 'Økonomi – «Visma»', 'Blåbær & Ærlig AS', '5.4', 'Linje 1\nlinje 2; med semikolon'],
        ['3407', 'Sak/arkiv', 'Åsen Data', '', '"sitat"'],
      ]);
      expect(sheet!.rows.map((row) => row.row)).toEqual([2, 3]);
    }
  });

  it('gives the dates Calc made of version numbers as dates (the plan decides what to say about them)', async () => {
    const upload = await readWorkbook(fixture('libreoffice-version-as-date.xlsx'), 100);
    expect(upload.warnings).toEqual([]);
    const versions = upload.sheets[0]!.rows.map((row) => row.cells[3]);
    expect(versions[0]).toBeInstanceOf(Date);
    expect((versions[0] as Date).toISOString().slice(5, 10)).toBe('04-05');
    expect(versions.slice(1)).toEqual([new Date(Date.UTC(2002, 0, 14)), 2024]);
  });
});
