import type { AreaDecision, DecisionOutcome, DecisionState, DecisionTiming } from '#shared/contracts/decisions.ts';
import { decisionOutcomes, decisionStates, decisionTimings } from '#shared/contracts/decisions.ts';
import type { Messages } from '#web/i18n/messages.ts';

/** What the decision form holds: strings, '' for «not chosen». */
export interface DecisionValues {
  outcome: DecisionOutcome | '';
  targetSystemId: string;
  timing: DecisionTiming | '';
  rationale: string;
  state: DecisionState | '';
}

export const decisionFields = ['outcome', 'targetSystemId', 'timing', 'rationale', 'state'] as const;
export type DecisionField = (typeof decisionFields)[number];

export interface DecisionBody {
  outcome: DecisionOutcome;
  targetSystemId: string | null;
  timing: DecisionTiming;
  rationale: string | null;
  state: DecisionState;
  version?: number;
}

/** Videreføre and tilpasse keep one of today's systems, so they need to say which. */
export function needsTarget(outcome: DecisionValues['outcome']): boolean {
  return outcome === 'continue' || outcome === 'adapt';
}

/** The form's starting point: the saved decision, or the area's default timing and «Forslag». */
export function valuesOf(data: Pick<AreaDecision, 'decision' | 'area'>): DecisionValues {
  const decision = data.decision;
  if (!decision) {
    return { outcome: '', targetSystemId: '', timing: data.area.defaultTiming, rationale: '', state: 'proposed' };
  }
  return {
    outcome: decision.outcome,
    targetSystemId: decision.targetSystemId ?? '',
    timing: decision.timing,
    rationale: decision.rationale ?? '',
    state: decision.state,
  };
}

/** A suggestion fills the form (videreføre + its recommended system); it never saves by itself. */
export function withSuggestion(values: DecisionValues, recommendedSystemId: string): DecisionValues {
  return { ...values, outcome: 'continue', targetSystemId: recommendedSystemId };
}

export function isOneOf<T extends string>(options: readonly T[], value: string): value is T {
  return (options as readonly string[]).includes(value);
}

/**
 * The request body and what the browser can tell is wrong by itself. The target is only
 * sent for outcomes that keep a system: the server refuses one for «Avvikle».
 */
export function bodyOf(
  values: DecisionValues,
  version: number | undefined,
  m: Messages,
): { body: DecisionBody | undefined; errors: Partial<Record<DecisionField, string>> } {
  const t = m.decisions.form;
  const errors: Partial<Record<DecisionField, string>> = {};
  if (!isOneOf(decisionOutcomes, values.outcome)) errors.outcome = t.outcomeRequired;
  else if (needsTarget(values.outcome) && values.targetSystemId === '') errors.targetSystemId = t.targetRequired;
  if (!isOneOf(decisionTimings, values.timing)) errors.timing = t.timingRequired;
  if (!isOneOf(decisionStates, values.state)) errors.state = t.stateRequired;
  if (Object.keys(errors).length > 0 || values.outcome === '' || values.timing === '' || values.state === '') {
    return { body: undefined, errors };
  }
  const rationale = values.rationale.trim();
  const body: DecisionBody = {
    outcome: values.outcome,
    targetSystemId: needsTarget(values.outcome) && values.targetSystemId !== '' ? values.targetSystemId : null,
    timing: values.timing,
    rationale: rationale === '' ? null : rationale,
    state: values.state,
  };
  if (version !== undefined) body.version = version;
  return { body, errors };
}

/** The fields the person changed from `start`, to offer again after a 409 reload. */
export function changedValues(values: DecisionValues, start: DecisionValues): Partial<DecisionValues> {
  const changed: Partial<Record<keyof DecisionValues, string>> = {};
  for (const key of Object.keys(values) as Array<keyof DecisionValues>) {
    if (values[key] !== start[key]) changed[key] = values[key];
  }
  return changed as Partial<DecisionValues>;
}

/** «fase-4» → 4. */
export function phaseNumber(phaseId: string): number | undefined {
  const match = /(\d+)$/.exec(phaseId);
  return match ? Number(match[1]) : undefined;
}
