/**
 * The register of Norwegian municipalities (kommuner) that Samla ships as data, by date.
 *
 * `data/kommuneregister.json` holds dated versions of SSB's classification 131 (see each
 * version's `source`): the first lists every municipality, each later one only what changed
 * on its `validFrom` date (`changed` fields of an existing number, `added`, `removed`). A
 * change in the register — a rename, a merger, a split — is a new version in that file, not
 * code; `loadMunicipalityRegister(on)` gives the version in force on a date.
 *
 * A municipality:
 * - `number`: the 4-digit kommunenummer, as a string so that "0301" (Oslo) keeps its zero.
 * - `nameParts`: the official name's parts in official order. Most have one; those with
 *   official Sami and/or Kven forms have several, and the order is the law's: «Oslo – Oslove»,
 *   but «Guovdageaidnu – Kautokeino». `name` is the parts joined with « – », the official
 *   name Samla shows and stores (SSB writes « - »); search matches every part.
 * - `county` / `countyNumber`: the county (fylke) as of 2024; the county number is always the
 *   first two digits of the kommunenummer.
 * - `languageForm`: the municipality's språkvedtak under språklova § 11 (the written language
 *   the state must use towards it): "bokmål", "nynorsk" or "nøytral".
 *
 * Mergers keep the name they were created with (merger_municipalities.name): a later version
 * of the register does not rewrite them. See decision 028.
 */
import { todayInOslo } from '#shared/calendar-dates.ts';
import { z } from 'zod';

import registerData from './data/kommuneregister.json' with { type: 'json' };

export const LANGUAGE_FORMS = ['bokmål', 'nynorsk', 'nøytral'] as const;
export const languageFormSchema = z.enum(LANGUAGE_FORMS);
export type LanguageForm = z.infer<typeof languageFormSchema>;

export const municipalityNumberSchema = z.string().regex(/^\d{4}$/, 'kommunenummer must be exactly 4 digits');

/** How the parts of an official name are joined for display. */
export const NAME_PART_SEPARATOR = ' – ';

const municipalityFields = {
  number: municipalityNumberSchema,
  nameParts: z.array(z.string().trim().min(1)).min(1),
  county: z.string().trim().min(1),
  countyNumber: z.string().regex(/^\d{2}$/, 'county number must be exactly 2 digits'),
  languageForm: languageFormSchema,
};

/** A municipality as written in the data file. */
export const municipalityEntrySchema = z.strictObject(municipalityFields).refine((m) => m.number.startsWith(m.countyNumber), {
  message: 'countyNumber must be the first two digits of the kommunenummer',
  path: ['countyNumber'],
});
export type MunicipalityEntry = z.infer<typeof municipalityEntrySchema>;

/** A municipality as Samla uses it: the entry with its official name. */
export type Municipality = MunicipalityEntry & { name: string };

export const officialName = (nameParts: readonly string[]): string => nameParts.join(NAME_PART_SEPARATOR);

/** One resolved version: every municipality in force from `validFrom`, sorted by number. */
export const municipalityRegisterSchema = z
  .strictObject({
    validFrom: z.iso.date(),
    source: z.string().trim().min(1),
    municipalities: z.array(municipalityEntrySchema).min(2),
  })
  .superRefine((register, ctx) => {
    const countyNames = new Map<string, string>();
    const names = new Set<string>();
    register.municipalities.forEach((m, index) => {
      const previous = register.municipalities[index - 1];
      if (previous && previous.number >= m.number) {
        ctx.addIssue({
          code: 'custom',
          message: `municipalities must be sorted by number without duplicates (${previous.number} before ${m.number})`,
          path: ['municipalities', index, 'number'],
        });
      }
      const name = officialName(m.nameParts);
      if (names.has(name)) ctx.addIssue({ code: 'custom', message: `the name "${name}" occurs twice`, path: ['municipalities', index, 'nameParts'] });
      names.add(name);
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

/** The data file: a full first version, then dated changes. */
export const municipalityRegisterFileSchema = z.strictObject({
  about: z.string().optional(),
  versions: z
    .array(
      z.union([
        z.strictObject({ validFrom: z.iso.date(), source: z.string().trim().min(1), municipalities: z.array(municipalityEntrySchema).min(2) }),
        z.strictObject({
          validFrom: z.iso.date(),
          source: z.string().trim().min(1),
          changed: z
            .array(
              z.strictObject({
                number: municipalityNumberSchema,
                nameParts: municipalityFields.nameParts.optional(),
                county: municipalityFields.county.optional(),
                countyNumber: municipalityFields.countyNumber.optional(),
                languageForm: municipalityFields.languageForm.optional(),
              }),
            )
            .default([]),
          added: z.array(municipalityEntrySchema).default([]),
          removed: z.array(municipalityNumberSchema).default([]),
        }),
      ]),
    )
    .min(1),
});
export type MunicipalityRegisterFile = z.input<typeof municipalityRegisterFileSchema>;

export type MunicipalityRegister = {
  readonly validFrom: string;
  readonly source: string;
  readonly municipalities: readonly Readonly<Municipality>[];
};

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Every version of a register file, resolved into full lists and validated, oldest first.
 * Throws with the version's date when the file is wrong (a change to a number that is not
 * there, dates out of order, a resolved list that breaks the register's rules).
 */
export function resolveRegisterVersions(file: unknown): MunicipalityRegister[] {
  const parsed = municipalityRegisterFileSchema.safeParse(file);
  if (!parsed.success) throw new Error(`The municipality register JSON does not match its schema:\n${parsed.error.message}`);
  const [first, ...later] = parsed.data.versions;
  if (!first || !('municipalities' in first)) throw new Error('The first version of the municipality register must list every municipality.');
  const resolved: MunicipalityRegister[] = [];
  let current = new Map<string, MunicipalityEntry>();
  for (const version of [first, ...later]) {
    const previous = resolved.at(-1);
    if (previous && version.validFrom <= previous.validFrom) throw new Error(`Municipality register versions must be in date order (${version.validFrom}).`);
    if ('municipalities' in version) {
      if (previous) throw new Error(`Only the first version of the municipality register lists every municipality (${version.validFrom}).`);
      current = new Map(version.municipalities.map((m) => [m.number, m]));
    } else {
      current = new Map(current);
      for (const number of version.removed) {
        if (!current.delete(number)) throw new Error(`${version.validFrom}: cannot remove ${number}, it is not in the register.`);
      }
      for (const change of version.changed) {
        const before = current.get(change.number);
        if (!before) throw new Error(`${version.validFrom}: cannot change ${change.number}, it is not in the register.`);
        const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
        current.set(change.number, { ...before, ...defined });
      }
      for (const added of version.added) {
        if (current.has(added.number)) throw new Error(`${version.validFrom}: cannot add ${added.number}, it is already in the register.`);
        current.set(added.number, added);
      }
    }
    const municipalities = [...current.values()].sort((a, b) => (a.number < b.number ? -1 : 1));
    const checked = municipalityRegisterSchema.safeParse({ validFrom: version.validFrom, source: version.source, municipalities });
    if (!checked.success) throw new Error(`The municipality register in force from ${version.validFrom} is not valid:\n${checked.error.message}`);
    resolved.push(
      deepFreeze({
        validFrom: version.validFrom,
        source: version.source,
        municipalities: checked.data.municipalities.map((m) => ({ ...m, name: officialName(m.nameParts) })),
      }),
    );
  }
  return resolved;
}

/**
 * The version in force on a date (YYYY-MM-DD): the latest whose `validFrom` is on or before
 * it. A date before the first version gets the first (the oldest register Samla has).
 */
export function registerInForce(versions: readonly MunicipalityRegister[], on: string): MunicipalityRegister {
  let chosen = versions[0];
  if (!chosen) throw new Error('The municipality register has no versions.');
  for (const version of versions) if (version.validFrom <= on) chosen = version;
  return chosen;
}

let cachedVersions: MunicipalityRegister[] | undefined;

/** Every shipped version, validated on first use and cached (deeply frozen: shared, read-only). */
export function loadMunicipalityRegisterVersions(): readonly MunicipalityRegister[] {
  cachedVersions ??= resolveRegisterVersions(registerData);
  return cachedVersions;
}

/**
 * The shipped register in force on a date (default: today in Norway). The returned object and
 * everything in it is deeply frozen: it is shared by every caller, so treat it as read-only.
 */
export function loadMunicipalityRegister(on: string = todayInOslo(new Date())): MunicipalityRegister {
  return registerInForce(loadMunicipalityRegisterVersions(), on);
}

const indexes = new WeakMap<MunicipalityRegister, ReadonlyMap<string, Readonly<Municipality>>>();

function indexOf(register: MunicipalityRegister): ReadonlyMap<string, Readonly<Municipality>> {
  let index = indexes.get(register);
  if (!index) {
    index = new Map(register.municipalities.map((m) => [m.number, m]));
    indexes.set(register, index);
  }
  return index;
}

/** The municipality with this exact kommunenummer ("0301", not "301"), or undefined. */
export function findMunicipality(register: MunicipalityRegister, number: string): Readonly<Municipality> | undefined {
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
export function validateMunicipalitySelection(register: MunicipalityRegister, numbers: readonly string[]): MunicipalitySelectionResult {
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
