import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';

import { isRealCalendarDate } from '#shared/contracts/common.ts';
import { inventoryKinds } from '#shared/contracts/inventory.ts';
import { sheetLayouts, type Column } from './inventory-sheets.ts';

/**
 * One cell of an import as a value Samla stores, a value with a warning the
 * user confirms in the preview, or a problem at that cell that blocks the
 * import. Nothing in the file is changed, dropped or guessed without the
 * preview saying so. Pure functions: the plan (inventory-import.domain.ts)
 * calls parseCell for every cell of every column the file has, so the hot
 * paths allocate nothing big and their regexes are compiled once.
 */
export type CellValue = string | number | boolean | Date | null;

/** What the cell lookup of common solutions answers (lookupCommonSolution in common-solutions.domain.ts). */
export type CommonSolutionAnswer =
  { id: string; name?: string } | { id?: undefined; suggestion?: string; owner?: { name: string; solutions: readonly string[] } };

export interface CellContext {
  /** The merger's municipalities: a number cell is checked against them, a name is looked up among them. */
  municipalities?: ReadonlyArray<{ number: string; name: string }>;
  /** @deprecated Use `municipalities`; read only when `municipalities` is not given. */
  municipalityNumbers?: ReadonlySet<string>;
  /** Every solution area with the label the template shows. */
  areas: ReadonlyArray<{ id: string; label: string; name: string }>;
  /** Typed text → a common solution's id, or a suggestion (lookupCommonSolution). */
  commonSolution: (text: string) => CommonSolutionAnswer | undefined;
  /** The year «5.4» typed today becomes in a spreadsheet; the clock's year unless a test fixes it. */
  currentYear?: number;
}

export type CellWarning = { code: string; message: string };
export type Parsed = { value: unknown; warning?: CellWarning } | { problem: string; code: string };

const ok = (value: unknown): Parsed => ({ value });
const warn = (value: unknown, code: string, message: string): Parsed => ({ value, warning: { code, message } });
const bad = (code: string, problem: string): Parsed => ({ code, problem });

/** A leading apostrophe is how Samla's CSV keeps a formula-looking text from running; it is not part of the text. */
const formulaEscape = /^'[=+\-@]/;
export function unescapeFormula(value: string): string {
  return formulaEscape.test(value) ? value.slice(1) : value;
}

export function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));
const isoOf = (date: Date) => date.toISOString().slice(0, 10);
const norwegianNumber = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 10 });
/** A number as a Norwegian reads it (1 500,5), with plain spaces so the message reads the same everywhere. */
export function formatNumber(value: number): string {
  return norwegianNumber
    .format(value)
    .replaceAll(/[\u00a0\u202f]/g, ' ')
    .replace('\u2212', '-');
}

/** The cell as text, as it is stored in a text column. */
export function textOf(cell: CellValue): string {
  if (cell === null) return '';
  if (cell instanceof Date) return formatDate(isoOf(cell));
  if (typeof cell === 'string') return unescapeFormula(cell).trim();
  return String(cell);
}

// ---------------------------------------------------------------- limits from the contract

interface Limits {
  maxLength?: number;
  min?: number;
  max?: number;
}
type Introspected = {
  _zod: { def: { type: string; innerType?: unknown; in?: unknown } };
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
};

/** The string or number schema under optional, nullable and pipes, and what it allows. */
function limitsOf(schema: unknown): Limits {
  let node = schema as Introspected | undefined;
  while (node && (node._zod.def.innerType ?? node._zod.def.in)) {
    node = (node._zod.def.innerType ?? node._zod.def.in) as Introspected;
  }
  if (!node) return {};
  const limits: Limits = {};
  if (typeof node.maxLength === 'number') limits.maxLength = node.maxLength;
  if (typeof node.minValue === 'number' && Number.isFinite(node.minValue)) limits.min = node.minValue;
  if (typeof node.maxValue === 'number' && Number.isFinite(node.maxValue)) limits.max = node.maxValue;
  return limits;
}

/**
 * Each column's limits, read from the kind's contract once: the column objects
 * of the sheet layouts by their kind, any other column by its field (the
 * strictest limit any kind has for it).
 */
const columnLimits = new WeakMap<Column, Limits>();
const fieldLimits = new Map<string, Limits>();
{
  const shapes = inventoryKinds as unknown as Record<string, { create: { shape: Record<string, unknown> } }>;
  for (const layout of sheetLayouts) {
    const shape = shapes[layout.kind]!.create.shape;
    for (const column of layout.columns) {
      const limits = limitsOf(shape[column.field]);
      columnLimits.set(column, limits);
      const known = fieldLimits.get(column.field);
      fieldLimits.set(column.field, {
        maxLength: Math.min(known?.maxLength ?? Infinity, limits.maxLength ?? Infinity),
        min: Math.max(known?.min ?? -Infinity, limits.min ?? -Infinity),
        max: Math.min(known?.max ?? Infinity, limits.max ?? Infinity),
      });
    }
  }
}
function limitsOfColumn(column: Column): Limits {
  let limits = columnLimits.get(column);
  if (!limits) {
    limits = fieldLimits.get(column.field) ?? {};
    columnLimits.set(column, limits);
  }
  return limits;
}

// ---------------------------------------------------------------- numbers

type NumberKind = 'integer' | 'decimal' | 'year';
type NumberRead = { value: number } | { code: string; problem: string };

const example: Record<NumberKind, string> = { integer: '1 500', decimal: '1 500,50', year: '2027' };
const currencyBefore = /^(?:kr\.?|nok)\s*/i;
const currencyAfter = /\s*(?:kr\.?|nok)$/i;
const noOres = /\s*[,.][-\u2013\u2014]$/;
const sign = /^[-\u2212\u2013+]\s*/;
const numberShape = /^\d[\d\s\u00a0\u202f\u2009\u2007'.,]*$/;
const groupSeparator = /[\s\u00a0\u202f\u2009\u2007'.]/;
const groupSeparators = /[\s\u00a0\u202f\u2009\u2007'.]/g;
const thousandsGroups = /^[1-9]\d{0,2}(?:[\s\u00a0\u202f\u2009\u2007'.]\d{3})+$/;
const plainDigits = /^\d+$/;
const dotDecimal = /^(\d+|[1-9]\d{0,2}(?:[\s\u00a0\u202f\u2009\u2007']\d{3})+)\.(\d{1,2}|\d{4,})$/;

function notANumber(header: string, text: string, kind: NumberKind): NumberRead {
  return {
    code: 'BAD_NUMBER',
    problem: `${header}: «${text}» er ikke et tall. Skriv bare tallet, f.eks. ${example[kind]}, uten tekst eller enhet.`,
  };
}

/**
 * A number written as a Norwegian writes it: space (also no-break, narrow and
 * thin), apostrophe or dot in groups of three as thousands separators, comma
 * as the decimal sign, «kr»/«NOK» and a closing «,-» in amounts. What could
 * be read two ways («1.5»: 1,5 or 15? «1,500»: 1,5 or 1 500?) is a problem
 * that says both readings; nothing is multiplied or divided by a thousand
 * without the user writing it so.
 */
export function readNumberText(text: string, kind: NumberKind, header: string): NumberRead {
  let rest = text;
  let negative = false;
  const takeSign = () => {
    const found = sign.exec(rest);
    if (found) {
      negative ||= found[0][0] !== '+';
      rest = rest.slice(found[0].length);
    }
  };
  takeSign();
  if (kind === 'decimal') {
    rest = rest.replace(currencyBefore, '');
    takeSign();
    rest = rest.replace(currencyAfter, '').replace(noOres, '');
  }
  if (!numberShape.test(rest) || !/\d$/.test(rest)) return notANumber(header, text, kind);

  const commas = rest.split(',').length - 1;
  if (commas > 1) {
    return {
      code: 'BAD_NUMBER',
      problem: `${header}: «${text}» har flere komma. På norsk er komma desimaltegn; ` + `skriv tusener med mellomrom, f.eks. ${example[kind]}.`,
    };
  }
  let whole = rest;
  let fraction = '';
  if (commas === 1) {
    [whole, fraction] = rest.split(',') as [string, string];
    if (!plainDigits.test(fraction)) {
      // «1,500.50»: English thousands and decimal signs.
      return {
        code: 'BAD_NUMBER',
        problem:
          `${header}: «${text}» er skrevet med komma før punktum, som på engelsk. ` +
          `Skriv tallet på norsk, med mellomrom som tusenskille og komma som desimaltegn, f.eks. ${example[kind]}.`,
      };
    }
    if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) {
      const small = formatNumber(Number(`${whole}.${fraction}`));
      const large = formatNumber(Number(whole + fraction));
      return {
        code: 'BAD_NUMBER',
        problem:
          `${header}: «${text}» kan leses på to måter. Skrev du ${small} eller ${large}? ` +
          `Skriv tusener med mellomrom (${large}) og desimaler med komma (${small})` +
          (kind === 'decimal' ? '.' : `; ${header} skal være et heltall.`),
      };
    }
  }
  let digits: string;
  if (plainDigits.test(whole)) digits = whole;
  else if (thousandsGroups.test(whole)) digits = whole.replace(groupSeparators, '');
  else {
    // «1.5», «0.500», «1 500.50»: an English decimal point, or a slip. (A dot before three digits is a thousands separator.)
    const dotted = commas === 0 ? (dotDecimal.exec(whole) ?? /^(0)\.(\d{3})$/.exec(whole)) : null;
    if (dotted) {
      const asDecimal = `${dotted[1]},${dotted[2]}`;
      return {
        code: 'BAD_NUMBER',
        problem:
          kind === 'decimal'
            ? `${header}: «${text}» har punktum, som ikke er desimaltegn på norsk. ` + `Skrev du ${asDecimal}? Bruk komma som desimaltegn: ${asDecimal}.`
            : `${header}: «${text}» er ikke et heltall slik det er skrevet (punktum er ikke desimaltegn på norsk). ` +
              `Skriv et helt tall uten punktum, f.eks. ${example[kind]}.`,
      };
    }
    if (groupSeparator.test(whole)) {
      return {
        code: 'BAD_NUMBER',
        problem:
          `${header}: «${text}» har mellomrom eller punktum på feil sted. ` + `Tusenskille står foran hver gruppe på tre sifre, f.eks. ${example[kind]}.`,
      };
    }
    return notANumber(header, text, kind);
  }
  const value = Number(fraction ? `${digits}.${fraction}` : digits);
  return { value: negative && value !== 0 ? -value : value };
}

function checkNumber(column: Column, value: number, kind: NumberKind): Parsed {
  const header = column.header;
  if (!Number.isFinite(value)) return bad('BAD_NUMBER', `${header}: cellen har ikke et gyldig tall. Skriv tallet på nytt.`);
  if (value < 0) {
    return bad('BAD_NUMBER', `${header} kan ikke være et negativt tall (leste ${formatNumber(value)}). Skriv tallet uten minustegn.`);
  }
  if (kind !== 'decimal' && !Number.isInteger(value)) {
    return bad(
      'BAD_NUMBER',
      kind === 'year'
        ? `${header} må være et årstall med fire sifre, f.eks. 2027 (leste ${formatNumber(value)}).`
        : `${header} må være et heltall (leste ${formatNumber(value)}). Rund av til et helt tall.`,
    );
  }
  const { min, max } = limitsOfColumn(column);
  if (min !== undefined && value < min) {
    return bad(
      'BAD_NUMBER',
      kind === 'year'
        ? `${header} må være ${min} eller senere (leste ${value}).`
        : `${header} kan ikke være mindre enn ${formatNumber(min)} (leste ${formatNumber(value)}).`,
    );
  }
  if (max !== undefined && value > max) {
    return bad(
      'BAD_NUMBER',
      kind === 'year'
        ? `${header} må være ${max} eller tidligere (leste ${value}).`
        : `${header} kan ikke være større enn ${formatNumber(max)} (leste ${formatNumber(value)}). Sjekk at tallet er riktig.`,
    );
  }
  return ok(value);
}

function parseNumber(column: Column, cell: CellValue, kind: NumberKind): Parsed {
  const header = column.header;
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return checkNumber(column, cell, kind);
  if (typeof cell === 'boolean') {
    return bad('BAD_NUMBER', `${header}: cellen har sannhetsverdien ${cell ? 'SANN' : 'USANN'}, ikke et tall.`);
  }
  if (cell instanceof Date) {
    const shown = formatDate(isoOf(cell));
    if (kind === 'year') {
      const year = cell.getUTCFullYear();
      const checked = checkNumber(column, year, kind);
      if ('problem' in checked) return checked;
      return warn(
        year,
        'YEAR_FROM_DATE',
        `${header}: cellen har datoen ${shown}; Samla bruker årstallet ${year}. Skriv bare årstallet for å slippe denne merknaden.`,
      );
    }
    // Norwegian Excel makes «1.5» the date 1 May.
    const guess = kind === 'decimal' ? ` Skrev du ${cell.getUTCDate()},${cell.getUTCMonth() + 1}?` : '';
    return bad(
      'BAD_NUMBER',
      `${header}: regnearket har gjort verdien om til datoen ${shown}.${guess} ` +
        `Formater kolonnen som tall og skriv verdien på nytt${kind === 'decimal' ? ' med komma som desimaltegn' : ''}.`,
    );
  }
  const text = unescapeFormula(cell).trim();
  if (text === '') return ok(null);
  const read = readNumberText(text, kind, header);
  if ('problem' in read) return bad(read.code, read.problem);
  return checkNumber(column, read.value, kind);
}

// ---------------------------------------------------------------- dates

/**
 * Excel's serial days 18264 and 73415: 01.01.1950 and 31.12.2100, the years a
 * date in the inventory can have. Outside that, a number is not a date anyone
 * meant (2027 would be 19.07.1905).
 */
export const firstDateSerial = 18264;
export const lastDateSerial = 73415;
const firstYear = 1950;
const lastYear = 2100;
const dayMs = 86_400_000;
const monthNames = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const monthByName = new Map<string, number>();
monthNames.forEach((name, index) => {
  monthByName.set(name, index + 1);
  monthByName.set(name.slice(0, 3), index + 1);
});
monthByName.set('sept', 9);

const dayMonthYear = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const isoDateText = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const dayMonthName = /^(\d{1,2})\.?\s*([a-zæøå]+)\.?\s+(\d{4})$/i;
const dayMonthOnly = /^(\d{1,2})[./](\d{1,2})\.?$/;
const digitsOnly = /^\d+(?:[.,]\d+)?$/;
const dateHowTo = 'Skriv datoen som dd.mm.åååå, f.eks. 31.12.2027.';
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The one message for a number (or number-looking text) where a date belongs. */
function notADate(written: string, value: number): Parsed {
  if (Number.isInteger(value) && value >= firstYear && value <= lastYear) {
    return bad('BAD_DATE', `${written} er ikke en dato, men ser ut som et årstall. Skriv hele datoen som dd.mm.åååå, f.eks. 31.12.${value}.`);
  }
  if (/^\d{8}$/.test(written)) {
    // åååammdd or ddmmåååå without separators.
    for (const iso of [
      `${written.slice(0, 4)}-${written.slice(4, 6)}-${written.slice(6, 8)}`,
      `${written.slice(4, 8)}-${written.slice(2, 4)}-${written.slice(0, 2)}`,
    ]) {
      if (isRealCalendarDate(iso) && inRange(Number(iso.slice(0, 4)))) {
        return bad('BAD_DATE', `${written} er ikke en dato. Mente du ${formatDate(iso)}? Skriv datoen som dd.mm.åååå med punktum.`);
      }
    }
  }
  return bad('BAD_DATE', `${written} er ikke en dato. ${dateHowTo}`);
}

const inRange = (year: number) => year >= firstYear && year <= lastYear;
const outOfRange = (shown: string) => bad('BAD_DATE', `${shown} er utenfor det Samla godtar for datoer (${firstYear}–${lastYear}). Sjekk årstallet.`);

/** Day, month and year as written → an ISO date, or the one problem with them. */
function calendarDate(written: string, year: number, month: number, day: number): { iso: string } | Parsed {
  if (month < 1 || month > 12) return bad('BAD_DATE', `«${written}» er ikke en dato: det finnes ingen måned ${month}. ${dateHowTo}`);
  if (day < 1 || day > daysIn(year, month)) {
    return bad('BAD_DATE', `«${written}» finnes ikke i kalenderen: ${monthNames[month - 1]} ${year} har ${daysIn(year, month)} dager.`);
  }
  if (!inRange(year)) return outOfRange(`«${written}»`);
  return { iso: `${year}-${two(month)}-${two(day)}` };
}

const timeDropped = (header: string | undefined, iso: string, time: string): CellWarning => ({
  code: 'TIME_DROPPED',
  message: `${header ? `${header}: ` : ''}cellen har klokkeslettet ${time} i tillegg til datoen; Samla lagrer bare datoen ${formatDate(iso)}.`,
});

/**
 * A date cell → YYYY-MM-DD. Date values and texts dd.mm.åååå, d.m.åååå,
 * dd/mm/åååå and dd-mm-åååå (day first, as in Norway), åååå-mm-dd and
 * «1. mars 2027». Two-digit years (dd.mm.åå) are read as 1950–2049 with a
 * warning that says the year; a number is an Excel serial day only between
 * 1950 and 2100, and then with a warning, since the cell showed a number.
 */
export function parseDate(cell: CellValue, header?: string): Parsed {
  const label = header ? `${header}: ` : '';
  if (cell === null) return ok(null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('BAD_DATE', `${label}cellen har en ugyldig dato. ${dateHowTo}`);
    const iso = isoOf(cell);
    if (!inRange(cell.getUTCFullYear())) return outOfRange(formatDate(iso));
    const ms = cell.getTime() % dayMs;
    if (ms !== 0) {
      const time = cell.toISOString().slice(11, 16);
      return { value: iso, warning: timeDropped(header, iso, time) };
    }
    return ok(iso);
  }
  if (typeof cell === 'number') {
    if (Number.isFinite(cell) && cell >= firstDateSerial && cell < lastDateSerial + 1) {
      const iso = isoOf(new Date(Math.round((Math.floor(cell) - 25569) * dayMs)));
      return warn(
        iso,
        'DATE_FROM_NUMBER',
        `${label}cellen har tallet ${String(cell).replace('.', ',')} uten datoformat; Samla leste det som datoen ${formatDate(iso)} ` +
          `(Excels dagnummer). Stemmer det ikke, skriv datoen som dd.mm.åååå.`,
      );
    }
    return notADate(String(cell), cell);
  }
  if (typeof cell === 'boolean') return bad('BAD_DATE', `${label}cellen har en sannhetsverdi, ikke en dato. ${dateHowTo}`);
  const text = unescapeFormula(cell).trim();
  if (text === '') return ok(null);

  let read: { iso: string } | Parsed;
  let time: string | undefined;
  let twoDigitYear = false;
  const dmy = dayMonthYear.exec(text);
  const iso = dmy ? null : isoDateText.exec(text);
  if (dmy) {
    const day = Number(dmy[1]);
    const month = Number(dmy[3]);
    if (dmy[2] === '/' && month > 12 && day <= 12) {
      return bad(
        'BAD_DATE',
        `«${text}» har måneden først, som i amerikanske datoer. Skriv datoen som dd.mm.åååå: ` +
          `${two(month)}.${two(day)}.${dmy[4]!.length === 4 ? dmy[4] : `20${dmy[4]}`}.`,
      );
    }
    let year = Number(dmy[4]);
    if (dmy[4]!.length === 2) {
      twoDigitYear = true;
      year += year < 50 ? 2000 : 1900;
    }
    read = calendarDate(text, year, month, day);
    if (dmy[5] !== undefined) time = `${two(Number(dmy[5]))}:${dmy[6]}`;
  } else if (iso) {
    read = calendarDate(text, Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (iso[4] !== undefined) time = `${two(Number(iso[4]))}:${iso[5]}`;
  } else {
    const named = dayMonthName.exec(text);
    const month = named ? monthByName.get(named[2]!.toLowerCase()) : undefined;
    if (named && month !== undefined) read = calendarDate(text, Number(named[3]), month, Number(named[1]));
    else if (dayMonthOnly.test(text)) {
      return bad('BAD_DATE', `«${text}» mangler årstall. ${dateHowTo}`);
    } else if (digitsOnly.test(text)) {
      return notADate(text, Number(text.replace(',', '.')));
    } else return bad('BAD_DATE', `«${text}» er ikke en dato. ${dateHowTo}`);
  }
  if (!('iso' in read)) return read;
  if (twoDigitYear) {
    return warn(
      read.iso,
      'TWO_DIGIT_YEAR',
      `${label}«${text}» har tosifret årstall; Samla leste det som ${formatDate(read.iso)}. ` + `Skriv årstallet med fire sifre for å slippe denne merknaden.`,
    );
  }
  if (time !== undefined && time !== '00:00') return { value: read.iso, warning: timeDropped(header, read.iso, time) };
  return ok(read.iso);
}

// ---------------------------------------------------------------- text

/**
 * What the user most likely typed for a date a spreadsheet made of it:
 * «5.4» becomes 5 April this year, «14.1.2» 14.01.2002 (Excel and Calc read
 * two-digit years 00–29 as 2000–2029 and 30–99 as 1930–1999), «10:30» a time.
 */
export function typedAsDate(date: Date, currentYear: number): string {
  const day = date.getUTCDate();
  const month = date.getUTCMonth() + 1;
  const year = date.getUTCFullYear();
  if (year === currentYear) return `${day}.${month}`;
  if (year >= 1930 && year <= 2029) return `${day}.${month}.${year % 100}`;
  return `${day}.${month}.${year}`;
}

/** A time of day alone: Excel's day 0 (30.12.1899, or 01.01.1904 in the 1904 system). */
const isTimeOnly = (date: Date) => {
  const day = Math.floor(date.getTime() / dayMs) * dayMs;
  return day === Date.UTC(1899, 11, 30) || day === Date.UTC(1899, 11, 31) || day === Date.UTC(1904, 0, 1);
};

function parseText(column: Column, cell: CellValue, context: CellContext): Parsed {
  const header = column.header;
  let text: string;
  let warning: CellWarning | undefined;
  if (cell === null) return ok(null);
  if (cell instanceof Date) {
    if (isTimeOnly(cell)) {
      const time = `${cell.getUTCHours()}:${two(cell.getUTCMinutes())}`;
      text = time;
      warning = {
        code: 'TEXT_BECAME_DATE',
        message:
          `${header} ser ut som et klokkeslett (${time}) — regnearket har gjort verdien om til tid. ` +
          `Samla lagrer teksten «${time}». Er det feil, formater kolonnen som tekst i regnearket og skriv verdien på nytt.`,
      };
    } else {
      text = formatDate(isoOf(cell));
      const guess = typedAsDate(cell, context.currentYear ?? new Date().getUTCFullYear());
      warning = {
        code: 'TEXT_BECAME_DATE',
        message: `${header} ser ut som en dato (${text}) — skrev du ${guess}? ` + `Formater kolonnen som tekst i regnearket og skriv verdien på nytt.`,
      };
    }
  } else if (typeof cell === 'number') {
    text = String(cell);
    if (!Number.isSafeInteger(cell)) {
      // «5,4» typed in a Norwegian sheet is the number 5.4; a version «5.10» the number 5.1.
      warning = {
        code: 'NUMBER_AS_TEXT',
        message: Number.isInteger(cell)
          ? `${header} er et tall med for mange sifre til å lagres nøyaktig (${text}). ` + `Formater kolonnen som tekst i regnearket og skriv verdien på nytt.`
          : `${header} er et tall i regnearket (vist som ${text.replace('.', ',')} eller ${text}); Samla lagrer teksten «${text}». ` +
            `Skal det stå noe annet, formater kolonnen som tekst i regnearket og skriv verdien på nytt.`,
      };
    }
  } else if (typeof cell === 'boolean') text = String(cell);
  else text = unescapeFormula(cell).trim();
  if (text === '') return ok(null);
  const { maxLength } = limitsOfColumn(column);
  if (maxLength !== undefined && text.length > maxLength) {
    return bad('TEXT_TOO_LONG', `${header} kan ha høyst ${formatNumber(maxLength)} tegn; cellen har ${formatNumber(text.length)}. Kort ned teksten.`);
  }
  return warning ? { value: text, warning } : ok(text);
}

// ---------------------------------------------------------------- municipalities

interface MunicipalityIndex {
  numbers: ReadonlySet<string>;
  nameOf: ReadonlyMap<string, string>;
  /** A name key → the numbers of the municipalities with that name (or that part of a name). */
  byName: ReadonlyMap<string, string[]>;
  listing: string;
}
const municipalityIndexes = new WeakMap<object, MunicipalityIndex>();
const municipalitySuffix = /\s+(?:kommune|herad|herred)\.?$/i;
const municipalityPrefix = /^(?:kommune|kommunen)\s+/i;
/** A name compared without case, spaces, hyphens and dashes: «Nord-Aurdal», «nord aurdal». */
const municipalityKey = (name: string) =>
  name
    .normalize('NFC')
    .toLowerCase()
    .replace(municipalitySuffix, '')
    .replace(municipalityPrefix, '')
    .replaceAll(/[\s\-\u2010-\u2015]+/g, '');

function municipalityIndex(context: CellContext): MunicipalityIndex {
  const source: object = context.municipalities ?? context.municipalityNumbers ?? context;
  let index = municipalityIndexes.get(source);
  if (!index) {
    const list = context.municipalities ?? [...(context.municipalityNumbers ?? [])].map((number) => ({ number, name: '' }));
    const byName = new Map<string, string[]>();
    const add = (key: string, number: string) => {
      if (key === '') return;
      const numbers = byName.get(key) ?? [];
      if (!numbers.includes(number)) numbers.push(number);
      byName.set(key, numbers);
    };
    for (const { number, name } of list) {
      if (!name) continue;
      add(municipalityKey(name), number);
      // Names in more than one language: «Kautokeino – Guovdageaidnu», «Porsanger/Porsáŋgu».
      for (const part of name.split(/\s+[-\u2013\u2014]\s+|\s*\/\s*/)) add(municipalityKey(part), number);
    }
    index = {
      numbers: new Set(list.map((m) => m.number)),
      nameOf: new Map(list.map((m) => [m.number, m.name])),
      byName,
      listing: list.map((m) => (m.name ? `${m.number} ${m.name}` : m.number)).join(', '),
    };
    municipalityIndexes.set(source, index);
  }
  return index;
}

const fourDigits = /^\d{1,4}$/;
const numberAndName = /^(\d{3,4})\s*[-\u2013:,]?\s+(\D.*)$/;

function parseMunicipality(column: Column, cell: CellValue, context: CellContext): Parsed {
  const header = column.header;
  const index = municipalityIndex(context);
  const unknown = (written: string) => {
    const near = /\d/.test(written) ? undefined : closestOf(written, [...index.nameOf.values()].filter(Boolean));
    const number = near === undefined ? undefined : [...index.nameOf].find(([, name]) => name === near)?.[0];
    return bad(
      'UNKNOWN_MUNICIPALITY',
      `${header}: «${written}» er ikke en av kommunene i sammenslåingen.` +
        (number ? ` Mente du ${number} ${near}?` : '') +
        ` Skriv kommunenummeret til en av dem: ${index.listing}.`,
    );
  };
  if (cell === null) return ok(null);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 0 || cell > 9999) return unknown(String(cell));
    const number = String(cell).padStart(4, '0');
    return index.numbers.has(number) ? ok(number) : unknown(number);
  }
  if (typeof cell === 'boolean' || cell instanceof Date) return unknown(textOf(cell));
  const text = unescapeFormula(cell).trim();
  if (text === '') return ok(null);
  if (fourDigits.test(text)) {
    // A CSV or a text cell that lost the leading zero, as a number cell does: «301» is 0301.
    const number = text.padStart(4, '0');
    return index.numbers.has(number) ? ok(number) : unknown(text);
  }
  const both = numberAndName.exec(text);
  if (both) {
    // «4601 Bergen», as the template's list of municipalities writes them.
    const number = both[1]!.padStart(4, '0');
    if (!index.numbers.has(number)) return unknown(text);
    const named = index.byName.get(municipalityKey(both[2]!));
    if (named?.includes(number) || !index.nameOf.get(number)) return ok(number);
    return bad(
      'UNKNOWN_MUNICIPALITY',
      `${header}: «${text}» passer ikke sammen — kommunenummer ${number} er ${index.nameOf.get(number)}. ` +
        `Skriv bare kommunenummeret til riktig kommune: ${index.listing}.`,
    );
  }
  const numbers = index.byName.get(municipalityKey(text));
  if (numbers?.length === 1) {
    const number = numbers[0]!;
    return warn(
      number,
      'MUNICIPALITY_NAME',
      `${header}: «${text}» er et kommunenavn; Samla brukte kommunenummer ${number} (${index.nameOf.get(number)}). ` +
        `Skriv kommunenummeret for å slippe denne merknaden.`,
    );
  }
  if (numbers && numbers.length > 1) {
    return bad(
      'UNKNOWN_MUNICIPALITY',
      `${header}: «${text}» passer på flere av kommunene (${numbers.map((n) => `${n} ${index.nameOf.get(n)}`).join(', ')}). Skriv kommunenummeret.`,
    );
  }
  return unknown(text);
}

// ---------------------------------------------------------------- flags, choices, areas

const yes = new Set(['ja', 'j', 'yes', 'y', 'true', 'sann', 'x', '1', '✓', '✔', '✔️']);
const no = new Set(['nei', 'n', 'no', 'false', 'usann', '0']);
const unknownFlag = new Set(['ukjent', 'vet ikke', 'ikke kjent', '?']);
const trailingStop = /[\s.!]+$/;

/** Text compared for a fixed value: no case, single spaces, no spaces around a slash, no closing full stop. */
function valueKey(value: string): string {
  return nameKey(value)
    .replace(trailingStop, '')
    .replaceAll(/\s*\/\s*/g, '/');
}

/**
 * The one candidate nearest the text, for a «Mente du …?»: the smallest edit
 * distance within about a third of the length, else the one candidate that
 * contains the text or is contained in it. Only for messages; never stored.
 */
export function closestOf(text: string, candidates: readonly string[]): string | undefined {
  const key = valueKey(text);
  if (key === '') return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const candidate of candidates) {
    const candidateKey = valueKey(candidate);
    const limit = Math.max(1, Math.floor(Math.max(key.length, candidateKey.length) / 3));
    if (Math.abs(candidateKey.length - key.length) > limit) continue;
    const d = distance(key, candidateKey);
    if (d > limit) continue;
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && candidate !== best) tie = true;
  }
  if (best !== undefined) return tie ? undefined : best;
  if (key.length < 3) return undefined;
  const containing = candidates.filter((candidate) => {
    const candidateKey = valueKey(candidate);
    return candidateKey.length >= 3 && (candidateKey.includes(key) || key.includes(candidateKey));
  });
  return containing.length === 1 ? containing[0] : undefined;
}

const didYouMean = (suggestion: string | undefined) => (suggestion ? ` Mente du «${suggestion}»?` : '');

function parseFlag(column: Column, cell: CellValue): Parsed {
  if (typeof cell === 'boolean') return ok(cell);
  if (cell === null) return ok(null);
  const written = textOf(cell);
  const text = valueKey(written);
  if (text === '') return ok(null);
  if (yes.has(text)) return ok(true);
  if (no.has(text)) return ok(false);
  if (unknownFlag.has(text)) return ok(null);
  return bad(
    'UNKNOWN_VALUE',
    `${column.header}: «${written}» er ikke en gyldig verdi.${didYouMean(closestOf(written, ['Ja', 'Nei']))} ` +
      `Skriv Ja eller Nei, eller la cellen stå tom hvis det er ukjent.`,
  );
}

const choiceIndexes = new WeakMap<Column, Map<string, string>>();
/** A fixed value by its label or its key: built once per column. */
function choiceIndex(column: Column): Map<string, string> {
  let index = choiceIndexes.get(column);
  if (!index) {
    index = new Map();
    for (const [value, label] of Object.entries(column.labels ?? {})) {
      index.set(valueKey(value), value);
      index.set(valueKey(label), value);
    }
    choiceIndexes.set(column, index);
  }
  return index;
}

function parseChoice(column: Column, cell: CellValue): Parsed {
  if (cell === null) return ok(null);
  const text = textOf(cell);
  if (text === '') return ok(null);
  const value = choiceIndex(column).get(valueKey(text));
  if (value !== undefined) return ok(value);
  const labels = Object.values(column.labels ?? {});
  return bad('UNKNOWN_VALUE', `${column.header}: «${text}» er ikke en gyldig verdi.${didYouMean(closestOf(text, labels))} Tillatt: ${labels.join(', ')}.`);
}

/**
 * Names compared without case or extra whitespace. Plain toLowerCase, not the
 * Norwegian locale's: the same result for Norwegian text, and many times faster
 * over the tens of thousands of cells a large import has.
 */
export function nameKey(value: string): string {
  return value.normalize('NFC').toLowerCase().replaceAll(/\s+/g, ' ').trim();
}

type Area = CellContext['areas'][number];
const areaIndexes = new WeakMap<CellContext['areas'], Map<string, Area>>();
/** Areas by label, and by name where the name is unique: built once per list, not once per row. */
function areaIndex(areas: CellContext['areas']): Map<string, Area> {
  let index = areaIndexes.get(areas);
  if (!index) {
    const byName = new Map<string, Area[]>();
    for (const area of areas) byName.set(valueKey(area.name), [...(byName.get(valueKey(area.name)) ?? []), area]);
    index = new Map([...byName].filter(([, list]) => list.length === 1).map(([key, list]) => [key, list[0]!]));
    for (const area of areas) index.set(valueKey(area.label), area);
    areaIndexes.set(areas, index);
  }
  return index;
}

function parseArea(_column: Column, cell: CellValue, context: CellContext): Parsed {
  if (cell === null) return ok(null);
  const text = textOf(cell);
  if (text === '') return ok(null);
  const area = areaIndex(context.areas).get(valueKey(text)) ?? context.areas.find((candidate) => candidate.id === text);
  if (area) return ok(area.id);
  const suggestion = closestOf(
    text,
    context.areas.map((candidate) => candidate.label),
  );
  return bad('UNKNOWN_SOLUTION_AREA', `Løsningsområdet «${text}» finnes ikke.${didYouMean(suggestion)} Velg et fra listen i malen.`);
}

function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} og ${names.at(-1)}`;
}

function parseCommonSolution(_column: Column, cell: CellValue, context: CellContext): Parsed {
  if (cell === null) return ok(null);
  const text = textOf(cell);
  if (text === '') return ok(null);
  const answer = context.commonSolution(text);
  if (answer?.id !== undefined) return ok(answer.id);
  const found = answer as Exclude<CommonSolutionAnswer, { id: string }> | undefined;
  let message = `Fellesløsningen «${text}» finnes ikke i registeret.`;
  if (found?.owner) {
    message +=
      found.owner.solutions.length === 1
        ? ` ${found.owner.name} forvalter ${found.owner.solutions[0]}.`
        : ` ${found.owner.name} forvalter flere: ${listNames(found.owner.solutions)}. Skriv navnet på den integrasjonen går til.`;
  }
  if (found?.suggestion) message += ` Mente du «${found.suggestion}»?`;
  else if (!found?.owner) message += ' Velg en fra listen i malen.';
  return bad('UNKNOWN_COMMON_SOLUTION', message);
}

// ---------------------------------------------------------------- the cell

export function parseCell(column: Column, cell: CellValue, context: CellContext): Parsed {
  switch (column.type) {
    case 'municipality':
      return parseMunicipality(column, cell, context);
    case 'text':
      return parseText(column, cell, context);
    case 'integer':
    case 'year':
    case 'decimal':
      return parseNumber(column, cell, column.type);
    case 'flag':
      return parseFlag(column, cell);
    case 'date':
      return parseDate(cell, column.header);
    case 'choice':
      return parseChoice(column, cell);
    case 'area':
      return parseArea(column, cell, context);
    case 'commonSolution':
      return parseCommonSolution(column, cell, context);
    case 'system':
    case 'systems':
      // Resolved against the systems once the municipality is known (resolveSystems).
      return ok(textOf(cell));
  }
}

// ---------------------------------------------------------------- the contract's messages

const columnByField = new Map<string, Column>();
for (const layout of sheetLayouts) for (const column of layout.columns) if (!columnByField.has(column.field)) columnByField.set(column.field, column);

/**
 * A Norwegian message, naming the column, for an issue of the kind's schema
 * when an import row is checked (zod's Norwegian locale still says «forventet
 * number til å ha <=600», and names no column). `header` is the column's
 * header, or null when the field has no column of its own.
 */
export function schemaIssueMessage(issue: z.core.$ZodIssue, header: string | null): string {
  const column = header ?? 'Feltet';
  const quoted = header ? `«${header}»` : 'Feltet';
  const field = String(issue.path[0] ?? '');
  const isYear = columnByField.get(field)?.type === 'year';
  const limit = (value: number | bigint | undefined) => formatNumber(Number(value));
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `${column} kan ha høyst ${limit(issue.maximum)} tegn. Kort ned teksten.`;
      if (issue.origin === 'array') return `${column} kan ha høyst ${limit(issue.maximum)} verdier.`;
      if (isYear) return `${column} må være ${Number(issue.maximum)} eller tidligere.`;
      return `${column} kan ikke være større enn ${limit(issue.maximum)}.`;
    case 'too_small':
      if (issue.origin === 'string') return `${quoted} må fylles ut.`;
      if (issue.origin === 'array') return `${column} må ha minst ${limit(issue.minimum)} verdier.`;
      if (isYear) return `${column} må være ${Number(issue.minimum)} eller senere.`;
      if (Number(issue.minimum) === 0) return `${column} kan ikke være et negativt tall.`;
      return `${column} kan ikke være mindre enn ${limit(issue.minimum)}.`;
    case 'invalid_type':
      if (issue.expected === 'int') return `${column} må være et heltall.`;
      if (issue.expected === 'number') return `${column} må være et tall.`;
      if (issue.expected === 'boolean') return `${column} må være Ja eller Nei (tom er ukjent).`;
      if (issue.expected === 'array') return `${column} må være en liste.`;
      return `${quoted} må fylles ut.`;
    case 'invalid_value': {
      const labels = columnByField.get(field)?.labels;
      const allowed = (issue.values ?? []).map((value) => labels?.[String(value)] ?? String(value));
      return allowed.length > 0 ? `${column} har en ugyldig verdi. Tillatt: ${allowed.join(', ')}.` : `${column} har en ugyldig verdi.`;
    }
    case 'invalid_format':
      if (field === 'municipalityNumber') return `${column} må være et kommunenummer med fire sifre.`;
      if (issue.format === 'uuid') return `${column} viser ikke til et kjent system.`;
      return `${column} har feil form.`;
    case 'not_multiple_of':
      return `${column} har for mange desimaler.`;
    case 'unrecognized_keys':
      return 'Raden har felter Samla ikke kjenner.';
    default:
      // Custom checks (dates, the kinds' own rules) already say it in Norwegian.
      return header ? `${header}: ${lowerFirst(issue.message)}` : issue.message;
  }
}

function lowerFirst(text: string): string {
  // «Datoen finnes …» → «datoen finnes …»; abbreviations such as «ID-porten» keep their case.
  return /^[A-ZÆØÅ][a-zæøå]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
