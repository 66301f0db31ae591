import type { z } from 'zod';
import type { AreaDecision, Decision, DecisionMaker, DecisionOutcome, DecisionState, DecisionTiming, saveDecisionBody } from '#shared/contracts/decisions.ts';
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

// ---------------------------------------------------------------- the decision on record (decision 038)

/** What the record part of the form holds, shown when the veivalg is adopted: strings, '' for «not given». */
export interface RecordValues {
  decisionMaker: DecisionMaker | '';
  decisionMakerOther: string;
  meetingDate: string;
  caseNumber: string;
  archiveUrl: string;
}

export const recordFields = ['decisionMaker', 'decisionMakerOther', 'meetingDate', 'caseNumber', 'archiveUrl'] as const;
export type RecordField = (typeof recordFields)[number];

export function recordValuesOf(decision: Decision | null): RecordValues {
  const record = decision?.record;
  return {
    decisionMaker: record?.decisionMaker ?? '',
    decisionMakerOther: record?.decisionMakerOther ?? '',
    meetingDate: record?.meetingDate ?? '',
    caseNumber: record?.caseNumber ?? '',
    archiveUrl: record?.archiveUrl ?? '',
  };
}

/**
 * The body with the record added when the veivalg is adopted; a proposal sends none (the
 * server keeps none for it). Empty texts go as null, so the contract checks only what is given.
 */
export function withRecord(body: DecisionBody, record: RecordValues): DecisionBody {
  if (body.state !== 'adopted') return body;
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    ...body,
    decisionMaker: record.decisionMaker === '' ? null : record.decisionMaker,
    decisionMakerOther: record.decisionMaker === 'other' ? text(record.decisionMakerOther) : null,
    meetingDate: text(record.meetingDate),
    caseNumber: text(record.caseNumber),
    archiveUrl: text(record.archiveUrl),
  };
}

/** The form's words for what the contract refuses in the record. */
export function recordFieldMessages(m: Messages): FieldMessages<RecordField> {
  const t = m.decisions.record;
  return { decisionMaker: t.makerRequired, meetingDate: { date: t.meetingDateInvalid }, archiveUrl: { invalid: t.archiveUrlInvalid } };
}

/** The service's rules for adopting (who decided, the meeting date, not after today), which the contract cannot see. */
export function recordRules(state: DecisionValues['state'], record: RecordValues, today: string, m: Messages): Partial<Record<RecordField, string>> {
  if (state !== 'adopted') return {};
  const t = m.decisions.record;
  const rules: Partial<Record<RecordField, string>> = {};
  if (record.decisionMaker === '') rules.decisionMaker = t.makerRequired;
  if (record.decisionMaker === 'other' && record.decisionMakerOther.trim() === '') rules.decisionMakerOther = t.otherRequired;
  if (record.meetingDate === '') rules.meetingDate = t.meetingDateRequired;
  else if (record.meetingDate > today) rules.meetingDate = t.meetingDateInFuture;
  return rules;
}

/** The record fields the person changed from `start`, to offer again after a 409 reload. */
export function changedRecord(record: RecordValues, start: RecordValues): Partial<RecordValues> {
  const changed: Partial<Record<keyof RecordValues, string>> = {};
  for (const key of Object.keys(record) as Array<keyof RecordValues>) {
    if (record[key] !== start[key]) changed[key] = record[key];
  }
  return changed as Partial<RecordValues>;
}
