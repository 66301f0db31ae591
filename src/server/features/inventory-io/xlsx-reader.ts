import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Localized } from '#shared/localized.ts';
import type { CellValue } from './inventory-import.domain.ts';
import { inflateEntries, ZipError, zipEntries } from './zip-guard.ts';

/**
 * A small reader of the cell values of an xlsx (SpreadsheetML), for uploads
 * (decision 020). exceljs builds the whole model of a workbook (styles, every
 * validated cell, every part) before it gives a value; Samla needs only the
 * values of a few named sheets. This reader inflates each part once, under a
 * running cap, and reads the XML of the parts it needs with saxes, a
 * streaming parser that is linear in its input (exceljs uses it too), with
 * bounds on what a crafted file can make it hold: columns, rows, cells,
 * merges, sheets, parts, attributes and nesting.
 *
 * Values are what exceljs gives: shared and inline strings (rich text runs
 * joined, phonetic runs left out), numbers, booleans, numbers in a date format
 * as Dates (UTC, from the serial, honouring date1904), errors as null,
 * formulas as their cached value, an empty cell with a hyperlink as null.
 */
export class TooManyRowsError extends Error {
  constructor(
    readonly sheet: string,
    readonly rows: number,
  ) {
    super(`too many rows in ${sheet}`);
  }
}

/**
 * A file the reader will not read, with a message for the user in every
 * language (`text`; `message` is its bokmål, for the log): `too-large` when it
 * is past a limit, `invalid` when it is not a workbook (broken XML, a
 * reference outside the sheet, a missing part). The reader runs in a worker
 * that does not know who reads the answer, so it says it in all three.
 */
export class XlsxReadError extends Error {
  constructor(
    readonly reason: 'too-large' | 'invalid',
    readonly text: Localized,
  ) {
    super(text.nb);
    this.name = 'XlsxReadError';
  }
}

export interface XlsxRow {
  /** 1-based row number. */
  row: number;
  /** Column A first; as long as the last cell the row has (a cell with only a style counts, as in exceljs). */
  cells: CellValue[];
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface XlsxSheet {
  name: string;
  /** Rows with at least one value, in order, and row 1 whenever the sheet has it (the header). */
  rows: XlsxRow[];
  /** The sheet's visibility in the workbook (`<sheet state>`). */
  state?: SheetState;
  /** 1-based numbers of rows with values that are hidden (by a filter or by hand). */
  hiddenRows?: number[];
  /** Merged areas, 1-based and inclusive, clipped to the cells the sheet has. */
  merges?: Array<{ top: number; left: number; bottom: number; right: number }>;
}

export interface XlsxWorkbook {
  /** The sheets `wanted` accepted, in workbook order. */
  sheets: XlsxSheet[];
  /** Every sheet of the workbook (chart sheets too), in order, read or not. */
  allSheets: Array<{ name: string; state: SheetState }>;
}

/** What a file may make the reader do. Excel's own limits where it has them; ours far above any real inventory. */
export const xlsxLimits = {
  /** What all parts unpack to together (each inflated once). */
  maxUncompressedBytes: 100 * 1024 * 1024,
  /** Entries in the zip. */
  maxParts: 10_000,
  maxSheets: 1_000,
  /** Column XFD. */
  maxColumns: 16_384,
  maxRowNumber: 1_048_576,
  /** Cells held in memory for the whole workbook: values, the empty cells before them in a row, merged copies. */
  maxCells: 5_000_000,
  maxSharedStrings: 2_000_000,
  maxStyles: 100_000,
  maxMergesPerSheet: 100_000,
  maxHyperlinksPerSheet: 200_000,
  maxRelationships: 10_000,
  maxAttributesPerElement: 256,
  maxDepth: 64,
};
export type XlsxLimits = typeof xlsxLimits;

/** What is past a limit, in every language: «mer enn 1000 ark». */
const tooLarge = (what: Localized) =>
  new XlsxReadError('too-large', {
    nb: `Arbeidsboken har ${what.nb} og blir ikke lest. Del den opp i flere filer, eller fjern det som ikke hører hjemme.`,
    nn: `Arbeidsboka har ${what.nn} og blir ikkje lesen. Del ho opp i fleire filer, eller fjern det som ikkje høyrer heime der.`,
    en: `The workbook has ${what.en} and was not read. Split it into several files, or remove what does not belong there.`,
  });
/** What is wrong with the file, in every language: «zip-filen er skadet». */
const broken = (what: Localized) =>
  new XlsxReadError('invalid', {
    nb: `Filen kunne ikke leses som en xlsx-arbeidsbok: ${what.nb}. Åpne den i Excel og lagre den på nytt som .xlsx.`,
    nn: `Fila kunne ikkje lesast som ei xlsx-arbeidsbok: ${what.nn}. Opne ho i Excel og lagre ho på nytt som .xlsx.`,
    en: `The file could not be read as an xlsx workbook: ${what.en}. Open it in Excel and save it again as .xlsx.`,
  });
/** «mer enn 1000 ark»: a count past a limit, with the thing counted in each language. */
const moreThan = (limit: number, what: Localized): Localized => ({
  nb: `mer enn ${limit} ${what.nb}`,
  nn: `meir enn ${limit} ${what.nn}`,
  en: `more than ${limit} ${what.en}`,
});
/** A part's file name, written the same in every language. */
const partName = (part: string): Localized => ({ nb: part, nn: part, en: part });

// ---------------------------------------------------------------- zip

class Parts {
  private readonly parts: Map<string, Buffer>;

  constructor(buffer: Buffer, limits: XlsxLimits) {
    const entries = zipEntries(buffer);
    if (!entries) throw broken({ nb: 'den er ikke en gyldig zip-fil', nn: 'ho er ikkje ei gyldig zip-fil', en: 'it is not a valid zip file' });
    if (entries.length > limits.maxParts) throw tooLarge(moreThan(limits.maxParts, { nb: 'deler', nn: 'delar', en: 'parts' }));
    try {
      // Only XML parts are kept (images, printer settings and the like are counted against the cap and dropped).
      this.parts = inflateEntries(buffer, entries, limits.maxUncompressedBytes, (name) => /\.(xml|rels)$/i.test(name)).parts;
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      if (error.reason === 'too-large') {
        const megabytes = limits.maxUncompressedBytes / 1024 / 1024;
        throw new XlsxReadError('too-large', {
          nb: `Arbeidsboken pakker seg ut til mer enn ${megabytes} MB og blir ikke lest. Del den opp i flere filer.`,
          nn: `Arbeidsboka pakkar seg ut til meir enn ${megabytes} MB og blir ikkje lesen. Del ho opp i fleire filer.`,
          en: `The workbook unpacks to more than ${megabytes} MB and was not read. Split it into several files.`,
        });
      }
      // The English detail (such as «compression method 12») helps whoever reads the log.
      throw broken(
        error.reason === 'unsupported'
          ? {
              nb: `en del er pakket på en måte Samla ikke kjenner (${error.message})`,
              nn: `ein del er pakka på ein måte Samla ikkje kjenner (${error.message})`,
              en: `a part is compressed in a way Samla does not know (${error.message})`,
            }
          : { nb: 'zip-filen er skadet', nn: 'zip-fila er skadd', en: 'the zip file is damaged' },
      );
    }
  }

  /** A part's bytes, handed out once: a part several sheets point at is not read again. */
  take(path: string): Buffer | undefined {
    const key = path.toLowerCase();
    const bytes = this.parts.get(key);
    this.parts.delete(key);
    return bytes;
  }
}

// ---------------------------------------------------------------- xml

interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** The local name of an element: `x:c` is read as `c` (some writers prefix the main namespace). */
const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const chunkBytes = 1024 * 1024;

/**
 * One part through saxes, fed in chunks. Not well-formed XML, a DTD, an
 * element with too many attributes or nested too deep throws an
 * XlsxReadError; so does anything a handler throws past its own limits.
 */
function parseXml(bytes: Buffer, part: Localized, handler: XmlHandler, limits: XlsxLimits): void {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let depth = 0;
  let attributes = 0;
  parser.on('doctype', () => {
    throw broken({ nb: `${part.nb} har en DTD`, nn: `${part.nn} har ein DTD`, en: `${part.en} has a DTD` });
  });
  parser.on('opentagstart', () => {
    attributes = 0;
  });
  parser.on('attribute', () => {
    if (++attributes > limits.maxAttributesPerElement) {
      const most = limits.maxAttributesPerElement;
      throw broken({
        nb: `${part.nb} har et element med mer enn ${most} attributter`,
        nn: `${part.nn} har eit element med meir enn ${most} attributt`,
        en: `${part.en} has an element with more than ${most} attributes`,
      });
    }
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > limits.maxDepth) {
      throw broken({
        nb: `${part.nb} er nøstet dypere enn ${limits.maxDepth} nivåer`,
        nn: `${part.nn} er nøsta djupare enn ${limits.maxDepth} nivå`,
        en: `${part.en} is nested deeper than ${limits.maxDepth} levels`,
      });
    }
    handler.open(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth--;
    handler.close(localName(tag.name));
  });
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  const decoder = new StringDecoder('utf8');
  try {
    let start = 0;
    // A byte order mark is not XML.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    for (; start < bytes.length; start += chunkBytes) parser.write(decoder.write(bytes.subarray(start, start + chunkBytes)));
    const rest = decoder.end();
    if (rest) parser.write(rest);
    parser.close();
  } catch (error) {
    if (error instanceof XlsxReadError || error instanceof TooManyRowsError) throw error;
    // saxes says what is wrong; its message stays short enough to show.
    const detail = String((error as Error).message).slice(0, 200);
    throw broken({
      nb: `${part.nb} er ikke gyldig XML (${detail})`,
      nn: `${part.nn} er ikkje gyldig XML (${detail})`,
      en: `${part.en} is not valid XML (${detail})`,
    });
  }
}

/** OOXML's escape of characters XML cannot carry: `_x000D_`. exceljs decodes only upper-case hex digits. */
const ooxmlEscape = /_x([0-9A-F]{4})_/g;
function decodeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(ooxmlEscape, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** exceljs decodes the predefined entities of a `str` cell a second time (`&amp;lt;` gives `<`); so do we. */
function decodeNamedAgain(text: string): string {
  return text.includes('&') ? text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => named[name]!) : text;
}

/** An attribute by its local name whatever the prefix (`r:id`), for the relationship ids. */
function prefixed(attributes: Record<string, string>, local: string): string | undefined {
  for (const name in attributes) if (name.endsWith(`:${local}`)) return attributes[name];
  return undefined;
}

// ---------------------------------------------------------------- string items

/**
 * The text of a string item (`<si>` or `<is>`): its `<t>`, or the `<t>` of its
 * rich text runs joined; phonetic runs (`<rPh>`) left out.
 */
class StringItem {
  text = '';
  /** Whether a run (`<r>`, `<rPh>`) was seen: an inline string of empty runs is an empty string, not no value. */
  hasRun = false;
  /** Whether the item had any content at all (an element or text). */
  hasContent = false;
  private inT = false;
  private phonetic = 0;
  private t = '';

  reset(): void {
    this.text = '';
    this.hasRun = this.hasContent = this.inT = false;
    this.phonetic = 0;
  }

  open(name: string): void {
    this.hasContent = true;
    if (name === 't') {
      if (this.phonetic === 0) {
        this.inT = true;
        this.t = '';
      }
    } else if (name === 'r') this.hasRun = true;
    else if (name === 'rPh') {
      this.hasRun = true;
      this.phonetic++;
    }
  }

  close(name: string): void {
    if (name === 't' && this.inT) {
      this.inT = false;
      if (this.t) this.text += decodeOoxml(this.t);
    } else if (name === 'rPh') this.phonetic--;
  }

  append(text: string): void {
    this.hasContent = true;
    if (this.inT) this.t += text;
  }
}

function readSharedStrings(bytes: Buffer | undefined, limits: XlsxLimits): string[] {
  const strings: string[] = [];
  if (!bytes) return strings;
  const item = new StringItem();
  let inItem = false;
  parseXml(
    bytes,
    partName('sharedStrings.xml'),
    {
      open(name) {
        if (inItem) item.open(name);
        else if (name === 'si') {
          inItem = true;
          item.reset();
        }
      },
      close(name) {
        if (name === 'si' && inItem) {
          inItem = false;
          if (strings.length >= limits.maxSharedStrings)
            throw tooLarge(moreThan(limits.maxSharedStrings, { nb: 'ulike tekster', nn: 'ulike tekstar', en: 'different texts' }));
          strings.push(item.text);
        } else if (inItem) item.close(name);
      },
      text(text) {
        if (inItem) item.append(text);
      },
    },
    limits,
  );
  return strings;
}

// ---------------------------------------------------------------- styles

/** The built-in formats exceljs knows as dates (it has no code for 27–36 and 50–58, so neither do we). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's test: a date or time character (y m d h M s b) outside brackets and quotes. One pass, however the code is written. */
export function isDateFormat(code: string): boolean {
  // An unclosed quote or bracket hides nothing in exceljs's test; whether one closes is whether its last kind comes later.
  const lastQuote = code.lastIndexOf('"');
  const lastBracket = code.lastIndexOf(']');
  let inBracket = false;
  let inQuote = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (inQuote) {
      if (c === '"') inQuote = false;
    } else if (inBracket) {
      if (c === ']') inBracket = false;
    } else if (c === '"') inQuote = lastQuote > i;
    else if (c === '[') inBracket = lastBracket > i;
    else if (c === 'y' || c === 'm' || c === 'd' || c === 'h' || c === 'M' || c === 's' || c === 'b') return true;
  }
  return false;
}

/** For each style index (`s`), whether its number format is a date. Style 0 never is: exceljs ignores it. */
function readDateStyles(bytes: Buffer | undefined, limits: XlsxLimits): boolean[] {
  if (!bytes) return [];
  const customDate = new Map<number, boolean>();
  const formats: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  parseXml(
    bytes,
    partName('styles.xml'),
    {
      open(name, attributes) {
        if (name === 'numFmts') inNumFmts = true;
        else if (name === 'cellXfs') inCellXfs = true;
        else if (inNumFmts && name === 'numFmt') {
          if (customDate.size >= limits.maxStyles) throw tooLarge(moreThan(limits.maxStyles, { nb: 'tallformater', nn: 'talformat', en: 'number formats' }));
          customDate.set(Number(attributes.numFmtId), isDateFormat(attributes.formatCode ?? ''));
        } else if (inCellXfs && name === 'xf') {
          if (formats.length >= limits.maxStyles) throw tooLarge(moreThan(limits.maxStyles, { nb: 'cellestiler', nn: 'cellestilar', en: 'cell styles' }));
          formats.push(Number(attributes.numFmtId ?? 0));
        }
      },
      close(name) {
        if (name === 'numFmts') inNumFmts = false;
        else if (name === 'cellXfs') inCellXfs = false;
      },
      text() {},
    },
    limits,
  );
  return formats.map((id, index) => (index === 0 || !id ? false : (customDate.get(id) ?? builtInDateFormats.has(id))));
}

// ---------------------------------------------------------------- workbook and relationships

interface WorkbookSheet {
  name: string;
  state: SheetState;
  relationId: string | undefined;
}

function readWorkbookPart(bytes: Buffer, limits: XlsxLimits): { sheets: WorkbookSheet[]; date1904: boolean } {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  let inSheets = false;
  parseXml(
    bytes,
    partName('workbook.xml'),
    {
      open(name, attributes) {
        if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
        else if (name === 'sheets') inSheets = true;
        else if (inSheets && name === 'sheet' && attributes.name !== undefined) {
          if (sheets.length >= limits.maxSheets) throw tooLarge(moreThan(limits.maxSheets, { nb: 'ark', nn: 'ark', en: 'sheets' }));
          const state = attributes.state === 'hidden' || attributes.state === 'veryHidden' ? attributes.state : 'visible';
          sheets.push({ name: attributes.name, state, relationId: attributes['r:id'] ?? prefixed(attributes, 'id') });
        }
      },
      close(name) {
        if (name === 'sheets') inSheets = false;
      },
      text() {},
    },
    limits,
  );
  return { sheets, date1904 };
}

function readRelationships(bytes: Buffer | undefined, limits: XlsxLimits): Map<string, { target: string; type: string }> {
  const result = new Map<string, { target: string; type: string }>();
  if (!bytes) return result;
  parseXml(
    bytes,
    partName('workbook.xml.rels'),
    {
      open(name, attributes) {
        if (name !== 'Relationship' || !attributes.Id || !attributes.Target) return;
        if (result.size >= limits.maxRelationships)
          throw tooLarge(moreThan(limits.maxRelationships, { nb: 'relasjoner', nn: 'relasjonar', en: 'relationships' }));
        result.set(attributes.Id, { target: attributes.Target, type: attributes.Type ?? '' });
      },
      close() {},
      text() {},
    },
    limits,
  );
  return result;
}

function resolveTarget(target: string): string {
  const parts: string[] = [];
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

// ---------------------------------------------------------------- worksheet

/** Column and row of a reference such as `AB12` (row 0 when it has none), or undefined when it is not one. */
function parseReference(reference: string, limits: XlsxLimits): { column: number; row: number } | undefined {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
    // Past XFD already: stop before the number grows without bound.
    if (column > limits.maxColumns) return { column, row: 0 };
  }
  if (i === 0) return undefined;
  let row = 0;
  for (; i < reference.length; i++) {
    const digit = reference.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    row = row * 10 + digit;
    if (row > limits.maxRowNumber) return { column, row };
  }
  return { column, row };
}

const dayMs = 24 * 3600 * 1000;
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * dayMs));
}

/** A number cell: a Date when its style is a date format. (Module level: a closure per cell costs in the hot loop.) */
function numberValue(text: string, isDate: boolean, date1904: boolean): CellValue {
  const value = parseFloat(text);
  return isDate ? serialToDate(value, date1904) : value;
}

/** The column of a cell reference (`AB12` → 28): 0 when it has no letters or is not a reference, past maxColumns when it is past XFD. */
function referenceColumn(reference: string, maxColumns: number): number {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
    if (column > maxColumns) return column;
  }
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 48 || code > 57) return 0;
  }
  return column;
}

interface Context {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
  limits: XlsxLimits;
  /** Cells held so far, the whole workbook. */
  cells: number;
}

interface RowBuild {
  /** The last column with a cell (a value, a style, a hyperlink or a merged copy). */
  width: number;
  /** The values, as column and value in the order they were read (a later one wins). Null until the row has one. */
  columns: number[] | null;
  values: CellValue[] | null;
  hasValue: boolean;
  hidden: boolean;
}

interface ParsedSheet {
  rows: XlsxRow[];
  hiddenRows: number[];
  merges: Array<{ top: number; left: number; bottom: number; right: number }>;
}

function count(context: Context, cells: number): void {
  context.cells += cells;
  if (context.cells > context.limits.maxCells) {
    const most = context.limits.maxCells;
    throw tooLarge({
      nb: `mer enn ${most.toLocaleString('nb-NO')} celler (med tomme celler foran verdiene og sammenslåtte celler)`,
      nn: `meir enn ${most.toLocaleString('nn-NO')} celler (med tomme celler framfor verdiane og samanslåtte celler)`,
      en: `more than ${most.toLocaleString('en-GB')} cells (counting empty cells before the values, and merged cells)`,
    });
  }
}

/**
 * One worksheet. Rows past maxRows (with values, besides the header) are
 * counted but not kept; TooManyRowsError follows at the end with the count.
 */
function readSheet(bytes: Buffer, sheetName: string, maxRows: number, context: Context): ParsedSheet {
  const { limits } = context;
  const rows = new Map<number, RowBuild>();
  const item = new StringItem();
  let valueRows = 0;
  let overflow = false;
  let usedRows = 0;
  let usedColumns = 0;

  // Where the parser is.
  let inSheetData = false;
  let inRow = false;
  let rowNumber = 0;
  let rowHidden = false;
  let inCell = false;
  let column = 0;
  let reference: string | undefined;
  let style: string | undefined;
  let type: string | undefined;
  let inV = false;
  let v = '';
  let raw: string | undefined;
  let sawV = false;
  let inF = false;
  let formula = false;
  let inIs = false;
  let sawIs = false;
  let inMergeCells = false;
  let inHyperlinks = false;
  const merges: string[] = [];
  const hyperlinks: string[] = [];
  /** Cells without a value, as reference key and where they are: a hyperlink gives them one. */
  const valueless: number[] = [];

  const where = (what: Localized): Localized => ({
    nb: `${what.nb} i arket «${sheetName}»`,
    nn: `${what.nn} i arket «${sheetName}»`,
    en: `${what.en} in the sheet «${sheetName}»`,
  });
  const row = (number: number): RowBuild => {
    let build = rows.get(number);
    if (!build) {
      count(context, 1);
      rows.set(number, (build = { width: 0, columns: null, values: null, hasValue: false, hidden: false }));
    }
    return build;
  };
  const markValue = (build: RowBuild) => {
    if (build.hasValue) return;
    build.hasValue = true;
    valueRows++;
    if (valueRows - 1 > maxRows) overflow = true;
  };
  const setValue = (build: RowBuild, at: number, value: CellValue) => {
    if (at > build.width) build.width = at;
    if (overflow) return;
    count(context, 1);
    (build.columns ??= []).push(at);
    (build.values ??= []).push(value);
  };

  const finishCell = () => {
    const isDate = style !== undefined && context.dates[Number(style)] === true;
    const cellType = type ?? 'n';
    let value: CellValue | undefined;
    if (formula) {
      // A formula: its cached result. Without one there is nothing to read.
      if (raw === undefined) value = null;
      else if (cellType === 'str') value = decodeNamedAgain(raw);
      else if (cellType === 'b') value = parseInt(raw, 10) !== 0;
      else if (cellType === 'e') value = null;
      else if (cellType === 'd') value = new Date(raw);
      else value = numberValue(raw, isDate, context.date1904);
    } else if (cellType === 's') value = raw === undefined ? undefined : (context.strings[parseInt(raw, 10)] ?? null);
    else if (cellType === 'str') value = raw === undefined ? undefined : decodeNamedAgain(raw);
    else if (cellType === 'inlineStr') {
      if (raw !== undefined) value = raw;
      else if (sawIs && item.hasContent) value = item.text === '' && !item.hasRun ? undefined : item.text;
    } else if (cellType === 'b') value = raw === undefined ? undefined : parseInt(raw, 10) !== 0;
    else if (cellType === 'e') value = raw === undefined ? undefined : null;
    else if (cellType === 'd') value = raw === undefined ? undefined : new Date(raw);
    else value = raw === undefined ? undefined : numberValue(raw, isDate, context.date1904);

    if (rowNumber > usedRows) usedRows = rowNumber;
    if (column > usedColumns) usedColumns = column;
    const styled = Number(style ?? 0) > 0;
    if (value === undefined) {
      // No value: a hyperlink on it (known only after the sheet data) gives it one.
      if (reference) {
        const at = parseReference(reference, limits)!;
        valueless.push(at.row * (limits.maxColumns + 1) + at.column, rowNumber, column);
      }
      // A cell with neither value nor style (s absent or 0) is not a cell to exceljs.
      if (styled) {
        const build = row(rowNumber);
        if (column > build.width) build.width = column;
        if (rowHidden) build.hidden = true;
      }
      return;
    }
    const build = row(rowNumber);
    if (rowHidden) build.hidden = true;
    markValue(build);
    setValue(build, column, value);
  };

  parseXml(
    bytes,
    { nb: `arket «${sheetName}»`, nn: `arket «${sheetName}»`, en: `the sheet «${sheetName}»` },
    {
      open(name, attributes) {
        if (inCell) {
          if (inIs) item.open(name);
          else if (name === 'v') {
            inV = true;
            v = '';
          } else if (name === 'f') {
            inF = true;
            // A shared or array formula may have no text of its own.
            if (attributes.t !== undefined) formula = true;
          } else if (name === 'is') {
            inIs = sawIs = true;
            item.reset();
          }
        } else if (inRow) {
          if (name !== 'c') return;
          inCell = true;
          reference = attributes.r;
          style = attributes.s;
          type = attributes.t;
          raw = undefined;
          sawV = formula = sawIs = false;
          if (reference) {
            column = referenceColumn(reference, limits.maxColumns);
            if (column === 0) {
              const shown = reference.slice(0, 20);
              throw broken(
                where({
                  nb: `cellereferansen «${shown}» er ugyldig`,
                  nn: `cellereferansen «${shown}» er ugyldig`,
                  en: `the cell reference «${shown}» is invalid`,
                }),
              );
            }
            if (column > limits.maxColumns) {
              const shown = reference.slice(0, 20);
              throw broken(
                where({
                  nb: `cellen «${shown}» ligger utenfor siste kolonne Excel tillater (XFD)`,
                  nn: `cella «${shown}» ligg utanfor siste kolonne Excel tillèt (XFD)`,
                  en: `the cell «${shown}» lies beyond the last column Excel allows (XFD)`,
                }),
              );
            }
          } else column++;
          if (column > limits.maxColumns) {
            const most = limits.maxColumns;
            throw broken(
              where({ nb: `en rad har flere enn ${most} celler`, nn: `ei rad har fleire enn ${most} celler`, en: `a row has more than ${most} cells` }),
            );
          }
        } else if (inSheetData) {
          if (name !== 'row') return;
          inRow = true;
          column = 0;
          const r = attributes.r;
          rowNumber = r === undefined ? rowNumber + 1 : /^\s*\d{1,8}\s*$/.test(r) ? parseInt(r, 10) : NaN;
          if (!(rowNumber >= 1 && rowNumber <= limits.maxRowNumber)) {
            const shown = String(r).slice(0, 20);
            throw broken(
              where({
                nb: `radnummeret «${shown}» er utenfor det Excel tillater (1–1 048 576)`,
                nn: `radnummeret «${shown}» er utanfor det Excel tillèt (1–1 048 576)`,
                en: `the row number «${shown}» is outside what Excel allows (1–1,048,576)`,
              }),
            );
          }
          rowHidden = attributes.hidden === '1' || attributes.hidden === 'true';
        } else if (name === 'sheetData') inSheetData = true;
        else if (name === 'mergeCells') inMergeCells = true;
        else if (inMergeCells && name === 'mergeCell' && attributes.ref) {
          if (merges.length >= limits.maxMergesPerSheet)
            throw tooLarge(where(moreThan(limits.maxMergesPerSheet, { nb: 'sammenslåtte områder', nn: 'samanslåtte område', en: 'merged areas' })));
          merges.push(attributes.ref);
        } else if (name === 'hyperlinks') inHyperlinks = true;
        else if (inHyperlinks && name === 'hyperlink' && attributes.ref && (attributes['r:id'] ?? prefixed(attributes, 'id'))) {
          if (hyperlinks.length >= limits.maxHyperlinksPerSheet)
            throw tooLarge(where(moreThan(limits.maxHyperlinksPerSheet, { nb: 'lenker', nn: 'lenkjer', en: 'links' })));
          hyperlinks.push(attributes.ref);
        }
      },
      close(name) {
        if (inCell) {
          if (inIs) {
            if (name === 'is') inIs = false;
            else item.close(name);
          } else if (name === 'v') {
            inV = false;
            if (!sawV) {
              sawV = true;
              if (v !== '') raw = v;
            }
          } else if (name === 'f') inF = false;
          else if (name === 'c') {
            inCell = false;
            finishCell();
          }
        } else if (inRow) {
          if (name === 'row') inRow = false;
        } else if (name === 'sheetData') inSheetData = false;
        else if (name === 'mergeCells') inMergeCells = false;
        else if (name === 'hyperlinks') inHyperlinks = false;
      },
      text(text) {
        if (!inCell) return;
        if (inV) v += text;
        else if (inF) {
          if (text !== '') formula = true;
        } else if (inIs) item.append(text);
      },
    },
    limits,
  );

  // Hyperlinks: an empty cell with one has a value (null) to exceljs.
  if (hyperlinks.length > 0 && valueless.length > 0) {
    const linked = new Set<number>();
    for (const ref of hyperlinks) {
      const at = parseReference(ref, limits);
      if (at && at.column <= limits.maxColumns && at.row <= limits.maxRowNumber) linked.add(at.row * (limits.maxColumns + 1) + at.column);
    }
    for (let i = 0; i < valueless.length; i += 3) {
      if (!linked.has(valueless[i]!)) continue;
      const build = row(valueless[i + 1]!);
      if (valueless[i + 2]! > build.width) build.width = valueless[i + 2]!;
      markValue(build);
    }
  }
  if (overflow) throw new TooManyRowsError(sheetName, valueRows - 1);

  // Merged cells: every cell of the area but the top left one shows the top left one's value (and counts as a value).
  // An area is clipped to the rows and columns that have cells: a merge is never the size of what it claims.
  const clipped: ParsedSheet['merges'] = [];
  for (const ref of merges) {
    const [from, to = from] = ref.split(':') as [string, string?];
    const start = parseReference(from, limits);
    const end = parseReference(to!, limits);
    if (!start || !end) continue;
    if (start.column > limits.maxColumns || end.column > limits.maxColumns || start.row > limits.maxRowNumber || end.row > limits.maxRowNumber) {
      const shown = ref.slice(0, 40);
      throw broken(
        where({
          nb: `det sammenslåtte området «${shown}» ligger utenfor det Excel tillater`,
          nn: `det samanslåtte området «${shown}» ligg utanfor det Excel tillèt`,
          en: `the merged area «${shown}» lies beyond what Excel allows`,
        }),
      );
    }
    const top = start.row;
    const left = start.column;
    const bottom = Math.min(end.row, usedRows);
    const right = Math.min(end.column, usedColumns);
    if (!top || !left || end.row < top || end.column < left || top > usedRows || left > usedColumns) continue;
    clipped.push({ top, left, bottom, right });
    const master = row(top);
    if (master.width < left) master.width = left;
    let value: CellValue = null;
    if (master.columns) {
      const index = master.columns.lastIndexOf(left);
      if (index >= 0) value = master.values![index]!;
    }
    for (let number = top; number <= bottom; number++) {
      const build = row(number);
      const first = number === top ? left + 1 : left;
      if (first > right) continue;
      markValue(build);
      for (let at = first; at <= right; at++) setValue(build, at, value);
    }
    if (overflow) throw new TooManyRowsError(sheetName, valueRows - 1);
  }

  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const result: ParsedSheet = { rows: [], hiddenRows: [], merges: clipped };
  for (const number of numbers) {
    const build = rows.get(number)!;
    if (!build.hasValue && number !== 1) continue;
    count(context, build.width);
    const cells: CellValue[] = new Array<CellValue>(build.width).fill(null);
    if (build.columns) for (let i = 0; i < build.columns.length; i++) cells[build.columns[i]! - 1] = build.values![i]!;
    result.rows.push({ row: number, cells });
    if (build.hasValue && build.hidden) result.hiddenRows.push(number);
  }
  return result;
}

/**
 * The values of the sheets `wanted` accepts, in workbook order, and the names
 * and states of all sheets. Throws TooManyRowsError when such a sheet has
 * more than maxRows rows with values besides the first (the header), and an
 * XlsxReadError when the file is not an xlsx or is past a limit.
 */
export function readXlsxSheets(buffer: Buffer, wanted: (sheetName: string) => boolean, maxRows: number, limits: XlsxLimits = xlsxLimits): XlsxWorkbook {
  const parts = new Parts(buffer, limits);
  const workbookPart = parts.take('xl/workbook.xml');
  if (workbookPart === undefined) throw broken({ nb: 'den har ingen xl/workbook.xml', nn: 'ho har ingen xl/workbook.xml', en: 'it has no xl/workbook.xml' });
  const workbook = readWorkbookPart(workbookPart, limits);
  const allSheets = workbook.sheets.map((sheet) => ({ name: sheet.name, state: sheet.state }));
  const sheets = workbook.sheets.filter((sheet) => wanted(sheet.name));
  if (sheets.length === 0) return { sheets: [], allSheets };

  const rels = readRelationships(parts.take('xl/_rels/workbook.xml.rels'), limits);
  const context: Context = {
    strings: readSharedStrings(parts.take('xl/sharedStrings.xml'), limits),
    dates: readDateStyles(parts.take('xl/styles.xml'), limits),
    date1904: workbook.date1904,
    limits,
    cells: 0,
  };

  const read = new Map<string, ParsedSheet>();
  const result: XlsxSheet[] = [];
  for (const sheet of sheets) {
    const rel = rels.get(sheet.relationId ?? '');
    if (!rel || !/\/worksheet$/.test(rel.type)) continue;
    const path = resolveTarget(rel.target);
    // Sheets that point at the same part share what was read from it once.
    let parsed = read.get(path);
    if (!parsed) {
      const bytes = parts.take(path);
      if (bytes === undefined) continue;
      parsed = readSheet(bytes, sheet.name, maxRows, context);
      read.set(path, parsed);
    }
    result.push({ name: sheet.name, state: sheet.state, rows: parsed.rows, hiddenRows: parsed.hiddenRows, merges: parsed.merges });
  }
  return { sheets: result, allSheets };
}
