/**
 * The register of Norwegian municipalities (kommuner) that Samla ships as data.
 *
 * Source and shape of `data/kommuner-2024.json` (see its `source` field for the details):
 * - `number`: the 4-digit kommunenummer from SSB's classification 131, as a string so that
 *   "0301" (Oslo) keeps its leading zero.
 * - `name`: the Norwegian name in SSB's form, including SSB's disambiguations such as
 *   "Herøy (Nordland)" and "Våler (Østfold)".
 * - `parallelNames`: present only for the municipalities whose official name also has Sami
 *   and/or Kven forms; these are the other parts of SSB's multilingual name, in SSB's order.
 *   SSB writes Kautokeino as "Guovdageaidnu - Kautokeino"; here it is
 *   `{ name: "Kautokeino", parallelNames: ["Guovdageaidnu"] }`. (We chose this form over a
 *   separate `officialName` string: the Norwegian name is what Samla sorts and searches on, and
 *   the parallel names stay available for display and search.)
 * - `county` / `countyNumber`: the county (fylke) as of 2024; the county number is always the
 *   first two digits of the kommunenummer.
 * - `languageForm`: the municipality's språkvedtak under språklova § 11 (the written language
 *   the state must use towards it): "bokmål", "nynorsk" or "nøytral".
 *
 * The register is the one in force from 1 January 2024 (357 municipalities). SSB made no
 * change on 1 January 2025; on 1 January 2026 it changed only names (Oslo, Steinkjer and Lyngen
 * got Sami/Kven parallel names) and adjusted a boundary of 3118 Indre Østfold, so every number
 * in this file is still valid.
 */
import { z } from 'zod';

import registerData from './data/kommuner-2024.json' with { type: 'json' };

export const LANGUAGE_FORMS = ['bokmål', 'nynorsk', 'nøytral'] as const;
export const languageFormSchema = z.enum(LANGUAGE_FORMS);
export type LanguageForm = z.infer<typeof languageFormSchema>;

export const municipalityNumberSchema = z
  .string()
  .regex(/^\d{4}$/, 'kommunenummer must be exactly 4 digits');

export const municipalitySchema = z
  .strictObject({
    number: municipalityNumberSchema,
    name: z.string().trim().min(1),
    parallelNames: z.array(z.string().trim().min(1)).min(1).optional(),
    county: z.string().trim().min(1),
    countyNumber: z.string().regex(/^\d{2}$/, 'county number must be exactly 2 digits'),
    languageForm: languageFormSchema,
  })
  .refine((m) => m.number.startsWith(m.countyNumber), {
    message: 'countyNumber must be the first two digits of the kommunenummer',
    path: ['countyNumber'],
  });

export type Municipality = z.infer<typeof municipalitySchema>;

export const municipalityRegisterSchema = z
  .strictObject({
    validFrom: z.iso.date(),
    source: z.string().trim().min(1),
    municipalities: z.array(municipalitySchema).min(2),
  })
  .superRefine((register, ctx) => {
    const countyNames = new Map<string, string>();
    register.municipalities.forEach((m, index) => {
      const previous = register.municipalities[index - 1];
      if (previous && previous.number >= m.number) {
        ctx.addIssue({
          code: 'custom',
          message: `municipalities must be sorted by number without duplicates (${previous.number} before ${m.number})`,
          path: ['municipalities', index, 'number'],
        });
      }
      const county = countyNames.get(m.countyNumber);
      if (county === undefined) {
        countyNames.set(m.countyNumber, m.county);
      } else if (county !== m.county) {
        ctx.addIssue({
          code: 'custom',
          message: `county ${m.countyNumber} is named both "${county}" and "${m.county}"`,
          path: ['municipalities', index, 'county'],
        });
      }
    });
  });

export type MunicipalityRegister = {
  readonly validFrom: string;
  readonly source: string;
  readonly municipalities: readonly Readonly<Municipality>[];
};

let cachedRegister: MunicipalityRegister | undefined;
const indexes = new WeakMap<MunicipalityRegister, ReadonlyMap<string, Readonly<Municipality>>>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The shipped register, validated on first use and cached. The returned object and everything
 * in it is deeply frozen: it is shared by every caller, so treat it as read-only.
 */
export function loadMunicipalityRegister(): MunicipalityRegister {
  if (!cachedRegister) {
    const result = municipalityRegisterSchema.safeParse(registerData);
    if (!result.success) {
      throw new Error(`The municipality register JSON does not match its schema:\n${result.error.message}`);
    }
    cachedRegister = deepFreeze(result.data);
  }
  return cachedRegister;
}

function indexOf(register: MunicipalityRegister): ReadonlyMap<string, Readonly<Municipality>> {
  let index = indexes.get(register);
  if (!index) {
    index = new Map(register.municipalities.map((m) => [m.number, m]));
    indexes.set(register, index);
  }
  return index;
}

/** The municipality with this exact kommunenummer ("0301", not "301"), or undefined. */
export function findMunicipality(
  register: MunicipalityRegister,
  number: string,
): Readonly<Municipality> | undefined {
  return indexOf(register).get(number);
}

export type MunicipalitySelectionProblem =
  | { readonly code: 'TOO_FEW_MUNICIPALITIES' }
  | { readonly code: 'UNKNOWN_MUNICIPALITY'; readonly number: string; readonly index: number }
  | { readonly code: 'DUPLICATE_MUNICIPALITY'; readonly number: string; readonly index: number };

export type MunicipalitySelectionResult =
  | { readonly ok: true; readonly municipalities: readonly Readonly<Municipality>[] }
  | { readonly ok: false; readonly problems: readonly MunicipalitySelectionProblem[] };

export const MINIMUM_MUNICIPALITIES_IN_MERGER = 2;

/**
 * Checks the municipalities chosen for a merger.
 *
 * - Fewer than two distinct numbers in the selection: one TOO_FEW_MUNICIPALITIES (listed first).
 * - A number that is not in the register (including anything that is not 4 digits): one
 *   UNKNOWN_MUNICIPALITY for every position where it occurs.
 * - A known number that occurs again: one DUPLICATE_MUNICIPALITY for each repeat, at the
 *   repeat's index (the first occurrence is not a problem).
 *
 * On success the municipalities are returned in the order they were given.
 */
export function validateMunicipalitySelection(
  register: MunicipalityRegister,
  numbers: readonly string[],
): MunicipalitySelectionResult {
  const problems: MunicipalitySelectionProblem[] = [];
  const municipalities: Readonly<Municipality>[] = [];
  const seen = new Set<string>();

  numbers.forEach((number, index) => {
    const municipality = findMunicipality(register, number);
    if (!municipality) {
      problems.push({ code: 'UNKNOWN_MUNICIPALITY', number, index });
    } else if (seen.has(number)) {
      problems.push({ code: 'DUPLICATE_MUNICIPALITY', number, index });
    } else {
      municipalities.push(municipality);
    }
    seen.add(number);
  });

  if (seen.size < MINIMUM_MUNICIPALITIES_IN_MERGER) {
    problems.unshift({ code: 'TOO_FEW_MUNICIPALITIES' });
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, municipalities };
}
