import type { z } from 'zod';
import type { AreaDecision, DecisionOutcome, DecisionState, DecisionTiming, saveDecisionBody } from '#shared/contracts/decisions.ts';
import type { Messages } from '#web/i18n/messages.ts';
import type { FieldMessages } from '#web/lib/form-validation.ts';

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

/** The body of PUT …/veivalg/:areaId, as the contract takes it. */
export type DecisionBody = z.input<typeof saveDecisionBody>;

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
 * The request body the form would send; the contract checks it (an outcome, timing or state
 * still '' is refused there). The target is only sent for outcomes that keep a system: the
 * server refuses one for «Avvikle».
 */
export function bodyOf(values: DecisionValues, version: number | undefined): DecisionBody {
  const rationale = values.rationale.trim();
  const body: DecisionBody = {
    // '' (nothing chosen) goes to the contract as it is, which refuses it in the form's words.
    outcome: values.outcome as DecisionOutcome,
    targetSystemId: needsTarget(values.outcome) && values.targetSystemId !== '' ? values.targetSystemId : null,
    timing: values.timing as DecisionTiming,
    rationale: rationale === '' ? null : rationale,
    state: values.state as DecisionState,
  };
  if (version !== undefined) body.version = version;
  return body;
}

/** The form's words for what the contract refuses. */
export function decisionFieldMessages(m: Messages): FieldMessages<DecisionField> {
  const t = m.decisions.form;
  return { outcome: t.outcomeRequired, timing: t.timingRequired, state: t.stateRequired };
}

/** Videreføre and tilpasse need a system to keep: the service's rule, which the contract cannot see. */
export function decisionRules(values: DecisionValues, m: Messages): Partial<Record<DecisionField, string>> {
  return needsTarget(values.outcome) && values.targetSystemId === '' ? { targetSystemId: m.decisions.form.targetRequired } : {};
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
