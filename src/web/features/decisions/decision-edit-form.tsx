import { Alert, Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import {
  decisionMakers,
  decisionOutcomes,
  decisionStates,
  decisionTimings,
  saveDecisionBody,
  type AreaDecision,
  type Decision,
} from '#shared/contracts/decisions.ts';
import { todayInOslo } from '#shared/calendar-dates.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFieldErrors } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { useVersionConflict, VersionConflict } from '#web/components/version-conflict.tsx';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import {
  bodyOf,
  changedRecord,
  changedValues,
  decisionFieldMessages,
  decisionFields,
  decisionRules,
  needsTarget,
  recordFieldMessages,
  recordFields,
  recordRules,
  recordValuesOf,
  valuesOf,
  withRecord,
  type DecisionField,
  type DecisionValues,
  type RecordField,
  type RecordValues,
} from './decision-form.ts';
import { useSaveDecision } from './decisions.api.ts';
import { ResponsibleField } from '#web/features/members/responsible-field.tsx';
import { responsibleBody, responsibleDraftOf, type ResponsibleDraft } from '#web/features/members/responsible.ts';

const noResponsible = { responsibleUserId: null, responsibleName: null };

const inputIds = {
  outcome: (value: string) => `decision-outcome-${value}`,
  targetSystemId: 'decision-target',
  timing: (value: string) => `decision-timing-${value}`,
  rationale: 'decision-rationale',
  state: (value: string) => `decision-state-${value}`,
  decisionMaker: 'decision-maker',
  decisionMakerOther: 'decision-maker-other',
  meetingDate: 'decision-meeting-date',
  caseNumber: 'decision-case-number',
  archiveUrl: 'decision-archive-url',
} as const;

type FormField = DecisionField | RecordField;
const formFields: readonly FormField[] = [...decisionFields, ...recordFields];
type Draft = Partial<DecisionValues & RecordValues>;

function targetOf(field: FormField, values: DecisionValues): string {
  switch (field) {
    case 'decisionMaker':
    case 'decisionMakerOther':
    case 'meetingDate':
    case 'caseNumber':
    case 'archiveUrl':
      return inputIds[field];
    case 'outcome':
      return inputIds.outcome(values.outcome || decisionOutcomes[0]);
    case 'timing':
      return inputIds.timing(values.timing || decisionTimings[0]);
    case 'state':
      return inputIds.state(values.state || decisionStates[0]);
    case 'targetSystemId':
      return inputIds.targetSystemId;
    case 'rationale':
      return inputIds.rationale;
  }
}

interface DecisionFormProps {
  merger: MergerDetail;
  data: AreaDecision;
  values: DecisionValues;
  setValues: React.Dispatch<React.SetStateAction<DecisionValues>>;
  reload: () => Promise<AreaDecision | undefined>;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  municipalityName: (number: string) => string;
}

export function DecisionForm({ merger, data, values, setValues, reload, headingRef, municipalityName }: DecisionFormProps) {
  const { m, fmt } = useI18n();
  const t = m.decisions.form;
  const r = m.decisions.record;
  const announce = useAnnounce();
  const save = useSaveDecision(merger.id, data.area.id);
  const decides = can(merger, 'decide');
  // The decision this form started from: its version goes with the save, so a change made
  // by someone else meanwhile gives 409 instead of being overwritten.
  const [base, setBase] = useState<Decision | null>(data.decision);
  // Who decided, when and where the archive has it: asked for when the veivalg is adopted (decision 038).
  const [record, setRecord] = useState<RecordValues>(() => recordValuesOf(data.decision));
  // Accepting or withdrawing a deferral on this page bumps the version without touching the
  // form's fields: follow it, or the next save would be refused as a conflict with oneself.
  const latest = data.decision;
  useEffect(() => {
    setBase((current) =>
      current && latest && latest.id === current.id && latest.version > current.version && sameDecisionFields(current, latest) ? latest : current,
    );
  }, [latest]);
  const { errors, otherErrors, attempt, clearField, validate, showServerError, clearErrors } = useFieldErrors<FormField>(formFields, {
    ...decisionFieldMessages(m),
    ...recordFieldMessages(m),
  });
  // Only the fields the person changed, so applying them to the newest version keeps the rest of it.
  const conflict = useVersionConflict<Draft>();
  const draft = conflict.draft;
  const [savedNote, setSavedNote] = useState(false);
  // «Ansvarlig» is kept beside the form's values: the save sends it, and a reload after a
  // conflict takes the newest one unless the person changed it here.
  const [responsible, setResponsible] = useState<ResponsibleDraft>(() => responsibleDraftOf(data.decision ?? noResponsible));
  const [responsibleTouched, setResponsibleTouched] = useState(false);

  const change = <K extends keyof DecisionValues>(field: K, value: DecisionValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setSavedNote(false);
    clearField(field);
  };
  const changeRecord = <K extends keyof RecordValues>(field: K, value: RecordValues[K]) => {
    setRecord((current) => ({ ...current, [field]: value }));
    setSavedNote(false);
    clearField(field);
  };

  const systemLabel = (id: string) => {
    const system = data.systems.find((candidate) => candidate.id === id);
    return system ? t.targetOption(system.name, municipalityName(system.municipalityNumber)) : id;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSavedNote(false);
    const body = { ...withRecord(bodyOf(values, base?.version), record), ...responsibleBody(responsible) };
    if (!validate(saveDecisionBody, body, { ...decisionRules(values, m), ...recordRules(values.state, record, todayInOslo(new Date()), m) })) return;
    save.mutate(body, {
      onSuccess: (saved) => {
        setBase(saved.decision);
        setValues(valuesOf(saved));
        setResponsible(responsibleDraftOf(saved.decision ?? noResponsible));
        setResponsibleTouched(false);
        setRecord(recordValuesOf(saved.decision));
        conflict.clear();
        setSavedNote(true);
        announce(saved.decision?.state === 'adopted' ? t.adoptedSaved(saved.area.name, saved.plannedTasks.length) : t.saved(saved.area.name));
      },
      onError: (error) => {
        const draft: Draft = { ...changedValues(values, valuesOf({ area: data.area, decision: base })), ...changedRecord(record, recordValuesOf(base)) };
        if (!conflict.caught(error, draft)) showServerError(error);
      },
    });
  };

  const loadLatest = async () => {
    const latest = await reload();
    if (!latest) return;
    setBase(latest.decision);
    setValues(valuesOf(latest));
    if (!responsibleTouched) setResponsible(responsibleDraftOf(latest.decision ?? noResponsible));
    setRecord(recordValuesOf(latest.decision));
    clearErrors();
    conflict.reloaded();
  };

  const draftText = (key: keyof Draft, value: string): string => {
    if (value === '') return m.common.notSet;
    switch (key) {
      case 'decisionMaker':
        return m.decisions.record.makers[value as keyof typeof m.decisions.record.makers] ?? value;
      case 'meetingDate':
        return fmt.date(value);
      case 'outcome':
        return m.decisions.outcomes[value as keyof typeof m.decisions.outcomes] ?? value;
      case 'timing':
        return m.decisions.timings[value as keyof typeof m.decisions.timings] ?? value;
      case 'state':
        return m.decisions.states[value as keyof typeof m.decisions.states] ?? value;
      case 'targetSystemId':
        return systemLabel(value);
      default:
        return value;
    }
  };
  const draftLabel: Record<keyof Draft, string> = {
    outcome: t.outcome,
    targetSystemId: t.target,
    timing: t.timing,
    rationale: t.rationale,
    state: t.state,
    decisionMaker: r.maker,
    decisionMakerOther: r.other,
    meetingDate: r.meetingDate,
    caseNumber: r.caseNumber,
    archiveUrl: r.archiveUrl,
  };

  const summary: SummaryItem[] = formFields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ targetId: targetOf(field, values), message }] : [];
  });
  const showTarget = needsTarget(values.outcome);

  return (
    <section className='samla-section' aria-labelledby='decision-form-heading'>
      <Heading level={2} data-size='sm' id='decision-form-heading' ref={headingRef} tabIndex={-1}>
        {base ? t.heading : t.newHeading}
      </Heading>
      <VersionConflict
        state={conflict.state}
        texts={{ heading: t.conflictHeading, text: t.conflictText, reload: t.conflictReload, reloaded: t.conflictReloaded, applyDraft: t.applyDraft }}
        onReload={loadLatest}
        onApply={() => {
          const { decisionMaker, decisionMakerOther, meetingDate, caseNumber, archiveUrl, ...decisionDraft } = draft ?? {};
          const recordDraft = { decisionMaker, decisionMakerOther, meetingDate, caseNumber, archiveUrl };
          setValues((current) => ({ ...current, ...decisionDraft }));
          setRecord((current) => ({
            ...current,
            ...Object.fromEntries(Object.entries(recordDraft).filter(([, value]) => value !== undefined)),
          }));
          conflict.clear();
        }}
      >
        {draft && Object.keys(draft).length > 0 && (
          <dl className='samla-draft'>
            {(Object.entries(draft) as Array<[keyof Draft, string]>).map(([key, value]) => (
              <div key={key}>
                <dt>{draftLabel[key]}</dt>
                <dd>{draftText(key, value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </VersionConflict>
      {savedNote && (
        <Alert data-color='success' className='samla-saved'>
          <Paragraph>{t.savedNote}</Paragraph>
        </Alert>
      )}
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby='decision-form-heading'>
        <Fieldset>
          <Fieldset.Legend>{t.outcome}</Fieldset.Legend>
          <div className='samla-radios samla-radios--stacked'>
            {decisionOutcomes.map((outcome) => (
              <Radio
                key={outcome}
                id={inputIds.outcome(outcome)}
                name='outcome'
                value={outcome}
                label={m.decisions.outcomes[outcome]}
                description={m.decisions.outcomeDescriptions[outcome]}
                checked={values.outcome === outcome}
                aria-invalid={errors.outcome ? true : undefined}
                onChange={() => change('outcome', outcome)}
              />
            ))}
          </div>
          {errors.outcome && <ValidationMessage>{errors.outcome}</ValidationMessage>}
        </Fieldset>
        {showTarget && (
          <Field>
            <Label htmlFor={inputIds.targetSystemId}>{t.target}</Label>
            <Field.Description>{t.targetDescription}</Field.Description>
            <Select
              id={inputIds.targetSystemId}
              value={values.targetSystemId}
              aria-invalid={errors.targetSystemId ? true : undefined}
              onChange={(event) => change('targetSystemId', event.target.value)}
            >
              <Select.Option value=''>{t.selectTarget}</Select.Option>
              {data.systems.map((system) => (
                <Select.Option key={system.id} value={system.id}>
                  {t.targetOption(system.name, municipalityName(system.municipalityNumber))}
                </Select.Option>
              ))}
            </Select>
            {errors.targetSystemId && <ValidationMessage>{errors.targetSystemId}</ValidationMessage>}
          </Field>
        )}
        {!showTarget && errors.targetSystemId && (
          // The server can still point at the target (an outcome that must not have one).
          <ValidationMessage id={inputIds.targetSystemId} tabIndex={-1}>
            {errors.targetSystemId}
          </ValidationMessage>
        )}
        <Fieldset>
          <Fieldset.Legend>{t.timing}</Fieldset.Legend>
          <div className='samla-radios'>
            {decisionTimings.map((timing) => (
              <Radio
                key={timing}
                id={inputIds.timing(timing)}
                name='timing'
                value={timing}
                label={m.decisions.timings[timing]}
                checked={values.timing === timing}
                aria-invalid={errors.timing ? true : undefined}
                onChange={() => change('timing', timing)}
              />
            ))}
          </div>
          {errors.timing && <ValidationMessage>{errors.timing}</ValidationMessage>}
        </Fieldset>
        <Textfield
          id={inputIds.rationale}
          multiline
          rows={4}
          label={t.rationale}
          description={t.rationaleDescription}
          value={values.rationale}
          onChange={(event) => change('rationale', event.target.value)}
          error={errors.rationale}
        />
        <ResponsibleField
          id='decision-responsible'
          mergerId={merger.id}
          label={t.responsible}
          description={t.responsibleDescription}
          value={responsible}
          onChange={(picked) => {
            setResponsible(picked);
            setResponsibleTouched(true);
            setSavedNote(false);
          }}
        />
        {decides ? (
          <Fieldset>
            <Fieldset.Legend>{t.state}</Fieldset.Legend>
            <Fieldset.Description>{t.stateDescription}</Fieldset.Description>
            <div className='samla-radios'>
              {decisionStates.map((state) => (
                <Radio
                  key={state}
                  id={inputIds.state(state)}
                  name='state'
                  value={state}
                  label={m.decisions.states[state]}
                  checked={values.state === state}
                  aria-invalid={errors.state ? true : undefined}
                  onChange={() => change('state', state)}
                />
              ))}
            </div>
            {errors.state && <ValidationMessage>{errors.state}</ValidationMessage>}
          </Fieldset>
        ) : (
          <div>
            <Paragraph>
              <strong>{t.state}:</strong> {m.decisions.states.proposed}
            </Paragraph>
            <Paragraph data-size='sm' data-testid='only-deciders-adopt'>
              {t.onlyDecidersAdopt}
            </Paragraph>
          </div>
        )}
        {decides && values.state === 'adopted' && (
          <Fieldset data-testid='decision-record'>
            <Fieldset.Legend>{r.legend}</Fieldset.Legend>
            <Fieldset.Description>{r.description}</Fieldset.Description>
            <Field>
              <Label htmlFor={inputIds.decisionMaker}>{r.maker}</Label>
              <Select
                id={inputIds.decisionMaker}
                value={record.decisionMaker}
                aria-invalid={errors.decisionMaker ? true : undefined}
                onChange={(event) => changeRecord('decisionMaker', event.target.value as RecordValues['decisionMaker'])}
              >
                <Select.Option value=''>{r.selectMaker}</Select.Option>
                {decisionMakers.map((maker) => (
                  <Select.Option key={maker} value={maker}>
                    {r.makers[maker]}
                  </Select.Option>
                ))}
              </Select>
              {errors.decisionMaker && <ValidationMessage>{errors.decisionMaker}</ValidationMessage>}
            </Field>
            {record.decisionMaker === 'other' && (
              <Textfield
                id={inputIds.decisionMakerOther}
                label={r.other}
                description={r.otherDescription}
                value={record.decisionMakerOther}
                onChange={(event) => changeRecord('decisionMakerOther', event.target.value)}
                error={errors.decisionMakerOther}
              />
            )}
            <Textfield
              id={inputIds.meetingDate}
              type='date'
              label={r.meetingDate}
              description={r.meetingDateDescription}
              value={record.meetingDate}
              min='2000-01-01'
              max='2200-12-31'
              className='samla-date-field'
              onChange={(event) => changeRecord('meetingDate', event.target.value)}
              error={errors.meetingDate}
            />
            <Textfield
              id={inputIds.caseNumber}
              label={r.caseNumber}
              description={r.caseNumberDescription}
              value={record.caseNumber}
              onChange={(event) => changeRecord('caseNumber', event.target.value)}
              error={errors.caseNumber}
            />
            <Textfield
              id={inputIds.archiveUrl}
              type='url'
              inputMode='url'
              label={r.archiveUrl}
              description={r.archiveUrlDescription}
              value={record.archiveUrl}
              onChange={(event) => changeRecord('archiveUrl', event.target.value)}
              error={errors.archiveUrl}
            />
          </Fieldset>
        )}
        {base?.deferral && (values.timing !== 'transition' || values.state !== 'adopted') ? (
          <Paragraph data-size='sm' data-testid='acceptance-lapses'>
            {t.acceptanceLapses}
          </Paragraph>
        ) : null}
        <div className='samla-form__actions'>
          <Button type='submit' loading={save.isPending} disabled={save.isPending}>
            {save.isPending ? m.common.saving : t.save}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The fields a person edits in the form: equal when only the deferral (or the version) changed. */
function sameDecisionFields(a: Decision, b: Decision): boolean {
  return a.outcome === b.outcome && a.targetSystemId === b.targetSystemId && a.timing === b.timing && a.rationale === b.rationale && a.state === b.state;
}
