import { describe, expect, it } from 'vitest';
import { nb } from '#web/i18n/nb.ts';
import { bodyOf, changedValues, needsTarget, phaseNumber, valuesOf, withSuggestion, type DecisionValues } from './decision-form.ts';

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
    const { body, errors } = bodyOf({ outcome: 'adapt', targetSystemId: '', timing: 'before_merger', rationale: '', state: 'proposed' }, undefined, nb);
    expect(body).toBeUndefined();
    expect(errors).toEqual({ targetSystemId: nb.decisions.form.targetRequired });
  });

  it('says what is missing when nothing is chosen', () => {
    const { errors } = bodyOf({ outcome: '', targetSystemId: '', timing: '', rationale: '', state: '' }, undefined, nb);
    expect(Object.keys(errors).sort()).toEqual(['outcome', 'state', 'timing']);
  });

  it('sends no target for «Avvikle» even if one was picked before, trims the rationale and sends the version', () => {
    const { body, errors } = bodyOf({ outcome: 'retire', targetSystemId: target, timing: 'transition', rationale: '  Utgått  ', state: 'adopted' }, 3, nb);
    expect(errors).toEqual({});
    expect(body).toEqual({ outcome: 'retire', targetSystemId: null, timing: 'transition', rationale: 'Utgått', state: 'adopted', version: 3 });
  });

  it('leaves the version out for the first decision and an empty rationale as null', () => {
    const { body } = bodyOf({ outcome: 'continue', targetSystemId: target, timing: 'before_merger', rationale: ' ', state: 'proposed' }, undefined, nb);
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
