import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLargeMergerWorkbook } from '../../../../bench/generate-large-merger.ts';
import { DomainError } from '#server/platform/errors.ts';
import { closeWorkerPool, WorkerPool } from '#server/platform/workers/worker-pool.ts';
import { sheetLayouts } from './inventory-sheets.ts';
import { parseUpload, readUpload } from './inventory-upload.ts';
import { readXlsxSheets } from './xlsx-reader.ts';
import { buildCompoundFile, buildWorkbook, buildZip, textCell } from './zip-test-helpers.ts';

afterAll(async () => {
  await closeWorkerPool();
});

const header = `<row r="1">${textCell('A1', 'Kommunenummer')}${textCell('B1', 'Navn')}${textCell('C1', 'Leverandør')}</row>`;
const oneRow = `<row r="2">${textCell('A2', '4601')}${textCell('B2', 'Visma')}${textCell('C2', 'Visma AS')}</row>`;
const systems = (sheetData: string) => buildWorkbook({ sheets: [{ name: 'IKT-systemer', sheetData }] });

/** The refusal parseUpload gives, and how long it took to give it. */
async function refusal(body: Buffer): Promise<{ error: DomainError; ms: number }> {
  const start = performance.now();
  const error = await parseUpload(body, undefined).then(
    () => undefined,
    (e: unknown) => e,
  );
  const ms = performance.now() - start;
  expect(error).toBeInstanceOf(DomainError);
  return { error: error as DomainError, ms };
}

async function expectRefused(body: Buffer, code: string, message?: RegExp): Promise<DomainError> {
  const { error, ms } = await refusal(body);
  expect(error.code).toBe(code);
  expect(error.statusCode).toBeGreaterThanOrEqual(400);
  expect(error.statusCode).toBeLessThan(500);
  if (message) expect(error.message).toMatch(message);
  // Not a timing assertion of speed (npm run bench does that): a guard against the stalls the review found.
  expect(ms).toBeLessThan(3000);
  return error;
}

describe('parseUpload reads what it should', () => {
  it('reads a small workbook and filters it to the kind', async () => {
    const body = buildWorkbook({
      sheets: [
        { name: 'IKT-systemer', sheetData: header + oneRow },
        { name: 'Avtaler', sheetData: `<row r="1">${textCell('A1', 'Kommunenummer')}${textCell('B1', 'Leverandør')}${textCell('C1', 'Gjelder')}</row>` },
      ],
    });
    const all = await parseUpload(body, undefined);
    expect(all.sheets.map((sheet) => sheet.sheet)).toEqual(['IKT-systemer', 'Avtaler']);
    expect(all.sheets[0]!.rows[0]!.cells.slice(0, 3)).toEqual(['4601', 'Visma', 'Visma AS']);
    const some = await parseUpload(body, 'contracts');
    expect(some.sheets.map((sheet) => sheet.layout.kind)).toEqual(['contracts']);
  });

  it('reads CSV for a kind, and asks for the kind without one', async () => {
    const csv = Buffer.from('Kommunenummer;Navn;Leverandør\r\n4601;Visma;Visma AS\r\n');
    expect((await parseUpload(csv, 'systems')).sheets[0]!.rows).toHaveLength(1);
    await expectRefused(csv, 'KIND_REQUIRED');
  });
});

describe('parseUpload refuses files that are not xlsx, by their bytes', () => {
  it('a password-protected xlsx (a compound file with EncryptionInfo)', async () => {
    const error = await expectRefused(buildCompoundFile(['EncryptionInfo', 'EncryptedPackage']), 'PASSWORD_PROTECTED', /beskyttet med passord/);
    expect(error.message).toContain('Krypter med passord');
  });

  it('an old .xls (a compound file without EncryptionInfo)', async () => {
    await expectRefused(buildCompoundFile(['Workbook', '\u0005SummaryInformation']), 'OLD_EXCEL_FORMAT', /gamle Excel-formatet \(\.xls\)/);
  });

  it('an OpenDocument spreadsheet (.ods)', async () => {
    const ods = buildZip([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
      { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
    ]);
    await expectRefused(ods, 'ODS_NOT_SUPPORTED', /OpenDocument-regneark/);
    // Another OpenDocument file is simply not a spreadsheet.
    const odt = buildZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text') }]);
    await expectRefused(odt, 'NOT_A_SPREADSHEET');
  });

  it('an empty body', async () => {
    await expectRefused(Buffer.alloc(0), 'NOT_A_SPREADSHEET');
  });
});

describe('parseUpload on crafted workbooks: a clear 4xx refusal, quickly', () => {
  it('a cell reference past column XFD', async () => {
    await expectRefused(systems(header + '<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>'), 'NOT_A_SPREADSHEET', /ZZZZZZ2.*XFD/);
    await expectRefused(systems(header + '<row r="2"><c r="XFE2"><v>1</v></c></row>'), 'NOT_A_SPREADSHEET', /XFE2/);
    await expectRefused(
      systems(header + '<row r="2"><c r="A2"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>1</v></c></row>'),
      'NOT_A_SPREADSHEET',
      /1048577/,
    );
  });

  it('a merge over the whole sheet is clipped to the cells the sheet has, never allocated by its size', async () => {
    const body = buildWorkbook({
      sheets: [
        {
          name: 'IKT-systemer',
          worksheetXml:
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
            header +
            oneRow +
            '</sheetData><mergeCells count="1"><mergeCell ref="B2:XFD1048576"/></mergeCells></worksheet>',
        },
      ],
    });
    const start = performance.now();
    const [sheet] = readXlsxSheets(body, () => true, 20_000).sheets;
    expect(performance.now() - start).toBeLessThan(3000);
    expect(sheet!.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 3 }]);
    expect(sheet!.rows.map((row) => row.cells)).toEqual([
      ['Kommunenummer', 'Navn', 'Leverandør'],
      ['4601', 'Visma', 'Visma'],
    ]);
    // A merge past XFD is no sheet Excel made.
    const past = buildWorkbook({
      sheets: [
        {
          name: 'IKT-systemer',
          worksheetXml: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}</sheetData><mergeCells><mergeCell ref="A1:ZZZZ9"/></mergeCells></worksheet>`,
        },
      ],
    });
    await expectRefused(past, 'NOT_A_SPREADSHEET', /A1:ZZZZ9/);
  });

  it('5,000 unclosed <si in the shared strings', async () => {
    const body = buildWorkbook({
      sheets: [{ name: 'IKT-systemer', sheetData: header }],
      sharedStrings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si '.repeat(5000)}`,
    });
    await expectRefused(body, 'NOT_A_SPREADSHEET', /sharedStrings\.xml er ikke gyldig XML/);
  });

  it('attribute soup: an element with a great many attributes, and unclosed tags in the sheet data', async () => {
    const soup = Array.from({ length: 100_000 }, (_, i) => ` a${i}="x"`).join('');
    await expectRefused(systems(`${header}<row r="2"${soup}>${textCell('A2', '1')}</row>`), 'NOT_A_SPREADSHEET', /attributter/);
    await expectRefused(systems(header + '<row r="2" '.repeat(5000)), 'NOT_A_SPREADSHEET', /ikke gyldig XML/);
    await expectRefused(systems(header + '<c r="A2" s="'.repeat(5000)), 'NOT_A_SPREADSHEET');
    // Elements nested without end.
    await expectRefused(systems(header + '<row r="2"><c r="A2"><is>' + '<r>'.repeat(10_000)), 'NOT_A_SPREADSHEET', /nøstet/);
  });

  it('many sheets pointing at one large part: the part is inflated and read once', async () => {
    const big =
      header + Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 2}">${textCell(`A${i + 2}`, '4601')}${textCell(`B${i + 2}`, `S${i}`)}</row>`).join('');
    const sheets = [
      { name: 'IKT-systemer', sheetData: big, target: 'worksheets/big.xml' },
      ...Array.from({ length: 60 }, (_, i) => ({ name: `IKT-systemer ${i}`, target: 'worksheets/big.xml' })),
    ];
    const start = performance.now();
    const read = readXlsxSheets(buildWorkbook({ sheets }), () => true, 20_000);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(read.sheets).toHaveLength(61);
    expect(read.sheets[60]!.rows).toBe(read.sheets[0]!.rows);
    // And past the limit of sheets, a refusal.
    const many = Array.from({ length: 1001 }, (_, i) => ({ name: `Ark ${i}`, target: 'worksheets/big.xml', sheetData: header }));
    await expectRefused(buildWorkbook({ sheets: many }), 'SPREADSHEET_TOO_LARGE', /1000 ark/);
  });

  it('a zip bomb, whatever its directory claims', async () => {
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(120 * 1024 * 1024) }], { claimedSize: 1000 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectRefused(bomb, 'SPREADSHEET_TOO_LARGE', /100 MB/);
    // In a part the reader would not even keep.
    const hidden = buildWorkbook({
      sheets: [{ name: 'IKT-systemer', sheetData: header }],
      extra: [{ name: 'xl/media/image1.png', data: Buffer.alloc(120 * 1024 * 1024) }],
    });
    await expectRefused(hidden, 'SPREADSHEET_TOO_LARGE');
  });

  it('cells far to the right on every row: refused by the cap on cells held, not by running out of memory', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `<row r="${i + 2}">${textCell(`A${i + 2}`, 'x')}<c r="XFD${i + 2}" s="1"/></row>`).join('');
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="0"/></cellXfs></styleSheet>';
    const body = buildWorkbook({ sheets: [{ name: 'IKT-systemer', sheetData: header + rows }], styles });
    await expectRefused(body, 'SPREADSHEET_TOO_LARGE', /celler/);
  });

  it('a DTD (entity expansion) is refused', async () => {
    const body = buildWorkbook({
      sheets: [
        {
          name: 'IKT-systemer',
          worksheetXml: '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><worksheet><sheetData/></worksheet>',
        },
      ],
    });
    await expectRefused(body, 'NOT_A_SPREADSHEET', /DTD/);
  });
});

describe('readUpload runs parseUpload in a worker thread', () => {
  it('gives the same sheets, with Samla’s own layouts', async () => {
    const body = buildWorkbook({ sheets: [{ name: 'IKT-systemer', sheetData: header + oneRow }] });
    const inThread = await parseUpload(body, undefined);
    const inWorker = await readUpload(body, undefined);
    expect(inWorker).toEqual(inThread);
    expect(inWorker.sheets[0]!.layout).toBe(sheetLayouts.find((layout) => layout.kind === 'systems'));
  });

  it('a refusal in the worker is the same DomainError here', async () => {
    const error = await readUpload(buildCompoundFile(['EncryptionInfo']), undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'PASSWORD_PROTECTED', statusCode: 400 });
    await expect(readUpload(systems(header + '<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>'), undefined)).rejects.toMatchObject({
      code: 'NOT_A_SPREADSHEET',
      statusCode: 400,
    });
    await expect(readUpload('tekst', 'systems')).rejects.toMatchObject({ code: 'NOT_A_SPREADSHEET' });
  });
});

describe('the worker pool', () => {
  it('ends a task past its time limit (terminating its thread) and answers with the caller’s refusal', async () => {
    const pool = new WorkerPool({ threads: 1, timeoutMs: 30 });
    try {
      const body = await generateLargeMergerWorkbook();
      const error = await pool
        .run('parseUpload', { body, kind: undefined }, { onTimeout: () => new DomainError('SPREADSHEET_TOO_SLOW', 400, 'for sakte') })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'SPREADSHEET_TOO_SLOW', statusCode: 400, message: 'for sakte' });
      // The pool goes on with a new thread.
      const small = buildWorkbook({ sheets: [{ name: 'IKT-systemer', sheetData: header + oneRow }] });
      await expect(pool.run('parseUpload', { body: small, kind: undefined }, { timeoutMs: 20_000 })).resolves.toMatchObject({ warnings: [] });
    } finally {
      await pool.close();
    }
  });

  it('a thread that runs out of memory is a 4xx refusal, not a crash', async () => {
    const pool = new WorkerPool({ threads: 1, maxOldGenerationSizeMb: 32, timeoutMs: 20_000 });
    try {
      // Many distinct shared strings: far more heap than 32 MB.
      const strings = Array.from({ length: 1_500_000 }, (_, i) => `<si><t>tekst nummer ${i} med litt ekstra</t></si>`).join('');
      const body = buildWorkbook({
        sheets: [{ name: 'IKT-systemer', sheetData: header }],
        sharedStrings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`,
      });
      const error = await pool
        .run('parseUpload', { body, kind: undefined }, { onOutOfMemory: () => new DomainError('SPREADSHEET_TOO_LARGE', 400, 'for stor') })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'SPREADSHEET_TOO_LARGE', statusCode: 400, message: 'for stor' });
    } finally {
      await pool.close();
    }
  });

  it('refuses with 503 BUSY when every thread is busy and the queue is full', async () => {
    const pool = new WorkerPool({ threads: 1, maxQueue: 1, timeoutMs: 20_000 });
    try {
      const body = await generateLargeMergerWorkbook();
      const first = pool.run('parseUpload', { body, kind: undefined });
      const second = pool.run('parseUpload', { body, kind: undefined });
      const third = await pool.run('parseUpload', { body, kind: undefined }).catch((e: unknown) => e);
      expect(third).toBeInstanceOf(DomainError);
      expect(third).toMatchObject({ code: 'BUSY', statusCode: 503, details: { retryAfterSeconds: expect.any(Number) } });
      await expect(Promise.all([first, second])).resolves.toHaveLength(2);
    } finally {
      await pool.close();
    }
  });
});
