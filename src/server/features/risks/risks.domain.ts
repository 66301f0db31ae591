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
import type { Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import type { LocalizedFieldProblem } from '#shared/localized-problems.ts';

// ---------------------------------------------------------------- the default matrix

type Level = { name: string; description: string };

/** DSB's five likelihood levels, worded for a merger's time span, in each language. */
const defaultLikelihood: Readonly<Record<Language, readonly Level[]>> = {
  nb: [
    { name: 'Svært lite sannsynlig', description: 'Kan skje, men det er ikke kjent at det har skjedd i en sammenslåing.' },
    { name: 'Lite sannsynlig', description: 'Har skjedd i andre sammenslåinger, men sjelden.' },
    { name: 'Moderat sannsynlig', description: 'Kan skje i denne sammenslåingen.' },
    { name: 'Sannsynlig', description: 'Vil trolig skje i denne sammenslåingen.' },
    { name: 'Svært sannsynlig', description: 'Vil nesten helt sikkert skje, kanskje flere ganger.' },
  ],
  nn: [
    { name: 'Svært lite sannsynleg', description: 'Kan skje, men det er ikkje kjent at det har skjedd i ei samanslåing.' },
    { name: 'Lite sannsynleg', description: 'Har skjedd i andre samanslåingar, men sjeldan.' },
    { name: 'Moderat sannsynleg', description: 'Kan skje i denne samanslåinga.' },
    { name: 'Sannsynleg', description: 'Vil truleg skje i denne samanslåinga.' },
    { name: 'Svært sannsynleg', description: 'Vil nesten heilt sikkert skje, kanskje fleire gonger.' },
  ],
  en: [
    { name: 'Very unlikely', description: 'Could happen, but is not known to have happened in a merger.' },
    { name: 'Unlikely', description: 'Has happened in other mergers, but rarely.' },
    { name: 'Moderately likely', description: 'Could happen in this merger.' },
    { name: 'Likely', description: 'Will probably happen in this merger.' },
    { name: 'Very likely', description: 'Almost certain to happen, perhaps more than once.' },
  ],
};

/** DSB's five consequence levels, in each language. */
const defaultConsequence: Readonly<Record<Language, readonly Level[]>> = {
  nb: [
    { name: 'Svært liten', description: 'Ubetydelig; merkes knapt av innbyggere og ansatte.' },
    { name: 'Liten', description: 'Kortvarig ulempe, løses innen en dag; små kostnader.' },
    { name: 'Moderat', description: 'Tjenester svekkes i dager; merkbare kostnader eller omdømmetap lokalt.' },
    { name: 'Stor', description: 'Tjenester faller ut i lengre tid, helse eller personvern kan rammes; store kostnader.' },
    { name: 'Svært stor', description: 'Liv og helse i fare, kritiske tjenester ute, varig tap av data eller tillit.' },
  ],
  nn: [
    { name: 'Svært liten', description: 'Ubetydeleg; blir knapt merka av innbyggjarar og tilsette.' },
    { name: 'Liten', description: 'Kortvarig ulempe, blir løyst innan ein dag; små kostnader.' },
    { name: 'Moderat', description: 'Tenester blir svekte i fleire dagar; merkbare kostnader eller tap av omdøme lokalt.' },
    { name: 'Stor', description: 'Tenester fell ut over lengre tid, helse eller personvern kan bli ramma; store kostnader.' },
    { name: 'Svært stor', description: 'Liv og helse i fare, kritiske tenester ute, varig tap av data eller tillit.' },
  ],
  en: [
    { name: 'Negligible', description: 'Insignificant; hardly noticed by residents or staff.' },
    { name: 'Minor', description: 'A short inconvenience, resolved within a day; small costs.' },
    { name: 'Moderate', description: 'Services weakened for days; noticeable costs or local damage to reputation.' },
    { name: 'Major', description: 'Services down for a long time, health or privacy may be harmed; large costs.' },
    { name: 'Severe', description: 'Life and health at risk, critical services down, lasting loss of data or trust.' },
  ],
};

/**
 * The default classes' names in each language, by key. The report maps a class the team kept
 * from the default (any language's name) to the målform's name with these.
 */
export const defaultRiskClassNames: Readonly<Record<'low' | 'medium' | 'high', Localized>> = {
  low: { nb: 'Lav', nn: 'Låg', en: 'Low' },
  medium: { nb: 'Middels', nn: 'Middels', en: 'Medium' },
  high: { nb: 'Høy', nn: 'Høg', en: 'High' },
};

/**
 * The default: DSB's five levels on both axes (names from DSB's guidance for
 * kommunal ROS; the descriptions are worded for a merger's time span, since
 * DSB's «once in 100 years» frequencies do not fit a project of a few years).
 * In `language`, the merger's målform where a merger has not saved its own
 * matrix (a saved matrix is the team's text and stays as written).
 *
 * Grid: score = likelihood × consequence; 1–4 Lav (green), 5–9 Middels
 * (yellow), 10–25 Høy (red). So 1×5 and 5×1 are yellow, 2×5 and 5×2 red,
 * 3×3 yellow and 3×4 red.
 */
export function defaultMatrix(language: Language = 'nb'): RiskMatrix {
  const copy = (levels: readonly Level[]) => levels.map((level) => ({ ...level }));
  const classes = [
    { key: 'low', name: defaultRiskClassNames.low[language], color: '#2e7d32' },
    { key: 'medium', name: defaultRiskClassNames.medium[language], color: '#f9a825' },
    { key: 'high', name: defaultRiskClassNames.high[language], color: '#c62828' },
  ];
  return { likelihood: copy(defaultLikelihood[language]), consequence: copy(defaultConsequence[language]), classes, grid: scoreGrid(5, 5) };
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

/** What a starter risk says, in each language; names of systems, municipalities and solutions are given as they are. */
interface StarterWords {
  downtime: {
    title: (system: string, municipality: string) => string;
    description: (system: string, area: string | null) => string;
    cause: string;
  };
  integration: {
    title: (from: string | null, solution: string) => string;
    description: (from: string | null, municipality: string | null, solution: string) => string;
    cause: string;
  };
  archive: { title: (system: string, municipality: string) => string; description: (system: string) => string; cause: string };
  generic: Record<'downtime' | 'integration' | 'archive' | 'documentation', { title: string; description: string; cause: string }>;
}

const starterWords: Readonly<Record<Language, StarterWords>> = {
  nb: {
    downtime: {
      title: (system, municipality) => `Nedetid under migrering av ${system} (${municipality})`,
      description: (system, area) =>
        `${system} er i et kritisk løsningsområde${area ? ` (${area})` : ''} og skal migreres. Tjenestene som bruker systemet kan stå stille mens data konverteres og brukerne flyttes.`,
      cause: 'Migrering og datakonvertering til målsystemet.',
    },
    integration: {
      title: (from, solution) => `Integrasjonen mellom ${from ?? 'systemet'} og ${solution} må etableres på nytt`,
      description: (from, municipality, solution) =>
        `${from ?? 'Systemet'}${municipality ? ` (${municipality})` : ''} migreres eller avvikles, så integrasjonen mot fellesløsningen ${solution} må settes opp og testes på nytt. Feiler den, stopper meldinger og data mellom kommunen og fellesløsningen.`,
      cause: 'Nytt eller endret fagsystem mot en nasjonal fellesløsning.',
    },
    archive: {
      title: (system, municipality) => `Arkivtap når ${system} (${municipality}) avvikles`,
      description: (system) =>
        `${system} har arkivverdig dokumentasjon og skal avvikles. Uten uttrekk og avlevering eller deponering kan dokumentasjon gå tapt.`,
      cause: 'Avvikling av system med arkivverdig dokumentasjon.',
    },
    generic: {
      downtime: {
        title: 'Nedetid på systemer rundt sammenslåingsdagen',
        description: 'Systemer kan være utilgjengelige mens de slås sammen, flyttes eller får nye brukere, slik at tjenester til innbyggerne stopper.',
        cause: 'Sammenslåing og migrering av fagsystemer.',
      },
      integration: {
        title: 'Feil i integrasjoner mot fellesløsninger',
        description:
          'Integrasjoner mot nasjonale fellesløsninger (Folkeregisteret, Altinn, ID-porten, SvarUt …) kan svikte når fagsystemer eller organisasjonsnummer endres.',
        cause: 'Nye fagsystemer, nytt organisasjonsnummer og nye avtaler med fellesløsningene.',
      },
      archive: {
        title: 'Arkivtap',
        description: 'Arkivverdig dokumentasjon i systemer som avvikles eller migreres kan gå tapt eller bli ufullstendig.',
        cause: 'Avvikling og migrering uten uttrekk, avlevering eller deponering.',
      },
      documentation: {
        title: 'Redusert tilgang til dokumentasjon',
        description: 'Saksbehandlere kan miste tilgang til eldre saker og dokumentasjon fra de gamle kommunene i overgangsfasen.',
        cause: 'Gamle systemer stenges eller får endrede tilganger før innholdet er tilgjengelig i nye løsninger.',
      },
    },
  },
  nn: {
    downtime: {
      title: (system, municipality) => `Nedetid under migrering av ${system} (${municipality})`,
      description: (system, area) =>
        `${system} er i eit kritisk løysingsområde${area ? ` (${area})` : ''} og skal migrerast. Tenestene som bruker systemet, kan stå stille medan data blir konverterte og brukarane flytta.`,
      cause: 'Migrering og datakonvertering til målsystemet.',
    },
    integration: {
      title: (from, solution) => `Integrasjonen mellom ${from ?? 'systemet'} og ${solution} må etablerast på nytt`,
      description: (from, municipality, solution) =>
        `${from ?? 'Systemet'}${municipality ? ` (${municipality})` : ''} blir migrert eller avvikla, så integrasjonen mot fellesløysinga ${solution} må setjast opp og testast på nytt. Sviktar ho, stoppar meldingar og data mellom kommunen og fellesløysinga.`,
      cause: 'Nytt eller endra fagsystem mot ei nasjonal fellesløysing.',
    },
    archive: {
      title: (system, municipality) => `Arkivtap når ${system} (${municipality}) blir avvikla`,
      description: (system) =>
        `${system} har arkivverdig dokumentasjon og skal avviklast. Utan uttrekk og avlevering eller deponering kan dokumentasjon gå tapt.`,
      cause: 'Avvikling av system med arkivverdig dokumentasjon.',
    },
    generic: {
      downtime: {
        title: 'Nedetid på system kring samanslåingsdagen',
        description: 'System kan vere utilgjengelege medan dei blir slått saman, flytta eller får nye brukarar, slik at tenester til innbyggjarane stoppar.',
        cause: 'Samanslåing og migrering av fagsystem.',
      },
      integration: {
        title: 'Feil i integrasjonar mot fellesløysingar',
        description:
          'Integrasjonar mot nasjonale fellesløysingar (Folkeregisteret, Altinn, ID-porten, SvarUt …) kan svikte når fagsystem eller organisasjonsnummer blir endra.',
        cause: 'Nye fagsystem, nytt organisasjonsnummer og nye avtalar med fellesløysingane.',
      },
      archive: {
        title: 'Arkivtap',
        description: 'Arkivverdig dokumentasjon i system som blir avvikla eller migrerte, kan gå tapt eller bli ufullstendig.',
        cause: 'Avvikling og migrering utan uttrekk, avlevering eller deponering.',
      },
      documentation: {
        title: 'Redusert tilgang til dokumentasjon',
        description: 'Saksbehandlarar kan miste tilgang til eldre saker og dokumentasjon frå dei gamle kommunane i overgangsfasen.',
        cause: 'Gamle system blir stengde eller får endra tilgangar før innhaldet er tilgjengeleg i nye løysingar.',
      },
    },
  },
  en: {
    downtime: {
      title: (system, municipality) => `Downtime while ${system} (${municipality}) is migrated`,
      description: (system, area) =>
        `${system} is in a critical solution area${area ? ` (${area})` : ''} and is to be migrated. The services that use it may come to a halt while data are converted and users moved.`,
      cause: 'Migration and data conversion to the target system.',
    },
    integration: {
      title: (from, solution) => `The integration between ${from ?? 'the system'} and ${solution} must be set up again`,
      description: (from, municipality, solution) =>
        `${from ?? 'The system'}${municipality ? ` (${municipality})` : ''} is being migrated or retired, so the integration with the common solution ${solution} must be set up and tested again. If it fails, messages and data stop flowing between the municipality and the common solution.`,
      cause: 'A new or changed line-of-business system connected to a national common solution.',
    },
    archive: {
      title: (system, municipality) => `Loss of archives when ${system} (${municipality}) is retired`,
      description: (system) => `${system} holds records worth archiving and is to be retired. Without extraction and transfer or deposit, records may be lost.`,
      cause: 'Retiring a system that holds records worth archiving.',
    },
    generic: {
      downtime: {
        title: 'System downtime around the day of the merger',
        description: 'Systems may be unavailable while they are merged, moved or given new users, so that services to residents stop.',
        cause: 'Merging and migrating line-of-business systems.',
      },
      integration: {
        title: 'Failing integrations with common solutions',
        description:
          'Integrations with national common solutions (Folkeregisteret, Altinn, ID-porten, SvarUt …) may fail when line-of-business systems or the organisation number change.',
        cause: 'New line-of-business systems, a new organisation number and new agreements with the common solutions.',
      },
      archive: {
        title: 'Loss of archives',
        description: 'Records worth archiving in systems that are retired or migrated may be lost or left incomplete.',
        cause: 'Retirement and migration without extraction, transfer or deposit.',
      },
      documentation: {
        title: 'Reduced access to documentation',
        description: 'Caseworkers may lose access to older cases and documentation from the former municipalities during the transition.',
        cause: 'Old systems are closed or their access changed before the content is available in the new solutions.',
      },
    },
  },
};

/**
 * The seed's four risk types (downtime, failing integrations with common
 * solutions, archive loss, reduced access to documentation), made concrete
 * where the inventory and the veivalg allow it, plus one generic risk of each
 * type. Keys are stable (kind + the id it is about), so a dismissed or accepted
 * suggestion can be left out next time. Suggestions are ordered concrete first.
 * Written in `language`, the merger's målform: an accepted suggestion becomes a
 * risk with its title and texts.
 */
export function starterRisks(input: {
  systems: readonly StarterSystem[];
  integrations: readonly StarterIntegration[];
  hidden: ReadonlySet<string>;
  language?: Language;
}): RiskSuggestion[] {
  const words = starterWords[input.language ?? 'nb'];
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
      title: words.downtime.title(system.name, system.municipalityName),
      description: words.downtime.description(system.name, system.areaName),
      cause: words.downtime.cause,
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
      title: words.integration.title(from?.name ?? null, solution),
      description: words.integration.description(from?.name ?? null, from?.municipalityName ?? null, solution),
      cause: words.integration.cause,
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
      title: words.archive.title(system.name, system.municipalityName),
      description: words.archive.description(system.name),
      cause: words.archive.cause,
      systemIds: [system.id],
      areaIds: areaIds(system),
      consequences: { infoSecurity: 4, reputation: 3 },
    });
  }
  const generic: Array<Omit<RiskSuggestion, 'generic' | 'systemIds' | 'areaIds' | 'integrationIds'>> = [
    { key: 'generic:downtime', kind: 'downtime', ...words.generic.downtime, consequences: { serviceDelivery: 4 } },
    { key: 'generic:integration', kind: 'integration', ...words.generic.integration, consequences: { serviceDelivery: 3, infoSecurity: 3 } },
    { key: 'generic:archive', kind: 'archive', ...words.generic.archive, consequences: { infoSecurity: 4, reputation: 3 } },
    { key: 'generic:documentation', kind: 'documentation', ...words.generic.documentation, consequences: { serviceDelivery: 3, lifeHealth: 2 } },
  ];
  suggestions.push(...generic.map((suggestion) => ({ ...suggestion, generic: true, systemIds: [], areaIds: [], integrationIds: [] })));
  return suggestions.filter((suggestion) => !input.hidden.has(suggestion.key));
}
