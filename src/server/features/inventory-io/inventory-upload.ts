import { DomainError, invalid } from '#server/platform/errors.ts';
import { workerPool } from '#server/platform/workers/worker-pool.ts';
import type { InventoryKindKey } from '#shared/contracts/inventory.ts';
import type { Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
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
 * at most one thread for at most the time limit. `language` is the reader's:
 * the warnings the reading makes are in it (refusals carry all three).
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

const timeoutSeconds = importLimits.parseTimeoutMs / 1000;

export const uploadRefusals = {
  empty: () =>
    invalid('NOT_A_SPREADSHEET', {
      nb: 'Filen er tom eller ikke et regneark. Last opp en xlsx-fil eller en CSV-fil.',
      nn: 'Fila er tom eller ikkje eit rekneark. Last opp ei xlsx-fil eller ei CSV-fil.',
      en: 'The file is empty or not a spreadsheet. Upload an xlsx file or a CSV file.',
    }),
  passwordProtected: () =>
    invalid('PASSWORD_PROTECTED', {
      nb: 'Arbeidsboken er beskyttet med passord. Åpne den i Excel, fjern passordet (Fil › Info › Beskytt arbeidsbok › Krypter med passord, tøm feltet), lagre og last opp på nytt.',
      nn: 'Arbeidsboka er verna med passord. Opne ho i Excel, fjern passordet (Fil › Info › Vern arbeidsbok › Krypter med passord, tøm feltet), lagre og last opp på nytt.',
      en: 'The workbook is protected by a password. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, empty the field), save and upload again.',
    }),
  oldExcel: () =>
    invalid('OLD_EXCEL_FORMAT', {
      nb: 'Filen er i det gamle Excel-formatet (.xls). Åpne den i Excel eller LibreOffice og lagre som .xlsx.',
      nn: 'Fila er i det gamle Excel-formatet (.xls). Opne ho i Excel eller LibreOffice og lagre som .xlsx.',
      en: 'The file is in the old Excel format (.xls). Open it in Excel or LibreOffice and save it as .xlsx.',
    }),
  ods: () =>
    invalid('ODS_NOT_SUPPORTED', {
      nb: 'Filen er et OpenDocument-regneark (.ods). Lagre den som .xlsx (Fil › Lagre som › Excel 2007–365) og last opp på nytt.',
      nn: 'Fila er eit OpenDocument-rekneark (.ods). Lagre ho som .xlsx (Fil › Lagre som › Excel 2007–365) og last opp på nytt.',
      en: 'The file is an OpenDocument spreadsheet (.ods). Save it as .xlsx (File › Save As › Excel 2007–365) and upload again.',
    }),
  notXlsx: (
    message: Localized = {
      nb: 'Filen kunne ikke leses som en xlsx-arbeidsbok.',
      nn: 'Fila kunne ikkje lesast som ei xlsx-arbeidsbok.',
      en: 'The file could not be read as an xlsx workbook.',
    },
  ) => invalid('NOT_A_SPREADSHEET', message),
  tooLarge: (message: Localized) => invalid('SPREADSHEET_TOO_LARGE', message),
  tooSlow: () =>
    invalid('SPREADSHEET_TOO_SLOW', {
      nb:
        `Filen tok for lang tid å lese (mer enn ${timeoutSeconds} sekunder) og ble avbrutt. ` + 'Lagre den på nytt fra Excel, eller del den opp i flere filer.',
      nn: `Fila tok for lang tid å lese (meir enn ${timeoutSeconds} sekund) og vart avbroten. Lagre ho på nytt frå Excel, eller del ho opp i fleire filer.`,
      en: `The file took too long to read (more than ${timeoutSeconds} seconds) and was stopped. Save it again from Excel, or split it into several files.`,
    }),
  outOfMemory: () =>
    invalid('SPREADSHEET_TOO_LARGE', {
      nb: 'Filen krevde mer minne å lese enn Samla gir en opplasting, og ble avbrutt. Del den opp i flere filer, eller fjern det som ikke hører hjemme.',
      nn: 'Fila kravde meir minne å lese enn Samla gir ei opplasting, og vart avbroten. Del ho opp i fleire filer, eller fjern det som ikkje høyrer heime der.',
      en: 'The file needed more memory to read than Samla gives an upload, and was stopped. Split it into several files, or remove what does not belong there.',
    }),
  tooManyRows: (sheet: string, rows: number) => {
    const limit = importLimits.maxRowsPerSheet;
    return new DomainError(
      'TOO_MANY_ROWS',
      400,
      {
        nb: `Arket «${sheet}» har ${rows} rader; grensen er ${limit} per ark.`,
        nn: `Arket «${sheet}» har ${rows} rader; grensa er ${limit} per ark.`,
        en: `The sheet «${sheet}» has ${rows} rows; the limit is ${limit} per sheet.`,
      },
      { sheet, rows, limit },
    );
  },
  kindRequired: () =>
    invalid('KIND_REQUIRED', {
      nb: 'Oppgi hvilken type register CSV-filen gjelder (parameteren kind).',
      nn: 'Oppgi kva type register CSV-fila gjeld (parameteren kind).',
      en: 'Say which kind of register the CSV file is for (the parameter kind).',
    }),
  noKnownSheets: () => {
    const names = (language: Language) => sheetLayouts.map((l) => `«${l.sheets[language]}»`).join(', ');
    return invalid('NO_KNOWN_SHEETS', {
      nb: `Arbeidsboken har ingen ark Samla kjenner. Arkene må hete ${names('nb')}.`,
      nn: `Arbeidsboka har ingen ark Samla kjenner. Arka må heite ${names('nn')} (eller det same på bokmål eller engelsk).`,
      en: `The workbook has no sheets Samla knows. The sheets must be named ${names('en')} (or the same in Norwegian).`,
    });
  },
};

const openDocumentSpreadsheet = 'application/vnd.oasis.opendocument.spreadsheet';

async function readXlsx(body: Buffer, kind: InventoryKindKey | undefined, language: Language): Promise<ParsedUpload> {
  const entries = zipEntries(body);
  if (!entries) {
    throw uploadRefusals.notXlsx({
      nb: 'Filen er ikke en gyldig xlsx-fil.',
      nn: 'Fila er ikkje ei gyldig xlsx-fil.',
      en: 'The file is not a valid xlsx file.',
    });
  }
  if (openDocumentType(body, entries) === openDocumentSpreadsheet) throw uploadRefusals.ods();
  let upload: ParsedUpload;
  try {
    upload = await readWorkbook(body, importLimits.maxRowsPerSheet, language);
  } catch (error) {
    if (error instanceof TooManyRowsError || error instanceof DomainError) throw error;
    if (error instanceof XlsxReadError) {
      // The reader says it in every language: the answer is given in the reader's.
      throw error.reason === 'too-large' ? uploadRefusals.tooLarge(error.text) : uploadRefusals.notXlsx(error.text);
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
export async function parseUpload(body: Buffer, kind: InventoryKindKey | undefined, language: Language = 'nb'): Promise<ParsedUpload> {
  if (body.length === 0) throw uploadRefusals.empty();
  try {
    // Microsoft's compound file: an .xls, or an xlsx encrypted with a password.
    if (isCompoundFile(body)) throw hasEncryptionInfo(body) ? uploadRefusals.passwordProtected() : uploadRefusals.oldExcel();
    if (isZip(body)) return await readXlsx(body, kind, language);
    if (!kind) {
      // What is not text is refused as such before the kind is asked for.
      decodeCsvText(body);
      throw uploadRefusals.kindRequired();
    }
    return readCsv(body, layoutOfKind(kind), importLimits.maxRowsPerSheet, language);
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
export async function readUpload(body: unknown, kind: InventoryKindKey | undefined, language: Language = 'nb'): Promise<ParsedUpload> {
  if (!Buffer.isBuffer(body) || body.length === 0) throw uploadRefusals.empty();
  const parsed = await workerPool().run(
    'parseUpload',
    { body, kind, language },
    { timeoutMs: importLimits.parseTimeoutMs, onTimeout: uploadRefusals.tooSlow, onOutOfMemory: uploadRefusals.outOfMemory },
  );
  // A layout is data and arrives as a copy; code that compares layouts wants Samla's own.
  return { ...parsed, sheets: parsed.sheets.map((sheet) => ({ ...sheet, layout: layoutOfKind(sheet.layout.kind) })) };
}
