import { distance } from 'fastest-levenshtein';
import { invalid } from '#server/platform/errors.ts';
import { decodeText, NotTextError, splitCsv } from '#server/platform/formats/csv.ts';
import type { ImportProblem } from '#shared/contracts/inventory-import.ts';
import { languages, type Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { formatDate, type CellValue, type ParsedUpload, type SheetInput } from './inventory-import.domain.ts';
import { columnLetter, guideSheetNames, listsSheetNames, samlaIdHeader, sheetLayouts, sheetNamesOf, type SheetLayout } from './inventory-sheets.ts';
import { readXlsxSheets, TooManyRowsError, type XlsxSheet } from './xlsx-reader.ts';

/**
 * An upload read into sheets the way people really make them: sheets renamed
 * or copied, headers typed without æøå or with a colon, a title above the
 * header, merged header cells, hidden sheets and filtered rows, CSV saved by
 * a Norwegian Excel. Every cell Samla does not read as the layout says is
 * accounted for by a warning (at sheet, row and column) the user confirms;
 * nothing is dropped or guessed silently. Sheet names and headers are read
 * in bokmål, nynorsk or English, each sheet on its own; the warnings are in
 * the reader's language and name sheets and columns as the file writes them.
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

/** Sheets Samla writes itself, in any language: skipped without a word. */
const samlaSheets = new Set(
  languages.flatMap((language) => [guideSheetNames[language], listsSheetNames[language]]).map((name) => name.toLocaleLowerCase('nb')),
);
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

const and: Localized = { nb: 'og', nn: 'og', en: 'and' };
const quoteList = (items: readonly string[], language: Language = 'nb') => {
  const quoted = items.map((item) => `«${item}»`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${and[language]} ${quoted.at(-1)}`;
};

function textOf(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return formatDate(cell.toISOString().slice(0, 10));
  return String(cell).trim();
}

const isBlank = (cell: CellValue | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

// ---------------------------------------------------------------- headers

interface KnownHeaders {
  /** Canonical (bokmål) header text by the folded form of its header in any language. */
  byFolded: Map<string, string>;
  /** Canonical header text by its header as written in any language. */
  exact: Map<string, string>;
  /** The languages whose header a text is, exactly as written. */
  languagesOf: Map<string, Language[]>;
  /** The canonical headers (the columns' bokmål headers and Samla-ID). */
  headers: string[];
  required: string[];
  /** A canonical header in each language. */
  names: Map<string, Localized>;
}

const knownHeadersCache = new Map<SheetLayout, KnownHeaders>();
/**
 * A layout's headers in every language, mapped to the canonical one. Built
 * so that no header of one column is (after folding) a header of another in
 * any language: the import never has to guess which column a header means.
 */
export function knownHeaders(layout: SheetLayout): KnownHeaders {
  let known = knownHeadersCache.get(layout);
  if (!known) {
    const names = new Map<string, Localized>([
      ...layout.columns.map((column) => [column.header, column.headers] as const),
      [samlaIdHeader, { nb: samlaIdHeader, nn: samlaIdHeader, en: samlaIdHeader }] as const,
    ]);
    const byFolded = new Map<string, string>();
    const exact = new Map<string, string>();
    const languagesOf = new Map<string, Language[]>();
    for (const [canonical, localized] of names) {
      for (const language of languages) {
        const text = localized[language];
        const folded = foldName(text);
        const earlier = byFolded.get(folded);
        if (earlier !== undefined && earlier !== canonical) {
          throw new Error(`«${text}» names both «${earlier}» and «${canonical}» in the sheet ${layout.kind}`);
        }
        byFolded.set(folded, canonical);
        exact.set(text, canonical);
        languagesOf.set(text, [...(languagesOf.get(text) ?? []), language]);
      }
    }
    known = {
      byFolded,
      exact,
      languagesOf,
      headers: [...names.keys()],
      required: layout.columns.filter((column) => column.required).map((column) => column.header),
      names,
    };
    knownHeadersCache.set(layout, known);
  }
  return known;
}

/** A canonical header as a sheet in `language` writes it. */
const headerIn = (layout: SheetLayout, canonical: string, language: Language) => knownHeaders(layout).names.get(canonical)?.[language] ?? canonical;

/**
 * The language a sheet's header row is written in: the one with most headers
 * written exactly as its template writes them (bokmål and nynorsk share many);
 * on a tie the reader's, then bokmål, nynorsk, English; with none, the reader's.
 */
function languageOfHeaders(layout: SheetLayout, cells: readonly CellValue[], reader: Language): Language {
  const counts = new Map<Language, number>();
  const { languagesOf } = knownHeaders(layout);
  for (const cell of cells) for (const language of languagesOf.get(textOf(cell)) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1);
  const best = Math.max(0, ...counts.values());
  if (best === 0 || counts.get(reader) === best) return reader;
  return languages.find((language) => counts.get(language) === best)!;
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
  kommentarar: 'Merknader',
  brukarar: 'Antall brukere',
  eigar: 'Systemeier',
  comment: 'Merknader',
  comments: 'Merknader',
  note: 'Merknader',
  vendor: 'Leverandør',
  users: 'Antall brukere',
  owner: 'Systemeier',
  municipality: 'Kommunenummer',
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
function readSheet(grid: Grid, layout: SheetLayout, maxRows: number, warnings: ImportProblem[], language: Language = 'nb'): SheetInput {
  const sheet = grid.name;
  const say = (text: Localized) => text[language];
  const warn = (row: number | null, column: string | null, code: string, message: Localized) =>
    warnings.push({ sheet, row, column, code, message: say(message) });
  const { index: headerIndex } = locateHeader(layout, grid.rows);
  const headerRow = headerIndex >= 0 ? grid.rows[headerIndex]!.row : 1;
  if (grid.rows.slice(0, Math.max(0, headerIndex)).some((row) => row.cells.some((cell) => !isBlank(cell)))) {
    warn(headerRow, null, 'TITLE_ROWS_SKIPPED', {
      nb: `Overskriftsraden er rad ${headerRow}; radene over er ikke lest.`,
      nn: `Overskriftsrada er rad ${headerRow}; radene over er ikkje lesne.`,
      en: `The header row is row ${headerRow}; the rows above it are not read.`,
    });
  }
  const headerCells = headerIndex >= 0 ? [...grid.rows[headerIndex]!.cells] : [];
  const fileLanguage = languageOfHeaders(layout, headerCells, language);
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
    const one = rest.length === 1;
    const unread: Localized =
      rest.length === 0
        ? {
            nb: 'Bare den første cellen er lest som overskrift.',
            nn: 'Berre den første cella er lesen som overskrift.',
            en: 'Only the first cell is read as a header.',
          }
        : {
            nb: `${one ? 'Kolonne' : 'Kolonnene'} ${rest.join(', ')} har derfor ingen overskrift og er ikke lest.`,
            nn: `${one ? 'Kolonne' : 'Kolonnane'} ${rest.join(', ')} har difor inga overskrift og er ikkje lesen${one ? '' : 'e'}.`,
            en: `${one ? 'Column' : 'Columns'} ${rest.join(', ')} therefore ${one ? 'has' : 'have'} no header and ${one ? 'is' : 'are'} not read.`,
          };
    warn(headerRow, first || null, 'MERGED_HEADER', {
      nb: `Cellene ${range} i overskriftsraden er slått sammen. ${unread.nb} Del opp de sammenslåtte cellene og gi hver kolonne sin egen overskrift.`,
      nn: `Cellene ${range} i overskriftsrada er slått saman. ${unread.nn} Del opp dei samanslåtte cellene og gi kvar kolonne si eiga overskrift.`,
      en: `Cells ${range} in the header row are merged. ${unread.en} Unmerge the cells and give each column its own header.`,
    });
  }

  // A merge below the header: the reader gives every covered cell the first cell's value, so each row
  // gets it (a Kommunenummer merged down a block of rows means that municipality in each). Said once per merge.
  for (const merge of grid.merges ?? []) {
    if (merge.top <= headerRow || merge.bottom === merge.top) continue;
    const first = body.find((row) => row.row === merge.top)?.cells[merge.left - 1];
    if (isBlank(first)) continue;
    const range = `${columnLetter(merge.left - 1)}${merge.top}:${columnLetter(merge.right - 1)}${merge.bottom}`;
    const value = textOf(first);
    warn(merge.top, textOf(headerCells[merge.left - 1]) || columnLetter(merge.left - 1), 'MERGED_CELLS', {
      nb:
        `Cellene ${range} i arket «${sheet}» er slått sammen. Verdien «${value}» er brukt i hver av radene ` +
        `${merge.top}–${merge.bottom}. Er det ikke meningen, del opp cellene og fyll inn hver rad.`,
      nn:
        `Cellene ${range} i arket «${sheet}» er slått saman. Verdien «${value}» er brukt i kvar av radene ` +
        `${merge.top}–${merge.bottom}. Er det ikkje meininga, del opp cellene og fyll inn kvar rad.`,
      en:
        `Cells ${range} in the sheet «${sheet}» are merged. The value «${value}» is used in each of rows ` +
        `${merge.top}–${merge.bottom}. If that is not what you meant, unmerge the cells and fill in each row.`,
    });
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
  const written: Array<string | null> = [];
  const readAt = new Map<string, number>();
  for (let index = 0; index < width; index++) {
    const text = textOf(headerCells[index]);
    const letter = columnLetter(index);
    if (text === '') {
      headers.push(null);
      written.push(null);
      const firstValue = mergedAway.has(index) ? undefined : firstValueRow[index];
      if (firstValue !== undefined) {
        warn(headerRow, letter, 'COLUMN_WITHOUT_HEADER', {
          nb:
            `Kolonne ${letter} i arket «${sheet}» har verdier (første i rad ${firstValue}), men ingen overskrift, og er ikke lest. ` +
            'Gi kolonnen en overskrift fra malen, eller slett verdiene.',
          nn:
            `Kolonne ${letter} i arket «${sheet}» har verdiar (første i rad ${firstValue}), men inga overskrift, og er ikkje lesen. ` +
            'Gi kolonnen ei overskrift frå malen, eller slett verdiane.',
          en:
            `Column ${letter} in the sheet «${sheet}» has values (the first in row ${firstValue}) but no header, and is not read. ` +
            'Give the column a header from the template, or delete the values.',
        });
      }
      continue;
    }
    const exactly = known.exact.get(text);
    const canonical = exactly ?? known.byFolded.get(foldName(text));
    if (!canonical) {
      headers.push(null);
      written.push(null);
      const suggested = suggestHeader(layout, text);
      const suggestion = suggested === undefined ? undefined : headerIn(layout, suggested, fileLanguage);
      warn(headerRow, text, 'UNKNOWN_COLUMN', {
        nb:
          `Kolonnen «${text}» (kolonne ${letter}) i arket «${sheet}» er ikke lest: Samla kjenner ikke overskriften. ` +
          (suggestion
            ? `Mente du «${suggestion}»? Gi kolonnen den overskriften og last opp på nytt.`
            : 'Bruk overskriftene fra malen hvis kolonnen skal leses.'),
        nn:
          `Kolonnen «${text}» (kolonne ${letter}) i arket «${sheet}» er ikkje lesen: Samla kjenner ikkje overskrifta. ` +
          (suggestion
            ? `Meinte du «${suggestion}»? Gi kolonnen den overskrifta og last opp på nytt.`
            : 'Bruk overskriftene frå malen dersom kolonnen skal lesast.'),
        en:
          `The column «${text}» (column ${letter}) in the sheet «${sheet}» is not read: Samla does not know the header. ` +
          (suggestion
            ? `Did you mean «${suggestion}»? Give the column that header and upload again.`
            : 'Use the headers from the template if the column is to be read.'),
      });
      continue;
    }
    // Where a problem is, the column is named as the file names it when that is a header Samla writes; else in the sheet's language.
    const shown = exactly !== undefined ? text : headerIn(layout, canonical, fileLanguage);
    const earlier = readAt.get(canonical);
    if (earlier !== undefined) {
      headers.push(null);
      written.push(null);
      const first = columnLetter(earlier);
      warn(headerRow, text, 'DUPLICATE_COLUMN', {
        nb:
          `Kolonnen «${shown}» står to ganger i arket «${sheet}» (kolonne ${first} og ${letter}). ` +
          `Bare kolonne ${first} er lest; kolonne ${letter} er ikke lest. Slå kolonnene sammen eller slett den ene.`,
        nn:
          `Kolonnen «${shown}» står to gonger i arket «${sheet}» (kolonne ${first} og ${letter}). ` +
          `Berre kolonne ${first} er lesen; kolonne ${letter} er ikkje lesen. Slå saman kolonnane eller slett den eine.`,
        en:
          `The column «${shown}» appears twice in the sheet «${sheet}» (columns ${first} and ${letter}). ` +
          `Only column ${first} is read; column ${letter} is not. Combine the columns or delete one of them.`,
      });
      continue;
    }
    readAt.set(canonical, index);
    headers.push(canonical);
    written.push(shown);
    if (exactly === undefined) {
      warn(headerRow, text, 'COLUMN_READ_AS', {
        nb: `Kolonnen «${text}» (kolonne ${letter}) i arket «${sheet}» er lest som «${shown}». Gi kolonnen overskriften «${shown}» for å slippe denne meldingen.`,
        nn: `Kolonnen «${text}» (kolonne ${letter}) i arket «${sheet}» er lesen som «${shown}». Gi kolonnen overskrifta «${shown}» for å sleppe denne meldinga.`,
        en: `The column «${text}» (column ${letter}) in the sheet «${sheet}» is read as «${shown}». Give the column the header «${shown}» to avoid this message.`,
      });
    }
  }

  // Columns right of the last one read hold nothing the plan reads (each was warned about above).
  let readWidth = layout.columns.length;
  headers.forEach((header, index) => {
    if (header !== null) readWidth = Math.max(readWidth, index + 1);
  });
  headers.length = readWidth;
  written.length = readWidth;

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
      const list = (language: Language) =>
        numbers.length > listedHiddenRows
          ? `${shown.join(', ')} ${and[language]} ${numbers.length - listedHiddenRows} ${{ nb: 'til', nn: 'til', en: 'more' }[language]}`
          : shown.length === 1
            ? shown[0]!
            : `${shown.slice(0, -1).join(', ')} ${and[language]} ${shown.at(-1)}`;
      const one = numbers.length === 1;
      warn(null, null, 'HIDDEN_ROWS', {
        nb:
          `${one ? 'Rad' : 'Radene'} ${list('nb')} i arket «${sheet}» er skjult (for eksempel av et filter), men blir importert. ` +
          'Vis alle rader i regnearket for å se hva som importeres, eller slett radene som ikke skal med.',
        nn:
          `${one ? 'Rad' : 'Radene'} ${list('nn')} i arket «${sheet}» er ${one ? 'skjult' : 'skjulte'} (til dømes av eit filter), men blir importert${one ? '' : 'e'}. ` +
          'Vis alle rader i reknearket for å sjå kva som blir importert, eller slett radene som ikkje skal vere med.',
        en:
          `${one ? 'Row' : 'Rows'} ${list('en')} in the sheet «${sheet}» ${one ? 'is' : 'are'} hidden (by a filter, for example), but will be imported. ` +
          'Show all rows in the spreadsheet to see what is imported, or delete the rows that should not be included.',
      });
    }
  }
  // Only what differs from a bokmål sheet with Samla's headers is said: such a sheet reads as it always has.
  const input: SheetInput = { sheet, layout, headerRow, headers, rows };
  if (written.some((name, index) => name !== headers[index])) input.written = written;
  if (fileLanguage !== 'nb') input.language = fileLanguage;
  return input;
}

// ---------------------------------------------------------------- which sheet is which

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('nb') === b.trim().toLocaleLowerCase('nb');

/** The name of a layout's (in any language) a sheet name is nearest to: what a «Mente du …?» suggests. */
function nearestName(layout: SheetLayout, name: string): string {
  const folded = foldName(name);
  let best = { name: layout.sheet, distance: Infinity };
  for (const candidate of sheetNamesOf(layout)) {
    const d = distance(folded, foldName(candidate));
    if (d < best.distance) best = { name: candidate, distance: d };
  }
  return best.name;
}

/** The layouts a sheet name resembles: it contains one of the layout's names after folding, or is within a small edit distance of it. */
function resembledLayouts(name: string): SheetLayout[] {
  const folded = foldName(name);
  if (folded === '') return [];
  return sheetLayouts.filter((layout) =>
    sheetNamesOf(layout).some((candidate) => {
      const sheet = foldName(candidate);
      return folded.includes(sheet) || (folded.length >= 5 && sheet.includes(folded)) || distance(folded, sheet) <= Math.max(1, Math.floor(sheet.length / 5));
    }),
  );
}

/** A looser likeness, only for «Mente du …?». */
function likelyLayout(name: string): SheetLayout | undefined {
  const folded = foldName(name);
  if (folded === '') return undefined;
  let best: { layout: SheetLayout; distance: number } | undefined;
  for (const layout of sheetLayouts) {
    for (const candidate of sheetNamesOf(layout)) {
      const sheet = foldName(candidate);
      const d = distance(folded, sheet);
      if (d <= Math.ceil(sheet.length * 0.4) && (!best || d < best.distance)) best = { layout, distance: d };
    }
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
/** A sheet named as the layout is in any language, or as it was in an earlier template («IKT-organisasjon»). */
const exactLayout = (name: string) => sheetLayouts.find((layout) => sheetNamesOf(layout).some((candidate) => sameName(candidate, name)));
/** Sheets read for their rows: known by name or resembling a known one. */
const mayBeRead = (name: string) => !isSamlaSheet(name) && (exactLayout(name) !== undefined || resembledLayouts(name).length > 0);

/**
 * The sheets of an xlsx Samla can read, in workbook order, with warnings (in
 * the reader's `language`) for every sheet it read under another name or did not read.
 */
export async function readWorkbook(buffer: Buffer, maxRows: number, language: Language = 'nb'): Promise<ParsedUpload> {
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
  return interpretWorkbook(all, contents, maxRows, language);
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
  language: Language = 'nb',
): ParsedUpload {
  const warnings: ImportProblem[] = [];
  const sheets: SheetInput[] = [];
  for (const { name, state } of all) {
    if (isSamlaSheet(name)) continue;
    const warn = (code: string, message: Localized) => warnings.push({ sheet: name, row: null, column: null, code, message: message[language] });
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
      const like = nearestName(best.candidate, name);
      if (best.fit.missing.length > 0) {
        const headerLanguage = languageOfNames(like, best.candidate, language);
        const missing = (language: Language) =>
          quoteList(
            best.fit.missing.map((header) => headerIn(best.candidate, header, headerLanguage)),
            language,
          );
        warn('SHEET_NOT_READ', {
          nb:
            `Arket «${name}» er ikke lest: navnet ligner «${like}», men overskriftsraden mangler ` +
            `${missing('nb')}. Mente du arket «${like}»? Bruk overskriftene fra malen og last opp på nytt.`,
          nn:
            `Arket «${name}» er ikkje lese: namnet liknar «${like}», men overskriftsrada manglar ` +
            `${missing('nn')}. Meinte du arket «${like}»? Bruk overskriftene frå malen og last opp på nytt.`,
          en:
            `The sheet «${name}» is not read: the name resembles «${like}», but the header row lacks ` +
            `${missing('en')}. Did you mean the sheet «${like}»? Use the headers from the template and upload again.`,
        });
        continue;
      }
      layout = best.candidate;
      warn('SHEET_READ_AS', {
        nb: `Arket «${name}» er lest som «${like}». Gi arket navnet «${like}» for å slippe denne meldingen.`,
        nn: `Arket «${name}» er lese som «${like}». Gi arket namnet «${like}» for å sleppe denne meldinga.`,
        en: `The sheet «${name}» is read as «${like}». Name the sheet «${like}» to avoid this message.`,
      });
    }
    if (state === 'hidden' || state === 'veryHidden') {
      warn('HIDDEN_SHEET', {
        nb: `Arket «${name}» er skjult i arbeidsboken, men er lest. Vis arket (høyreklikk på en arkfane og velg «Vis») for å se hva som importeres.`,
        nn: `Arket «${name}» er skjult i arbeidsboka, men er lese. Vis arket (høgreklikk på ei arkfane og vel «Vis») for å sjå kva som blir importert.`,
        en: `The sheet «${name}» is hidden in the workbook, but is read. Unhide the sheet (right-click a sheet tab and choose «Unhide») to see what is imported.`,
      });
    }
    sheets.push(readSheet(sheet, layout, maxRows, warnings, language));
  }
  return { sheets, warnings };
}

/** The language a layout's name is in (bokmål and nynorsk share some: the reader's then). */
function languageOfNames(name: string, layout: SheetLayout, reader: Language): Language {
  if (layout.sheets[reader] === name) return reader;
  return languages.find((language) => layout.sheets[language] === name) ?? reader;
}

/** Why a sheet with a name Samla does not know is not read, and what it probably is: by its headers, else by a looser likeness of the name. */
function unknownSheetMessage(name: string, sheet: XlsxSheet | undefined): Localized {
  const message: Localized = {
    nb: `Arket «${name}» er ikke lest: Samla kjenner ikke navnet.`,
    nn: `Arket «${name}» er ikkje lese: Samla kjenner ikkje namnet.`,
    en: `The sheet «${name}» is not read: Samla does not know the name.`,
  };
  if (sheet && !sheet.rows.some((row) => row.cells.some((cell) => !isBlank(cell)))) {
    return { nb: `${message.nb} Arket er tomt.`, nn: `${message.nn} Arket er tomt.`, en: `${message.en} The sheet is empty.` };
  }
  const byHeaders = sheet ? layoutByHeaders(sheet.rows) : undefined;
  const likely = byHeaders ?? likelyLayout(name);
  if (!likely) {
    const names = (language: Language) =>
      quoteList(
        sheetLayouts.map((layout) => layout.sheets[language]),
        language,
      );
    return {
      nb: `${message.nb} Arkene Samla leser, er ${names('nb')}.`,
      nn: `${message.nn} Arka Samla les, er ${names('nn')}.`,
      en: `${message.en} The sheets Samla reads are ${names('en')}.`,
    };
  }
  // Found by its headers the name says nothing: each language suggests its own; else the name it resembles.
  const like = (language: Language) => (byHeaders ? likely.sheets[language] : nearestName(likely, name));
  return {
    nb:
      `${message.nb} Mente du arket «${like('nb')}»?` +
      (byHeaders ? ` Overskriftene passer til «${like('nb')}».` : '') +
      ` Gi arket navnet «${like('nb')}» og last opp på nytt.`,
    nn:
      `${message.nn} Meinte du arket «${like('nn')}»?` +
      (byHeaders ? ` Overskriftene passar til «${like('nn')}».` : '') +
      ` Gi arket namnet «${like('nn')}» og last opp på nytt.`,
    en:
      `${message.en} Did you mean the sheet «${like('en')}»?` +
      (byHeaders ? ` The headers fit «${like('en')}».` : '') +
      ` Name the sheet «${like('en')}» and upload again.`,
  };
}

// ---------------------------------------------------------------- CSV

const notTextMessages: Record<NotTextError['kind'], Localized> = {
  pdf: {
    nb: 'Filen er en PDF, ikke et regneark. Last opp en xlsx-fil eller en CSV-fil.',
    nn: 'Fila er ein PDF, ikkje eit rekneark. Last opp ei xlsx-fil eller ei CSV-fil.',
    en: 'The file is a PDF, not a spreadsheet. Upload an xlsx file or a CSV file.',
  },
  xls: {
    nb: 'Filen er i det gamle Excel-formatet (.xls). Lagre den som «Excel-arbeidsbok (.xlsx)» eller som CSV, og last opp på nytt.',
    nn: 'Fila er i det gamle Excel-formatet (.xls). Lagre ho som «Excel-arbeidsbok (.xlsx)» eller som CSV, og last opp på nytt.',
    en: 'The file is in the old Excel format (.xls). Save it as «Excel Workbook (.xlsx)» or as CSV, and upload again.',
  },
  zip: {
    nb: 'Filen er en zip-fil, men ikke en xlsx-arbeidsbok. Last opp en xlsx-fil eller en CSV-fil.',
    nn: 'Fila er ei zip-fil, men ikkje ei xlsx-arbeidsbok. Last opp ei xlsx-fil eller ei CSV-fil.',
    en: 'The file is a zip file, but not an xlsx workbook. Upload an xlsx file or a CSV file.',
  },
  binary: {
    nb: 'Filen er ikke et regneark: den inneholder binære data. Last opp en xlsx-fil eller en CSV-fil.',
    nn: 'Fila er ikkje eit rekneark: ho inneheld binære data. Last opp ei xlsx-fil eller ei CSV-fil.',
    en: 'The file is not a spreadsheet: it contains binary data. Upload an xlsx file or a CSV file.',
  },
  'bad-utf8': {
    nb: 'Filen sier at den er UTF-8, men har tegn som ikke er gyldig UTF-8. Lagre den på nytt som «CSV UTF-8» eller som xlsx, og last opp på nytt.',
    nn: 'Fila seier at ho er UTF-8, men har teikn som ikkje er gyldig UTF-8. Lagre ho på nytt som «CSV UTF-8» eller som xlsx, og last opp på nytt.',
    en: 'The file says it is UTF-8, but has characters that are not valid UTF-8. Save it again as «CSV UTF-8» or as xlsx, and upload again.',
  },
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
export function readCsv(bytes: Buffer, layout: SheetLayout, maxRows: number, language: Language = 'nb'): ParsedUpload {
  const text = decodeCsvText(bytes);
  const split = splitCsv(text, (records) => Math.max(0, ...records.map((cells) => knownCount(layout, cells))), headerSearchRows);
  // Rows as a spreadsheet numbers them: Excel does not show the `sep=` line.
  const rows = split.rows.map((cells, index) => ({ row: index + 1, cells: cells as CellValue[] }));
  const warnings: ImportProblem[] = [];
  const sheet = readSheet({ name: 'CSV', rows }, layout, maxRows, warnings, language);
  return { sheets: [sheet], warnings };
}
