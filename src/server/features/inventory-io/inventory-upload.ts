import { DomainError, invalid } from '#server/platform/errors.ts';
import { workerPool } from '#server/platform/workers/worker-pool.ts';
import type { InventoryKindKey } from '#shared/contracts/inventory.ts';
import type { ParsedUpload } from './inventory-import.domain.ts';
import { decodeCsvText, readCsv, readWorkbook, TooManyRowsError } from './inventory-reading.ts';
import { layoutOfKind, sheetLayouts } from './inventory-sheets.ts';
import { XlsxReadError, xlsxLimits } from './xlsx-reader.ts';
import { hasEncryptionInfo, isCompoundFile, isZip, openDocumentType, zipEntries } from './zip-guard.ts';

/**
 * An upload read into sheets (decision 020): what the bytes are (xlsx, CSV,
 * or a file Samla explains it cannot read), then the workbook or CSV read
 * and filtered to the kind asked for. `parseUpload` does it in the calling
 * thread; `readUpload` in a worker thread, so that a crafted file can cost
 * at most one thread for at most the time limit.
 */

export const importLimits = {
  /** The request body. */
  maxBytes: 10 * 1024 * 1024,
  /** What the workbook unpacks to: a real 20,000-row workbook is far below this. */
  maxUncompressedBytes: xlsxLimits.maxUncompressedBytes,
  maxRowsPerSheet: 20_000,
  /** Reading one upload in the worker. */
  parseTimeoutMs: 20_000,
};

export const uploadRefusals = {
  empty: () => invalid('NOT_A_SPREADSHEET', 'Filen er tom eller ikke et regneark. Last opp en xlsx-fil eller en CSV-fil.'),
  passwordProtected: () =>
    invalid(
      'PASSWORD_PROTECTED',
      'Arbeidsboken er beskyttet med passord. Åpne den i Excel, fjern passordet (Fil › Info › Beskytt arbeidsbok › Krypter med passord, tøm feltet), lagre og last opp på nytt.',
    ),
  oldExcel: () => invalid('OLD_EXCEL_FORMAT', 'Filen er i det gamle Excel-formatet (.xls). Åpne den i Excel eller LibreOffice og lagre som .xlsx.'),
  ods: () =>
    invalid('ODS_NOT_SUPPORTED', 'Filen er et OpenDocument-regneark (.ods). Lagre den som .xlsx (Fil › Lagre som › Excel 2007–365) og last opp på nytt.'),
  notXlsx: (message = 'Filen kunne ikke leses som en xlsx-arbeidsbok.') => invalid('NOT_A_SPREADSHEET', message),
  tooLarge: (message: string) => invalid('SPREADSHEET_TOO_LARGE', message),
  tooSlow: () =>
    invalid(
      'SPREADSHEET_TOO_SLOW',
      `Filen tok for lang tid å lese (mer enn ${importLimits.parseTimeoutMs / 1000} sekunder) og ble avbrutt. ` +
        'Lagre den på nytt fra Excel, eller del den opp i flere filer.',
    ),
  outOfMemory: () =>
    invalid(
      'SPREADSHEET_TOO_LARGE',
      'Filen krevde mer minne å lese enn Samla gir en opplasting, og ble avbrutt. Del den opp i flere filer, eller fjern det som ikke hører hjemme.',
    ),
  tooManyRows: (sheet: string, rows: number) =>
    new DomainError('TOO_MANY_ROWS', 400, `Arket «${sheet}» har ${rows} rader; grensen er ${importLimits.maxRowsPerSheet} per ark.`, {
      sheet,
      rows,
      limit: importLimits.maxRowsPerSheet,
    }),
  kindRequired: () => invalid('KIND_REQUIRED', 'Oppgi hvilken type register CSV-filen gjelder (parameteren kind).'),
  noKnownSheets: () =>
    invalid('NO_KNOWN_SHEETS', `Arbeidsboken har ingen ark Samla kjenner. Arkene må hete ${sheetLayouts.map((l) => `«${l.sheet}»`).join(', ')}.`),
};

const openDocumentSpreadsheet = 'application/vnd.oasis.opendocument.spreadsheet';

async function readXlsx(body: Buffer, kind: InventoryKindKey | undefined): Promise<ParsedUpload> {
  const entries = zipEntries(body);
  if (!entries) throw uploadRefusals.notXlsx('Filen er ikke en gyldig xlsx-fil.');
  if (openDocumentType(body, entries) === openDocumentSpreadsheet) throw uploadRefusals.ods();
  let upload: ParsedUpload;
  try {
    upload = await readWorkbook(body, importLimits.maxRowsPerSheet);
  } catch (error) {
    if (error instanceof TooManyRowsError || error instanceof DomainError) throw error;
    if (error instanceof XlsxReadError) {
      throw error.reason === 'too-large' ? uploadRefusals.tooLarge(error.message) : uploadRefusals.notXlsx(error.message);
    }
    throw uploadRefusals.notXlsx();
  }
  // With a kind, only that kind's sheet is read: «import just the systems from this workbook».
  const sheets = kind ? upload.sheets.filter((sheet) => sheet.layout.kind === kind) : upload.sheets;
  if (sheets.length === 0) throw uploadRefusals.noKnownSheets();
  return { sheets, warnings: upload.warnings };
}

/**
 * The upload as sheets, or a DomainError saying why not. Pure: no database,
 * no request; runs in a worker thread through `readUpload`.
 */
export async function parseUpload(body: Buffer, kind: InventoryKindKey | undefined): Promise<ParsedUpload> {
  if (body.length === 0) throw uploadRefusals.empty();
  try {
    // Microsoft's compound file: an .xls, or an xlsx encrypted with a password.
    if (isCompoundFile(body)) throw hasEncryptionInfo(body) ? uploadRefusals.passwordProtected() : uploadRefusals.oldExcel();
    if (isZip(body)) return await readXlsx(body, kind);
    if (!kind) {
      // What is not text is refused as such before the kind is asked for.
      decodeCsvText(body);
      throw uploadRefusals.kindRequired();
    }
    return readCsv(body, layoutOfKind(kind), importLimits.maxRowsPerSheet);
  } catch (error) {
    if (error instanceof TooManyRowsError) throw uploadRefusals.tooManyRows(error.sheet, error.rows);
    throw error;
  }
}

/**
 * `parseUpload` in a worker thread (#server/lib/worker-pool.ts): the event
 * loop keeps answering while a file is read; a file that takes longer than
 * importLimits.parseTimeoutMs, or more memory than a worker has, is refused.
 */
export async function readUpload(body: unknown, kind: InventoryKindKey | undefined): Promise<ParsedUpload> {
  if (!Buffer.isBuffer(body) || body.length === 0) throw uploadRefusals.empty();
  const parsed = await workerPool().run(
    'parseUpload',
    { body, kind },
    { timeoutMs: importLimits.parseTimeoutMs, onTimeout: uploadRefusals.tooSlow, onOutOfMemory: uploadRefusals.outOfMemory },
  );
  // A layout is data and arrives as a copy; code that compares layouts wants Samla's own.
  return { ...parsed, sheets: parsed.sheets.map((sheet) => ({ ...sheet, layout: layoutOfKind(sheet.layout.kind) })) };
}
