import { inflateRawSync } from 'node:zlib';
import type { CellValue } from './inventory-import.domain.ts';
import { entryData, zipEntries, type ZipEntry } from './zip-guard.ts';

/**
 * A small reader of the cell values of an xlsx (SpreadsheetML), for imports.
 * exceljs builds the whole model of a workbook (styles, every validated cell,
 * every part) before it gives a value; Samla needs only the values of a few
 * named sheets. This reader unzips just the parts it needs and scans their XML
 * with indexOf and regular expressions.
 *
 * Values are what exceljs gave (see `readWorkbook`): shared and inline strings
 * (rich text runs joined, phonetic runs left out), numbers, booleans, numbers
 * in a date format as Dates (UTC, from the serial, honouring date1904), errors
 * as null, formulas as their cached value.
 */
export class TooManyRowsError extends Error {
  constructor(
    readonly sheet: string,
    readonly rows: number,
  ) {
    super(`too many rows in ${sheet}`);
  }
}

export interface XlsxRow {
  /** 1-based row number. */
  row: number;
  /** Column A first; as long as the last cell the row has (a cell with only a style counts, as in exceljs). */
  cells: CellValue[];
}

export interface XlsxSheet {
  name: string;
  /** Rows with at least one value, in order, and row 1 whenever the sheet has it (the header). */
  rows: XlsxRow[];
  /** The sheet's visibility in the workbook (`<sheet state>`). */
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** 1-based numbers of rows with values that are hidden (by a filter or by hand). */
  hiddenRows?: number[];
  /** Merged areas, 1-based and inclusive. */
  merges?: Array<{ top: number; left: number; bottom: number; right: number }>;
}

// ---------------------------------------------------------------- zip

class Parts {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly buffer: Buffer) {
    const entries = zipEntries(buffer);
    if (!entries) throw new Error('not a zip');
    for (const entry of entries) this.entries.set(entry.name.toLowerCase(), entry);
  }

  text(path: string): string | undefined {
    const entry = this.entries.get(path.toLowerCase());
    if (!entry) return undefined;
    const data = entryData(this.buffer, entry);
    let bytes: Buffer;
    if (entry.method === 0 || (entry.method === 8 && data.length === 0)) bytes = data;
    else if (entry.method === 8) bytes = inflateRawSync(data);
    else throw new Error(`unsupported compression method ${entry.method} in ${entry.name}`);
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

// ---------------------------------------------------------------- xml helpers

const entityPattern = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text or attribute value: entities decoded, line ends normalised as an XML parser does. */
export function decodeXml(text: string): string {
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (!text.includes('&')) return text;
  return text.replace(entityPattern, (_match, name: string | undefined, decimal: string | undefined, hex: string | undefined) =>
    name ? named[name]! : String.fromCodePoint(parseInt(decimal ?? hex!, decimal ? 10 : 16)),
  );
}

/** OOXML's escape of characters XML cannot carry: `_x000D_`. exceljs decodes only upper-case hex digits. */
const ooxmlEscape = /_x([0-9A-F]{4})_/g;
function decodeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(ooxmlEscape, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const attributePattern = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  attributePattern.lastIndex = 0;
  for (let match = attributePattern.exec(tag); match; match = attributePattern.exec(tag)) {
    result[match[1]!] = decodeXml(match[2] ?? match[3] ?? '');
  }
  return result;
}

/** All elements `<name …>` (open or empty) of a string, as attribute maps. */
function elements(xml: string, name: string): Array<Record<string, string>> {
  const pattern = new RegExp(`<${name}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
  const result: Array<Record<string, string>> = [];
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) result.push(attributes(match[1]!));
  return result;
}

/** The part between `<name …>` and `</name>`, or '' when absent or empty. */
function section(xml: string, name: string): string {
  const open = new RegExp(`<${name}(?=[\\s/>])[^>]*?(/?)>`).exec(xml);
  if (!open || open[1] === '/') return '';
  const start = open.index + open[0].length;
  const end = xml.indexOf(`</${name}>`, start);
  return end < 0 ? '' : xml.slice(start, end);
}

const phoneticPattern = /<rPh\b[^>]*>[\s\S]*?<\/rPh>/g;
const textPattern = /<t(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/t>)/g;

/** The text of a string item (`<si>` or `<is>`): `<t>`, or rich text runs joined; phonetic runs left out. */
function stringItem(xml: string): string {
  if (xml.includes('<rPh')) xml = xml.replace(phoneticPattern, '');
  textPattern.lastIndex = 0;
  let text = '';
  for (let match = textPattern.exec(xml); match; match = textPattern.exec(xml)) {
    if (match[1]) text += decodeOoxml(decodeXml(match[1]));
  }
  return text;
}

// ---------------------------------------------------------------- workbook parts

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const strings: string[] = [];
  const pattern = /<si(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/si>)/g;
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) strings.push(match[1] ? stringItem(match[1]) : '');
  return strings;
}

/** The built-in formats exceljs knows as dates (it has no code for 27–36 and 50–58, so neither do we). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's test: date or time characters outside brackets and quotes. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each style index (`s`), whether its number format is a date. Style 0 never is: exceljs ignores it. */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const customDate = new Map<number, boolean>();
  for (const format of elements(section(xml, 'numFmts'), 'numFmt')) {
    customDate.set(Number(format.numFmtId), isDateFormat(format.formatCode ?? ''));
  }
  return elements(section(xml, 'cellXfs'), 'xf').map((xf, index) => {
    const id = Number(xf.numFmtId ?? 0);
    if (index === 0 || !id) return false;
    return customDate.get(id) ?? builtInDateFormats.has(id);
  });
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

function relationships(xml: string | undefined): Map<string, { target: string; type: string }> {
  const result = new Map<string, { target: string; type: string }>();
  for (const rel of elements(xml ?? '', 'Relationship')) {
    if (rel.Id && rel.Target) result.set(rel.Id, { target: rel.Target, type: rel.Type ?? '' });
  }
  return result;
}

// ---------------------------------------------------------------- worksheet

function columnNumber(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return column;
}

function rowNumber(reference: string): number {
  const digits = /\d+$/.exec(reference);
  return digits ? Number(digits[0]) : 0;
}

interface RowBuild {
  cells: CellValue[];
  hasValue: boolean;
}

interface Context {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

const dayMs = 24 * 3600 * 1000;
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * dayMs));
}

/** Whether the character after a tag name ends the name: white space, `>` or `/`. */
function endsName(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/** The open tag `<name` at or after `from` and before `to`, or -1. */
function findTag(xml: string, name: string, from: number, to: number): number {
  for (let at = xml.indexOf(name, from); at >= 0 && at < to; at = xml.indexOf(name, at + name.length)) {
    if (endsName(xml.charCodeAt(at + name.length))) return at;
  }
  return -1;
}

/** The attributes r, s and t of a tag's attribute text `xml[from, to)`, raw. */
interface CellAttributes {
  r: string | undefined;
  s: string | undefined;
  t: string | undefined;
}
function cellAttributes(xml: string, from: number, to: number, out: CellAttributes): void {
  out.r = out.s = out.t = undefined;
  let at = from;
  for (;;) {
    const equals = xml.indexOf('=', at);
    if (equals < 0 || equals >= to) return;
    let quote = equals + 1;
    while (quote < to && xml.charCodeAt(quote) !== 34 && xml.charCodeAt(quote) !== 39) quote++;
    if (quote >= to) return;
    const close = xml.indexOf(xml[quote]!, quote + 1);
    if (close < 0 || close >= to) return;
    // The name: the one letter before '=' (and any white space), preceded by white space.
    let end = equals;
    while (end > at && xml.charCodeAt(end - 1) <= 32) end--;
    if (end - 1 > at && xml.charCodeAt(end - 2) <= 32) {
      const name = xml.charCodeAt(end - 1);
      if (name === 114) out.r = xml.slice(quote + 1, close);
      else if (name === 115) out.s = xml.slice(quote + 1, close);
      else if (name === 116) out.t = xml.slice(quote + 1, close);
    }
    at = close + 1;
  }
}

/** exceljs decodes the predefined entities of a `str` cell a second time (`&amp;lt;` gives `<`); so do we. */
function decodeNamedAgain(text: string): string {
  return text.includes('&') ? text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => named[name]!) : text;
}

function number(raw: string, isDate: boolean, context: Context): CellValue {
  const value = parseFloat(raw);
  return isDate ? serialToDate(value, context.date1904) : value;
}

/** One cell's value from its content `xml[from, to)`; `undefined` when it has none (exceljs's Null and Merge cells). */
function cellValue(xml: string, from: number, to: number, attrs: CellAttributes, context: Context): CellValue | undefined {
  if (from >= to) return undefined;
  const type = attrs.t ?? 'n';
  const isDate = attrs.s !== undefined && context.dates[Number(attrs.s)] === true;
  // The common case, `<v>…</v>` alone: no formula (`<f>` comes before `<v>`), no inline string.
  if (xml.startsWith('<v>', from) && xml.startsWith('</v>', to - 4)) {
    if (type === 's') {
      // A shared string's index, digit by digit.
      let index = 0;
      let at = from + 3;
      for (; at < to - 4; at++) {
        const digit = xml.charCodeAt(at) - 48;
        if (digit < 0 || digit > 9) break;
        index = index * 10 + digit;
      }
      if (at === to - 4 && at > from + 3) return context.strings[index] ?? null;
    } else if (type === 'n') {
      const raw = xml.slice(from + 3, to - 4);
      if (raw.length > 0 && !raw.includes('<') && !raw.includes('&')) return number(raw, isDate, context);
    }
  }
  // The content alone, so that a search for a missing element stops at its end.
  const inner = xml.slice(from, to);
  let raw: string | undefined;
  const v = findTag(inner, '<v', 0, inner.length);
  if (v >= 0) {
    const open = inner.indexOf('>', v);
    if (inner.charCodeAt(open - 1) !== 47) {
      const close = inner.indexOf('</v>', open);
      if (close > open + 1) raw = decodeXml(inner.slice(open + 1, close));
    }
  }
  const f = findTag(inner, '<f', 0, inner.length);
  if (f >= 0) {
    const open = inner.indexOf('>', f);
    const empty = inner.charCodeAt(open - 1) === 47;
    const hasText = !empty && inner.indexOf('</f>', open) > open + 1;
    const shared = /\st\s*=/.test(inner.slice(f + 2, open));
    if (hasText || shared) {
      // A formula: its cached result. Without one there is nothing to read.
      if (raw === undefined) return null;
      switch (type) {
        case 'str':
          return decodeNamedAgain(raw);
        case 'b':
          return parseInt(raw, 10) !== 0;
        case 'e':
          return null;
        case 'd':
          return new Date(raw);
        default:
          return number(raw, isDate, context);
      }
    }
  }
  switch (type) {
    case 's':
      if (raw === undefined) return undefined;
      return context.strings[parseInt(raw, 10)] ?? null;
    case 'str':
      return raw === undefined ? undefined : decodeNamedAgain(raw);
    case 'inlineStr': {
      if (raw !== undefined) return raw;
      const item = section(inner, 'is');
      if (!item) return undefined;
      const text = stringItem(item);
      return text === '' && !item.includes('<r') ? undefined : text;
    }
    case 'b':
      return raw === undefined ? undefined : parseInt(raw, 10) !== 0;
    case 'e':
      return raw === undefined ? undefined : null;
    case 'd':
      return raw === undefined ? undefined : new Date(raw);
    default:
      return raw === undefined ? undefined : number(raw, isDate, context);
  }
}

function readSheet(xml: string, context: Context, hyperlinkCells: Set<string>): Map<number, RowBuild> {
  const rows = new Map<number, RowBuild>();
  const dataOpen = /<sheetData(?=[\s/>])[^>]*?(\/?)>/.exec(xml);
  if (!dataOpen || dataOpen[1] === '/') return rows;
  const dataStart = dataOpen.index + dataOpen[0].length;
  let dataEnd = xml.indexOf('</sheetData>', dataStart);
  if (dataEnd < 0) dataEnd = xml.length;

  const attrs: CellAttributes = { r: undefined, s: undefined, t: undefined };
  let previousRow = 0;
  let at = dataStart;
  for (;;) {
    const rowOpen = findTag(xml, '<row', at, dataEnd);
    if (rowOpen < 0) break;
    const rowTagEnd = xml.indexOf('>', rowOpen);
    if (rowTagEnd < 0) break;
    const selfClosing = xml.charCodeAt(rowTagEnd - 1) === 47;
    cellAttributes(xml, rowOpen + 4, rowTagEnd, attrs);
    const number = attrs.r ? parseInt(attrs.r, 10) : previousRow + 1;
    previousRow = number;
    if (selfClosing) {
      at = rowTagEnd + 1;
      continue;
    }
    // Where the row ends is found on the way; searched for only when something else than a cell follows a cell.
    let rowEnd = -1;
    let row = rows.get(number);
    let column = 0;
    let cellAt = rowTagEnd + 1;
    for (;;) {
      let cellOpen: number;
      if (xml.charCodeAt(cellAt) === 60 && xml.charCodeAt(cellAt + 1) === 99 && endsName(xml.charCodeAt(cellAt + 2))) cellOpen = cellAt;
      else if (xml.startsWith('</row>', cellAt)) {
        rowEnd = cellAt;
        break;
      } else {
        if (rowEnd < 0) {
          rowEnd = xml.indexOf('</row>', cellAt);
          if (rowEnd < 0 || rowEnd > dataEnd) rowEnd = dataEnd;
        }
        cellOpen = findTag(xml, '<c', cellAt, rowEnd);
        if (cellOpen < 0) break;
      }
      const cellTagEnd = xml.indexOf('>', cellOpen);
      if (cellTagEnd < 0) break;
      const empty = xml.charCodeAt(cellTagEnd - 1) === 47;
      cellAttributes(xml, cellOpen + 2, empty ? cellTagEnd - 1 : cellTagEnd, attrs);
      let innerEnd = cellTagEnd + 1;
      if (!empty) {
        // `<v>…</v></c>`, the common case, without a search for `</c>` over the value.
        const valueEnd = xml.startsWith('<v>', innerEnd) ? xml.indexOf('</v>', innerEnd) : -1;
        if (valueEnd >= 0 && xml.startsWith('</c>', valueEnd + 4)) innerEnd = valueEnd + 4;
        else {
          innerEnd = xml.indexOf('</c>', cellTagEnd);
          const limit = rowEnd < 0 ? dataEnd : rowEnd;
          if (innerEnd < 0 || innerEnd > limit) innerEnd = limit;
        }
      }
      cellAt = empty ? cellTagEnd + 1 : innerEnd + 4;
      const reference = attrs.r;
      column = reference ? columnNumber(reference) : column + 1;
      let value = cellValue(xml, cellTagEnd + 1, innerEnd, attrs, context);
      let hasValue = value !== undefined;
      if (!hasValue && reference && hyperlinkCells.has(reference)) hasValue = true;
      // A cell with neither value nor style (s absent or 0) is not a cell to exceljs.
      if (!hasValue && !(Number(attrs.s ?? 0) > 0)) continue;
      if (value === undefined) value = null;
      if (!row) rows.set(number, (row = { cells: [], hasValue: false }));
      while (row.cells.length < column - 1) row.cells.push(null);
      row.cells[column - 1] = value;
      if (hasValue) row.hasValue = true;
    }
    at = rowEnd < 0 ? cellAt : rowEnd;
  }

  // Merged cells: every cell of the range but the top left one shows the top left one's value (and counts as a value).
  const rest = xml.slice(dataEnd);
  for (const merge of elements(section(rest, 'mergeCells'), 'mergeCell')) {
    const [from, to = from] = (merge.ref ?? '').split(':') as [string, string?];
    const top = rowNumber(from);
    const left = columnNumber(from);
    const bottom = rowNumber(to!);
    const right = columnNumber(to!);
    if (!top || !left || bottom < top || right < left) continue;
    let master = rows.get(top);
    if (!master) rows.set(top, (master = { cells: [], hasValue: false }));
    while (master.cells.length < left) master.cells.push(null);
    const value = master.cells[left - 1] ?? null;
    for (let number = top; number <= bottom; number++) {
      let row = rows.get(number);
      if (!row) rows.set(number, (row = { cells: [], hasValue: false }));
      for (let column = number === top ? left + 1 : left; column <= right; column++) {
        while (row.cells.length < column - 1) row.cells.push(null);
        row.cells[column - 1] = value;
        row.hasValue = true;
      }
    }
  }
  return rows;
}

/** Cells exceljs gives a hyperlink (and thereby a value): `<hyperlink ref r:id>` after the sheet data. */
function hyperlinkCells(xml: string): Set<string> {
  const result = new Set<string>();
  const at = xml.lastIndexOf('</sheetData>');
  if (at < 0) return result;
  for (const link of elements(section(xml.slice(at), 'hyperlinks'), 'hyperlink')) {
    if (link.ref && link['r:id']) result.add(link.ref);
  }
  return result;
}

/**
 * The values of the sheets `wanted` accepts, in workbook order. Throws
 * TooManyRowsError when such a sheet has more than maxRows rows with values
 * besides the first (the header), and an Error when the file is not an xlsx.
 */
export function readXlsxSheets(buffer: Buffer, wanted: (sheetName: string) => boolean, maxRows: number): XlsxSheet[] {
  const parts = new Parts(buffer);
  const workbook = parts.text('xl/workbook.xml');
  if (workbook === undefined) throw new Error('no xl/workbook.xml: not an xlsx workbook');
  const sheets = elements(section(workbook, 'sheets'), 'sheet').filter((sheet) => sheet.name !== undefined && wanted(sheet.name));
  if (sheets.length === 0) return [];

  const properties = elements(workbook, 'workbookPr')[0];
  const date1904 = properties?.date1904 === '1' || properties?.date1904 === 'true';
  const rels = relationships(parts.text('xl/_rels/workbook.xml.rels'));
  const context: Context = {
    strings: sharedStrings(parts.text('xl/sharedStrings.xml')),
    dates: dateStyles(parts.text('xl/styles.xml')),
    date1904,
  };

  const result: XlsxSheet[] = [];
  for (const sheet of sheets) {
    const rel = rels.get(sheet['r:id'] ?? '');
    if (!rel || !/\/worksheet$/.test(rel.type)) continue;
    const xml = parts.text(resolveTarget(rel.target));
    if (xml === undefined) continue;
    const built = readSheet(xml, context, hyperlinkCells(xml));
    const numbers = [...built.keys()].sort((a, b) => a - b);
    let withValues = 0;
    const rows: XlsxRow[] = [];
    for (const number of numbers) {
      const row = built.get(number)!;
      if (row.hasValue) withValues++;
      if (row.hasValue || number === 1) rows.push({ row: number, cells: row.cells });
    }
    if (withValues - 1 > maxRows) throw new TooManyRowsError(sheet.name!, withValues - 1);
    result.push({ name: sheet.name!, rows });
  }
  return result;
}
