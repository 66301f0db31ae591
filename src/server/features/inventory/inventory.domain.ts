/**
 * The inventory's rules as pure functions over plain data: which solution
 * areas exist, which field combinations are valid, what a system's users are
 * told when it is still in use, and how the side-by-side view groups systems.
 */
import { pluralWord } from '#shared/plural.ts';
import { z } from 'zod';
import type { Catalog } from '#catalog/catalog.schema.ts';
import type { FieldProblem } from '#shared/contracts/common.ts';
import type { Language } from '#shared/language.ts';
import { textIn, type Localized } from '#shared/localized.ts';
import type { SideBySideArea, SideBySideSystem, SolutionAreaView } from '#shared/contracts/inventory.ts';
import extraAreasData from './data/extra-solution-areas.json' with { type: 'json' };

// ---------------------------------------------------------------- solution areas

const areaId = z.string().regex(/^samla-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Samlas egne id-er begynner med «samla-»');

/** A name in bokmål (`name`) and Samla's nynorsk and English for it: every one is required. */
const translatedName = {
  name: z.string().min(1),
  translations: z.strictObject({ nn: z.strictObject({ name: z.string().min(1) }), en: z.strictObject({ name: z.string().min(1) }) }),
};

/**
 * Samla's own solution areas beside the checklist's 4.2: the infrastructure,
 * archive and common-solution areas the seed names in 4.1 but gives no area
 * in 4.2, and one «Annet fagsystem» per sector so every system has a place.
 * Ids are permanent, as in the catalogue: systems store them. Each name has
 * its nynorsk and English beside it, as the library's translations have
 * theirs (issue 22).
 */
export const extraSolutionAreasSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  sectors: z.array(
    z.strictObject({
      id: areaId,
      ...translatedName,
      solutionAreas: z.array(z.strictObject({ id: areaId, ...translatedName })).min(1),
    }),
  ),
  otherPerSector: z.array(z.strictObject({ sectorId: z.string(), id: areaId, ...translatedName })),
});
export type ExtraSolutionAreas = z.infer<typeof extraSolutionAreasSchema>;

/** A name of Samla's own areas in `language`. */
const nameIn = (named: { name: string; translations: Record<'nn' | 'en', { name: string }> }, language: Language) =>
  language === 'nb' ? named.name : named.translations[language].name;

/**
 * Every solution area a system can be filed under, in the order the
 * side-by-side view shows them: Samla's infrastructure sector first (the
 * seed's 4.1 starts there), then each catalogue sector with its «Annet
 * fagsystem» last. Names in `language`: the catalogue's are the ones it is
 * given in (translatedCatalog), Samla's own from their translations. Throws
 * when an id is used twice or a catch-all names a sector the catalogue does
 * not have: both are errors in shipped data.
 */
export function buildSolutionAreas(catalog: Catalog, extra: ExtraSolutionAreas, language: Language = 'nb'): SolutionAreaView[] {
  const areas: SolutionAreaView[] = [];
  for (const sector of extra.sectors) {
    for (const area of sector.solutionAreas) {
      areas.push({
        id: area.id,
        name: nameIn(area, language),
        sectorId: sector.id,
        sector: nameIn(sector, language),
        priority: null,
        source: 'samla',
      });
    }
  }
  for (const sector of catalog.sectors) {
    for (const area of sector.solutionAreas) {
      areas.push({
        id: area.id,
        name: area.name,
        sectorId: sector.id,
        sector: sector.name,
        priority: area.priority,
        source: 'catalog',
      });
    }
    for (const other of extra.otherPerSector.filter((o) => o.sectorId === sector.id)) {
      areas.push({ id: other.id, name: nameIn(other, language), sectorId: sector.id, sector: sector.name, priority: null, source: 'samla' });
    }
  }
  const sectorIds = new Set(catalog.sectors.map((sector) => sector.id));
  const stray = extra.otherPerSector.find((other) => !sectorIds.has(other.sectorId));
  if (stray) throw new Error(`extra solution area ${stray.id} names unknown sector ${stray.sectorId}`);
  const seen = new Set<string>();
  for (const area of areas) {
    if (seen.has(area.id)) throw new Error(`solution area id ${area.id} is used twice`);
    seen.add(area.id);
  }
  return areas;
}

let cachedExtra: ExtraSolutionAreas | undefined;
export function loadExtraSolutionAreas(): ExtraSolutionAreas {
  cachedExtra ??= extraSolutionAreasSchema.parse(extraAreasData);
  return cachedExtra;
}

// ---------------------------------------------------------------- rules across fields

/*
 * The rules take the language to tell their problems in (issue 22; bokmål unless told): the
 * service asks for each language to build the error's message, the import for its reader's.
 */
const problem = (path: string, code: string, message: Localized, language: Language): FieldProblem => ({ path, code, message: textIn(message, language) });

export function contractProblems(contract: { startDate?: string | null; endDate?: string | null }, language: Language = 'nb'): FieldProblem[] {
  if (contract.startDate && contract.endDate && contract.endDate < contract.startDate) {
    const message = {
      nb: 'Sluttdatoen kan ikke være før startdatoen.',
      nn: 'Sluttdatoen kan ikkje vere før startdatoen.',
      en: 'The end date cannot be before the start date.',
    };
    return [problem('endDate', 'range', message, language)];
  }
  return [];
}

export function archiveProblems(archive: { periodFrom?: number | null; periodTo?: number | null }, language: Language = 'nb'): FieldProblem[] {
  const { periodFrom, periodTo } = archive;
  if (periodFrom != null && periodTo != null && periodTo < periodFrom) {
    const message = {
      nb: 'Perioden kan ikke slutte før den begynner.',
      nn: 'Perioden kan ikkje slutte før han byrjar.',
      en: 'The period cannot end before it begins.',
    };
    return [problem('periodTo', 'range', message, language)];
  }
  return [];
}

/** An integration goes to exactly one place: another system or a national common solution. */
export function integrationProblems(integration: { toSystemId?: string | null; commonSolutionId?: string | null }, language: Language = 'nb'): FieldProblem[] {
  const toSystem = integration.toSystemId != null;
  const toCommon = integration.commonSolutionId != null;
  if (toSystem && toCommon) {
    const message = {
      nb: 'Velg enten et system eller en fellesløsning som mål, ikke begge.',
      nn: 'Vel anten eit system eller ei fellesløysing som mål, ikkje begge.',
      en: 'Choose either a system or a common solution as the target, not both.',
    };
    return [problem('toSystemId', 'exclusive', message, language), problem('commonSolutionId', 'exclusive', message, language)];
  }
  if (!toSystem && !toCommon) {
    const message = {
      nb: 'Oppgi systemet eller fellesløsningen integrasjonen går til.',
      nn: 'Oppgi systemet eller fellesløysinga integrasjonen går til.',
      en: 'Give the system or the common solution the integration goes to.',
    };
    return [problem('toSystemId', 'required', message, language), problem('commonSolutionId', 'required', message, language)];
  }
  return [];
}

// ---------------------------------------------------------------- references

/** Where a row points: each reference with the field path a problem is reported at. */
export interface References {
  municipalityNumber?: string;
  solutionAreaId?: string | null;
  commonSolutionId?: string | null;
  systems: Array<{ path: string; id: string }>;
}

export interface KnownTargets {
  municipalityNumbers: ReadonlySet<string>;
  solutionAreaIds: ReadonlySet<string>;
  commonSolutionIds: ReadonlySet<string>;
  /** The systems of this merger among those referenced. */
  systemIds: ReadonlySet<string>;
}

/**
 * References that name nothing in this merger. A system of another merger is
 * reported exactly like one that does not exist: its existence is not ours to reveal.
 */
export function referenceProblems(references: References, known: KnownTargets, language: Language = 'nb'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const number = references.municipalityNumber;
  if (number !== undefined && !known.municipalityNumbers.has(number)) {
    const message = {
      nb: `Kommunenummer ${number} er ikke en av kommunene i sammenslåingen.`,
      nn: `Kommunenummer ${number} er ikkje ein av kommunane i samanslåinga.`,
      en: `Municipality number ${number} is not one of the municipalities in the merger.`,
    };
    problems.push(problem('municipalityNumber', 'unknown', message, language));
  }
  if (references.solutionAreaId != null && !known.solutionAreaIds.has(references.solutionAreaId)) {
    const message = {
      nb: 'Løsningsområdet finnes ikke. Velg et fra listen.',
      nn: 'Løysingsområdet finst ikkje. Vel eitt frå lista.',
      en: 'The solution area does not exist. Choose one from the list.',
    };
    problems.push(problem('solutionAreaId', 'unknown', message, language));
  }
  if (references.commonSolutionId != null && !known.commonSolutionIds.has(references.commonSolutionId)) {
    const message = {
      nb: 'Fellesløsningen finnes ikke i registeret.',
      nn: 'Fellesløysinga finst ikkje i registeret.',
      en: 'The common solution is not in the register.',
    };
    problems.push(problem('commonSolutionId', 'unknown', message, language));
  }
  for (const reference of references.systems) {
    if (!known.systemIds.has(reference.id)) {
      const message = {
        nb: 'Systemet finnes ikke i denne sammenslåingens kartlegging.',
        nn: 'Systemet finst ikkje i kartlegginga til denne samanslåinga.',
        en: 'The system is not in this merger’s inventory.',
      };
      problems.push(problem(reference.path, 'unknown', message, language));
    }
  }
  return problems;
}

// ---------------------------------------------------------------- deletion

export interface SystemUsage {
  integrations: number;
  contracts: number;
  digitalServices: number;
  archives: number;
  /** Decisions (veivalg) that chose this system as their target. */
  decisions: number;
}

const usageNouns: Record<Language, Record<keyof SystemUsage, [string, string]>> = {
  nb: {
    integrations: ['integrasjon', 'integrasjoner'],
    contracts: ['avtale', 'avtaler'],
    digitalServices: ['digital tjeneste', 'digitale tjenester'],
    archives: ['arkiv', 'arkiver'],
    decisions: ['veivalg', 'veivalg'],
  },
  nn: {
    integrations: ['integrasjon', 'integrasjonar'],
    contracts: ['avtale', 'avtalar'],
    digitalServices: ['digital teneste', 'digitale tenester'],
    archives: ['arkiv', 'arkiv'],
    decisions: ['vegval', 'vegval'],
  },
  en: {
    integrations: ['integration', 'integrations'],
    contracts: ['agreement', 'agreements'],
    digitalServices: ['digital service', 'digital services'],
    archives: ['archive', 'archives'],
    decisions: ['decision', 'decisions'],
  },
};

/** «Systemet er i bruk i 3 integrasjoner og 1 avtale …» (in `language`, bokmål unless told), or null when nothing points at it. */
export function systemInUseMessage(usage: SystemUsage, language: Language = 'nb'): string | null {
  const keys = (Object.keys(usageNouns.nb) as Array<keyof SystemUsage>).filter((key) => usage[key] > 0);
  if (keys.length === 0) return null;
  const parts = keys.map((key) => `${usage[key]} ${usageNouns[language][key][usage[key] === 1 ? 0 : 1]}`);
  const and = language === 'en' ? 'and' : 'og';
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`;
  const total = keys.reduce((sum, key) => sum + usage[key], 0);
  return textIn(
    {
      nb: `Systemet kan ikke slettes fordi ${listed} viser til det. Fjern eller endre dem først.`,
      nn: `Systemet kan ikkje slettast fordi ${listed} viser til det. Fjern eller endre dei først.`,
      en: `The system cannot be deleted because ${listed} ${pluralWord(total, 'refers to it. Remove or change that first.', 'refer to it. Remove or change them first.', 'en')}`,
    },
    language,
  );
}

// ---------------------------------------------------------------- search

/** A LIKE pattern that finds `text` anywhere, with the user's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replaceAll(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

// ---------------------------------------------------------------- side by side

/**
 * The form in which product and vendor names are compared: case, accents'
 * composition and runs of whitespace do not count.
 */
export function nameKey(value: string): string {
  return value.normalize('NFC').toLocaleLowerCase('nb').replaceAll(/\s+/g, ' ').trim();
}

/** Vendors are written with and without their company form: «Visma AS» is «Visma». */
export function vendorKey(value: string): string {
  return nameKey(value)
    .replaceAll(/[.,]/g, ' ')
    .replace(/\s+(as|asa|ab|a\/s|gmbh|ltd|inc|oy)\s*$/u, '')
    .replaceAll(/\s+/g, ' ')
    .trim();
}

export interface SideBySideInputSystem extends SideBySideSystem {
  municipalityNumber: string;
  solutionAreaId: string | null;
}

type SharedGroup = SideBySideArea['sharedProducts'][number];

/**
 * Groups of systems that share a key and run in two or more municipalities,
 * each named by the spelling most of them use (ties: the first in sort order).
 */
export function sharedAcrossMunicipalities(
  systems: readonly SideBySideInputSystem[],
  keyOf: (system: SideBySideInputSystem) => { key: string; label: string } | null,
): SharedGroup[] {
  const groups = new Map<string, { labels: string[]; municipalities: Set<string>; systemIds: string[] }>();
  for (const system of systems) {
    const found = keyOf(system);
    if (!found || found.key === '') continue;
    const group = groups.get(found.key) ?? { labels: [], municipalities: new Set(), systemIds: [] };
    group.labels.push(found.label);
    group.municipalities.add(system.municipalityNumber);
    group.systemIds.push(system.id);
    groups.set(found.key, group);
  }
  return [...groups.values()]
    .filter((group) => group.municipalities.size >= 2)
    .map((group) => ({
      name: mostCommon(group.labels),
      municipalityNumbers: [...group.municipalities].sort(),
      systemIds: group.systemIds,
    }))
    .sort((a, b) => b.municipalityNumbers.length - a.municipalityNumbers.length || a.name.localeCompare(b.name, 'nb'));
}

function mostCommon(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nb'))[0]![0];
}

const tidy = (value: string) => value.trim().replaceAll(/\s+/g, ' ');
const productOf = (system: SideBySideInputSystem) => {
  const label = tidy(system.product ?? system.name);
  return { key: nameKey(label), label };
};
const vendorOf = (system: SideBySideInputSystem) => (system.vendor ? { key: vendorKey(system.vendor), label: tidy(system.vendor) } : null);

/**
 * The matrix of solution areas × municipalities: every area in the given
 * order (empty cells show a municipality without a system there), then the
 * systems filed under no area or under an area no longer known, if any.
 * Within a cell, systems are sorted by name.
 */
export function sideBySide(
  areas: readonly Pick<SolutionAreaView, 'id' | 'name' | 'sector' | 'priority'>[],
  municipalityNumbers: readonly string[],
  systems: readonly SideBySideInputSystem[],
): SideBySideArea[] {
  const known = new Set(areas.map((area) => area.id));
  const byArea = new Map<string | null, SideBySideInputSystem[]>();
  for (const system of systems) {
    const key = system.solutionAreaId !== null && known.has(system.solutionAreaId) ? system.solutionAreaId : null;
    byArea.set(key, [...(byArea.get(key) ?? []), system]);
  }
  const row = (
    area: { id: string | null; name: string; sector: string | null; priority: SideBySideArea['priority'] },
    inArea: readonly SideBySideInputSystem[],
  ): SideBySideArea => ({
    solutionAreaId: area.id,
    name: area.name,
    sector: area.sector,
    priority: area.priority,
    municipalities: municipalityNumbers.map((municipalityNumber) => ({
      municipalityNumber,
      systems: inArea
        .filter((system) => system.municipalityNumber === municipalityNumber)
        .sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id))
        .map(({ id, name, vendor, product, productVersion, userCount, hosting }) => ({
          id,
          name,
          vendor,
          product,
          productVersion,
          userCount,
          hosting,
        })),
    })),
    sharedProducts: sharedAcrossMunicipalities(inArea, productOf),
    sharedVendors: sharedAcrossMunicipalities(inArea, vendorOf),
  });
  const rows = areas.map((area) => row(area, byArea.get(area.id) ?? []));
  const unfiled = byArea.get(null);
  if (unfiled) rows.push(row({ id: null, name: 'Uten løsningsområde', sector: null, priority: null }, unfiled));
  return rows;
}
