import { isRealCalendarDate } from '#shared/contracts/common.ts';
import type { Column } from './inventory-sheets.ts';

/**
 * One cell of an import as a value Samla stores, or a problem at that cell.
 * Pure functions: the plan (inventory-import.domain.ts) calls parseCell for
 * every cell of every column the file has.
 */
export type CellValue = string | number | boolean | Date | null;

export interface CellContext {
  municipalityNumbers: ReadonlySet<string>;
  /** Every solution area with the label the template shows. */
  areas: ReadonlyArray<{ id: string; label: string; name: string }>;
  /** Typed text → a common solution's id, or undefined (matchCommonSolution). */
  commonSolution: (text: string) => { id: string } | undefined;
}

/** A leading apostrophe is how Samla's CSV keeps a formula-looking text from running; it is not part of the text. */
export function unescapeFormula(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

export function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

export type Parsed = { value: unknown } | { problem: string; code: string };
const ok = (value: unknown): Parsed => ({ value });
const bad = (code: string, problem: string): Parsed => ({ code, problem });

function textOf(cell: CellValue): string {
  if (cell === null) return '';
  if (cell instanceof Date) return formatDate(cell.toISOString().slice(0, 10));
  return unescapeFormula(String(cell)).trim();
}

function numberOf(cell: CellValue): number | null | undefined {
  if (typeof cell === 'number') return cell;
  const text = textOf(cell).replaceAll(/[\s\u00a0']/g, '').replace(',', '.');
  if (text === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

export function parseDate(cell: CellValue): Parsed {
  if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
  if (typeof cell === 'number') {
    // An Excel serial day number in a cell without a date format: day 25569 is 1970-01-01.
    return ok(new Date(Math.round((cell - 25569) * 86_400_000)).toISOString().slice(0, 10));
  }
  const text = textOf(cell);
  if (text === '') return ok(null);
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = norwegian
    ? `${norwegian[3]}-${norwegian[2]!.padStart(2, '0')}-${norwegian[1]!.padStart(2, '0')}`
    : /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? text
      : undefined;
  if (!iso || !isRealCalendarDate(iso)) return bad('BAD_DATE', `Datoen må ha formen dd.mm.åååå («${text}» er ikke en dato).`);
  return ok(iso);
}

const yes = new Set(['ja', 'j', 'yes', 'y', 'true', 'sann', 'x', '1']);
const no = new Set(['nei', 'n', 'no', 'false', 'usann', '0']);

export function parseCell(column: Column, cell: CellValue, context: CellContext): Parsed {
  switch (column.type) {
    case 'municipality': {
      const text = typeof cell === 'number' ? String(cell).padStart(4, '0') : textOf(cell);
      if (text === '') return ok(null);
      if (!context.municipalityNumbers.has(text)) {
        return bad(
          'UNKNOWN_MUNICIPALITY',
          `Kommunenummer ${text} er ikke en av kommunene i sammenslåingen (${[...context.municipalityNumbers].join(', ')}).`,
        );
      }
      return ok(text);
    }
    case 'text': {
      const text = textOf(cell);
      return ok(text === '' ? null : text);
    }
    case 'integer':
    case 'year':
    case 'decimal': {
      const value = numberOf(cell);
      if (value === null) return ok(null);
      if (value === undefined) return bad('BAD_NUMBER', `«${textOf(cell)}» er ikke et tall.`);
      if (value < 0) return bad('BAD_NUMBER', 'Tallet kan ikke være negativt.');
      if (column.type !== 'decimal' && !Number.isInteger(value)) return bad('BAD_NUMBER', 'Oppgi et heltall.');
      return ok(value);
    }
    case 'flag': {
      if (typeof cell === 'boolean') return ok(cell);
      const text = textOf(cell).toLowerCase();
      if (text === '') return ok(null);
      if (yes.has(text)) return ok(true);
      if (no.has(text)) return ok(false);
      return bad('UNKNOWN_VALUE', `«${textOf(cell)}» er ikke en gyldig verdi. Tillatt: Ja, Nei (tom er ukjent).`);
    }
    case 'date':
      return parseDate(cell);
    case 'choice': {
      const text = textOf(cell);
      if (text === '') return ok(null);
      const value = choiceIndex(column).get(text.toLowerCase());
      if (value === undefined) {
        return bad('UNKNOWN_VALUE', `«${text}» er ikke en gyldig verdi. Tillatt: ${Object.values(column.labels ?? {}).join(', ')}.`);
      }
      return ok(value);
    }
    case 'area': {
      const text = textOf(cell);
      if (text === '') return ok(null);
      const area = areaIndex(context.areas).get(nameKey(text)) ?? context.areas.find((candidate) => candidate.id === text);
      if (!area) return bad('UNKNOWN_SOLUTION_AREA', `Løsningsområdet «${text}» finnes ikke. Velg et fra listen.`);
      return ok(area.id);
    }
    case 'commonSolution': {
      const text = textOf(cell);
      if (text === '') return ok(null);
      const solution = context.commonSolution(text);
      if (!solution) return bad('UNKNOWN_COMMON_SOLUTION', `Fellesløsningen «${text}» finnes ikke i registeret.`);
      return ok(solution.id);
    }
    case 'system':
    case 'systems':
      // Resolved against the systems once the municipality is known (resolveSystems).
      return ok(textOf(cell));
  }
}

/**
 * Names compared without case or extra whitespace. Plain toLowerCase, not the
 * Norwegian locale's: the same result for Norwegian text, and many times faster
 * over the tens of thousands of cells a large import has.
 */
export function nameKey(value: string): string {
  return value.normalize('NFC').toLowerCase().replaceAll(/\s+/g, ' ').trim();
}

const choiceIndexes = new WeakMap<Column, Map<string, string>>();
/** A fixed value by its label or its key, lower-cased: built once per column. */
function choiceIndex(column: Column): Map<string, string> {
  let index = choiceIndexes.get(column);
  if (!index) {
    index = new Map();
    for (const [value, label] of Object.entries(column.labels ?? {})) {
      index.set(value.toLowerCase(), value);
      index.set(label.toLowerCase(), value);
    }
    choiceIndexes.set(column, index);
  }
  return index;
}

type Area = CellContext['areas'][number];
const areaIndexes = new WeakMap<CellContext['areas'], Map<string, Area>>();
/** Areas by label, and by name where the name is unique: built once per list, not once per row. */
function areaIndex(areas: CellContext['areas']): Map<string, Area> {
  let index = areaIndexes.get(areas);
  if (!index) {
    const byName = new Map<string, Area[]>();
    for (const area of areas) byName.set(nameKey(area.name), [...(byName.get(nameKey(area.name)) ?? []), area]);
    index = new Map([...byName].filter(([, list]) => list.length === 1).map(([key, list]) => [key, list[0]!]));
    for (const area of areas) index.set(nameKey(area.label), area);
    areaIndexes.set(areas, index);
  }
  return index;
}

