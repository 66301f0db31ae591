import { distance } from 'fastest-levenshtein';
import { invalid } from '#server/platform/errors.ts';
import { decodeText, NotTextError, splitCsv } from '#server/platform/formats/csv.ts';
import type { ImportProblem } from '#shared/contracts/inventory-import.ts';
import { formatDate, type CellValue, type ParsedUpload, type SheetInput } from './inventory-import.domain.ts';
import { columnLetter, samlaIdHeader, sheetLayouts, type SheetLayout } from './inventory-sheets.ts';
import { readXlsxSheets, TooManyRowsError, type XlsxSheet } from './xlsx-reader.ts';

/**
 * An upload read into sheets the way people really make them: sheets renamed
 * or copied, headers typed without æøå or with a colon, a title above the
 * header, merged header cells, hidden sheets and filtered rows, CSV saved by
 * a Norwegian Excel. Every cell Samla does not read as the layout says is
 * accounted for by a warning (at sheet, row and column) the user confirms;
 * nothing is dropped or guessed silently.
 */

export { TooManyRowsError };

type Row = { row: number; cells: CellValue[] };
type Merge = { top: number; left: number; bottom: number; right: number };

/** What a sheet looks like to the reading below, whether it came from an xlsx or a CSV. */
interface Grid {
  /** As the file spells it; «CSV» for a CSV. */
  name: string;
  rows: Row[];
  hiddenRows?: readonly number[];
  merges?: readonly Merge[];
}

/** Sheets Samla writes itself: skipped without a word. */
const samlaSheets = new Set(['veiledning', 'lister']);
/** How many rows (with values) from the top are searched for the header row. */
const headerSearchRows = 10;
const listedHiddenRows = 10;
/**
 * What the reader may find beyond maxRows: title rows, and rows with only a
 * Kommunenummer filled down in advance, which are not counted as rows here.
 */
const readerSlack = 1000;

// ---------------------------------------------------------------- names

/** Case, whitespace and punctuation folded away; æ → ae, ø → o, å → a (and other accents dropped). */
export function foldName(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '');
}

const quoteList = (items: readonly string[]) => {
  const quoted = items.map((item) => `«${item}»`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} og ${quoted.at(-1)}`;
};

function textOf(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return formatDate(cell.toISOString().slice(0, 10));
  return String(cell).trim();
}

const isBlank = (cell: CellValue | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

// ---------------------------------------------------------------- headers

interface KnownHeaders {
  /** Canonical header text by its folded form. */
  byFolded: Map<string, string>;
  headers: string[];
  required: string[];
}

const knownHeadersCache = new Map<SheetLayout, KnownHeaders>();
function knownHeaders(layout: SheetLayout): KnownHeaders {
  let known = knownHeadersCache.get(layout);
  if (!known) {
    const headers = [...layout.columns.map((column) => column.header), samlaIdHeader];
    known = {
      byFolded: new Map(headers.map((header) => [foldName(header), header])),
      headers,
      required: layout.columns.filter((column) => column.required).map((column) => column.header),
    };
    knownHeadersCache.set(layout, known);
  }
  return known;
}

/** Headers people use for a column Samla names otherwise: suggested, never read as it. */
const headerHints: Record<string, string> = {
  kommentar: 'Merknader',
  kommentarer: 'Merknader',
  merknad: 'Merknader',
  notat: 'Merknader',
  notater: 'Merknader',
  anmerkning: 'Merknader',
  kommunenr: 'Kommunenummer',
  knr: 'Kommunenummer',
  kommune: 'Kommunenummer',
  systemnavn: 'Navn',
  system: 'Navn',
  navnpasystem: 'Navn',
  leverandornavn: 'Leverandør',
  brukere: 'Antall brukere',
  eier: 'Systemeier',
  hosting: 'Drift',
  driftsform: 'Drift',
};

/** The known header an unknown one most likely meant, if any is likely. */
function suggestHeader(layout: SheetLayout, text: string): string | undefined {
  const folded = foldName(text);
  if (folded === '') return undefined;
  const known = knownHeaders(layout);
  const hint = headerHints[folded];
  if (hint && known.headers.includes(hint)) return hint;
  let best: { header: string; distance: number } | undefined;
  for (const [knownFolded, header] of known.byFolded) {
    const d = distance(folded, knownFolded);
    const allowed = knownFolded.length <= 4 ? 1 : Math.max(2, Math.floor(knownFolded.length / 4));
    if (d <= allowed && (!best || d < best.distance)) best = { header, distance: d };
  }
  if (best) return best.header;
  // «Navn på system», «Leverandør (firma)»: the known header is part of it, or it is part of the known one.
  let contained: string | undefined;
  for (const [knownFolded, header] of known.byFolded) {
    const fits = (knownFolded.length >= 4 && folded.includes(knownFolded)) || (folded.length >= 5 && knownFolded.includes(folded));
    if (fits && (!contained || knownFolded.length > foldName(contained).length)) contained = header;
  }
  return contained;
}

/** How many of a layout's headers a row has (each counted once, after folding). */
function knownCount(layout: SheetLayout, cells: readonly CellValue[]): number {
  const { byFolded } = knownHeaders(layout);
  const found = new Set<string>();
  for (const cell of cells) {
    const header = byFolded.get(foldName(textOf(cell)));
    if (header) found.add(header);
  }
  return found.size;
}

/** The header row: of the first rows with values, the one with most known headers (the first on a tie). */
function locateHeader(layout: SheetLayout, rows: readonly Row[]): { index: number; known: number } {
  let best = { index: -1, known: 0 };
  const candidates = Math.min(rows.length, headerSearchRows);
  for (let index = 0; index < candidates; index++) {
    const known = knownCount(layout, rows[index]!.cells);
    if (known > best.known) best = { index, known };
  }
  if (best.index >= 0) return best;
  // No known header anywhere: the first row is the header (the plan then says which columns are missing).
  return { index: rows.length > 0 ? 0 : -1, known: 0 };
}

/** Whether a sheet's header row has every column the layout requires, and which it lacks. */
function headerFit(layout: SheetLayout, rows: readonly Row[]): { missing: string[]; known: number } {
  const { index, known } = locateHeader(layout, rows);
  const { byFolded, required } = knownHeaders(layout);
  const present = new Set((index >= 0 ? rows[index]!.cells : []).map((cell) => byFolded.get(foldName(textOf(cell)))));
  return { missing: required.filter((header) => !present.has(header)), known };
}

// ---------------------------------------------------------------- one sheet

/** One sheet read as `layout`: header row found, headers mapped to Samla's, blank rows left out, warnings for the rest. */
function readSheet(grid: Grid, layout: SheetLayout, maxRows: number, warnings: ImportProblem[]): SheetInput {
  const sheet = grid.name;
  const warn = (row: number | null, column: string | null, code: string, message: string) => warnings.push({ sheet, row, column, code, message });
  const { index: headerIndex } = locateHeader(layout, grid.rows);
  const headerRow = headerIndex >= 0 ? grid.rows[headerIndex]!.row : 1;
  if (grid.rows.slice(0, Math.max(0, headerIndex)).some((row) => row.cells.some((cell) => !isBlank(cell)))) {
    warn(headerRow, null, 'TITLE_ROWS_SKIPPED', `Overskriftsraden er rad ${headerRow}; radene over er ikke lest.`);
  }
  const headerCells = headerIndex >= 0 ? [...grid.rows[headerIndex]!.cells] : [];
  const body = grid.rows.slice(headerIndex + 1).map((row) => ({ row: row.row, cells: [...row.cells] }));

  // A merge over the header row: the reader copies its first cell's value into every cell it covers.
  const mergedAway = new Set<number>();
  for (const merge of grid.merges ?? []) {
    if (merge.top > headerRow || merge.bottom < headerRow) continue;
    const range = `${columnLetter(merge.left - 1)}${merge.top}:${columnLetter(merge.right - 1)}${merge.bottom}`;
    const first = textOf(headerCells[merge.left - 1]);
    const rest: string[] = [];
    for (let column = merge.left + 1; column <= merge.right; column++) {
      headerCells[column - 1] = null;
      mergedAway.add(column - 1);
      rest.push(columnLetter(column - 1));
    }
    // The copies in the rows below the header (inside the merge) are not data.
    for (const row of body) {
      if (row.row > merge.bottom) break;
      for (let column = merge.left; column <= merge.right; column++) if (column - 1 < row.cells.length) row.cells[column - 1] = null;
    }
    const unread =
      rest.length === 0
        ? 'Bare den første cellen er lest som overskrift.'
        : `${rest.length === 1 ? 'Kolonne' : 'Kolonnene'} ${rest.join(', ')} har derfor ingen overskrift og er ikke lest.`;
    warn(
      headerRow,
      first || null,
      'MERGED_HEADER',
      `Cellene ${range} i overskriftsraden er slått sammen. ${unread} Del opp de sammenslåtte cellene og gi hver kolonne sin egen overskrift.`,
    );
  }

  // A merge below the header: the reader gives every covered cell the first cell's value, so each row
  // gets it (a Kommunenummer merged down a block of rows means that municipality in each). Said once per merge.
  for (const merge of grid.merges ?? []) {
    if (merge.top <= headerRow || merge.bottom === merge.top) continue;
    const first = body.find((row) => row.row === merge.top)?.cells[merge.left - 1];
    if (isBlank(first)) continue;
    const range = `${columnLetter(merge.left - 1)}${merge.top}:${columnLetter(merge.right - 1)}${merge.bottom}`;
    warn(
      merge.top,
      textOf(headerCells[merge.left - 1]) || columnLetter(merge.left - 1),
      'MERGED_CELLS',
      `Cellene ${range} i arket «${sheet}» er slått sammen. Verdien «${textOf(first)}» er brukt i hver av radene ` +
        `${merge.top}–${merge.bottom}. Er det ikke meningen, del opp cellene og fyll inn hver rad.`,
    );
  }

  // Each column's first row with a value, in one pass over the cells (a styled row can reach column XFD).
  const firstValueRow: number[] = [];
  let dataWidth = 0;
  for (const row of body) {
    for (let index = 0; index < row.cells.length; index++) {
      if (firstValueRow[index] === undefined && !isBlank(row.cells[index])) {
        firstValueRow[index] = row.row;
        dataWidth = Math.max(dataWidth, index + 1);
      }
    }
  }
  let headerWidth = 0;
  for (let index = 0; index < headerCells.length; index++) if (textOf(headerCells[index]) !== '') headerWidth = index + 1;
  const width = Math.max(headerWidth, dataWidth, layout.columns.length);
  const known = knownHeaders(layout);
  const headers: Array<string | null> = [];
  const readAt = new Map<string, number>();
  for (let index = 0; index < width; index++) {
    const text = textOf(headerCells[index]);
    const letter = columnLetter(index);
    if (text === '') {
      headers.push(null);
      const firstValue = mergedAway.has(index) ? undefined : firstValueRow[index];
      if (firstValue !== undefined) {
        warn(
          headerRow,
          letter,
          'COLUMN_WITHOUT_HEADER',
          `Kolonne ${letter} i arket «${sheet}» har verdier (første i rad ${firstValue}), men ingen overskrift, og er ikke lest. ` +
            'Gi kolonnen en overskrift fra malen, eller slett verdiene.',
        );
      }
      continue;
    }
    const canonical = known.headers.includes(text) ? text : known.byFolded.get(foldName(text));
    if (!canonical) {
      headers.push(null);
      const suggestion = suggestHeader(layout, text);
      warn(
        headerRow,
        text,
        'UNKNOWN_COLUMN',
        `Kolonnen «${text}» (kolonne ${letter}) i arket «${sheet}» er ikke lest: Samla kjenner ikke overskriften. ` +
          (suggestion
            ? `Mente du «${suggestion}»? Gi kolonnen den overskriften og last opp på nytt.`
            : 'Bruk overskriftene fra malen hvis kolonnen skal leses.'),
      );
      continue;
    }
    const earlier = readAt.get(canonical);
    if (earlier !== undefined) {
      headers.push(null);
      warn(
        headerRow,
        text,
        'DUPLICATE_COLUMN',
        `Kolonnen «${canonical}» står to ganger i arket «${sheet}» (kolonne ${columnLetter(earlier)} og ${letter}). ` +
          `Bare kolonne ${columnLetter(earlier)} er lest; kolonne ${letter} er ikke lest. Slå kolonnene sammen eller slett den ene.`,
      );
      continue;
    }
    readAt.set(canonical, index);
    headers.push(canonical);
    if (canonical !== text) {
      warn(
        headerRow,
        text,
        'COLUMN_READ_AS',
        `Kolonnen «${text}» (kolonne ${letter}) i arket «${sheet}» er lest som «${canonical}». Gi kolonnen overskriften «${canonical}» for å slippe denne meldingen.`,
      );
    }
  }

  // Columns right of the last one read hold nothing the plan reads (each was warned about above).
  let readWidth = layout.columns.length;
  headers.forEach((header, index) => {
    if (header !== null) readWidth = Math.max(readWidth, index + 1);
  });
  headers.length = readWidth;

  // A row is blank when nothing but Kommunenummer (often filled down the sheet in advance) or whitespace is in the columns read.
  const municipalityHeader = layout.columns.find((column) => column.type === 'municipality')?.header;
  const dataColumns = headers.flatMap((header, index) => (header !== null && header !== municipalityHeader ? [index] : []));
  const rows: Row[] = [];
  for (const row of body) {
    if (dataColumns.every((index) => isBlank(row.cells[index]))) continue;
    const cells = row.cells.slice(0, readWidth);
    while (cells.length < readWidth) cells.push(null);
    rows.push({ row: row.row, cells });
  }
  if (rows.length > maxRows) throw new TooManyRowsError(sheet, rows.length);

  if (grid.hiddenRows && grid.hiddenRows.length > 0) {
    const hidden = new Set(grid.hiddenRows);
    const numbers = rows.filter((row) => hidden.has(row.row)).map((row) => row.row);
    if (numbers.length > 0) {
      const shown = numbers.slice(0, listedHiddenRows).map(String);
      const list =
        numbers.length > listedHiddenRows
          ? `${shown.join(', ')} og ${numbers.length - listedHiddenRows} til`
          : shown.length === 1
            ? shown[0]!
            : `${shown.slice(0, -1).join(', ')} og ${shown.at(-1)}`;
      warn(
        null,
        null,
        'HIDDEN_ROWS',
        `${numbers.length === 1 ? 'Rad' : 'Radene'} ${list} i arket «${sheet}» er skjult (for eksempel av et filter), men blir importert. ` +
          'Vis alle rader i regnearket for å se hva som importeres, eller slett radene som ikke skal med.',
      );
    }
  }
  return { sheet, layout, headerRow, headers, rows };
}

// ---------------------------------------------------------------- which sheet is which

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('nb') === b.trim().toLocaleLowerCase('nb');

/** The layouts a sheet name resembles: it contains the layout's name after folding, or is within a small edit distance of it. */
function resembledLayouts(name: string): SheetLayout[] {
  const folded = foldName(name);
  if (folded === '') return [];
  return sheetLayouts.filter((layout) => {
    const sheet = foldName(layout.sheet);
    return folded.includes(sheet) || (folded.length >= 5 && sheet.includes(folded)) || distance(folded, sheet) <= Math.max(1, Math.floor(sheet.length / 5));
  });
}

/** A looser likeness, only for «Mente du …?». */
function likelyLayout(name: string): SheetLayout | undefined {
  const folded = foldName(name);
  if (folded === '') return undefined;
  let best: { layout: SheetLayout; distance: number } | undefined;
  for (const layout of sheetLayouts) {
    const sheet = foldName(layout.sheet);
    const d = distance(folded, sheet);
    if (d <= Math.ceil(sheet.length * 0.4) && (!best || d < best.distance)) best = { layout, distance: d };
  }
  return best?.layout;
}

/** A sheet whose headers fit a layout (every required column and at least two known headers). */
function layoutByHeaders(rows: readonly Row[]): SheetLayout | undefined {
  let best: { layout: SheetLayout; known: number } | undefined;
  for (const layout of sheetLayouts) {
    const fit = headerFit(layout, rows);
    if (fit.missing.length === 0 && fit.known >= 2 && (!best || fit.known > best.known)) best = { layout, known: fit.known };
  }
  return best?.layout;
}

const isSamlaSheet = (name: string) => samlaSheets.has(name.trim().toLocaleLowerCase('nb'));
/** A sheet named as the layout is, or as it was in an earlier template («IKT-organisasjon»). */
const exactLayout = (name: string) =>
  sheetLayouts.find((layout) => sameName(layout.sheet, name) || layout.formerSheetNames?.some((former) => sameName(former, name)));
/** Sheets read for their rows: known by name or resembling a known one. */
const mayBeRead = (name: string) => !isSamlaSheet(name) && (exactLayout(name) !== undefined || resembledLayouts(name).length > 0);

/**
 * The sheets of an xlsx Samla can read, in workbook order, with warnings for
 * every sheet it read under another name or did not read.
 */
export async function readWorkbook(buffer: Buffer, maxRows: number): Promise<ParsedUpload> {
  // The rows read are counted exactly in readSheet, blank ones left out.
  const result = readXlsxSheets(buffer, mayBeRead, maxRows + readerSlack);
  const contents = new Map(result.sheets.map((sheet) => [sheet.name, sheet]));
  const all = result.allSheets;
  // Sheets Samla will not read are read now only to say what they probably are («Mente du arket …?»).
  const unknown = new Set(all.filter((sheet) => !isSamlaSheet(sheet.name) && !mayBeRead(sheet.name)).map((sheet) => sheet.name));
  if (unknown.size > 0) {
    try {
      const more = readXlsxSheets(buffer, (name) => unknown.has(name), maxRows + readerSlack);
      for (const sheet of more.sheets) contents.set(sheet.name, sheet);
    } catch {
      // Too large or unreadable: these sheets are not read either way, so the suggestion is left out.
    }
  }
  return interpretWorkbook(all, contents, maxRows);
}

/**
 * What Samla makes of a workbook's sheets (pure; `readWorkbook` reads them):
 * `all` in workbook order with their visibility, `contents` the sheets read
 * (those Samla reads, and, for suggestions, those it does not).
 */
export function interpretWorkbook(
  all: ReadonlyArray<{ name: string; state?: XlsxSheet['state'] }>,
  contents: ReadonlyMap<string, XlsxSheet>,
  maxRows: number,
): ParsedUpload {
  const warnings: ImportProblem[] = [];
  const sheets: SheetInput[] = [];
  for (const { name, state } of all) {
    if (isSamlaSheet(name)) continue;
    const warn = (code: string, message: string) => warnings.push({ sheet: name, row: null, column: null, code, message });
    const sheet = contents.get(name);
    let layout = exactLayout(name);
    if (!layout && !mayBeRead(name)) {
      warn('SHEET_NOT_READ', unknownSheetMessage(name, sheet));
      continue;
    }
    if (!sheet) continue; // Not a worksheet (a chart sheet): nothing to read.
    if (!layout) {
      const fits = resembledLayouts(name)
        .map((candidate) => ({ candidate, fit: headerFit(candidate, sheet.rows) }))
        .sort((a, b) => a.fit.missing.length - b.fit.missing.length || b.fit.known - a.fit.known);
      const best = fits[0]!;
      if (best.fit.missing.length > 0) {
        warn(
          'SHEET_NOT_READ',
          `Arket «${name}» er ikke lest: navnet ligner «${best.candidate.sheet}», men overskriftsraden mangler ` +
            `${quoteList(best.fit.missing)}. Mente du arket «${best.candidate.sheet}»? Bruk overskriftene fra malen og last opp på nytt.`,
        );
        continue;
      }
      layout = best.candidate;
      warn('SHEET_READ_AS', `Arket «${name}» er lest som «${layout.sheet}». Gi arket navnet «${layout.sheet}» for å slippe denne meldingen.`);
    }
    if (state === 'hidden' || state === 'veryHidden') {
      warn(
        'HIDDEN_SHEET',
        `Arket «${name}» er skjult i arbeidsboken, men er lest. Vis arket (høyreklikk på en arkfane og velg «Vis») for å se hva som importeres.`,
      );
    }
    sheets.push(readSheet(sheet, layout, maxRows, warnings));
  }
  return { sheets, warnings };
}

/** Why a sheet with a name Samla does not know is not read, and what it probably is: by its headers, else by a looser likeness of the name. */
function unknownSheetMessage(name: string, sheet: XlsxSheet | undefined): string {
  const message = `Arket «${name}» er ikke lest: Samla kjenner ikke navnet.`;
  if (sheet && !sheet.rows.some((row) => row.cells.some((cell) => !isBlank(cell)))) return `${message} Arket er tomt.`;
  const byHeaders = sheet ? layoutByHeaders(sheet.rows) : undefined;
  const likely = byHeaders ?? likelyLayout(name);
  if (!likely) return `${message} Arkene Samla leser, er ${quoteList(sheetLayouts.map((layout) => layout.sheet))}.`;
  return (
    `${message} Mente du arket «${likely.sheet}»?` +
    (byHeaders ? ` Overskriftene passer til «${likely.sheet}».` : '') +
    ` Gi arket navnet «${likely.sheet}» og last opp på nytt.`
  );
}

// ---------------------------------------------------------------- CSV

const notTextMessages: Record<NotTextError['kind'], string> = {
  pdf: 'Filen er en PDF, ikke et regneark. Last opp en xlsx-fil eller en CSV-fil.',
  xls: 'Filen er i det gamle Excel-formatet (.xls). Lagre den som «Excel-arbeidsbok (.xlsx)» eller som CSV, og last opp på nytt.',
  zip: 'Filen er en zip-fil, men ikke en xlsx-arbeidsbok. Last opp en xlsx-fil eller en CSV-fil.',
  binary: 'Filen er ikke et regneark: den inneholder binære data. Last opp en xlsx-fil eller en CSV-fil.',
  'bad-utf8': 'Filen sier at den er UTF-8, men har tegn som ikke er gyldig UTF-8. Lagre den på nytt som «CSV UTF-8» eller som xlsx, og last opp på nytt.',
};

/** A CSV file's text, or NOT_A_SPREADSHEET saying what the file is instead (a PDF, an .xls, binary data …). */
export function decodeCsvText(bytes: Buffer): string {
  try {
    return decodeText(bytes).text;
  } catch (error) {
    if (error instanceof NotTextError) throw invalid('NOT_A_SPREADSHEET', notTextMessages[error.kind]);
    throw error;
  }
}

/**
 * A CSV file for one kind: its bytes decoded (UTF-8, UTF-16 or Windows-1252),
 * the delimiter Excel's `sep=` line names or the one that gives most known
 * headers, then read as a sheet named «CSV».
 */
export function readCsv(bytes: Buffer, layout: SheetLayout, maxRows: number): ParsedUpload {
  const text = decodeCsvText(bytes);
  const split = splitCsv(text, (records) => Math.max(0, ...records.map((cells) => knownCount(layout, cells))), headerSearchRows);
  // Rows as a spreadsheet numbers them: Excel does not show the `sep=` line.
  const rows = split.rows.map((cells, index) => ({ row: index + 1, cells: cells as CellValue[] }));
  const warnings: ImportProblem[] = [];
  const sheet = readSheet({ name: 'CSV', rows }, layout, maxRows, warnings);
  return { sheets: [sheet], warnings };
}
