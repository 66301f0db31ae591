/**
 * ROS-analyse as pure rules: the matrix (lookup, validation, remapping), the
 * worst-dimension rule, residual risk, the heatmap and the starter risks.
 * No database here; the service feeds these functions and stores what they say.
 */
import {
  consequenceDimensions,
  MAX_LEVELS,
  MIN_LEVELS,
  type CellRef,
  type Consequences,
  type MatrixMapping,
  type RiskMatrix,
  type RiskSuggestion,
} from '#shared/contracts/risks.ts';
import type { Localized } from '#shared/localized.ts';
import type { LocalizedFieldProblem } from '#shared/localized-problems.ts';

// ---------------------------------------------------------------- the default matrix

/**
 * The default: DSB's five levels on both axes (names from DSB's guidance for
 * kommunal ROS; the descriptions are worded for a merger's time span, since
 * DSB's «once in 100 years» frequencies do not fit a project of a few years).
 *
 * Grid: score = likelihood × consequence; 1–4 Lav (green), 5–9 Middels
 * (yellow), 10–25 Høy (red). So 1×5 and 5×1 are yellow, 2×5 and 5×2 red,
 * 3×3 yellow and 3×4 red.
 */
export function defaultMatrix(): RiskMatrix {
  const likelihood = [
    { name: 'Svært lite sannsynlig', description: 'Kan skje, men det er ikke kjent at det har skjedd i en sammenslåing.' },
    { name: 'Lite sannsynlig', description: 'Har skjedd i andre sammenslåinger, men sjelden.' },
    { name: 'Moderat sannsynlig', description: 'Kan skje i denne sammenslåingen.' },
    { name: 'Sannsynlig', description: 'Vil trolig skje i denne sammenslåingen.' },
    { name: 'Svært sannsynlig', description: 'Vil nesten helt sikkert skje, kanskje flere ganger.' },
  ];
  const consequence = [
    { name: 'Svært liten', description: 'Ubetydelig; merkes knapt av innbyggere og ansatte.' },
    { name: 'Liten', description: 'Kortvarig ulempe, løses innen en dag; små kostnader.' },
    { name: 'Moderat', description: 'Tjenester svekkes i dager; merkbare kostnader eller omdømmetap lokalt.' },
    { name: 'Stor', description: 'Tjenester faller ut i lengre tid, helse eller personvern kan rammes; store kostnader.' },
    { name: 'Svært stor', description: 'Liv og helse i fare, kritiske tjenester ute, varig tap av data eller tillit.' },
  ];
  const classes = [
    { key: 'low', name: 'Lav', color: '#2e7d32' },
    { key: 'medium', name: 'Middels', color: '#f9a825' },
    { key: 'high', name: 'Høy', color: '#c62828' },
  ];
  return { likelihood, consequence, classes, grid: scoreGrid(5, 5) };
}

/** The default grid for any size: by score relative to the largest, in the same proportions as 5 × 5. */
export function scoreGrid(likelihoodLevels: number, consequenceLevels: number): string[][] {
  const max = likelihoodLevels * consequenceLevels;
  return Array.from({ length: likelihoodLevels }, (_, l) =>
    Array.from({ length: consequenceLevels }, (_, c) => {
      const score = ((l + 1) * (c + 1)) / max;
      return score < 5 / 25 ? 'low' : score < 10 / 25 ? 'medium' : 'high';
    }),
  );
}

// ---------------------------------------------------------------- the matrix

/** What is wrong with a matrix beyond its shape (zod checks the shape): the grid fits the scales and names known classes. */
export function matrixProblems(matrix: RiskMatrix): LocalizedFieldProblem[] {
  const problems: LocalizedFieldProblem[] = [];
  for (const axis of ['likelihood', 'consequence'] as const) {
    if (matrix[axis].length < MIN_LEVELS || matrix[axis].length > MAX_LEVELS) {
      problems.push({
        path: axis,
        code: 'levels',
        message: {
          nb: `Skalaen må ha mellom ${MIN_LEVELS} og ${MAX_LEVELS} nivåer.`,
          nn: `Skalaen må ha mellom ${MIN_LEVELS} og ${MAX_LEVELS} nivå.`,
          en: `The scale must have between ${MIN_LEVELS} and ${MAX_LEVELS} levels.`,
        },
      });
    }
  }
  const keys = matrix.classes.map((riskClass) => riskClass.key);
  if (new Set(keys).size !== keys.length)
    problems.push({
      path: 'classes',
      code: 'duplicate',
      message: { nb: 'To risikoklasser har samme nøkkel.', nn: 'To risikoklassar har same nøkkel.', en: 'Two risk classes have the same key.' },
    });
  if (matrix.grid.length !== matrix.likelihood.length) {
    problems.push({
      path: 'grid',
      code: 'shape',
      message: {
        nb: 'Rutenettet må ha én rad per sannsynlighetsnivå.',
        nn: 'Rutenettet må ha éi rad per sannsynsnivå.',
        en: 'The grid must have one row per likelihood level.',
      },
    });
  }
  matrix.grid.forEach((row, l) => {
    if (row.length !== matrix.consequence.length) {
      problems.push({
        path: `grid.${l}`,
        code: 'shape',
        message: {
          nb: 'Rutenettet må ha én kolonne per konsekvensnivå.',
          nn: 'Rutenettet må ha éin kolonne per konsekvensnivå.',
          en: 'The grid must have one column per consequence level.',
        },
      });
    }
    row.forEach((key, c) => {
      if (!keys.includes(key)) {
        problems.push({
          path: `grid.${l}.${c}`,
          code: 'class',
          message: { nb: `Ukjent risikoklasse «${key}».`, nn: `Ukjend risikoklasse «${key}».`, en: `Unknown risk class “${key}”.` },
        });
      }
    });
  });
  return problems;
}

/** The cell for likelihood × consequence (levels from 1), or null when either is missing or outside the scales. */
export function cellOf(matrix: RiskMatrix, likelihood: number | null, consequence: number | null): CellRef | null {
  if (likelihood === null || consequence === null) return null;
  const key = matrix.grid[likelihood - 1]?.[consequence - 1];
  if (key === undefined) return null;
  const riskClass = matrix.classes.find((candidate) => candidate.key === key);
  if (!riskClass) return null;
  return { likelihood, consequence, classKey: key, className: riskClass.name, color: riskClass.color };
}

// ---------------------------------------------------------------- one risk

/** The worst dimension sets the risk's consequence; null when no dimension is assessed. */
export function worstConsequence(consequences: Partial<Consequences>): number | null {
  const values = consequenceDimensions.map((dimension) => consequences[dimension]).filter((value): value is number => typeof value === 'number');
  return values.length === 0 ? null : Math.max(...values);
}

/** Every dimension present, null where not assessed. */
export function fullConsequences(consequences: Partial<Consequences>): Consequences {
  return Object.fromEntries(consequenceDimensions.map((dimension) => [dimension, consequences[dimension] ?? null])) as Consequences;
}

export interface RiskPosition {
  likelihood: number | null;
  consequence: number | null;
  residualLikelihood: number | null;
  residualConsequence: number | null;
}

/**
 * Residual risk: what remains when the mitigations are done. An axis without
 * its own residual assessment stays where the inherent risk is (no mitigation
 * has been credited on it); without an inherent position there is no residual.
 */
export function residualPosition(position: RiskPosition): { likelihood: number; consequence: number } | null {
  const likelihood = position.residualLikelihood ?? position.likelihood;
  const consequence = position.residualConsequence ?? position.consequence;
  if (likelihood === null || consequence === null) return null;
  return { likelihood, consequence };
}

export interface RiskRuleInput extends RiskPosition {
  consequences: Partial<Consequences>;
  status: string;
  acceptanceReason: string | null;
}

const likelihoodRange = (levels: number): Localized => ({
  nb: `Sannsynligheten må være mellom 1 og ${levels}.`,
  nn: `Sannsynet må vere mellom 1 og ${levels}.`,
  en: `The likelihood must be between 1 and ${levels}.`,
});
const consequenceRange = (levels: number): Localized => ({
  nb: `Konsekvensen må være mellom 1 og ${levels}.`,
  nn: `Konsekvensen må vere mellom 1 og ${levels}.`,
  en: `The consequence must be between 1 and ${levels}.`,
});

/** The rules across a risk's fields: levels within the scales, residual not above inherent, acceptance needs a reason. */
export function riskProblems(matrix: RiskMatrix, risk: RiskRuleInput): LocalizedFieldProblem[] {
  const problems: LocalizedFieldProblem[] = [];
  const within = (value: number | null, levels: number) => value === null || (value >= 1 && value <= levels);
  const likelihoodLevels = matrix.likelihood.length;
  const consequenceLevels = matrix.consequence.length;
  if (!within(risk.likelihood, likelihoodLevels)) {
    problems.push({ path: 'likelihood', code: 'level', message: likelihoodRange(likelihoodLevels) });
  }
  for (const dimension of consequenceDimensions) {
    if (!within(risk.consequences[dimension] ?? null, consequenceLevels)) {
      problems.push({ path: `consequences.${dimension}`, code: 'level', message: consequenceRange(consequenceLevels) });
    }
  }
  if (!within(risk.residualLikelihood, likelihoodLevels)) {
    problems.push({ path: 'residualLikelihood', code: 'level', message: likelihoodRange(likelihoodLevels) });
  } else if (risk.residualLikelihood !== null && risk.likelihood !== null && risk.residualLikelihood > risk.likelihood) {
    problems.push({
      path: 'residualLikelihood',
      code: 'above_inherent',
      message: {
        nb: 'Restsannsynligheten kan ikke være høyere enn sannsynligheten før tiltak.',
        nn: 'Restsannsynet kan ikkje vere høgare enn sannsynet før tiltak.',
        en: 'The residual likelihood cannot be higher than the likelihood before measures.',
      },
    });
  }
  const consequence = worstConsequence(risk.consequences);
  if (!within(risk.residualConsequence, consequenceLevels)) {
    problems.push({ path: 'residualConsequence', code: 'level', message: consequenceRange(consequenceLevels) });
  } else if (risk.residualConsequence !== null && consequence !== null && risk.residualConsequence > consequence) {
    problems.push({
      path: 'residualConsequence',
      code: 'above_inherent',
      message: {
        nb: 'Restkonsekvensen kan ikke være høyere enn konsekvensen før tiltak.',
        nn: 'Restkonsekvensen kan ikkje vere høgare enn konsekvensen før tiltak.',
        en: 'The residual consequence cannot be higher than the consequence before measures.',
      },
    });
  }
  if (risk.status === 'accepted' && !risk.acceptanceReason?.trim()) {
    problems.push({
      path: 'acceptanceReason',
      code: 'required',
      message: { nb: 'Skriv hvorfor risikoen aksepteres.', nn: 'Skriv kvifor risikoen blir akseptert.', en: 'Write why the risk is accepted.' },
    });
  }
  return problems;
}

/**
 * Whether a change touches the project's acceptance of a risk: making it «akseptert», taking
 * that away, or changing the reason while it stays accepted. Accepting a risk is a decision for
 * prosjektleder and eier (decision 025); the rest of a risk is content anyone who edits may change.
 * `before` is null for a new risk.
 */
export function touchesAcceptance(
  before: { status: string; acceptanceReason: string | null } | null,
  after: { status: string; acceptanceReason: string | null },
): boolean {
  const wasAccepted = before?.status === 'accepted';
  const isAccepted = after.status === 'accepted';
  if (wasAccepted !== isAccepted) return true;
  return isAccepted && (before?.acceptanceReason ?? null) !== (after.acceptanceReason ?? null);
}

// ---------------------------------------------------------------- changing the matrix

/** A mapping is needed when risks exist and a scale gets another number of levels. */
export function mappingRequired(before: RiskMatrix, after: RiskMatrix, riskCount: number): boolean {
  return riskCount > 0 && (before.likelihood.length !== after.likelihood.length || before.consequence.length !== after.consequence.length);
}

/** The identity mapping for the levels both matrices have (used when the scales keep their size). */
export function identityMapping(before: RiskMatrix): MatrixMapping {
  const identity = (levels: number) => Object.fromEntries(Array.from({ length: levels }, (_, i) => [String(i + 1), i + 1]));
  return { likelihood: identity(before.likelihood.length), consequence: identity(before.consequence.length) };
}

/** Every old level maps to a level of the new scale, for both axes; nothing else is accepted. */
export function mappingProblems(before: RiskMatrix, after: RiskMatrix, mapping: MatrixMapping): LocalizedFieldProblem[] {
  const problems: LocalizedFieldProblem[] = [];
  for (const axis of ['likelihood', 'consequence'] as const) {
    const oldLevels = before[axis].length;
    const newLevels = after[axis].length;
    for (let level = 1; level <= oldLevels; level++) {
      const target = mapping[axis][String(level)];
      if (target === undefined) {
        const name = before[axis][level - 1]!.name;
        problems.push({
          path: `mapping.${axis}.${level}`,
          code: 'missing',
          message: {
            nb: `Velg hvilket nytt nivå «${name}» skal bli.`,
            nn: `Vel kva nytt nivå «${name}» skal bli.`,
            en: `Choose which new level “${name}” becomes.`,
          },
        });
      } else if (!Number.isInteger(target) || target < 1 || target > newLevels) {
        problems.push({
          path: `mapping.${axis}.${level}`,
          code: 'invalid',
          message: {
            nb: `Nivået må være mellom 1 og ${newLevels}.`,
            nn: `Nivået må vere mellom 1 og ${newLevels}.`,
            en: `The level must be between 1 and ${newLevels}.`,
          },
        });
      }
    }
    for (const key of Object.keys(mapping[axis])) {
      const level = Number(key);
      if (!Number.isInteger(level) || level < 1 || level > oldLevels) {
        problems.push({
          path: `mapping.${axis}.${key}`,
          code: 'unknown',
          message: { nb: `Den gamle skalaen har ikke nivå ${key}.`, nn: `Den gamle skalaen har ikkje nivå ${key}.`, en: `The old scale has no level ${key}.` },
        });
      }
    }
  }
  return problems;
}

export function remapLevel(value: number | null, mapping: Record<string, number>): number | null {
  if (value === null) return null;
  const mapped = mapping[String(value)];
  if (mapped === undefined) throw new Error(`no mapping for level ${value}`);
  return mapped;
}

/** What a risk stores about its levels; its consequence is derived from the dimensions. */
export interface StoredRiskLevels {
  likelihood: number | null;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  consequences: Partial<Consequences>;
}

/** A risk's stored levels under a (validated) mapping; the consequence dimensions each move by the consequence axis. */
export function remapRisk(risk: StoredRiskLevels, mapping: MatrixMapping): StoredRiskLevels {
  const consequences = fullConsequences(risk.consequences);
  return {
    likelihood: remapLevel(risk.likelihood, mapping.likelihood),
    residualLikelihood: remapLevel(risk.residualLikelihood, mapping.likelihood),
    residualConsequence: remapLevel(risk.residualConsequence, mapping.consequence),
    // The inherent consequence is derived (worst dimension), so it moves with the dimensions.
    consequences: Object.fromEntries(
      consequenceDimensions.map((dimension) => [dimension, remapLevel(consequences[dimension], mapping.consequence)]),
    ) as Consequences,
  };
}

export interface PlacedRisk {
  inherent: CellRef | null;
  residual: CellRef | null;
}

/** Where a risk sits in a matrix: inherent and residual cells. */
export function placeRisk(matrix: RiskMatrix, risk: StoredRiskLevels): PlacedRisk {
  const consequence = worstConsequence(risk.consequences);
  const inherent = cellOf(matrix, risk.likelihood, consequence);
  const residual = residualPosition({ ...risk, consequence });
  return { inherent, residual: residual ? cellOf(matrix, residual.likelihood, residual.consequence) : null };
}

// ---------------------------------------------------------------- heatmap

/**
 * Counts per cell, [likelihood-1][consequence-1], for inherent and residual
 * risk. A row with `count` stands for that many risks with the same levels
 * (the database can group them), one without it for one risk.
 */
export function heatmapCounts(matrix: RiskMatrix, risks: ReadonlyArray<StoredRiskLevels & { count?: number }>) {
  const empty = () => matrix.likelihood.map(() => matrix.consequence.map(() => 0));
  const inherent = empty();
  const residual = empty();
  let unassessed = 0;
  let total = 0;
  for (const risk of risks) {
    const count = risk.count ?? 1;
    total += count;
    const placed = placeRisk(matrix, risk);
    if (!placed.inherent) unassessed += count;
    else inherent[placed.inherent.likelihood - 1]![placed.inherent.consequence - 1]! += count;
    if (placed.residual) residual[placed.residual.likelihood - 1]![placed.residual.consequence - 1]! += count;
  }
  return { inherent, residual, unassessed, total };
}

// ---------------------------------------------------------------- starter risks

export interface StarterSystem {
  id: string;
  name: string;
  municipalityName: string;
  solutionAreaId: string | null;
  areaName: string | null;
  critical: boolean;
  fate: 'continues' | 'migrated' | 'retired' | 'undecided';
  archiveWorthy: boolean | null;
}

export interface StarterIntegration {
  id: string;
  fromSystemId: string;
  toSystemId: string | null;
  commonSolutionId: string | null;
  commonSolutionName: string | null;
}

/**
 * The seed's four risk types (downtime, failing integrations with common
 * solutions, archive loss, reduced access to documentation), made concrete
 * where the inventory and the veivalg allow it, plus one generic risk of each
 * type. Keys are stable (kind + the id it is about), so a dismissed or accepted
 * suggestion can be left out next time. Suggestions are ordered concrete first.
 */
export function starterRisks(input: {
  systems: readonly StarterSystem[];
  integrations: readonly StarterIntegration[];
  hidden: ReadonlySet<string>;
}): RiskSuggestion[] {
  const suggestions: RiskSuggestion[] = [];
  const bySystem = new Map(input.systems.map((system) => [system.id, system]));
  const areaIds = (system: StarterSystem) => (system.solutionAreaId ? [system.solutionAreaId] : []);
  const base = { generic: false, integrationIds: [] as string[] };

  for (const system of input.systems) {
    if (!system.critical || system.fate !== 'migrated') continue;
    suggestions.push({
      ...base,
      key: `downtime:${system.id}`,
      kind: 'downtime',
      title: `Nedetid under migrering av ${system.name} (${system.municipalityName})`,
      description: `${system.name} er i et kritisk løsningsområde${system.areaName ? ` (${system.areaName})` : ''} og skal migreres. Tjenestene som bruker systemet kan stå stille mens data konverteres og brukerne flyttes.`,
      cause: 'Migrering og datakonvertering til målsystemet.',
      systemIds: [system.id],
      areaIds: areaIds(system),
      consequences: { serviceDelivery: 4 },
    });
  }
  for (const integration of input.integrations) {
    if (integration.commonSolutionId === null) continue;
    const from = bySystem.get(integration.fromSystemId);
    const to = integration.toSystemId ? bySystem.get(integration.toSystemId) : undefined;
    const breaking = (system: StarterSystem | undefined) => system?.fate === 'migrated' || system?.fate === 'retired';
    if (!breaking(from) && !breaking(to)) continue;
    const solution = integration.commonSolutionName ?? integration.commonSolutionId;
    const systems = [from, to].filter((system): system is StarterSystem => system !== undefined);
    suggestions.push({
      ...base,
      key: `integration:${integration.id}`,
      kind: 'integration',
      title: `Integrasjonen mellom ${from?.name ?? 'systemet'} og ${solution} må etableres på nytt`,
      description: `${from?.name ?? 'Systemet'}${from ? ` (${from.municipalityName})` : ''} migreres eller avvikles, så integrasjonen mot fellesløsningen ${solution} må settes opp og testes på nytt. Feiler den, stopper meldinger og data mellom kommunen og fellesløsningen.`,
      cause: 'Nytt eller endret fagsystem mot en nasjonal fellesløsning.',
      systemIds: systems.map((system) => system.id),
      areaIds: [...new Set(systems.flatMap(areaIds))],
      integrationIds: [integration.id],
      consequences: { serviceDelivery: 3, infoSecurity: 3 },
    });
  }
  for (const system of input.systems) {
    if (system.fate !== 'retired' || system.archiveWorthy !== true) continue;
    suggestions.push({
      ...base,
      key: `archive:${system.id}`,
      kind: 'archive',
      title: `Arkivtap når ${system.name} (${system.municipalityName}) avvikles`,
      description: `${system.name} har arkivverdig dokumentasjon og skal avvikles. Uten uttrekk og avlevering eller deponering kan dokumentasjon gå tapt.`,
      cause: 'Avvikling av system med arkivverdig dokumentasjon.',
      systemIds: [system.id],
      areaIds: areaIds(system),
      consequences: { infoSecurity: 4, reputation: 3 },
    });
  }
  const generic: Array<Omit<RiskSuggestion, 'generic' | 'systemIds' | 'areaIds' | 'integrationIds'>> = [
    {
      key: 'generic:downtime',
      kind: 'downtime',
      title: 'Nedetid på systemer rundt sammenslåingsdagen',
      description: 'Systemer kan være utilgjengelige mens de slås sammen, flyttes eller får nye brukere, slik at tjenester til innbyggerne stopper.',
      cause: 'Sammenslåing og migrering av fagsystemer.',
      consequences: { serviceDelivery: 4 },
    },
    {
      key: 'generic:integration',
      kind: 'integration',
      title: 'Feil i integrasjoner mot fellesløsninger',
      description:
        'Integrasjoner mot nasjonale fellesløsninger (Folkeregisteret, Altinn, ID-porten, SvarUt …) kan svikte når fagsystemer eller organisasjonsnummer endres.',
      cause: 'Nye fagsystemer, nytt organisasjonsnummer og nye avtaler med fellesløsningene.',
      consequences: { serviceDelivery: 3, infoSecurity: 3 },
    },
    {
      key: 'generic:archive',
      kind: 'archive',
      title: 'Arkivtap',
      description: 'Arkivverdig dokumentasjon i systemer som avvikles eller migreres kan gå tapt eller bli ufullstendig.',
      cause: 'Avvikling og migrering uten uttrekk, avlevering eller deponering.',
      consequences: { infoSecurity: 4, reputation: 3 },
    },
    {
      key: 'generic:documentation',
      kind: 'documentation',
      title: 'Redusert tilgang til dokumentasjon',
      description: 'Saksbehandlere kan miste tilgang til eldre saker og dokumentasjon fra de gamle kommunene i overgangsfasen.',
      cause: 'Gamle systemer stenges eller får endrede tilganger før innholdet er tilgjengelig i nye løsninger.',
      consequences: { serviceDelivery: 3, lifeHealth: 2 },
    },
  ];
  suggestions.push(...generic.map((suggestion) => ({ ...suggestion, generic: true, systemIds: [], areaIds: [], integrationIds: [] })));
  return suggestions.filter((suggestion) => !input.hidden.has(suggestion.key));
}
