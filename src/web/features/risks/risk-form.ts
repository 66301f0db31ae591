import {
  consequenceDimensions,
  riskStatuses,
  type ConsequenceDimension,
  type CreateRiskBody,
  type Risk,
  type RiskMatrix,
  type RiskStatus,
  type RiskSuggestion,
} from '#shared/contracts/risks.ts';
import type { Messages } from '#web/i18n/messages.ts';
import type { FieldMessages } from '#web/lib/form-validation.ts';
import { riskFilterParam, type RiskFilters } from './risk-view.ts';

/** What the risk form holds: strings ('' for «not set»), lists of ids. */
export interface RiskValues {
  title: string;
  description: string;
  cause: string;
  systemIds: string[];
  areaIds: string[];
  integrationIds: string[];
  consequences: Record<ConsequenceDimension, string>;
  likelihood: string;
  residualLikelihood: string;
  residualConsequence: string;
  owner: string;
  status: RiskStatus;
  acceptanceReason: string;
  nextReviewDate: string;
}

export const riskFields = [
  'title',
  'description',
  'cause',
  'systemIds',
  'areaIds',
  'integrationIds',
  'consequences',
  'likelihood',
  'residualLikelihood',
  'residualConsequence',
  'owner',
  'status',
  'acceptanceReason',
  'nextReviewDate',
] as const;
export type RiskField = (typeof riskFields)[number];

const level = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const emptyConsequences = () => Object.fromEntries(consequenceDimensions.map((d) => [d, ''])) as Record<ConsequenceDimension, string>;

export function emptyRiskValues(): RiskValues {
  return {
    title: '',
    description: '',
    cause: '',
    systemIds: [],
    areaIds: [],
    integrationIds: [],
    consequences: emptyConsequences(),
    likelihood: '',
    residualLikelihood: '',
    residualConsequence: '',
    owner: '',
    status: 'open',
    acceptanceReason: '',
    nextReviewDate: '',
  };
}

export function valuesOfRisk(risk: Risk): RiskValues {
  return {
    title: risk.title,
    description: risk.description ?? '',
    cause: risk.cause ?? '',
    systemIds: risk.systems.map((system) => system.id),
    areaIds: risk.areas.map((area) => area.id),
    integrationIds: risk.integrations.map((integration) => integration.id),
    consequences: Object.fromEntries(consequenceDimensions.map((d) => [d, level(risk.consequences[d])])) as Record<ConsequenceDimension, string>,
    likelihood: level(risk.likelihood),
    residualLikelihood: level(risk.residualLikelihood),
    residualConsequence: level(risk.residualConsequence),
    owner: risk.owner ?? '',
    status: risk.status,
    acceptanceReason: risk.acceptanceReason ?? '',
    nextReviewDate: risk.nextReviewDate ?? '',
  };
}

/** A starter suggestion as a filled-in form. */
export function valuesOfSuggestion(suggestion: RiskSuggestion): RiskValues {
  const values = emptyRiskValues();
  return {
    ...values,
    title: suggestion.title,
    description: suggestion.description,
    cause: suggestion.cause,
    systemIds: suggestion.systemIds,
    areaIds: suggestion.areaIds,
    integrationIds: suggestion.integrationIds,
    consequences: { ...values.consequences, ...Object.fromEntries(Object.entries(suggestion.consequences).map(([d, v]) => [d, level(v)])) },
  };
}

const toLevel = (value: string): number | null => (value === '' ? null : Number(value));

/** The worst assessed dimension, as the server computes it. */
export function worstOf(consequences: Record<ConsequenceDimension, string>): number | null {
  const values = consequenceDimensions.map((d) => toLevel(consequences[d])).filter((v): v is number => v !== null);
  return values.length === 0 ? null : Math.max(...values);
}

/** What the form sends, as the contract takes it: levels as numbers, empty text as null. The contract checks it. */
export function riskBodyOf(values: RiskValues): CreateRiskBody {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    title: values.title.trim(),
    description: text(values.description),
    cause: text(values.cause),
    systemIds: values.systemIds,
    areaIds: values.areaIds,
    integrationIds: values.integrationIds,
    consequences: Object.fromEntries(consequenceDimensions.map((d) => [d, toLevel(values.consequences[d])])),
    likelihood: toLevel(values.likelihood),
    residualLikelihood: toLevel(values.residualLikelihood),
    residualConsequence: toLevel(values.residualConsequence),
    owner: text(values.owner),
    status: values.status,
    acceptanceReason: values.status === 'accepted' ? text(values.acceptanceReason) : null,
    nextReviewDate: values.nextReviewDate === '' ? null : values.nextReviewDate,
  };
}

/** The risk form's words for its fields where the catalog's general ones would say less. */
export function riskFieldMessages(m: Messages): FieldMessages<RiskField> {
  return { title: { required: m.risks.form.titleRequired } };
}

/** Rules across fields that the service checks and the contract cannot see. */
export function riskRules(values: RiskValues, m: Messages): Partial<Record<RiskField, string>> {
  const t = m.risks.form;
  const errors: Partial<Record<RiskField, string>> = {};
  if (values.status === 'accepted' && values.acceptanceReason.trim() === '') errors.acceptanceReason = t.reasonRequired;
  const likelihood = toLevel(values.likelihood);
  const residualLikelihood = toLevel(values.residualLikelihood);
  const residualConsequence = toLevel(values.residualConsequence);
  const worst = worstOf(values.consequences);
  if (residualLikelihood !== null && likelihood !== null && residualLikelihood > likelihood) errors.residualLikelihood = t.residualAbove;
  if (residualConsequence !== null && worst !== null && residualConsequence > worst) errors.residualConsequence = t.residualAbove;
  return errors;
}

export function isRiskStatus(value: string): value is RiskStatus {
  return (riskStatuses as readonly string[]).includes(value);
}

/** The fields the person changed from `start`, to offer again after a 409 reload. */
export function changedRiskFields(values: RiskValues, start: RiskValues): RiskField[] {
  return riskFields.filter((field) => JSON.stringify(values[field]) !== JSON.stringify(start[field]));
}

// ---------------------------------------------------------------- the list's filters in the URL

export function riskFiltersOf(params: URLSearchParams): RiskFilters {
  const status = params.get(riskFilterParam.status) ?? '';
  const cell = params.get(riskFilterParam.cell) ?? '';
  return {
    status: isRiskStatus(status) ? status : undefined,
    level: params.get(riskFilterParam.level) || undefined,
    cell: /^\d-\d$/.test(cell) ? cell : undefined,
    residual: params.get(riskFilterParam.residual) === 'ja' || undefined,
  };
}

// ---------------------------------------------------------------- colours and scales

/** A first proposal for the remapping: old levels spread evenly over the new scale (the person can change each). */
export function proportionalMapping(oldLevels: number, newLevels: number): Record<string, number> {
  return Object.fromEntries(
    Array.from({ length: oldLevels }, (_, i) => [String(i + 1), oldLevels === 1 ? 1 : Math.round((i * (newLevels - 1)) / (oldLevels - 1)) + 1]),
  );
}

/** The default grid by score for a new size, as the server's default (1–4 of 25 low, 5–9 medium, above high). */
export function scoreGridFor(matrix: RiskMatrix, likelihoodLevels: number, consequenceLevels: number): string[][] {
  const keys = matrix.classes.map((riskClass) => riskClass.key);
  const [low, medium, high] = [keys[0] ?? 'low', keys[Math.min(1, keys.length - 1)] ?? 'medium', keys[keys.length - 1] ?? 'high'];
  const max = likelihoodLevels * consequenceLevels;
  return Array.from({ length: likelihoodLevels }, (_, l) =>
    Array.from({ length: consequenceLevels }, (_, c) => {
      const score = ((l + 1) * (c + 1)) / max;
      return score < 5 / 25 ? low : score < 10 / 25 ? medium : high;
    }),
  );
}
