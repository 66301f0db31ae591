import { distance } from 'fastest-levenshtein';
import { plural } from '#shared/plural.ts';
import type { z } from 'zod';

import { isRealCalendarDate } from '#shared/contracts/common.ts';
import { inventoryKinds } from '#shared/contracts/inventory.ts';
import { languages, type Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { labelsIn, sheetLayouts, type Column } from './inventory-sheets.ts';

/**
 * One cell of an import as a value Samla stores, a value with a warning the
 * user confirms in the preview, or a problem at that cell that blocks the
 * import. Nothing in the file is changed, dropped or guessed without the
 * preview saying so. Pure functions: the plan (inventory-import.domain.ts)
 * calls parseCell for every cell of every column the file has, so the hot
 * paths allocate nothing big and their regexes are compiled once. Problems
 * and warnings are in the reader's language (`CellContext.language`) and name
 * the column as the file does (`CellContext.headerOf`).
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
  /**
   * Every solution area with the label the template shows, in the reader's language; with
   * `translations`, its name and label in the other languages, which a cell may use too.
   */
  areas: ReadonlyArray<{ id: string; label: string; name: string; translations?: ReadonlyArray<{ label: string; name: string }> }>;
  /** Typed text → a common solution's id, or a suggestion (lookupCommonSolution). */
  commonSolution: (text: string) => CommonSolutionAnswer | undefined;
  /** The year «5.4» typed today becomes in a spreadsheet; the clock's year unless a test fixes it. */
  currentYear?: number;
  /** The reader's language, for every message; bokmål unless given. */
  language?: Language;
  /** A column's name in messages: its header as the file writes it; the bokmål header unless given. */
  headerOf?: (column: Column) => string;
}

const nameOf = (column: Column, context: CellContext) => context.headerOf?.(column) ?? column.header;
const andIn: Localized = { nb: 'og', nn: 'og', en: 'and' };

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

function notANumber(header: string, text: string, kind: NumberKind, language: Language): NumberRead {
  return {
    code: 'BAD_NUMBER',
    problem: {
      nb: `${header}: «${text}» er ikke et tall. Skriv bare tallet, f.eks. ${example[kind]}, uten tekst eller enhet.`,
      nn: `${header}: «${text}» er ikkje eit tal. Skriv berre talet, t.d. ${example[kind]}, utan tekst eller eining.`,
      en: `${header}: «${text}» is not a number. Write just the number, e.g. ${example[kind]}, without text or unit.`,
    }[language],
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
export function readNumberText(text: string, kind: NumberKind, header: string, language: Language = 'nb'): NumberRead {
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
  if (!numberShape.test(rest) || !/\d$/.test(rest)) return notANumber(header, text, kind, language);

  const commas = rest.split(',').length - 1;
  if (commas > 1) {
    return {
      code: 'BAD_NUMBER',
      problem: {
        nb: `${header}: «${text}» har flere komma. På norsk er komma desimaltegn; ` + `skriv tusener med mellomrom, f.eks. ${example[kind]}.`,
        nn: `${header}: «${text}» har fleire komma. På norsk er komma desimalteikn; skriv tusen med mellomrom, t.d. ${example[kind]}.`,
        en: `${header}: «${text}» has more than one comma. Samla reads numbers the Norwegian way, with a decimal comma; separate thousands with spaces, e.g. ${example[kind]}.`,
      }[language],
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
        problem: {
          nb:
            `${header}: «${text}» er skrevet med komma før punktum, som på engelsk. ` +
            `Skriv tallet på norsk, med mellomrom som tusenskille og komma som desimaltegn, f.eks. ${example[kind]}.`,
          nn:
            `${header}: «${text}» er skrive med komma før punktum, som på engelsk. ` +
            `Skriv talet på norsk, med mellomrom som tusenskilje og komma som desimalteikn, t.d. ${example[kind]}.`,
          en:
            `${header}: «${text}» is written with a comma before a point, the English way. ` +
            `Write the number the Norwegian way, with spaces between thousands and a decimal comma, e.g. ${example[kind]}.`,
        }[language],
      };
    }
    if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) {
      const small = formatNumber(Number(`${whole}.${fraction}`));
      const large = formatNumber(Number(whole + fraction));
      return {
        code: 'BAD_NUMBER',
        problem: {
          nb:
            `${header}: «${text}» kan leses på to måter. Skrev du ${small} eller ${large}? ` +
            `Skriv tusener med mellomrom (${large}) og desimaler med komma (${small})` +
            (kind === 'decimal' ? '.' : `; ${header} skal være et heltall.`),
          nn:
            `${header}: «${text}» kan lesast på to måtar. Skreiv du ${small} eller ${large}? ` +
            `Skriv tusen med mellomrom (${large}) og desimalar med komma (${small})` +
            (kind === 'decimal' ? '.' : `; ${header} skal vere eit heiltal.`),
          en:
            `${header}: «${text}» can be read two ways. Did you mean ${small} or ${large}? ` +
            `Write thousands with spaces (${large}) and decimals with a comma (${small})` +
            (kind === 'decimal' ? '.' : `; ${header} must be a whole number.`),
        }[language],
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
        problem: (kind === 'decimal'
          ? {
              nb: `${header}: «${text}» har punktum, som ikke er desimaltegn på norsk. ` + `Skrev du ${asDecimal}? Bruk komma som desimaltegn: ${asDecimal}.`,
              nn: `${header}: «${text}» har punktum, som ikkje er desimalteikn på norsk. Skreiv du ${asDecimal}? Bruk komma som desimalteikn: ${asDecimal}.`,
              en: `${header}: «${text}» has a decimal point, which Samla does not read as one (it reads numbers the Norwegian way). Did you mean ${asDecimal}? Use a decimal comma: ${asDecimal}.`,
            }
          : {
              nb:
                `${header}: «${text}» er ikke et heltall slik det er skrevet (punktum er ikke desimaltegn på norsk). ` +
                `Skriv et helt tall uten punktum, f.eks. ${example[kind]}.`,
              nn: `${header}: «${text}» er ikkje eit heiltal slik det er skrive (punktum er ikkje desimalteikn på norsk). Skriv eit heilt tal utan punktum, t.d. ${example[kind]}.`,
              en: `${header}: «${text}» is not a whole number as written (Samla does not read a point as a decimal sign). Write a whole number without a point, e.g. ${example[kind]}.`,
            })[language],
      };
    }
    if (groupSeparator.test(whole)) {
      return {
        code: 'BAD_NUMBER',
        problem: {
          nb: `${header}: «${text}» har mellomrom eller punktum på feil sted. ` + `Tusenskille står foran hver gruppe på tre sifre, f.eks. ${example[kind]}.`,
          nn: `${header}: «${text}» har mellomrom eller punktum på feil stad. Tusenskilje står framfor kvar gruppe på tre siffer, t.d. ${example[kind]}.`,
          en: `${header}: «${text}» has a space or point in the wrong place. A thousands separator goes before each group of three digits, e.g. ${example[kind]}.`,
        }[language],
      };
    }
    return notANumber(header, text, kind, language);
  }
  const value = Number(fraction ? `${digits}.${fraction}` : digits);
  return { value: negative && value !== 0 ? -value : value };
}

function checkNumber(column: Column, value: number, kind: NumberKind, context: CellContext): Parsed {
  const header = nameOf(column, context);
  const language = context.language ?? 'nb';
  const say = (text: Localized) => text[language];
  const read = formatNumber(value);
  if (!Number.isFinite(value)) {
    return bad(
      'BAD_NUMBER',
      say({
        nb: `${header}: cellen har ikke et gyldig tall. Skriv tallet på nytt.`,
        nn: `${header}: cella har ikkje eit gyldig tal. Skriv talet på nytt.`,
        en: `${header}: the cell does not hold a valid number. Type the number again.`,
      }),
    );
  }
  if (value < 0) {
    return bad(
      'BAD_NUMBER',
      say({
        nb: `${header} kan ikke være et negativt tall (leste ${read}). Skriv tallet uten minustegn.`,
        nn: `${header} kan ikkje vere eit negativt tal (las ${read}). Skriv talet utan minusteikn.`,
        en: `${header} cannot be a negative number (read ${read}). Write the number without a minus sign.`,
      }),
    );
  }
  if (kind !== 'decimal' && !Number.isInteger(value)) {
    return bad(
      'BAD_NUMBER',
      say(
        kind === 'year'
          ? {
              nb: `${header} må være et årstall med fire sifre, f.eks. 2027 (leste ${read}).`,
              nn: `${header} må vere eit årstal med fire siffer, t.d. 2027 (las ${read}).`,
              en: `${header} must be a four-digit year, e.g. 2027 (read ${read}).`,
            }
          : {
              nb: `${header} må være et heltall (leste ${read}). Rund av til et helt tall.`,
              nn: `${header} må vere eit heiltal (las ${read}). Rund av til eit heilt tal.`,
              en: `${header} must be a whole number (read ${read}). Round it to a whole number.`,
            },
      ),
    );
  }
  const { min, max } = limitsOfColumn(column);
  if (min !== undefined && value < min) {
    const limit = formatNumber(min);
    return bad(
      'BAD_NUMBER',
      say(
        kind === 'year'
          ? {
              nb: `${header} må være ${min} eller senere (leste ${value}).`,
              nn: `${header} må vere ${min} eller seinare (las ${value}).`,
              en: `${header} must be ${min} or later (read ${value}).`,
            }
          : {
              nb: `${header} kan ikke være mindre enn ${limit} (leste ${read}).`,
              nn: `${header} kan ikkje vere mindre enn ${limit} (las ${read}).`,
              en: `${header} cannot be less than ${limit} (read ${read}).`,
            },
      ),
    );
  }
  if (max !== undefined && value > max) {
    const limit = formatNumber(max);
    return bad(
      'BAD_NUMBER',
      say(
        kind === 'year'
          ? {
              nb: `${header} må være ${max} eller tidligere (leste ${value}).`,
              nn: `${header} må vere ${max} eller tidlegare (las ${value}).`,
              en: `${header} must be ${max} or earlier (read ${value}).`,
            }
          : {
              nb: `${header} kan ikke være større enn ${limit} (leste ${read}). Sjekk at tallet er riktig.`,
              nn: `${header} kan ikkje vere større enn ${limit} (las ${read}). Sjå etter at talet er rett.`,
              en: `${header} cannot be greater than ${limit} (read ${read}). Check that the number is right.`,
            },
      ),
    );
  }
  return ok(value);
}

function parseNumber(column: Column, cell: CellValue, kind: NumberKind, context: CellContext): Parsed {
  const header = nameOf(column, context);
  const language = context.language ?? 'nb';
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return checkNumber(column, cell, kind, context);
  if (typeof cell === 'boolean') {
    const value = { nb: cell ? 'SANN' : 'USANN', nn: cell ? 'SANN' : 'USANN', en: cell ? 'TRUE' : 'FALSE' }[language];
    return bad(
      'BAD_NUMBER',
      {
        nb: `${header}: cellen har sannhetsverdien ${value}, ikke et tall.`,
        nn: `${header}: cella har sanningsverdien ${value}, ikkje eit tal.`,
        en: `${header}: the cell holds the logical value ${value}, not a number.`,
      }[language],
    );
  }
  if (cell instanceof Date) {
    const shown = formatDate(isoOf(cell));
    if (kind === 'year') {
      const year = cell.getUTCFullYear();
      const checked = checkNumber(column, year, kind, context);
      if ('problem' in checked) return checked;
      return warn(
        year,
        'YEAR_FROM_DATE',
        {
          nb: `${header}: cellen har datoen ${shown}; Samla bruker årstallet ${year}. Skriv bare årstallet for å slippe denne merknaden.`,
          nn: `${header}: cella har datoen ${shown}; Samla brukar årstalet ${year}. Skriv berre årstalet for å sleppe denne merknaden.`,
          en: `${header}: the cell holds the date ${shown}; Samla uses the year ${year}. Write just the year to avoid this note.`,
        }[language],
      );
    }
    // Norwegian Excel makes «1.5» the date 1 May.
    const typed = `${cell.getUTCDate()},${cell.getUTCMonth() + 1}`;
    const decimal = kind === 'decimal';
    return bad(
      'BAD_NUMBER',
      {
        nb:
          `${header}: regnearket har gjort verdien om til datoen ${shown}.${decimal ? ` Skrev du ${typed}?` : ''} ` +
          `Formater kolonnen som tall og skriv verdien på nytt${decimal ? ' med komma som desimaltegn' : ''}.`,
        nn:
          `${header}: reknearket har gjort verdien om til datoen ${shown}.${decimal ? ` Skreiv du ${typed}?` : ''} ` +
          `Formater kolonnen som tal og skriv verdien på nytt${decimal ? ' med komma som desimalteikn' : ''}.`,
        en:
          `${header}: the spreadsheet turned the value into the date ${shown}.${decimal ? ` Did you type ${typed}?` : ''} ` +
          `Format the column as a number and type the value again${decimal ? ' with a decimal comma' : ''}.`,
      }[language],
    );
  }
  const text = unescapeFormula(cell).trim();
  if (text === '') return ok(null);
  const read = readNumberText(text, kind, header, language);
  if ('problem' in read) return bad(read.code, read.problem);
  return checkNumber(column, read.value, kind, context);
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
const monthNamesEn = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthByName = new Map<string, number>();
for (const names of [monthNamesEn, monthNames]) {
  names.forEach((name, index) => {
    monthByName.set(name, index + 1);
    monthByName.set(name.slice(0, 3), index + 1);
  });
}
monthByName.set('sept', 9);

const dayMonthYear = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const isoDateText = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const dayMonthName = /^(\d{1,2})\.?\s*([a-zæøå]+)\.?\s+(\d{4})$/i;
const dayMonthOnly = /^(\d{1,2})[./](\d{1,2})\.?$/;
const digitsOnly = /^\d+(?:[.,]\d+)?$/;
const dateHowTo: Localized = {
  nb: 'Skriv datoen som dd.mm.åååå, f.eks. 31.12.2027.',
  nn: 'Skriv datoen som dd.mm.åååå, t.d. 31.12.2027.',
  en: 'Write the date as dd.mm.yyyy, e.g. 31.12.2027.',
};
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The one message for a number (or number-looking text) where a date belongs. */
function notADate(written: string, value: number, language: Language): Parsed {
  if (Number.isInteger(value) && value >= firstYear && value <= lastYear) {
    return bad(
      'BAD_DATE',
      {
        nb: `${written} er ikke en dato, men ser ut som et årstall. Skriv hele datoen som dd.mm.åååå, f.eks. 31.12.${value}.`,
        nn: `${written} er ikkje ein dato, men ser ut som eit årstal. Skriv heile datoen som dd.mm.åååå, t.d. 31.12.${value}.`,
        en: `${written} is not a date, but looks like a year. Write the whole date as dd.mm.yyyy, e.g. 31.12.${value}.`,
      }[language],
    );
  }
  if (/^\d{8}$/.test(written)) {
    // åååammdd or ddmmåååå without separators.
    for (const iso of [
      `${written.slice(0, 4)}-${written.slice(4, 6)}-${written.slice(6, 8)}`,
      `${written.slice(4, 8)}-${written.slice(2, 4)}-${written.slice(0, 2)}`,
    ]) {
      if (isRealCalendarDate(iso) && inRange(Number(iso.slice(0, 4)))) {
        const meant = formatDate(iso);
        return bad(
          'BAD_DATE',
          {
            nb: `${written} er ikke en dato. Mente du ${meant}? Skriv datoen som dd.mm.åååå med punktum.`,
            nn: `${written} er ikkje ein dato. Meinte du ${meant}? Skriv datoen som dd.mm.åååå med punktum.`,
            en: `${written} is not a date. Did you mean ${meant}? Write the date as dd.mm.yyyy with full stops.`,
          }[language],
        );
      }
    }
  }
  return bad(
    'BAD_DATE',
    { nb: `${written} er ikke en dato. ${dateHowTo.nb}`, nn: `${written} er ikkje ein dato. ${dateHowTo.nn}`, en: `${written} is not a date. ${dateHowTo.en}` }[
      language
    ],
  );
}

const inRange = (year: number) => year >= firstYear && year <= lastYear;
const outOfRange = (shown: string, language: Language) =>
  bad(
    'BAD_DATE',
    {
      nb: `${shown} er utenfor det Samla godtar for datoer (${firstYear}–${lastYear}). Sjekk årstallet.`,
      nn: `${shown} er utanfor det Samla godtek for datoar (${firstYear}–${lastYear}). Sjå etter årstalet.`,
      en: `${shown} is outside the dates Samla accepts (${firstYear}–${lastYear}). Check the year.`,
    }[language],
  );

/** Day, month and year as written → an ISO date, or the one problem with them. */
function calendarDate(written: string, year: number, month: number, day: number, language: Language): { iso: string } | Parsed {
  if (month < 1 || month > 12) {
    return bad(
      'BAD_DATE',
      {
        nb: `«${written}» er ikke en dato: det finnes ingen måned ${month}. ${dateHowTo.nb}`,
        nn: `«${written}» er ikkje ein dato: det finst ingen månad ${month}. ${dateHowTo.nn}`,
        en: `«${written}» is not a date: there is no month ${month}. ${dateHowTo.en}`,
      }[language],
    );
  }
  if (day < 1 || day > daysIn(year, month)) {
    const days = daysIn(year, month);
    return bad(
      'BAD_DATE',
      {
        nb: `«${written}» finnes ikke i kalenderen: ${monthNames[month - 1]} ${year} har ${plural(days, 'dag', 'dager')}.`,
        nn: `«${written}» finst ikkje i kalenderen: ${monthNames[month - 1]} ${year} har ${plural(days, 'dag', 'dagar', 'nn')}.`,
        en: `«${written}» is not in the calendar: ${monthNamesEn[month - 1]![0]!.toUpperCase()}${monthNamesEn[month - 1]!.slice(1)} ${year} has ${plural(days, 'day', 'days', 'en')}.`,
      }[language],
    );
  }
  if (!inRange(year)) return outOfRange(`«${written}»`, language);
  return { iso: `${year}-${two(month)}-${two(day)}` };
}

const timeDropped = (header: string | undefined, iso: string, time: string, language: Language): CellWarning => ({
  code: 'TIME_DROPPED',
  message: {
    nb: `${header ? `${header}: ` : ''}cellen har klokkeslettet ${time} i tillegg til datoen; Samla lagrer bare datoen ${formatDate(iso)}.`,
    nn: `${header ? `${header}: ` : ''}cella har klokkeslettet ${time} i tillegg til datoen; Samla lagrar berre datoen ${formatDate(iso)}.`,
    en: `${header ? `${header}: ` : ''}the cell has the time ${time} as well as the date; Samla stores only the date ${formatDate(iso)}.`,
  }[language],
});

/**
 * A date cell → YYYY-MM-DD. Date values and texts dd.mm.åååå, d.m.åååå,
 * dd/mm/åååå and dd-mm-åååå (day first, as in Norway), åååå-mm-dd and
 * «1. mars 2027». Two-digit years (dd.mm.åå) are read as 1950–2049 with a
 * warning that says the year; a number is an Excel serial day only between
 * 1950 and 2100, and then with a warning, since the cell showed a number.
 */
export function parseDate(cell: CellValue, header?: string, language: Language = 'nb'): Parsed {
  const label = header ? `${header}: ` : '';
  if (cell === null) return ok(null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) {
      return bad(
        'BAD_DATE',
        {
          nb: `${label}cellen har en ugyldig dato. ${dateHowTo.nb}`,
          nn: `${label}cella har ein ugyldig dato. ${dateHowTo.nn}`,
          en: `${label}the cell holds an invalid date. ${dateHowTo.en}`,
        }[language],
      );
    }
    const iso = isoOf(cell);
    if (!inRange(cell.getUTCFullYear())) return outOfRange(formatDate(iso), language);
    const ms = cell.getTime() % dayMs;
    if (ms !== 0) {
      const time = cell.toISOString().slice(11, 16);
      return { value: iso, warning: timeDropped(header, iso, time, language) };
    }
    return ok(iso);
  }
  if (typeof cell === 'number') {
    if (Number.isFinite(cell) && cell >= firstDateSerial && cell < lastDateSerial + 1) {
      const iso = isoOf(new Date(Math.round((Math.floor(cell) - 25569) * dayMs)));
      const number = String(cell).replace('.', ',');
      return warn(
        iso,
        'DATE_FROM_NUMBER',
        {
          nb:
            `${label}cellen har tallet ${number} uten datoformat; Samla leste det som datoen ${formatDate(iso)} ` +
            `(Excels dagnummer). Stemmer det ikke, skriv datoen som dd.mm.åååå.`,
          nn:
            `${label}cella har talet ${number} utan datoformat; Samla las det som datoen ${formatDate(iso)} ` +
            `(dagnummeret i Excel). Stemmer det ikkje, skriv datoen som dd.mm.åååå.`,
          en:
            `${label}the cell holds the number ${number} without a date format; Samla read it as the date ${formatDate(iso)} ` +
            `(Excel's day number). If that is wrong, write the date as dd.mm.yyyy.`,
        }[language],
      );
    }
    return notADate(String(cell), cell, language);
  }
  if (typeof cell === 'boolean') {
    return bad(
      'BAD_DATE',
      {
        nb: `${label}cellen har en sannhetsverdi, ikke en dato. ${dateHowTo.nb}`,
        nn: `${label}cella har ein sanningsverdi, ikkje ein dato. ${dateHowTo.nn}`,
        en: `${label}the cell holds a logical value, not a date. ${dateHowTo.en}`,
      }[language],
    );
  }
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
      const meant = `${two(month)}.${two(day)}.${dmy[4]!.length === 4 ? dmy[4] : `20${dmy[4]}`}`;
      return bad(
        'BAD_DATE',
        {
          nb: `«${text}» har måneden først, som i amerikanske datoer. Skriv datoen som dd.mm.åååå: ${meant}.`,
          nn: `«${text}» har månaden først, som i amerikanske datoar. Skriv datoen som dd.mm.åååå: ${meant}.`,
          en: `«${text}» has the month first, as in American dates. Write the date as dd.mm.yyyy: ${meant}.`,
        }[language],
      );
    }
    let year = Number(dmy[4]);
    if (dmy[4]!.length === 2) {
      twoDigitYear = true;
      year += year < 50 ? 2000 : 1900;
    }
    read = calendarDate(text, year, month, day, language);
    if (dmy[5] !== undefined) time = `${two(Number(dmy[5]))}:${dmy[6]}`;
  } else if (iso) {
    read = calendarDate(text, Number(iso[1]), Number(iso[2]), Number(iso[3]), language);
    if (iso[4] !== undefined) time = `${two(Number(iso[4]))}:${iso[5]}`;
  } else {
    const named = dayMonthName.exec(text);
    const month = named ? monthByName.get(named[2]!.toLowerCase()) : undefined;
    if (named && month !== undefined) read = calendarDate(text, Number(named[3]), month, Number(named[1]), language);
    else if (dayMonthOnly.test(text)) {
      return bad(
        'BAD_DATE',
        { nb: `«${text}» mangler årstall. ${dateHowTo.nb}`, nn: `«${text}» manglar årstal. ${dateHowTo.nn}`, en: `«${text}» has no year. ${dateHowTo.en}` }[
          language
        ],
      );
    } else if (digitsOnly.test(text)) {
      return notADate(text, Number(text.replace(',', '.')), language);
    } else {
      return bad(
        'BAD_DATE',
        {
          nb: `«${text}» er ikke en dato. ${dateHowTo.nb}`,
          nn: `«${text}» er ikkje ein dato. ${dateHowTo.nn}`,
          en: `«${text}» is not a date. ${dateHowTo.en}`,
        }[language],
      );
    }
  }
  if (!('iso' in read)) return read;
  if (twoDigitYear) {
    const shown = formatDate(read.iso);
    return warn(
      read.iso,
      'TWO_DIGIT_YEAR',
      {
        nb: `${label}«${text}» har tosifret årstall; Samla leste det som ${shown}. ` + `Skriv årstallet med fire sifre for å slippe denne merknaden.`,
        nn: `${label}«${text}» har tosifra årstal; Samla las det som ${shown}. Skriv årstalet med fire siffer for å sleppe denne merknaden.`,
        en: `${label}«${text}» has a two-digit year; Samla read it as ${shown}. Write the year with four digits to avoid this note.`,
      }[language],
    );
  }
  if (time !== undefined && time !== '00:00') return { value: read.iso, warning: timeDropped(header, read.iso, time, language) };
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
  const header = nameOf(column, context);
  const language = context.language ?? 'nb';
  let text: string;
  let warning: CellWarning | undefined;
  if (cell === null) return ok(null);
  if (cell instanceof Date) {
    if (isTimeOnly(cell)) {
      const time = `${cell.getUTCHours()}:${two(cell.getUTCMinutes())}`;
      text = time;
      warning = {
        code: 'TEXT_BECAME_DATE',
        message: {
          nb:
            `${header} ser ut som et klokkeslett (${time}) — regnearket har gjort verdien om til tid. ` +
            `Samla lagrer teksten «${time}». Er det feil, formater kolonnen som tekst i regnearket og skriv verdien på nytt.`,
          nn:
            `${header} ser ut som eit klokkeslett (${time}) — reknearket har gjort verdien om til tid. ` +
            `Samla lagrar teksten «${time}». Er det feil, formater kolonnen som tekst i reknearket og skriv verdien på nytt.`,
          en:
            `${header} looks like a time of day (${time}) — the spreadsheet turned the value into a time. ` +
            `Samla stores the text «${time}». If that is wrong, format the column as text in the spreadsheet and type the value again.`,
        }[language],
      };
    } else {
      text = formatDate(isoOf(cell));
      const guess = typedAsDate(cell, context.currentYear ?? new Date().getUTCFullYear());
      warning = {
        code: 'TEXT_BECAME_DATE',
        message: {
          nb: `${header} ser ut som en dato (${text}) — skrev du ${guess}? ` + `Formater kolonnen som tekst i regnearket og skriv verdien på nytt.`,
          nn: `${header} ser ut som ein dato (${text}) — skreiv du ${guess}? Formater kolonnen som tekst i reknearket og skriv verdien på nytt.`,
          en: `${header} looks like a date (${text}) — did you type ${guess}? Format the column as text in the spreadsheet and type the value again.`,
        }[language],
      };
    }
  } else if (typeof cell === 'number') {
    text = String(cell);
    if (!Number.isSafeInteger(cell)) {
      // «5,4» typed in a Norwegian sheet is the number 5.4; a version «5.10» the number 5.1.
      warning = {
        code: 'NUMBER_AS_TEXT',
        message: (Number.isInteger(cell)
          ? {
              nb:
                `${header} er et tall med for mange sifre til å lagres nøyaktig (${text}). ` +
                `Formater kolonnen som tekst i regnearket og skriv verdien på nytt.`,
              nn: `${header} er eit tal med for mange siffer til å lagrast nøyaktig (${text}). Formater kolonnen som tekst i reknearket og skriv verdien på nytt.`,
              en: `${header} is a number with too many digits to be stored exactly (${text}). Format the column as text in the spreadsheet and type the value again.`,
            }
          : {
              nb:
                `${header} er et tall i regnearket (vist som ${text.replace('.', ',')} eller ${text}); Samla lagrer teksten «${text}». ` +
                `Skal det stå noe annet, formater kolonnen som tekst i regnearket og skriv verdien på nytt.`,
              nn:
                `${header} er eit tal i reknearket (vist som ${text.replace('.', ',')} eller ${text}); Samla lagrar teksten «${text}». ` +
                `Skal det stå noko anna, formater kolonnen som tekst i reknearket og skriv verdien på nytt.`,
              en:
                `${header} is a number in the spreadsheet (shown as ${text.replace('.', ',')} or ${text}); Samla stores the text «${text}». ` +
                `If it should say something else, format the column as text in the spreadsheet and type the value again.`,
            })[language],
      };
    }
  } else if (typeof cell === 'boolean') text = String(cell);
  else text = unescapeFormula(cell).trim();
  if (text === '') return ok(null);
  const { maxLength } = limitsOfColumn(column);
  if (maxLength !== undefined && text.length > maxLength) {
    const most = formatNumber(maxLength);
    const has = formatNumber(text.length);
    return bad(
      'TEXT_TOO_LONG',
      {
        nb: `${header} kan ha høyst ${most} tegn; cellen har ${has}. Kort ned teksten.`,
        nn: `${header} kan ha høgst ${most} teikn; cella har ${has}. Kort ned teksten.`,
        en: `${header} can have at most ${most} characters; the cell has ${has}. Shorten the text.`,
      }[language],
    );
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
  const header = nameOf(column, context);
  const language = context.language ?? 'nb';
  const index = municipalityIndex(context);
  const unknown = (written: string) => {
    const near = /\d/.test(written) ? undefined : closestOf(written, [...index.nameOf.values()].filter(Boolean));
    const number = near === undefined ? undefined : [...index.nameOf].find(([, name]) => name === near)?.[0];
    return bad(
      'UNKNOWN_MUNICIPALITY',
      {
        nb:
          `${header}: «${written}» er ikke en av kommunene i sammenslåingen.` +
          (number ? ` Mente du ${number} ${near}?` : '') +
          ` Skriv kommunenummeret til en av dem: ${index.listing}.`,
        nn:
          `${header}: «${written}» er ikkje ein av kommunane i samanslåinga.` +
          (number ? ` Meinte du ${number} ${near}?` : '') +
          ` Skriv kommunenummeret til ein av dei: ${index.listing}.`,
        en:
          `${header}: «${written}» is not one of the municipalities in the merger.` +
          (number ? ` Did you mean ${number} ${near}?` : '') +
          ` Write the municipality number of one of them: ${index.listing}.`,
      }[language],
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
    const actual = index.nameOf.get(number);
    return bad(
      'UNKNOWN_MUNICIPALITY',
      {
        nb:
          `${header}: «${text}» passer ikke sammen — kommunenummer ${number} er ${actual}. ` +
          `Skriv bare kommunenummeret til riktig kommune: ${index.listing}.`,
        nn: `${header}: «${text}» passar ikkje saman — kommunenummer ${number} er ${actual}. Skriv berre kommunenummeret til rett kommune: ${index.listing}.`,
        en: `${header}: «${text}» does not add up — municipality number ${number} is ${actual}. Write just the number of the right municipality: ${index.listing}.`,
      }[language],
    );
  }
  const numbers = index.byName.get(municipalityKey(text));
  if (numbers?.length === 1) {
    const number = numbers[0]!;
    const named = index.nameOf.get(number);
    return warn(
      number,
      'MUNICIPALITY_NAME',
      {
        nb: `${header}: «${text}» er et kommunenavn; Samla brukte kommunenummer ${number} (${named}). ` + `Skriv kommunenummeret for å slippe denne merknaden.`,
        nn: `${header}: «${text}» er eit kommunenamn; Samla brukte kommunenummer ${number} (${named}). Skriv kommunenummeret for å sleppe denne merknaden.`,
        en: `${header}: «${text}» is a municipality name; Samla used municipality number ${number} (${named}). Write the municipality number to avoid this note.`,
      }[language],
    );
  }
  if (numbers && numbers.length > 1) {
    const listed = numbers.map((n) => `${n} ${index.nameOf.get(n)}`).join(', ');
    return bad(
      'UNKNOWN_MUNICIPALITY',
      {
        nb: `${header}: «${text}» passer på flere av kommunene (${listed}). Skriv kommunenummeret.`,
        nn: `${header}: «${text}» passar på fleire av kommunane (${listed}). Skriv kommunenummeret.`,
        en: `${header}: «${text}» fits more than one of the municipalities (${listed}). Write the municipality number.`,
      }[language],
    );
  }
  return unknown(text);
}

// ---------------------------------------------------------------- flags, choices, areas

const yes = new Set(['ja', 'j', 'yes', 'y', 'true', 'sann', 'x', '1', '✓', '✔', '✔️']);
const no = new Set(['nei', 'n', 'no', 'false', 'usann', '0']);
const unknownFlag = new Set(['ukjent', 'vet ikke', 'ikke kjent', '?', 'ukjend', 'veit ikkje', 'ikkje kjent', 'unknown', "don't know", 'not known']);
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

const didYouMean = (suggestion: string | undefined, language: Language = 'nb') =>
  suggestion ? { nb: ` Mente du «${suggestion}»?`, nn: ` Meinte du «${suggestion}»?`, en: ` Did you mean «${suggestion}»?` }[language] : '';

function parseFlag(column: Column, cell: CellValue, context: CellContext): Parsed {
  const language = context.language ?? 'nb';
  const header = nameOf(column, context);
  if (typeof cell === 'boolean') return ok(cell);
  if (cell === null) return ok(null);
  const written = textOf(cell);
  const text = valueKey(written);
  if (text === '') return ok(null);
  if (yes.has(text)) return ok(true);
  if (no.has(text)) return ok(false);
  if (unknownFlag.has(text)) return ok(null);
  const suggestion = didYouMean(closestOf(written, language === 'en' ? ['Yes', 'No'] : ['Ja', 'Nei']), language);
  return bad(
    'UNKNOWN_VALUE',
    {
      nb: `${header}: «${written}» er ikke en gyldig verdi.${suggestion} ` + `Skriv Ja eller Nei, eller la cellen stå tom hvis det er ukjent.`,
      nn: `${header}: «${written}» er ikkje ein gyldig verdi.${suggestion} Skriv Ja eller Nei, eller la cella stå tom dersom det er ukjent.`,
      en: `${header}: «${written}» is not a valid value.${suggestion} Write Yes or No, or leave the cell empty if it is unknown.`,
    }[language],
  );
}

const choiceIndexes = new WeakMap<Column, Map<string, string>>();
/**
 * A fixed value by its key or its label in any language (a nynorsk template
 * filled in with bokmål words still imports): built once per column. No label
 * may name two values, in any pair of languages.
 */
export function choiceIndex(column: Column): Map<string, string> {
  let index = choiceIndexes.get(column);
  if (!index) {
    const made = new Map<string, string>();
    const add = (text: string, value: string) => {
      const key = valueKey(text);
      const earlier = made.get(key);
      if (earlier !== undefined && earlier !== value) throw new Error(`«${text}» names both ${earlier} and ${value} in ${column.field}`);
      made.set(key, value);
    };
    for (const value of Object.keys(column.labels ?? {})) add(value, value);
    for (const language of languages) for (const [value, label] of Object.entries(labelsIn(column, language) ?? column.labels ?? {})) add(label, value);
    index = made;
    choiceIndexes.set(column, index);
  }
  return index;
}

function parseChoice(column: Column, cell: CellValue, context: CellContext): Parsed {
  if (cell === null) return ok(null);
  const text = textOf(cell);
  if (text === '') return ok(null);
  const value = choiceIndex(column).get(valueKey(text));
  if (value !== undefined) return ok(value);
  const language = context.language ?? 'nb';
  const header = nameOf(column, context);
  const labels = Object.values(labelsIn(column, language) ?? column.labels ?? {});
  const suggestion = didYouMean(closestOf(text, labels), language);
  return bad(
    'UNKNOWN_VALUE',
    {
      nb: `${header}: «${text}» er ikke en gyldig verdi.${suggestion} Tillatt: ${labels.join(', ')}.`,
      nn: `${header}: «${text}» er ikkje ein gyldig verdi.${suggestion} Tillate: ${labels.join(', ')}.`,
      en: `${header}: «${text}» is not a valid value.${suggestion} Allowed: ${labels.join(', ')}.`,
    }[language],
  );
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
/**
 * Areas by label, and by name where the name is one area's, in any language the list has:
 * built once per list, not once per row. A label in the list's own language wins over one
 * in another, and a label over a name.
 */
function areaIndex(areas: CellContext['areas']): Map<string, Area> {
  let index = areaIndexes.get(areas);
  if (!index) {
    const byName = new Map<string, Set<Area>>();
    const addName = (name: string, area: Area) => {
      const key = valueKey(name);
      byName.set(key, (byName.get(key) ?? new Set()).add(area));
    };
    for (const area of areas) for (const named of [area, ...(area.translations ?? [])]) addName(named.name, area);
    index = new Map([...byName].filter(([, found]) => found.size === 1).map(([key, found]) => [key, [...found][0]!]));
    for (const area of areas) for (const translated of area.translations ?? []) index.set(valueKey(translated.label), area);
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
  const language = context.language ?? 'nb';
  return bad(
    'UNKNOWN_SOLUTION_AREA',
    {
      nb: `Løsningsområdet «${text}» finnes ikke.${didYouMean(suggestion, language)} Velg et fra listen i malen.`,
      nn: `Løysingsområdet «${text}» finst ikkje.${didYouMean(suggestion, language)} Vel eit frå lista i malen.`,
      en: `The solution area «${text}» does not exist.${didYouMean(suggestion, language)} Choose one from the list in the template.`,
    }[language],
  );
}

function listNames(names: readonly string[], language: Language = 'nb'): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${andIn[language]} ${names.at(-1)}`;
}

function parseCommonSolution(_column: Column, cell: CellValue, context: CellContext): Parsed {
  if (cell === null) return ok(null);
  const text = textOf(cell);
  if (text === '') return ok(null);
  const answer = context.commonSolution(text);
  if (answer?.id !== undefined) return ok(answer.id);
  const found = answer as Exclude<CommonSolutionAnswer, { id: string }> | undefined;
  const language = context.language ?? 'nb';
  let message = {
    nb: `Fellesløsningen «${text}» finnes ikke i registeret.`,
    nn: `Fellesløysinga «${text}» finst ikkje i registeret.`,
    en: `The common solution «${text}» is not in the register.`,
  }[language];
  if (found?.owner) {
    const { name, solutions } = found.owner;
    message +=
      solutions.length === 1
        ? { nb: ` ${name} forvalter ${solutions[0]}.`, nn: ` ${name} forvaltar ${solutions[0]}.`, en: ` ${name} manages ${solutions[0]}.` }[language]
        : {
            nb: ` ${name} forvalter flere: ${listNames(solutions)}. Skriv navnet på den integrasjonen går til.`,
            nn: ` ${name} forvaltar fleire: ${listNames(solutions, 'nn')}. Skriv namnet på den integrasjonen går til.`,
            en: ` ${name} manages several: ${listNames(solutions, 'en')}. Write the name of the one the integration goes to.`,
          }[language];
  }
  if (found?.suggestion) message += didYouMean(found.suggestion, language);
  else if (!found?.owner)
    message += { nb: ' Velg en fra listen i malen.', nn: ' Vel ei frå lista i malen.', en: ' Choose one from the list in the template.' }[language];
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
      return parseNumber(column, cell, column.type, context);
    case 'flag':
      return parseFlag(column, cell, context);
    case 'date':
      return parseDate(cell, nameOf(column, context), context.language);
    case 'choice':
      return parseChoice(column, cell, context);
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
export function schemaIssueMessage(issue: z.core.$ZodIssue, header: string | null, language: Language = 'nb'): string {
  const say = (text: Localized) => text[language];
  const column = header ?? say({ nb: 'Feltet', nn: 'Feltet', en: 'The field' });
  const quoted = header ? `«${header}»` : say({ nb: 'Feltet', nn: 'Feltet', en: 'The field' });
  const field = String(issue.path[0] ?? '');
  const isYear = columnByField.get(field)?.type === 'year';
  const limit = (value: number | bigint | undefined) => formatNumber(Number(value));
  switch (issue.code) {
    case 'too_big': {
      const most = limit(issue.maximum);
      if (issue.origin === 'string') {
        return say({
          nb: `${column} kan ha høyst ${most} tegn. Kort ned teksten.`,
          nn: `${column} kan ha høgst ${most} teikn. Kort ned teksten.`,
          en: `${column} can have at most ${most} characters. Shorten the text.`,
        });
      }
      if (issue.origin === 'array')
        return say({
          nb: `${column} kan ha høyst ${most} verdier.`,
          nn: `${column} kan ha høgst ${most} verdiar.`,
          en: `${column} can have at most ${most} values.`,
        });
      if (isYear) {
        const year = Number(issue.maximum);
        return say({
          nb: `${column} må være ${year} eller tidligere.`,
          nn: `${column} må vere ${year} eller tidlegare.`,
          en: `${column} must be ${year} or earlier.`,
        });
      }
      return say({
        nb: `${column} kan ikke være større enn ${most}.`,
        nn: `${column} kan ikkje vere større enn ${most}.`,
        en: `${column} cannot be greater than ${most}.`,
      });
    }
    case 'too_small': {
      const least = limit(issue.minimum);
      if (issue.origin === 'string') return say({ nb: `${quoted} må fylles ut.`, nn: `${quoted} må fyllast ut.`, en: `${quoted} must be filled in.` });
      if (issue.origin === 'array')
        return say({
          nb: `${column} må ha minst ${least} verdier.`,
          nn: `${column} må ha minst ${least} verdiar.`,
          en: `${column} must have at least ${least} values.`,
        });
      if (isYear) {
        const year = Number(issue.minimum);
        return say({
          nb: `${column} må være ${year} eller senere.`,
          nn: `${column} må vere ${year} eller seinare.`,
          en: `${column} must be ${year} or later.`,
        });
      }
      if (Number(issue.minimum) === 0) {
        return say({
          nb: `${column} kan ikke være et negativt tall.`,
          nn: `${column} kan ikkje vere eit negativt tal.`,
          en: `${column} cannot be a negative number.`,
        });
      }
      return say({
        nb: `${column} kan ikke være mindre enn ${least}.`,
        nn: `${column} kan ikkje vere mindre enn ${least}.`,
        en: `${column} cannot be less than ${least}.`,
      });
    }
    case 'invalid_type':
      if (issue.expected === 'int')
        return say({ nb: `${column} må være et heltall.`, nn: `${column} må vere eit heiltal.`, en: `${column} must be a whole number.` });
      if (issue.expected === 'number') return say({ nb: `${column} må være et tall.`, nn: `${column} må vere eit tal.`, en: `${column} must be a number.` });
      if (issue.expected === 'boolean') {
        return say({
          nb: `${column} må være Ja eller Nei (tom er ukjent).`,
          nn: `${column} må vere Ja eller Nei (tom er ukjent).`,
          en: `${column} must be Yes or No (empty is unknown).`,
        });
      }
      if (issue.expected === 'array') return say({ nb: `${column} må være en liste.`, nn: `${column} må vere ei liste.`, en: `${column} must be a list.` });
      return say({ nb: `${quoted} må fylles ut.`, nn: `${quoted} må fyllast ut.`, en: `${quoted} must be filled in.` });
    case 'invalid_value': {
      const known = columnByField.get(field);
      const labels = known ? (labelsIn(known, language) ?? known.labels) : undefined;
      const allowed = (issue.values ?? []).map((value) => labels?.[String(value)] ?? String(value));
      const list = allowed.join(', ');
      return allowed.length > 0
        ? say({
            nb: `${column} har en ugyldig verdi. Tillatt: ${list}.`,
            nn: `${column} har ein ugyldig verdi. Tillate: ${list}.`,
            en: `${column} has an invalid value. Allowed: ${list}.`,
          })
        : say({ nb: `${column} har en ugyldig verdi.`, nn: `${column} har ein ugyldig verdi.`, en: `${column} has an invalid value.` });
    }
    case 'invalid_format':
      if (field === 'municipalityNumber') {
        return say({
          nb: `${column} må være et kommunenummer med fire sifre.`,
          nn: `${column} må vere eit kommunenummer med fire siffer.`,
          en: `${column} must be a four-digit municipality number.`,
        });
      }
      if (issue.format === 'uuid')
        return say({
          nb: `${column} viser ikke til et kjent system.`,
          nn: `${column} viser ikkje til eit kjent system.`,
          en: `${column} does not refer to a known system.`,
        });
      return say({ nb: `${column} har feil form.`, nn: `${column} har feil form.`, en: `${column} has the wrong form.` });
    case 'not_multiple_of':
      return say({ nb: `${column} har for mange desimaler.`, nn: `${column} har for mange desimalar.`, en: `${column} has too many decimals.` });
    case 'unrecognized_keys':
      return say({ nb: 'Raden har felter Samla ikke kjenner.', nn: 'Rada har felt Samla ikkje kjenner.', en: 'The row has fields Samla does not know.' });
    default:
      // Custom checks (dates, the kinds' own rules) already say it in Norwegian.
      return header ? `${header}: ${lowerFirst(issue.message)}` : issue.message;
  }
}

function lowerFirst(text: string): string {
  // «Datoen finnes …» → «datoen finnes …»; abbreviations such as «ID-porten» keep their case.
  return /^[A-ZÆØÅ][a-zæøå]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
