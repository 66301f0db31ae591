/**
 * The rules for a merger's system decisions, as pure functions over plain
 * data: what a decision per solution area means for each of today's systems,
 * which candidates the inventory suggests, where the area's checklist tasks
 * land in the plan, and which critical areas are ready for day one.
 *
 * A decision is made per solution area (4.2 in KS' «Sjekkliste for digital
 * sammenslåing», plus Samla's own areas): continue one of today's systems
 * (videreføre), adapt one (tilpasse), procure a new one (anskaffe nytt) or
 * retire the function (avvikle). Nothing here decides on its own: the
 * suggestions are input to a person, and a decision is a proposal
 * (forslag) until the project adopts it (vedtatt).
 */
import { z } from 'zod';
import { loadCatalog } from '#catalog/catalog.ts';
import type { Catalog } from '#catalog/catalog.schema.ts';
import { nameKey, vendorKey } from '#server/features/inventory/inventory.domain.ts';
import type { PlannedTask } from '#server/features/plan/plan.tasks.domain.ts';
import type { Localized } from '#shared/localized.ts';
import { daysBetween } from '#shared/calendar-dates.ts';
import {
  decisionOutcomes,
  type DecisionOutcome,
  type DecisionRecord,
  type DecisionState,
  type DecisionTiming,
  type SystemFate,
} from '#shared/contracts/decisions.ts';
import { vocabularyIn } from '#shared/vocabulary/vocabulary-in.ts';
import type { Language } from '#shared/language.ts';
import areaPrioritiesData from './data/area-priorities.json' with { type: 'json' };

// ---------------------------------------------------------------- vocabulary

export { decisionOutcomes, decisionStates, decisionTimings } from '#shared/contracts/decisions.ts';
export type { DecisionOutcome, DecisionState, DecisionTiming } from '#shared/contracts/decisions.ts';

// Their names are in #shared/vocabulary.

/**
 * What happens to one of today's systems under the area's decision:
 * - continues: it becomes the new municipality's system;
 * - migrated: its data must be converted into another system (the continued one or the new one);
 * - retired: it is shut down and its data must go to archive;
 * - undecided: no decision yet.
 */
export type { SystemFate } from '#shared/contracts/decisions.ts';

export type AreaPriority = 'critical' | 'medium';

/** A problem with a decision, at the field it concerns. */
export interface DecisionProblem {
  path: string[];
  message: Localized;
}

// ---------------------------------------------------------------- what a decision means

/**
 * The fate of each system in the area. Continue and adapt keep the target and
 * migrate every other system into it; procure migrates every system (into the
 * new one, whatever the target says); retire retires them all. A target that
 * is not among `systemIds` is simply not in the map: the map answers only for
 * the systems asked about.
 */
export function systemFates(
  decision: { outcome: DecisionOutcome; targetSystemId: string | null } | undefined,
  systemIds: readonly string[],
): Map<string, SystemFate> {
  const fates = new Map<string, SystemFate>();
  for (const id of systemIds) {
    let fate: SystemFate;
    if (!decision) fate = 'undecided';
    else if (decision.outcome === 'retire') fate = 'retired';
    else if (decision.outcome === 'procure') fate = 'migrated';
    else fate = id === decision.targetSystemId ? 'continues' : 'migrated';
    fates.set(id, fate);
  }
  return fates;
}

/**
 * Checks that the decision's target fits its outcome:
 * - continue/adapt must name the system to keep, and it must be one of the area's systems;
 * - retire must name none: nothing continues;
 * - procure normally names none, because the new system is not in the inventory
 *   of today's systems. It may name a system outside the area (one already
 *   registered elsewhere, say under «Annet fagsystem»), but never one of the
 *   area's own systems: those are all migrated, so keeping one would be
 *   «videreføre» or «tilpasse», not «anskaffe nytt».
 * Messages are in every language (issue 22), for the person filling in the form.
 */
export function validateDecision(
  decision: { outcome: string; targetSystemId: string | null },
  systemsInArea: ReadonlyArray<{ id: string }>,
): DecisionProblem[] {
  const outcome = decision.outcome;
  // As strings: the outcome comes from a request and may be none of them, which a list of literals cannot be asked.
  if (!(decisionOutcomes as readonly string[]).includes(outcome)) {
    return [
      {
        path: ['outcome'],
        message: {
          nb: 'Velg videreføre, tilpasse, anskaffe nytt eller avvikle.',
          nn: 'Vel føre vidare, tilpasse, skaffe nytt eller avvikle.',
          en: 'Choose continue, adapt, procure new or retire.',
        },
      },
    ];
  }
  const inArea = decision.targetSystemId !== null && systemsInArea.some((system) => system.id === decision.targetSystemId);
  if (outcome === 'continue' || outcome === 'adapt') {
    const verb: Localized =
      outcome === 'continue' ? { nb: 'videreføres', nn: 'førast vidare', en: 'continued' } : { nb: 'tilpasses', nn: 'tilpassast', en: 'adapted' };
    if (systemsInArea.length === 0) {
      return [
        {
          path: ['outcome'],
          message: {
            nb: `Området har ingen systemer i kartleggingen som kan ${verb.nb}. Velg anskaffe nytt eller avvikle, eller registrer systemet først.`,
            nn: `Området har ingen system i kartlegginga som kan ${verb.nn}. Vel skaffe nytt eller avvikle, eller registrer systemet først.`,
            en: `The area has no systems in the inventory that can be ${verb.en}. Choose procure new or retire, or register the system first.`,
          },
        },
      ];
    }
    if (decision.targetSystemId === null) {
      return [
        {
          path: ['targetSystemId'],
          message: { nb: `Velg systemet som skal ${verb.nb}.`, nn: `Vel systemet som skal ${verb.nn}.`, en: `Choose the system to be ${verb.en}.` },
        },
      ];
    }
    if (!inArea) {
      return [
        {
          path: ['targetSystemId'],
          message: {
            nb: `Systemet som skal ${verb.nb}, må være et av systemene i området.`,
            nn: `Systemet som skal ${verb.nn}, må vere eitt av systema i området.`,
            en: `The system to be ${verb.en} must be one of the area’s systems.`,
          },
        },
      ];
    }
    return [];
  }
  if (outcome === 'retire' && decision.targetSystemId !== null) {
    return [
      {
        path: ['targetSystemId'],
        message: {
          nb: 'Når løsningen avvikles, skal ingen systemer videreføres. Fjern valgt system.',
          nn: 'Når løysinga blir avvikla, skal ingen system førast vidare. Fjern det valde systemet.',
          en: 'When the solution is retired, no system is continued. Remove the chosen system.',
        },
      },
    ];
  }
  if (outcome === 'procure' && inArea) {
    return [
      {
        path: ['targetSystemId'],
        message: {
          nb: 'Ved anskaffelse av nytt system flyttes alle dagens systemer over. Velg videreføre eller tilpasse for å beholde et av dem.',
          nn: 'Når ein skaffar nytt system, blir alle dagens system flytta over. Vel føre vidare eller tilpasse for å behalde eitt av dei.',
          en: 'When a new system is procured, all of today’s systems are moved over. Choose continue or adapt to keep one of them.',
        },
      },
    ];
  }
  return [];
}

/**
 * The seed's legend for 4.2: a critical area must be handled before the
 * merger date, a medium one may wait for the transition phase. This is only
 * the starting point; the project may choose otherwise.
 */
export function defaultTiming(areaPriority: AreaPriority): DecisionTiming {
  return areaPriority === 'critical' ? 'before_merger' : 'transition';
}

// ---------------------------------------------------------------- candidates from the inventory

export interface CandidateSystem {
  id: string;
  municipalityNumber: string;
  name: string;
  vendor: string | null;
  product: string | null;
  hosting: string | null;
  userCount: number | null;
  integrationCount: number;
  contractEndDates: string[];
}

export interface CandidateSuggestion {
  /** Stable key of the group, e.g. `product:visma|visma enterprise`. */
  key: string;
  basis: 'product' | 'vendor';
  /** The product (with its vendor) or vendor as the recommended system spells it. */
  label: string;
  /** Municipality numbers, sorted. Always two or more. */
  municipalities: string[];
  /** The systems in the group, the recommended one first. */
  systems: CandidateSystem[];
  totals: { users: number; integrations: number };
  /** The earliest end date of any contract on the systems, or null when none is known. */
  earliestContractEnd: string | null;
  /** The distinct hostings, sorted. */
  hostings: string[];
  /** The system to continue if the project agrees: most users, then most integrations, then name. */
  recommendedSystemId: string;
}

const nb = new Intl.Collator('nb');

/** Most users first (an unknown count counts as none), then most integrations, then name, then id. */
function compareForRecommendation(a: CandidateSystem, b: CandidateSystem): number {
  return (
    (b.userCount ?? 0) - (a.userCount ?? 0) || b.integrationCount - a.integrationCount || nb.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function present(value: string | null): value is string {
  return value !== null && value.trim() !== '';
}

/**
 * Groups of systems where two or more different municipalities already run
 * the same thing, as candidates for the one to continue:
 * - by product: same vendor and product (names compared as the inventory's
 *   side-by-side view does: case, whitespace and the vendor's company form do
 *   not count). A system without vendor joins its product's group when every
 *   system that names a vendor for that product names the same one; otherwise
 *   the vendorless systems of the product form a group of their own;
 * - by vendor: same vendor, whatever the product. A vendor group with exactly
 *   the systems of a product group says nothing new and is dropped.
 * Several copies in one municipality are not a suggestion: the point is what
 * the municipalities have in common.
 *
 * Ranked: product before vendor, more municipalities first, then more users,
 * more integrations, and label. Suggestions never decide anything.
 */
export function suggestCandidates(systems: readonly CandidateSystem[]): CandidateSuggestion[] {
  const byProduct = new Map<string, Map<string, CandidateSystem[]>>(); // product key → vendor key ('' = none) → systems
  const byVendor = new Map<string, CandidateSystem[]>();
  for (const system of systems) {
    const vendor = present(system.vendor) ? vendorKey(system.vendor) : '';
    if (present(system.product)) {
      const product = nameKey(system.product);
      const vendors = byProduct.get(product) ?? new Map<string, CandidateSystem[]>();
      byProduct.set(product, vendors);
      vendors.set(vendor, [...(vendors.get(vendor) ?? []), system]);
    }
    if (vendor !== '') byVendor.set(vendor, [...(byVendor.get(vendor) ?? []), system]);
  }

  const suggestions: CandidateSuggestion[] = [];
  for (const [product, vendors] of byProduct) {
    const withoutVendor = vendors.get('') ?? [];
    const named = [...vendors].filter(([vendor]) => vendor !== '');
    const [onlyVendor] = named;
    if (named.length === 1 && onlyVendor) {
      const suggestion = suggestionFor('product', `product:${onlyVendor[0]}|${product}`, [...onlyVendor[1], ...withoutVendor]);
      if (suggestion) suggestions.push(suggestion);
      continue;
    }
    for (const [vendor, group] of named) {
      const suggestion = suggestionFor('product', `product:${vendor}|${product}`, group);
      if (suggestion) suggestions.push(suggestion);
    }
    const suggestion = suggestionFor('product', `product:|${product}`, withoutVendor);
    if (suggestion) suggestions.push(suggestion);
  }

  const productGroups = new Set(suggestions.map((s) => systemSetKey(s.systems)));
  for (const [vendor, group] of byVendor) {
    const suggestion = suggestionFor('vendor', `vendor:${vendor}`, group);
    if (suggestion && !productGroups.has(systemSetKey(suggestion.systems))) suggestions.push(suggestion);
  }

  return suggestions.sort(
    (a, b) =>
      (a.basis === b.basis ? 0 : a.basis === 'product' ? -1 : 1) ||
      b.municipalities.length - a.municipalities.length ||
      b.totals.users - a.totals.users ||
      b.totals.integrations - a.totals.integrations ||
      nb.compare(a.label, b.label) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function systemSetKey(systems: readonly CandidateSystem[]): string {
  return systems
    .map((system) => system.id)
    .sort()
    .join('\n');
}

/** A suggestion for one group, or null when fewer than two municipalities run it. */
function suggestionFor(basis: CandidateSuggestion['basis'], key: string, group: readonly CandidateSystem[]): CandidateSuggestion | null {
  const municipalities = [...new Set(group.map((system) => system.municipalityNumber))].sort();
  if (municipalities.length < 2) return null;
  const ordered = [...group].sort(compareForRecommendation);
  const recommended = ordered[0]!;
  // Spelled as the recommended system spells it, or the first system that names it at all.
  const vendor =
    ordered
      .map((system) => system.vendor)
      .find(present)
      ?.trim() ?? null;
  const product =
    ordered
      .map((system) => system.product)
      .find(present)
      ?.trim() ?? null;
  const label = basis === 'vendor' ? vendor! : vendor ? `${product!} (${vendor})` : product!;
  const endDates = ordered.flatMap((system) => system.contractEndDates).sort();
  return {
    key,
    basis,
    label,
    municipalities,
    systems: ordered.map((system) => ({ ...system, contractEndDates: [...system.contractEndDates] })),
    totals: {
      users: ordered.reduce((sum, system) => sum + (system.userCount ?? 0), 0),
      integrations: ordered.reduce((sum, system) => sum + system.integrationCount, 0),
    },
    earliestContractEnd: endDates[0] ?? null,
    hostings: [...new Set(ordered.map((system) => system.hosting).filter(present))].sort(nb.compare),
    recommendedSystemId: recommended.id,
  };
}

// ---------------------------------------------------------------- the 4.1 ranking of areas

/**
 * `data/area-priorities.json` places every solution area (the catalogue's
 * 4.2, Samla's own areas and each sector's «Annet fagsystem») under one of
 * the eight ranked items of the seed's 4.1, with a reason where the choice
 * needed judgement. Bump `version` when an entry changes.
 */
export const areaPrioritiesSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  areas: z.array(
    z.strictObject({
      areaId: z.string().min(1),
      priorityId: z.string().min(1),
      reason: z.string().min(1).optional(),
    }),
  ),
});
export type AreaPriorities = z.infer<typeof areaPrioritiesSchema>;

let cachedPriorities: AreaPriorities | undefined;
export function loadAreaPriorities(): AreaPriorities {
  cachedPriorities ??= areaPrioritiesSchema.parse(areaPrioritiesData);
  return cachedPriorities;
}

/**
 * Area id → 4.1 rank (1 IKT-infrastruktur … 8 digitale tjenester). Throws when
 * an area is listed twice or names a priority the catalogue does not have:
 * both are errors in shipped data.
 */
export function areaRanks(priorities: AreaPriorities, catalog: Catalog): Map<string, number> {
  const rankOfPriority = new Map(catalog.prioritization.priorities.map((p) => [p.id, p.rank]));
  const ranks = new Map<string, number>();
  for (const entry of priorities.areas) {
    const rank = rankOfPriority.get(entry.priorityId);
    if (rank === undefined) throw new Error(`area ${entry.areaId} names unknown priority ${entry.priorityId}`);
    if (ranks.has(entry.areaId)) throw new Error(`area ${entry.areaId} is ranked twice`);
    ranks.set(entry.areaId, rank);
  }
  return ranks;
}

let cachedRanks: Map<string, number> | undefined;
/**
 * The seed's 4.1 rank of a solution area. Every area Samla knows has one (a
 * test holds the data to that), so an unknown id is a programming error and
 * throws rather than quietly sorting last.
 */
export function priorityRankOfArea(areaId: string): number {
  cachedRanks ??= areaRanks(loadAreaPriorities(), loadCatalog());
  const rank = cachedRanks.get(areaId);
  if (rank === undefined) throw new Error(`solution area ${areaId} has no 4.1 priority`);
  return rank;
}

// ---------------------------------------------------------------- placing the area's tasks in the plan

/** Where a decision's tasks go: «Slå sammen prioriterte …» before the merger, «… resterende …» after. */
export const decisionPlacement: Record<DecisionTiming, { phaseId: string; activityId: string }> = {
  before_merger: { phaseId: 'fase-4', activityId: 'fase-4-akt-4' },
  transition: { phaseId: 'fase-5', activityId: 'fase-5-akt-3' },
};

const areaPlaceCache = new WeakMap<object, Map<string, number>>();
function areaPlaces(catalog: Catalog): Map<string, number> {
  let places = areaPlaceCache.get(catalog);
  if (!places) {
    places = new Map(catalog.sectors.flatMap((sector) => sector.solutionAreas).map((area, index) => [area.id, index]));
    areaPlaceCache.set(catalog, places);
  }
  return places;
}

/**
 * The tasks a decision puts in the merger's plan: the area's checklist tasks
 * (4.2), in the activity its timing points at. Samla's own areas have no
 * tasks, so they plan none.
 */
export function decisionTaskPlan(
  area: { id: string; priority: AreaPriority | null; tasks: ReadonlyArray<{ id: string; title: string; priority: AreaPriority }> },
  timing: DecisionTiming,
  rankOf: (areaId: string) => number = priorityRankOfArea,
  catalog: Catalog = loadCatalog(),
): PlannedTask[] {
  const { phaseId, activityId } = decisionPlacement[timing];
  const areaPlace = Math.min(areaPlaces(catalog).get(area.id) ?? 99, 99);
  const rank = rankOf(area.id);
  return area.tasks.map((task, taskIndex) => ({
    catalogItemId: task.id,
    title: task.title,
    phaseId,
    activityId,
    order: rank * 10_000 + areaPlace * 100 + Math.min(taskIndex, 99),
  }));
}

// ---------------------------------------------------------------- ready for day one

/**
 * Why a critical area is not ready for day one:
 * - no_decision / not_adopted: nothing is decided yet;
 * - deferred: the adopted veivalg puts the area in the transition phase, and
 *   the project has not accepted that deferral (the seed wants critical areas
 *   in place by the merger date);
 * - tasks_open: tasks due before day one are still open.
 */
export type ReadinessReason = 'no_decision' | 'not_adopted' | 'deferred' | 'tasks_open';

/** The project's explicit acceptance of a deferral: who, when (ISO timestamp) and why. */
export interface DeferralAcceptance {
  acceptedBy: string;
  acceptedAt: string;
  reason: string;
}

export interface ReadinessDecision {
  state: DecisionState;
  timing: DecisionTiming;
  /** The veivalg's own rationale: shown with a deferral, so the reader sees why the area waits. */
  rationale?: string | null;
  deferral?: DeferralAcceptance | null;
}

export interface DayOneReadiness {
  criticalTotal: number;
  ready: number;
  /** The critical areas that are not ready, in the order given; `rationale` is the veivalg's, for a deferred area. */
  missing: Array<{ areaId: string; reasons: ReadinessReason[]; openTasks: number; rationale: string | null }>;
  /** Critical areas deferred to the transition with the project's acceptance: counted ready, and shown as such. */
  acceptedDeferrals: Array<{ areaId: string; rationale: string | null } & DeferralAcceptance>;
  /** Calendar days from today to the merger date; negative once it has passed. */
  daysLeft: number;
}

/** The phase number of `fase-N`, or null for anything else. */
function phaseNumber(phaseId: string): number | null {
  const match = /^fase-(\d+)$/.exec(phaseId);
  return match ? Number(match[1]) : null;
}

/**
 * Whether a veivalg defers a critical area past day one: adopted, and timed
 * for the transition phase. Only such a decision can carry an accepted
 * deferral; when it stops deferring, the acceptance no longer applies.
 */
export function defersDayOne(
  areaPriority: AreaPriority | null,
  decision: { state: DecisionState | string; timing: DecisionTiming | string } | null | undefined,
): boolean {
  return areaPriority === 'critical' && decision?.state === 'adopted' && decision.timing === 'transition';
}

/**
 * Whether the critical areas are ready for the merger date. A critical area
 * is ready when its decision is adopted and every task due before day one
 * (phases 1–4: the decision places them in fase-4) is done or not relevant.
 * An adopted decision to wait for the transition phase is NOT ready: the seed
 * wants critical areas in place by day one. It counts as ready only when the
 * project has explicitly accepted the deferral (who, when, why); its tasks are
 * then no longer day-one work. An acceptance on a decision that no longer
 * defers is ignored (the service clears it, this is the second line).
 */
export function dayOneReadiness(input: {
  criticalAreaIds: readonly string[];
  decisions: ReadonlyMap<string, ReadinessDecision>;
  tasksByArea: ReadonlyMap<string, ReadonlyArray<{ phaseId: string; status: 'not_started' | 'in_progress' | 'done' | 'not_relevant' }>>;
  mergerDate: string;
  today: string;
}): DayOneReadiness {
  const areaIds = [...new Set(input.criticalAreaIds)];
  const missing: DayOneReadiness['missing'] = [];
  const acceptedDeferrals: DayOneReadiness['acceptedDeferrals'] = [];
  for (const areaId of areaIds) {
    const decision = input.decisions.get(areaId);
    const rationale = decision?.rationale?.trim() ? decision.rationale : null;
    if (defersDayOne('critical', decision)) {
      const deferral = decision!.deferral;
      if (deferral && deferral.reason.trim() !== '') acceptedDeferrals.push({ areaId, rationale, ...deferral });
      else missing.push({ areaId, reasons: ['deferred'], openTasks: 0, rationale });
      continue;
    }
    const openTasks = (input.tasksByArea.get(areaId) ?? []).filter((task) => {
      const phase = phaseNumber(task.phaseId);
      return phase !== null && phase <= 4 && task.status !== 'done' && task.status !== 'not_relevant';
    }).length;
    const reasons: ReadinessReason[] = [];
    if (!decision) reasons.push('no_decision');
    else if (decision.state !== 'adopted') reasons.push('not_adopted');
    if (openTasks > 0) reasons.push('tasks_open');
    if (reasons.length > 0) missing.push({ areaId, reasons, openTasks, rationale: null });
  }
  return {
    criticalTotal: areaIds.length,
    ready: areaIds.length - missing.length,
    missing,
    acceptedDeferrals,
    daysLeft: daysBetween(input.today, input.mergerDate),
  };
}

export { daysBetween };

/** Who made the decision, as a document says it: the body's name, or the free text for «annet» (decision 038). */
export function decisionMakerName(record: Pick<DecisionRecord, 'decisionMaker' | 'decisionMakerOther'>, language: Language = 'nb'): string {
  // «Other» is the team's own words, kept as written.
  return record.decisionMaker === 'other' && record.decisionMakerOther ? record.decisionMakerOther : vocabularyIn(language).decisionMaker[record.decisionMaker];
}
