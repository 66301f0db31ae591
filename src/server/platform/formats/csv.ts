/**
 * CSV as Excel with Norwegian settings opens it: semicolons, CRLF and a UTF-8
 * byte-order mark. A cell that begins with =, +, - or @ gets a leading
 * apostrophe so no spreadsheet runs it as a formula; Samla's import strips it again.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvDocument(rows: Iterable<readonly string[]>): string {
  return [...csvLines(rows)].join('');
}

/**
 * The same document as lines, made one at a time: sent as a stream, a large
 * export never holds its whole text (Readable.from pulls a line when the
 * socket can take it, so other requests run in between).
 */
export function* csvLines(rows: Iterable<readonly string[]>): Generator<string> {
  let first = true;
  for (const row of rows) {
    yield `${first ? '\uFEFF' : ''}${row.map(csvCell).join(';')}\r\n`;
    first = false;
  }
  if (first) yield '\uFEFF\r\n';
}

// ---------------------------------------------------------------- bytes → text

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Bytes that are not text: the reason says what they look like, so the
 * message can tell the user what to save the file as instead.
 */
export class NotTextError extends Error {
  constructor(readonly kind: 'pdf' | 'xls' | 'zip' | 'binary' | 'bad-utf8') {
    super(`not text: ${kind}`);
    this.name = 'NotTextError';
  }
}

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

/**
 * The text of a CSV file as a spreadsheet program saved it. Excel's «CSV UTF-8»
 * has a byte-order mark; its «CSV (semikolonseparert)» on a Norwegian Windows is
 * Windows-1252 without one; «Unicode-tekst» is UTF-16 with one. Without a mark,
 * bytes that are valid UTF-8 are UTF-8 (a Windows-1252 text with æ, ø or å
 * practically never is), else Windows-1252. Control bytes other than tab, line
 * ends and form feed (NUL above all) mean the file is not text at all.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (startsWith(bytes, 0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) throw new NotTextError('pdf');
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) throw new NotTextError('xls');
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) throw new NotTextError('zip');
  const last = bytes.length - 1;
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at]!;
    // Tab, LF, FF, CR are text; so is one Ctrl-Z at the very end (old DOS programs end files with it).
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && !(byte === 0x1a && at === last)) {
      throw new NotTextError('binary');
    }
  }
  const trimmed = bytes[last] === 0x1a ? bytes.subarray(0, last) : bytes;
  const hasBom = startsWith(trimmed, 0xef, 0xbb, 0xbf);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(trimmed), encoding: 'utf-8' };
  } catch {
    // A file that says it is UTF-8 but is not would lose characters either way: refuse it rather than guess.
    if (hasBom) throw new NotTextError('bad-utf8');
    return { text: decodeWindows1252(trimmed), encoding: 'windows-1252' };
  }
}

/** Windows-1252's printable characters at 0x80–0x9F (€, –, ‘ …), per the WHATWG Encoding Standard; the rest is Latin-1. */
const windows1252High =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Our own table rather than `new TextDecoder('windows-1252')`: Node 20.18.3+ and
 * 22.13+ decode that label as Latin-1, turning € and – into control characters
 * (nodejs/node#60888).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (char) => windows1252High[char.charCodeAt(0) - 0x80]!);
}

// ---------------------------------------------------------------- text → rows

export type CsvDelimiter = ';' | '\t' | ',';
export const csvDelimiters: readonly CsvDelimiter[] = [';', '\t', ','];

/** Parses CSV with quotes («""» inside quotes is one quote); `limit` stops after that many records. */
export function parseCsvRecords(text: string, delimiter: string, limit = Infinity): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < body.length && rows.length < limit; at++) {
    const char = body[at]!;
    if (quoted) {
      if (char === '"' && body[at + 1] === '"') {
        cell += '"';
        at++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[at + 1] === '\n') at++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if ((cell !== '' || row.length > 0) && rows.length < limit) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with quotes; the delimiter is the header line's semicolon, else a comma. */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  return parseCsvRecords(body, firstLine.includes(';') ? ';' : ',');
}

/** Excel's `sep=;` first line (optionally quoted): it names the delimiter and is not data. */
const sepLinePattern = /^"?sep=(.)"?[ \t]*(\r\n|\n|\r|$)/i;

export interface SplitCsv {
  delimiter: string;
  /** True when the file began with a `sep=` line (left out of rows). */
  sepLine: boolean;
  rows: string[][];
}

/**
 * A CSV text as rows, with the delimiter the file itself names (`sep=;`) or,
 * failing that, the one of `;`, tab and `,` that `score` likes best for the
 * first `lookAhead` records (the caller counts known headers; ties go to the
 * earlier delimiter, `;` first, since that is what Norwegian Excel writes). With
 * no score, or all scores zero, the delimiter that splits the first line into
 * the most cells wins.
 */
export function splitCsv(text: string, score?: (records: string[][]) => number, lookAhead = 10): SplitCsv {
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const sep = sepLinePattern.exec(body);
  if (sep) {
    body = body.slice(sep[0].length);
    return { delimiter: sep[1]!, sepLine: true, rows: parseCsvRecords(body, sep[1]!) };
  }
  let best: { delimiter: CsvDelimiter; score: number; cells: number } | undefined;
  for (const delimiter of csvDelimiters) {
    const head = parseCsvRecords(body, delimiter, lookAhead);
    const candidate = { delimiter, score: score ? score(head) : 0, cells: head[0]?.length ?? 0 };
    if (!best || candidate.score > best.score || (candidate.score === best.score && candidate.cells > best.cells)) {
      best = candidate;
    }
  }
  const delimiter = best!.delimiter;
  return { delimiter, sepLine: false, rows: parseCsvRecords(body, delimiter) };
}
