import { describe, expect, it } from 'vitest';
import { nb } from '#web/i18n/nb.ts';
import { saveDecisionBody } from '#shared/contracts/decisions.ts';
import { checkForm } from '#web/lib/form-validation.ts';
import {
  bodyOf,
  changedValues,
  decisionFieldMessages,
  decisionFields,
  decisionRules,
  needsTarget,
  phaseNumber,
  valuesOf,
  withSuggestion,
  type DecisionValues,
} from './decision-form.ts';

/** The form's check before sending, as the page runs it: the contract, then the rules it cannot see. */
const check = (values: DecisionValues, version: number | undefined) => {
  const body = bodyOf(values, version);
  const { errors } = checkForm(saveDecisionBody, body, decisionFields, decisionFieldMessages(nb), nb, decisionRules(values, nb));
  return { body: Object.keys(errors).length === 0 ? body : undefined, errors };
};

const area = { defaultTiming: 'transition' as const } as Parameters<typeof valuesOf>[0]['area'];
const target = '0b6c1c2e-8f0a-4a57-9a53-3d3c5e0f6a11';

describe('the decision form', () => {
  it('starts a new decision as a proposal with the area’s default timing', () => {
    expect(valuesOf({ area, decision: null })).toEqual({ outcome: '', targetSystemId: '', timing: 'transition', rationale: '', state: 'proposed' });
  });

  it('a suggestion fills in «Videreføre» and its system, and keeps the rest', () => {
    const start: DecisionValues = { outcome: 'retire', targetSystemId: '', timing: 'before_merger', rationale: 'Skrevet', state: 'adopted' };
    expect(withSuggestion(start, target)).toEqual({ ...start, outcome: 'continue', targetSystemId: target });
  });

  it('asks for a target for «Videreføre» and «Tilpasse» only', () => {
    expect(needsTarget('continue')).toBe(true);
    expect(needsTarget('adapt')).toBe(true);
    expect(needsTarget('procure')).toBe(false);
    expect(needsTarget('retire')).toBe(false);
    const { body, errors } = check({ outcome: 'adapt', targetSystemId: '', timing: 'before_merger', rationale: '', state: 'proposed' }, undefined);
    expect(body).toBeUndefined();
    expect(errors).toEqual({ targetSystemId: nb.decisions.form.targetRequired });
  });

  it('says what is missing when nothing is chosen', () => {
    const { errors } = check({ outcome: '', targetSystemId: '', timing: '', rationale: '', state: '' }, undefined);
    expect(Object.keys(errors).sort()).toEqual(['outcome', 'state', 'timing']);
  });

  it('sends no target for «Avvikle» even if one was picked before, trims the rationale and sends the version', () => {
    const { body, errors } = check({ outcome: 'retire', targetSystemId: target, timing: 'transition', rationale: '  Utgått  ', state: 'adopted' }, 3);
    expect(errors).toEqual({});
    expect(body).toEqual({ outcome: 'retire', targetSystemId: null, timing: 'transition', rationale: 'Utgått', state: 'adopted', version: 3 });
  });

  it('leaves the version out for the first decision and an empty rationale as null', () => {
    const { body } = check({ outcome: 'continue', targetSystemId: target, timing: 'before_merger', rationale: ' ', state: 'proposed' }, undefined);
    expect(body).toEqual({ outcome: 'continue', targetSystemId: target, timing: 'before_merger', rationale: null, state: 'proposed' });
  });

  it('keeps only what the person changed, for after a conflict', () => {
    const start = valuesOf({ area, decision: null });
    expect(changedValues({ ...start, outcome: 'procure', rationale: 'Nytt' }, start)).toEqual({ outcome: 'procure', rationale: 'Nytt' });
  });

  it('reads the phase number from the phase id', () => {
    expect(phaseNumber('fase-4')).toBe(4);
    expect(phaseNumber('ukjent')).toBeUndefined();
  });
});
