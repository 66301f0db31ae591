/**
 * The register of national common solutions (nasjonale fellesløsninger) that Samla ships as data,
 * so that an integration in a municipality's system inventory can point at one by a stable id.
 *
 * Shape of `data/felleslosninger.json`:
 * - `version`: the register's own version (semver); bump it when an entry changes.
 * - `solutions`: sorted by `name` in Norwegian (nb) collation, each with
 *   - `id`: stable lower-case ASCII kebab-case key that integrations store; never reuse or rename one.
 *   - `name`: the Norwegian name, as the owner writes it ("helsenorge.no", "eFormidling").
 *   - `shortName`: the abbreviation people use, where there is one ("KRR", "SYSVAK").
 *   - `aliases`: other names a user may type in an import (older spellings such as
 *     "Folkeregistret", the seed's "Nasjonalt planregister", a component such as "SvarInn").
 *   - `owner`: the agency that owns or manages the solution today (forvalter).
 *   - `sector`: the seed's sector, or "Felles" for cross-cutting solutions.
 *   - `description`: one Norwegian sentence on what a municipality uses it for.
 *   - `mergerNote`: one Norwegian sentence on what a merger must do with it, only where the seed
 *     (KS «Sjekkliste for digital sammenslåing») says so.
 *
 * Matching (`matchCommonSolution`) compares "keys": the id, name, shortName and aliases, lower-cased
 * with whitespace, hyphens/dashes and underscores removed. The schema refuses a register in which two
 * solutions share a key, so in the shipped register a key always names exactly one solution.
 */
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';

import registerData from './data/felleslosninger.json' with { type: 'json' };

export const COMMON_SOLUTION_SECTORS = ['Støttefunksjoner', 'Helse og velferd', 'Oppvekst og utdanning', 'Plan, bygg og geodata', 'Felles'] as const;
export const commonSolutionSectorSchema = z.enum(COMMON_SOLUTION_SECTORS);
export type CommonSolutionSector = z.infer<typeof commonSolutionSectorSchema>;

export const commonSolutionIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case ASCII kebab-case');

const text = z.string().trim().min(1);
const sentence = text.regex(/[.!?]$/, 'must be a sentence ending with a full stop');

export const commonSolutionSchema = z.strictObject({
  id: commonSolutionIdSchema,
  name: text,
  shortName: text.optional(),
  aliases: z.array(text).min(1).optional(),
  owner: text,
  sector: commonSolutionSectorSchema,
  description: sentence,
  mergerNote: sentence.optional(),
});

export type CommonSolution = z.infer<typeof commonSolutionSchema>;

/** The collation the register is sorted by: Norwegian bokmål (æ, ø, å after z). */
export const commonSolutionCollator = new Intl.Collator('nb');

/**
 * The form in which typed text is compared with a solution's id, name, shortName and aliases:
 * Unicode NFC, lower case, and without whitespace, hyphens, dashes, soft hyphens or underscores
 * (so "Kontakt- og reservasjonsregisteret", "kontakt-og-reservasjonsregisteret" and
 * "KONTAKT OG RESERVASJONSREGISTERET" all give the same key).
 */
export function commonSolutionKey(value: string): string {
  return value
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .replace(/[\s_\u00ad\u2010-\u2015\u2212-]+/gu, '');
}

function keysOf(solution: CommonSolution): Set<string> {
  const names = [solution.id, solution.name, solution.shortName, ...(solution.aliases ?? [])];
  return new Set(names.filter((name): name is string => name !== undefined).map(commonSolutionKey));
}

export const commonSolutionRegisterSchema = z
  .strictObject({
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version must be semver (major.minor.patch)'),
    solutions: z.array(commonSolutionSchema).min(1),
  })
  .superRefine((register, ctx) => {
    const ids = new Set<string>();
    const keyOwners = new Map<string, string>();
    register.solutions.forEach((solution, index) => {
      if (ids.has(solution.id)) {
        ctx.addIssue({ code: 'custom', message: `duplicate id "${solution.id}"`, path: ['solutions', index, 'id'] });
      }
      ids.add(solution.id);

      const previous = register.solutions[index - 1];
      if (previous && commonSolutionCollator.compare(previous.name, solution.name) >= 0) {
        ctx.addIssue({
          code: 'custom',
          message: `solutions must be sorted by name (nb) without duplicates ("${previous.name}" before "${solution.name}")`,
          path: ['solutions', index, 'name'],
        });
      }

      for (const key of keysOf(solution)) {
        const other = keyOwners.get(key);
        if (other !== undefined && other !== solution.id) {
          ctx.addIssue({
            code: 'custom',
            message: `"${key}" would match both "${other}" and "${solution.id}"`,
            path: ['solutions', index],
          });
        }
        keyOwners.set(key, solution.id);
      }
    });
  });

export type CommonSolutionRegister = {
  readonly version: string;
  readonly solutions: readonly Readonly<CommonSolution>[];
};

type Indexes = {
  readonly byId: ReadonlyMap<string, Readonly<CommonSolution>>;
  readonly byKey: ReadonlyMap<string, readonly Readonly<CommonSolution>[]>;
};

let cachedRegister: CommonSolutionRegister | undefined;
const indexes = new WeakMap<CommonSolutionRegister, Indexes>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The shipped register, validated on first use and cached. The returned object and everything in it
 * is deeply frozen: it is shared by every caller, so treat it as read-only.
 */
export function loadCommonSolutions(): CommonSolutionRegister {
  if (!cachedRegister) {
    const result = commonSolutionRegisterSchema.safeParse(registerData);
    if (!result.success) {
      throw new Error(`The common solution register JSON does not match its schema:\n${result.error.message}`);
    }
    cachedRegister = deepFreeze(result.data);
  }
  return cachedRegister;
}

// Built per register rather than once, so that the functions also work on a register a test or a
// later version supplies, which need not have passed the schema's uniqueness checks.
function indexesOf(register: CommonSolutionRegister): Indexes {
  let found = indexes.get(register);
  if (!found) {
    const byId = new Map<string, Readonly<CommonSolution>>();
    const byKey = new Map<string, Readonly<CommonSolution>[]>();
    for (const solution of register.solutions) {
      if (!byId.has(solution.id)) byId.set(solution.id, solution);
      for (const key of keysOf(solution)) {
        const matches = byKey.get(key) ?? [];
        if (!matches.includes(solution)) matches.push(solution);
        byKey.set(key, matches);
      }
    }
    found = { byId, byKey };
    indexes.set(register, found);
  }
  return found;
}

/** The solution with exactly this id ("ks-fiks-svarut-svarinn", not "SvarUt"), or undefined. */
export function findCommonSolution(register: CommonSolutionRegister, id: string): Readonly<CommonSolution> | undefined {
  return indexesOf(register).byId.get(id);
}

/**
 * The solution that text typed by a user (for instance in an Excel import) names: the text is
 * compared with every solution's id, name, shortName and aliases, ignoring case, whitespace, hyphens
 * and underscores ("KRR", "kontakt og reservasjonsregisteret", "ID porten", "folkeregistret").
 * Only whole names match, never parts of them. Returns undefined when the text names no solution or
 * more than one.
 */
export function matchCommonSolution(register: CommonSolutionRegister, text: string): Readonly<CommonSolution> | undefined {
  const key = commonSolutionKey(text);
  if (key === '') return undefined;
  const matches = indexesOf(register).byKey.get(key);
  return matches?.length === 1 ? matches[0] : undefined;
}

// ---------------------------------------------------------------- what a user typed

/**
 * Norwegian definite and indefinite forms of the same name: «Matrikkel» for «Matrikkelen»,
 * «Kjernejournalen» for «Kjernejournal». Tried only when the text itself is no key.
 */
function otherForms(key: string): string[] {
  const forms = [`${key}en`, `${key}et`, `${key}a`];
  const stem = /^(.{4,}?)(?:en|et|a)$/.exec(key)?.[1];
  if (stem) forms.push(stem);
  return forms;
}

type Lookup = {
  readonly suggestionKeys: readonly { key: string; solution: Readonly<CommonSolution> }[];
  /** An agency's name (or abbreviation) → the solutions it owns, for «Skatteetaten» typed where a solution belongs. */
  readonly owners: ReadonlyMap<string, { name: string; solutions: Readonly<CommonSolution>[] }>;
};
const lookups = new WeakMap<CommonSolutionRegister, Lookup>();

/** The agencies in an owner such as «Skatteetaten, NAV og SSB» or «Digitaliseringsdirektoratet (Digdir)». */
export function ownerNames(owner: string): string[] {
  const clean = (part: string) =>
    part
      .replace(/^(?:koordinert|eid) av\s+/u, '')
      .replace(/\s+(?:SF|IKS)$/u, '')
      .trim();
  // Split at «,», «og», dashes and brackets, and keep the name before a bracket whole too:
  // «Direktoratet for forvaltning og økonomistyring (DFØ)» is one agency, «NAV og KS» two.
  const parts = [clean(owner.split(/\s*[(,–]/u)[0]!), ...owner.split(/\s*[(),–]\s*|(?<!-)\s+og\s+/u).map(clean)];
  return [...new Set(parts.filter((part) => part.length > 1))];
}

function lookupOf(register: CommonSolutionRegister): Lookup {
  let found = lookups.get(register);
  if (!found) {
    const suggestionKeys: { key: string; solution: Readonly<CommonSolution> }[] = [];
    const owners = new Map<string, { name: string; solutions: Readonly<CommonSolution>[] }>();
    for (const solution of register.solutions) {
      for (const key of keysOf(solution)) suggestionKeys.push({ key, solution });
      for (const name of ownerNames(solution.owner)) {
        const key = commonSolutionKey(name);
        const entry = owners.get(key) ?? { name, solutions: [] };
        if (!entry.solutions.includes(solution)) entry.solutions.push(solution);
        owners.set(key, entry);
      }
    }
    found = { suggestionKeys, owners };
    lookups.set(register, found);
  }
  return found;
}

/**
 * The solution closest to text that names none, for a «Mente du …?» in a message: the smallest
 * edit distance between keys (so «Altin» → Altinn, «Folkeregisterert» → Folkeregisteret), allowed
 * to be about a third of the key's length; else a solution whose key the text contains or that
 * contains the text («Altinn innsending» → Altinn). Undefined when nothing is near, or when two
 * solutions are equally near. Never used to store a value: only to suggest one.
 */
export function suggestCommonSolution(register: CommonSolutionRegister, text: string): Readonly<CommonSolution> | undefined {
  const key = commonSolutionKey(text);
  if (key.length < 2) return undefined;
  const exact = matchCommonSolution(register, text);
  if (exact) return exact;
  let best: Readonly<CommonSolution> | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const entry of lookupOf(register).suggestionKeys) {
    const limit = Math.max(1, Math.floor(Math.max(key.length, entry.key.length) / 3));
    if (Math.abs(entry.key.length - key.length) > limit) continue;
    const d = distance(key, entry.key);
    if (d > limit) continue;
    if (d < bestDistance) {
      best = entry.solution;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && entry.solution !== best) tie = true;
  }
  if (best && !tie) return best;
  if (tie) return undefined;
  // The text and a name, one inside the other; only names long enough not to be found by chance.
  const containing = new Set<Readonly<CommonSolution>>();
  for (const entry of lookupOf(register).suggestionKeys) {
    if (entry.key.length >= 4 && key.length >= 4 && (key.includes(entry.key) || entry.key.includes(key))) {
      containing.add(entry.solution);
    }
  }
  return containing.size === 1 ? [...containing][0] : undefined;
}

/**
 * What an import makes of a cell that should name a common solution:
 * - `{ id, name }` when the text is a solution's id, name, short name or alias (`matchCommonSolution`),
 *   or the definite/indefinite form of one («Matrikkel», «Kjernejournalen»). Every such key names
 *   exactly one solution (the schema sees to that), so no warning is needed: the value is the same
 *   solution, and the preview shows its name.
 * - otherwise `{ suggestion }`, the name of the closest solution (`suggestCommonSolution`), and/or
 *   `{ owner }` when the text is the agency that owns solutions («Skatteetaten»), with their names.
 */
export type CommonSolutionLookup =
  | { id: string; name: string }
  | {
      id?: undefined;
      suggestion?: string;
      owner?: { name: string; solutions: readonly string[] };
    };

export function lookupCommonSolution(register: CommonSolutionRegister, text: string): CommonSolutionLookup {
  const exact = matchCommonSolution(register, text);
  if (exact) return { id: exact.id, name: exact.name };
  const key = commonSolutionKey(text);
  if (key === '') return {};
  const { byKey } = indexesOf(register);
  const forms = new Set<Readonly<CommonSolution>>();
  for (const form of otherForms(key)) for (const solution of byKey.get(form) ?? []) forms.add(solution);
  if (forms.size === 1) {
    const [solution] = forms;
    return { id: solution!.id, name: solution!.name };
  }
  const owner = lookupOf(register).owners.get(key);
  if (owner) {
    return {
      ...(owner.solutions.length === 1 ? { suggestion: owner.solutions[0]!.name } : {}),
      owner: { name: owner.name, solutions: owner.solutions.map((solution) => solution.name) },
    };
  }
  const suggestion = suggestCommonSolution(register, text);
  if (suggestion) return { suggestion: suggestion.name };
  // A misspelt agency («Skattetaten»): name the agency and what it owns.
  for (const [ownerKey, entry] of lookupOf(register).owners) {
    if (ownerKey.length >= 5 && distance(key, ownerKey) <= Math.floor(ownerKey.length / 5)) {
      return { owner: { name: entry.name, solutions: entry.solutions.map((solution) => solution.name) } };
    }
  }
  return {};
}
