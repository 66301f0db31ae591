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
  recordFieldMessages,
  recordFields,
  recordRules,
  recordValuesOf,
  valuesOf,
  withRecord,
  withSuggestion,
  type DecisionValues,
  type RecordValues,
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

describe('the decision on record in the form (decision 038)', () => {
  const adopted: DecisionValues = { outcome: 'retire', targetSystemId: '', timing: 'before_merger', rationale: '', state: 'adopted' };
  const empty = recordValuesOf(null);
  const checkAdopting = (values: DecisionValues, record: RecordValues, today = '2027-03-01') => {
    const body = withRecord(bodyOf(values, undefined), record);
    const { errors } = checkForm(
      saveDecisionBody,
      body,
      [...decisionFields, ...recordFields],
      { ...decisionFieldMessages(nb), ...recordFieldMessages(nb) },
      nb,
      {
        ...decisionRules(values, nb),
        ...recordRules(values.state, record, today, nb),
      },
    );
    return { body, errors };
  };

  it('asks who decided and the meeting date when adopting, and the name for «annet»', () => {
    expect(checkAdopting(adopted, empty).errors).toEqual({
      decisionMaker: nb.decisions.record.makerRequired,
      meetingDate: nb.decisions.record.meetingDateRequired,
    });
    expect(checkAdopting(adopted, { ...empty, decisionMaker: 'other', meetingDate: '2027-02-01' }).errors).toEqual({
      decisionMakerOther: nb.decisions.record.otherRequired,
    });
    expect(checkAdopting(adopted, { ...empty, decisionMaker: 'council', meetingDate: '2027-03-02' }).errors).toEqual({
      meetingDate: nb.decisions.record.meetingDateInFuture,
    });
  });

  it('refuses an archive link that is not https, in the form’s words', () => {
    const record: RecordValues = { ...empty, decisionMaker: 'steering_group', meetingDate: '2027-02-01', archiveUrl: 'http://arkiv.kommune.no/1' };
    expect(checkAdopting(adopted, record).errors).toEqual({ archiveUrl: nb.decisions.record.archiveUrlInvalid });
  });

  it('sends the record with an adopted veivalg (empty texts as null, the name only for «annet»), and none with a proposal', () => {
    const record: RecordValues = {
      decisionMaker: 'steering_group',
      decisionMakerOther: 'Glemt fra før',
      meetingDate: '2027-02-01',
      caseNumber: ' PS 1/2027 ',
      archiveUrl: '',
    };
    const { body, errors } = checkAdopting(adopted, record);
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      decisionMaker: 'steering_group',
      decisionMakerOther: null,
      meetingDate: '2027-02-01',
      caseNumber: 'PS 1/2027',
      archiveUrl: null,
    });
    const proposal = withRecord(bodyOf({ ...adopted, state: 'proposed' }, 2), record);
    expect(proposal).toEqual({ outcome: 'retire', targetSystemId: null, timing: 'before_merger', rationale: null, state: 'proposed', version: 2 });
    expect(checkAdopting({ ...adopted, state: 'proposed' }, empty).errors).toEqual({});
  });
});
