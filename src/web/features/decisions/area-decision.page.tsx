import { Alert, Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { TaskStatus } from '#shared/contracts/checklist.ts';
import {
  decisionOutcomes,
  decisionStates,
  decisionTimings,
  type AreaDecision,
  type Decision,
  type SystemFate,
} from '#shared/contracts/decisions.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFieldErrors } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { Loading, PageLoadError } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { StatusTag } from '#web/components/status-tag.tsx';
import { PriorityTag } from '#web/features/catalog/priority-tag.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { paths } from '#web/lib/paths.ts';
import {
  bodyOf,
  changedValues,
  decisionFields,
  needsTarget,
  phaseNumber,
  valuesOf,
  withSuggestion,
  type DecisionField,
  type DecisionValues,
} from './decision-form.ts';
import { useAreaDecision, useSaveDecision, useSetDeferral } from './decisions.api.ts';
import '#web/styles/decisions.css';

const taskStatuses: readonly TaskStatus[] = ['not_started', 'in_progress', 'done', 'not_relevant'];
const fateColor: Record<SystemFate, 'success' | 'warning' | 'danger' | 'neutral'> = {
  continues: 'success',
  migrated: 'warning',
  retired: 'danger',
  undecided: 'neutral',
};

export function AreaDecisionPage() {
  const { areaId = '' } = useParams();
  const { mergerId, merger, trail: mergerTrail } = useMergerRoute();
  const { m } = useI18n();
  const t = m.decisions;
  const area = useAreaDecision(mergerId, areaId);
  const name = area.data?.area.name;
  useDocumentTitle(name ? t.areaDocumentTitle(name, merger.name) : t.title);
  const trail = [...mergerTrail, { label: t.title, to: paths.decisions(mergerId) }];
  const error = area.error;
  if (error) {
    return (
      <>
        <PageBreadcrumbs trail={trail} />
        <PageLoadError error={error} onRetry={() => void area.refetch()} />
      </>
    );
  }
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      {area.data ? (
        <AreaView
          key={area.data.area.id}
          merger={merger}
          data={area.data}
          reload={() => area.refetch().then((result) => result.data)}
        />
      ) : (
        <>
          <Heading level={1} data-size='lg'>
            {t.title}
          </Heading>
          <Loading />
        </>
      )}
    </>
  );
}

interface AreaViewProps {
  merger: MergerDetail;
  data: AreaDecision;
  reload: () => Promise<AreaDecision | undefined>;
}

function AreaView({ merger, data, reload }: AreaViewProps) {
  const { m } = useI18n();
  const t = m.decisions;
  const announce = useAnnounce();
  const editable = can(merger, 'edit');
  // Adopting, and changing what is adopted, is for prosjektleder and eier (decision 025); members propose.
  const decides = can(merger, 'decide');
  const adoptedLocked = data.decision?.state === 'adopted' && !decides;
  const [values, setValues] = useState<DecisionValues>(() => valuesOf(data));
  const formHeadingRef = useRef<HTMLHeadingElement>(null);
  const municipalityName = (number: string) => merger.municipalities.find((mu) => mu.number === number)?.name ?? number;

  const useSuggestion = (recommendedSystemId: string) => {
    setValues((current) => withSuggestion(current, recommendedSystemId));
    const system = data.systems.find((candidate) => candidate.id === recommendedSystemId);
    announce(t.suggestions.applied(system ? t.form.targetOption(system.name, municipalityName(system.municipalityNumber)) : ''));
    formHeadingRef.current?.focus();
  };

  return (
    <>
      <Heading level={1} data-size='lg'>
        {data.area.name}
      </Heading>
      <dl className='samla-facts samla-overview-facts'>
        <div>
          <dt>{t.area.sector}</dt>
          <dd>{data.area.sector}</dd>
        </div>
        <div>
          <dt>{t.area.priority}</dt>
          <dd>{data.area.priority ? <PriorityTag priority={data.area.priority} /> : t.overview.noPriority}</dd>
        </div>
        <div>
          <dt>{t.area.defaultTiming}</dt>
          <dd>{t.timings[data.area.defaultTiming]}</dd>
        </div>
      </dl>
      {!editable && (
        <Alert data-color='info' className='samla-read-only-note samla-mt-4'>
          <Paragraph>{t.readOnly}</Paragraph>
        </Alert>
      )}

      <section className='samla-section' aria-labelledby='area-tasks-heading'>
        <Heading level={2} data-size='sm' id='area-tasks-heading'>
          {t.area.tasksHeading}
        </Heading>
        {data.area.tasks.length === 0 ? (
          <Paragraph>{t.area.noTasks}</Paragraph>
        ) : (
          <>
            <Paragraph>{t.area.tasksLead}</Paragraph>
            <ul className='samla-task-plain-list'>
              {data.area.tasks.map((task) => (
                <li key={task.id}>
                  {task.title} <PriorityTag priority={task.priority} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <SystemsTable merger={merger} data={data} municipalityName={municipalityName} />
      <Suggestions data={data} editable={editable && !adoptedLocked} municipalityName={municipalityName} onUse={useSuggestion} />
      <CurrentDecision data={data} />
      <Deferral merger={merger} data={data} />
      {editable && adoptedLocked && (
        <section className='samla-section' aria-labelledby='decision-form-heading'>
          <Heading level={2} data-size='sm' id='decision-form-heading'>
            {t.form.heading}
          </Heading>
          <Paragraph data-testid='only-deciders-change'>{t.form.adoptedReadOnly}</Paragraph>
        </section>
      )}
      {editable && !adoptedLocked && (
        <DecisionForm
          merger={merger}
          data={data}
          values={values}
          setValues={setValues}
          reload={reload}
          headingRef={formHeadingRef}
          municipalityName={municipalityName}
        />
      )}
      <PlannedTasks merger={merger} data={data} />
      <Reestablish data={data} municipalityName={municipalityName} />
    </>
  );
}

function SystemsTable({ merger, data, municipalityName }: { merger: MergerDetail; data: AreaDecision; municipalityName: (n: string) => string }) {
  const { m, fmt } = useI18n();
  const t = m.decisions.systems;
  return (
    <section className='samla-section' aria-labelledby='area-systems-heading'>
      <Heading level={2} data-size='sm' id='area-systems-heading'>
        {t.heading}
      </Heading>
      {data.systems.length === 0 ? (
        <Paragraph>
          {t.empty} <RouterLink to={paths.inventory(merger.id)}>{t.addInInventory}</RouterLink>
        </Paragraph>
      ) : (
        <ScrollRegion label={t.caption(data.area.name)}>
          <Table data-color='neutral' className='samla-table' border data-size='sm'>
            <caption className='ds-sr-only'>{t.caption(data.area.name)}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t.municipality}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.name}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.vendorProduct}</Table.HeaderCell>
                <Table.HeaderCell scope='col' className='samla-decisions-table__count'>
                  {t.users}
                </Table.HeaderCell>
                <Table.HeaderCell scope='col' className='samla-decisions-table__count'>
                  {t.integrations}
                </Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.hosting}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.contractEnd}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.fate}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.systems.map((system) => (
                <Table.Row key={system.id}>
                  <Table.Cell>{municipalityName(system.municipalityNumber)}</Table.Cell>
                  <Table.HeaderCell scope='row'>
                    <RouterLink to={paths.inventoryItem(merger.id, 'ikt-systemer', system.id)}>{system.name}</RouterLink>
                  </Table.HeaderCell>
                  <Table.Cell>{[system.vendor, system.product].filter(Boolean).join(' / ') || m.decisions.none}</Table.Cell>
                  <Table.Cell className='samla-decisions-table__count'>
                    {system.userCount === null ? m.decisions.none : fmt.number(system.userCount)}
                  </Table.Cell>
                  <Table.Cell className='samla-decisions-table__count'>{fmt.number(system.integrationCount)}</Table.Cell>
                  <Table.Cell>{system.hosting ? (m.inventory.values.hosting?.[system.hosting] ?? system.hosting) : m.decisions.none}</Table.Cell>
                  <Table.Cell className='samla-nowrap'>
                    {system.contractEndDates.length === 0 ? m.decisions.none : system.contractEndDates.map((date) => fmt.date(date)).join(', ')}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-size='sm' data-color={fateColor[system.fate]}>
                      {m.decisions.fates[system.fate]}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}

interface SuggestionsProps {
  data: AreaDecision;
  editable: boolean;
  municipalityName: (number: string) => string;
  onUse: (recommendedSystemId: string) => void;
}

function Suggestions({ data, editable, municipalityName, onUse }: SuggestionsProps) {
  const { m, fmt } = useI18n();
  const t = m.decisions.suggestions;
  return (
    <section className='samla-section' aria-labelledby='area-suggestions-heading'>
      <Heading level={2} data-size='sm' id='area-suggestions-heading'>
        {t.heading}
      </Heading>
      {data.suggestions.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <>
          <Paragraph>{t.lead}</Paragraph>
          <ul className='samla-suggestions samla-mt-4'>
            {data.suggestions.map((suggestion) => {
              const recommended = data.systems.find((system) => system.id === suggestion.recommendedSystemId);
              const headingId = `suggestion-${suggestion.key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
              return (
                <li key={suggestion.key} className='samla-suggestion'>
                  <Heading level={3} data-size='2xs' id={headingId}>
                    {suggestion.label}
                  </Heading>
                  <Tag data-size='sm' data-color='info' className='samla-own-tag'>
                    {t.basis[suggestion.basis]}
                  </Tag>
                  <dl className='samla-facts'>
                    <div>
                      <dt>{t.municipalities}</dt>
                      <dd>{fmt.list(suggestion.municipalities.map(municipalityName))}</dd>
                    </div>
                    <div>
                      <dt>{t.users}</dt>
                      <dd>{fmt.number(suggestion.totals.users)}</dd>
                    </div>
                    <div>
                      <dt>{t.integrations}</dt>
                      <dd>{fmt.number(suggestion.totals.integrations)}</dd>
                    </div>
                    <div>
                      <dt>{t.earliestContractEnd}</dt>
                      <dd>{suggestion.earliestContractEnd ? fmt.date(suggestion.earliestContractEnd) : m.decisions.none}</dd>
                    </div>
                    <div>
                      <dt>{t.hostings}</dt>
                      <dd>
                        {suggestion.hostings.length === 0
                          ? m.decisions.none
                          : fmt.list(suggestion.hostings.map((hosting) => m.inventory.values.hosting?.[hosting] ?? hosting))}
                      </dd>
                    </div>
                    <div>
                      <dt>{t.recommended}</dt>
                      <dd>
                        {recommended
                          ? m.decisions.form.targetOption(recommended.name, municipalityName(recommended.municipalityNumber))
                          : m.decisions.none}
                      </dd>
                    </div>
                  </dl>
                  {editable && (
                    <div>
                      <Button
                        variant='secondary'
                        data-size='sm'
                        aria-label={t.useLabel(suggestion.label)}
                        onClick={() => onUse(suggestion.recommendedSystemId)}
                      >
                        {t.use}
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function CurrentDecision({ data }: { data: AreaDecision }) {
  const { m, fmt } = useI18n();
  const t = m.decisions.current;
  const decision = data.decision;
  return (
    <section className='samla-section' aria-labelledby='area-decision-heading'>
      <Heading level={2} data-size='sm' id='area-decision-heading'>
        {t.heading}
      </Heading>
      {decision ? <DecisionFacts decision={decision} /> : <Paragraph>{t.none}</Paragraph>}
      {decision && (
        <Paragraph data-size='sm' className='samla-muted samla-mt-2'>
          {m.decisions.form.lastChanged(fmt.dateTime(decision.updatedAt))}
        </Paragraph>
      )}
    </section>
  );
}

function DecisionFacts({ decision }: { decision: Decision }) {
  const { m, fmt } = useI18n();
  const t = m.decisions.current;
  return (
    <dl className='samla-facts'>
      <div>
        <dt>{t.outcome}</dt>
        <dd>{m.decisions.outcomes[decision.outcome]}</dd>
      </div>
      <div>
        <dt>{t.target}</dt>
        <dd>{decision.targetSystemName ?? m.decisions.none}</dd>
      </div>
      <div>
        <dt>{t.timing}</dt>
        <dd>{m.decisions.timings[decision.timing]}</dd>
      </div>
      <div>
        <dt>{t.state}</dt>
        <dd>
          <Tag data-size='sm' data-color={decision.state === 'adopted' ? 'success' : 'info'}>
            {m.decisions.states[decision.state]}
          </Tag>
        </dd>
      </div>
      {decision.state === 'adopted' && decision.decidedBy && decision.decidedAt && (
        <div>
          <dt>{t.decided}</dt>
          <dd data-testid='decided-by'>{t.decidedBy(decision.decidedBy, fmt.dateTime(decision.decidedAt))}</dd>
        </div>
      )}
      {decision.rationale && (
        <div>
          <dt>{t.rationale}</dt>
          <dd className='samla-pre'>{decision.rationale}</dd>
        </div>
      )}
    </dl>
  );
}

const inputIds = {
  outcome: (value: string) => `decision-outcome-${value}`,
  targetSystemId: 'decision-target',
  timing: (value: string) => `decision-timing-${value}`,
  rationale: 'decision-rationale',
  state: (value: string) => `decision-state-${value}`,
} as const;

function targetOf(field: DecisionField, values: DecisionValues): string {
  switch (field) {
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

function DecisionForm({ merger, data, values, setValues, reload, headingRef, municipalityName }: DecisionFormProps) {
  const { m } = useI18n();
  const t = m.decisions.form;
  const announce = useAnnounce();
  const save = useSaveDecision(merger.id, data.area.id);
  const decides = can(merger, 'decide');
  // The decision this form started from: its version goes with the save, so a change made
  // by someone else meanwhile gives 409 instead of being overwritten.
  const [base, setBase] = useState<Decision | null>(data.decision);
  // Accepting or withdrawing a deferral on this page bumps the version without touching the
  // form's fields: follow it, or the next save would be refused as a conflict with oneself.
  const latest = data.decision;
  useEffect(() => {
    setBase((current) => (current && latest && latest.id === current.id && latest.version > current.version && sameDecisionFields(current, latest) ? latest : current));
  }, [latest]);
  const { errors, otherErrors, attempt, clearField, showCheck, showServerError, clearErrors } = useFieldErrors<DecisionField>(decisionFields);
  const [conflict, setConflict] = useState<'none' | 'detected' | 'reloaded'>('none');
  const [draft, setDraft] = useState<Partial<DecisionValues> | undefined>(undefined);
  const [savedNote, setSavedNote] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (conflict === 'detected') conflictRef.current?.focus();
  }, [conflict]);

  const change = <K extends keyof DecisionValues>(field: K, value: DecisionValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
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
    const { body, errors: found } = bodyOf(values, base?.version, m);
    showCheck(found);
    if (!body) return;
    save.mutate(body, {
      onSuccess: (saved) => {
        setBase(saved.decision);
        setValues(valuesOf(saved));
        setConflict('none');
        setDraft(undefined);
        setSavedNote(true);
        announce(
          saved.decision?.state === 'adopted'
            ? t.adoptedSaved(saved.area.name, saved.plannedTasks.length)
            : t.saved(saved.area.name),
        );
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
          setDraft(changedValues(values, valuesOf({ area: data.area, decision: base })));
          setConflict('detected');
        } else showServerError(error);
      },
    });
  };

  const loadLatest = async () => {
    const latest = await reload();
    if (!latest) return;
    setBase(latest.decision);
    setValues(valuesOf(latest));
    clearErrors();
    setConflict('reloaded');
  };

  const draftText = (key: keyof DecisionValues, value: string): string => {
    if (value === '') return m.common.notSet;
    switch (key) {
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
  const draftLabel: Record<keyof DecisionValues, string> = {
    outcome: t.outcome,
    targetSystemId: t.target,
    timing: t.timing,
    rationale: t.rationale,
    state: t.state,
  };

  const summary: SummaryItem[] = decisionFields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ targetId: targetOf(field, values), message }] : [];
  });
  const showTarget = needsTarget(values.outcome);

  return (
    <section className='samla-section' aria-labelledby='decision-form-heading'>
      <Heading level={2} data-size='sm' id='decision-form-heading' ref={headingRef} tabIndex={-1}>
        {base ? t.heading : t.newHeading}
      </Heading>
      {conflict === 'detected' && (
        <Alert data-color='warning' className='samla-conflict' ref={conflictRef} tabIndex={-1} role='alert'>
          <Heading level={3} data-size='xs'>
            {t.conflictHeading}
          </Heading>
          <Paragraph>{t.conflictText}</Paragraph>
          <Button variant='secondary' data-size='sm' onClick={() => void loadLatest()} className='samla-mt-2'>
            {t.conflictReload}
          </Button>
        </Alert>
      )}
      {conflict === 'reloaded' && draft && Object.keys(draft).length > 0 && (
        <Alert data-color='info' className='samla-conflict' role='status'>
          <Paragraph>{t.conflictReloaded}</Paragraph>
          <dl className='samla-draft'>
            {(Object.entries(draft) as Array<[keyof DecisionValues, string]>).map(([key, value]) => (
              <div key={key}>
                <dt>{draftLabel[key]}</dt>
                <dd>{draftText(key, value)}</dd>
              </div>
            ))}
          </dl>
          <Button
            variant='secondary'
            data-size='sm'
            onClick={() => {
              setValues((current) => ({ ...current, ...draft }));
              setDraft(undefined);
              setConflict('none');
            }}
          >
            {t.applyDraft}
          </Button>
        </Alert>
      )}
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

/**
 * A critical area deferred to the transition phase by an adopted veivalg: not ready for day one
 * until prosjektleder or eier accepts the deferral, with a reason. Others see why they cannot.
 */
function Deferral({ merger, data }: { merger: MergerDetail; data: AreaDecision }) {
  const decision = data.decision;
  if (!decision?.defersDayOne) return null;
  return <DeferralSection merger={merger} data={data} decision={decision} />;
}

function DeferralSection({ merger, data, decision }: { merger: MergerDetail; data: AreaDecision; decision: Decision }) {
  const { m, fmt } = useI18n();
  const t = m.decisions.deferral;
  const announce = useAnnounce();
  const setDeferral = useSetDeferral(merger.id, data.area.id);
  const decides = can(merger, 'decide');
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [otherError, setOtherError] = useState<string | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const send = (accepted: boolean) => {
    setOtherError(undefined);
    if (accepted && reason.trim() === '') {
      setFieldError(t.reasonRequired);
      document.getElementById('deferral-reason')?.focus();
      return;
    }
    setFieldError(undefined);
    setDeferral.mutate(accepted ? { accepted, reason: reason.trim(), version: decision.version } : { accepted, version: decision.version }, {
      onSuccess: () => {
        setReason('');
        announce(accepted ? t.acceptedSaved(data.area.name) : t.withdrawn(data.area.name));
        // The form or button the person used is gone: keep them where the result is.
        headingRef.current?.focus();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.problems.some((problem) => problem.path === 'reason')) {
          setFieldError(error.message);
          document.getElementById('deferral-reason')?.focus();
        } else setOtherError(error instanceof Error ? error.message : String(error));
      },
    });
  };

  return (
    <section className='samla-section' aria-labelledby='deferral-heading'>
      <Heading level={2} data-size='sm' id='deferral-heading' ref={headingRef} tabIndex={-1}>
        {t.heading}
      </Heading>
      {decision.deferral ? (
        <>
          <Paragraph data-testid='deferral-accepted'>
            {t.accepted(decision.deferral.acceptedBy, fmt.date(decision.deferral.acceptedOn), decision.deferral.reason)}
          </Paragraph>
          <Paragraph data-size='sm' className='samla-muted'>
            {t.acceptedNote}
          </Paragraph>
        </>
      ) : (
        <Alert data-color='warning'>
          <Paragraph>{t.notAccepted}</Paragraph>
        </Alert>
      )}
      {otherError && (
        <Alert data-color='danger' role='alert' className='samla-mt-2'>
          <Paragraph>{otherError}</Paragraph>
        </Alert>
      )}
      {!decides ? (
        <Paragraph data-size='sm' className='samla-mt-2' data-testid='only-deciders-deferral'>
          {t.onlyDeciders}
        </Paragraph>
      ) : decision.deferral ? (
        <div className='samla-mt-2'>
          <Button variant='secondary' data-size='sm' loading={setDeferral.isPending} disabled={setDeferral.isPending} onClick={() => send(false)}>
            {t.withdraw}
          </Button>
        </div>
      ) : (
        <form
          noValidate
          className='samla-form samla-mt-2'
          aria-labelledby='deferral-heading'
          onSubmit={(event) => {
            event.preventDefault();
            send(true);
          }}
        >
          <Textfield
            id='deferral-reason'
            multiline
            rows={3}
            label={t.reason}
            description={t.reasonDescription}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setFieldError(undefined);
            }}
            error={fieldError}
          />
          <div className='samla-form__actions'>
            <Button type='submit' loading={setDeferral.isPending} disabled={setDeferral.isPending}>
              {t.accept}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function PlannedTasks({ merger, data }: { merger: MergerDetail; data: AreaDecision }) {
  const { m, fmt } = useI18n();
  const t = m.decisions.planned;
  if (!data.decision) return null;
  return (
    <section className='samla-section' aria-labelledby='planned-heading'>
      <Heading level={2} data-size='sm' id='planned-heading'>
        {t.heading}
      </Heading>
      {data.plannedTasks.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <>
          <Paragraph>{t.lead}</Paragraph>
          <ScrollRegion label={t.caption}>
            <Table data-color='neutral' className='samla-table' border data-size='sm'>
              <caption className='ds-sr-only'>{t.caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope='col'>{t.task}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.phase}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.status}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.plannedTasks.map((task) => {
                  const phase = phaseNumber(task.phaseId);
                  const status = taskStatuses.find((candidate) => candidate === task.status);
                  return (
                    <Table.Row key={task.id}>
                      <Table.Cell>
                        <RouterLink to={paths.task(merger.id, task.id)}>{task.title}</RouterLink>
                      </Table.Cell>
                      <Table.Cell className='samla-nowrap'>
                        {phase === undefined ? task.phaseId : (
                          <RouterLink to={paths.checklist(merger.id, { phase })}>{t.phaseNumber(fmt.number(phase))}</RouterLink>
                        )}
                      </Table.Cell>
                      <Table.Cell>{status ? <StatusTag status={status} /> : task.status}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}

function Reestablish({ data, municipalityName }: { data: AreaDecision; municipalityName: (n: string) => string }) {
  const { m } = useI18n();
  const t = m.decisions.reestablish;
  if (!data.decision) return null;
  const value = (kind: 'direction' | 'method', raw: string | null) => (raw ? (m.inventory.values[kind]?.[raw] ?? raw) : m.decisions.none);
  return (
    <section className='samla-section' aria-labelledby='reestablish-heading'>
      <Heading level={2} data-size='sm' id='reestablish-heading'>
        {t.heading}
      </Heading>
      {data.integrationsToReestablish.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <ScrollRegion label={t.caption}>
          <Table data-color='neutral' className='samla-table' border data-size='sm'>
            <caption className='ds-sr-only'>{t.caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t.municipality}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.from}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.to}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.direction}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.method}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.integrationsToReestablish.map((integration) => (
                <Table.Row key={integration.integrationId}>
                  <Table.Cell>{municipalityName(integration.municipalityNumber)}</Table.Cell>
                  <Table.Cell>
                    {integration.fromSystem.name}
                    <span className='samla-muted'> ({m.decisions.fates[integration.fromSystem.fate]})</span>
                  </Table.Cell>
                  <Table.Cell>
                    {integration.toSystem ? (
                      <>
                        {integration.toSystem.name}
                        <span className='samla-muted'> ({m.decisions.fates[integration.toSystem.fate]})</span>
                      </>
                    ) : (
                      (integration.commonSolution?.name ?? m.decisions.none)
                    )}
                  </Table.Cell>
                  <Table.Cell>{value('direction', integration.direction)}</Table.Cell>
                  <Table.Cell>{value('method', integration.method)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}
