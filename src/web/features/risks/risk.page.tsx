import { Alert, Button, Field, Fieldset, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  consequenceDimensions,
  mitigationStatuses,
  riskStatuses,
  type MitigationStatus,
  type Risk,
  type RiskMatrix,
} from '#shared/contracts/risks.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { HistoryTable } from '#web/features/history/history-table.tsx';
import { useSolutionAreas } from '#web/features/inventory/inventory.api.ts';
import { useMerger } from '#web/features/mergers/mergers.api.ts';
import { can } from '#web/features/mergers/permissions.ts';
import { I18nContext, useI18n } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { fieldErrorsFromProblems } from '#web/lib/field-errors.ts';
import { paths } from '#web/lib/paths.ts';
import {
  changedRiskFields,
  emptyRiskValues,
  isRiskStatus,
  riskBodyOf,
  riskFields,
  valuesOfRisk,
  valuesOfSuggestion,
  worstOf,
  type RiskField,
  type RiskValues,
} from './risk-form.ts';
import { LinkPicker } from './link-picker.tsx';
import { CellBadge, RiskNav, RiskPageHead, useRiskTrail } from './risk-shell.tsx';
import {
  useCreateMitigation,
  useCreateRisk,
  useDeleteMitigation,
  useDeleteRisk,
  useRisk,
  useRiskMatrix,
  useRiskHistory,
  useRiskOptions,
  useRiskSuggestions,
  useUpdateMitigation,
  useUpdateRisk,
  type RiskOptions,
} from './risks.api.ts';

const ids = {
  title: 'risk-title',
  description: 'risk-description',
  cause: 'risk-cause',
  systemIds: 'risk-systems',
  areaIds: 'risk-areas',
  integrationIds: 'risk-integrations',
  consequences: 'risk-consequence-lifeHealth',
  likelihood: 'risk-likelihood',
  residualLikelihood: 'risk-residual-likelihood',
  residualConsequence: 'risk-residual-consequence',
  owner: 'risk-owner',
  status: 'risk-status',
  acceptanceReason: 'risk-acceptance-reason',
  nextReviewDate: 'risk-next-review',
} satisfies Record<RiskField, string>;

export function RiskPage() {
  const { riskId } = useParams();
  const [searchParams] = useSearchParams();
  const suggestionKey = riskId === undefined ? (searchParams.get('forslag') ?? undefined) : undefined;
  const { m } = useI18n();
  const t = m.risks;
  const { mergerId, merger, trail, editable } = useRiskTrail();
  const risk = useRisk(mergerId, riskId);
  const matrix = useRiskMatrix(mergerId);
  const options = useRiskOptions(mergerId);
  const suggestions = useRiskSuggestions(mergerId);
  const suggestion = suggestionKey ? suggestions.data?.suggestions.find((candidate) => candidate.key === suggestionKey) : undefined;
  const title = riskId ? (risk.data?.title ?? t.form.editHeading) : t.form.newHeading;
  useDocumentTitle(riskId ? `${title} – ${t.title} – ${merger.name}` : t.form.newDocumentTitle(merger.name));

  const error = risk.error ?? matrix.error ?? options.error;
  const ready =
    matrix.data && options.data && (riskId === undefined || risk.data) && (suggestionKey === undefined || !suggestions.isPending);
  return (
    <RiskPageHead trail={trail} title={title}>
      <RiskNav mergerId={mergerId} editable={editable} />
      {error && <LoadError error={error} onRetry={() => void (risk.isError ? risk.refetch() : options.refetch())} />}
      {!error && !ready && <Loading />}
      {ready && (
        <>
          {risk.data && (
            <dl className='samla-facts samla-overview-facts'>
              <div>
                <dt>{t.form.inherentNow}</dt>
                <dd>
                  <CellBadge cell={risk.data.inherent} />
                </dd>
              </div>
              <div>
                <dt>{t.form.residualNow}</dt>
                <dd>
                  <CellBadge cell={risk.data.residual} />
                </dd>
              </div>
              <div>
                <dt>{t.form.status}</dt>
                <dd>{t.statuses[risk.data.status]}</dd>
              </div>
            </dl>
          )}
          {!editable && (
            <Alert data-color='info' className='samla-read-only-note samla-mt-4'>
              <Paragraph>{t.readOnly}</Paragraph>
            </Alert>
          )}
          {editable && (
            <RiskForm
              key={risk.data?.id ?? suggestion?.key ?? 'new'}
              mergerId={mergerId}
              risk={risk.data}
              start={risk.data ? valuesOfRisk(risk.data) : suggestion ? valuesOfSuggestion(suggestion) : emptyRiskValues()}
              suggestionKey={suggestion?.key}
              matrix={matrix.data!.matrix}
              options={options.data!}
              reload={() => risk.refetch().then((result) => result.data)}
              municipalityName={(number) => merger.municipalities.find((mu) => mu.number === number)?.name ?? number}
            />
          )}
          {risk.data && <Mitigations merger={merger} risk={risk.data} options={options.data!} editable={editable} />}
          {risk.data && <RiskHistory merger={merger} risk={risk.data} />}
        </>
      )}
    </RiskPageHead>
  );
}

interface RiskFormProps {
  mergerId: string;
  risk: Risk | undefined;
  start: RiskValues;
  suggestionKey: string | undefined;
  matrix: RiskMatrix;
  options: RiskOptions;
  reload: () => Promise<Risk | undefined>;
  municipalityName: (number: string) => string;
}

function RiskForm({ mergerId, risk, start, suggestionKey, matrix, options, reload, municipalityName }: RiskFormProps) {
  const { m, fmt } = useI18n();
  const t = m.risks.form;
  const announce = useAnnounce();
  const navigate = useNavigate();
  const areas = useSolutionAreas();
  const create = useCreateRisk(mergerId);
  const update = useUpdateRisk(mergerId, risk?.id ?? '');
  const remove = useDeleteRisk(mergerId);
  const [base, setBase] = useState<Risk | undefined>(risk);
  const [conflict, setConflict] = useState<'none' | 'detected' | 'reloaded'>('none');
  const [draft, setDraft] = useState<RiskValues | undefined>(undefined);
  const [savedNote, setSavedNote] = useState(false);
  const { values, setValues, errors, otherErrors, attempt, change, showCheck, showServerError, clearErrors } = useFormState<RiskValues, RiskField>(
    start,
    riskFields,
    { onChange: () => setSavedNote(false) },
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  // Accepting a risk (or changing or lifting an acceptance) is for prosjektleder and eier (decision 025).
  const merger = useMerger(mergerId);
  const decides = merger.data ? can(merger.data, 'decide') : false;
  const acceptanceLocked = !decides && base?.status === 'accepted';

  useEffect(() => {
    if (conflict === 'detected') conflictRef.current?.focus();
  }, [conflict]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSavedNote(false);
    const { body, errors: found } = riskBodyOf(values, m);
    showCheck(found);
    if (!body) return;
    const onError = (error: Error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        setDraft(values);
        setConflict('detected');
      } else showServerError(error);
    };
    if (!base) {
      create.mutate(suggestionKey ? { ...body, suggestionKey } : body, {
        onSuccess: (saved) => {
          announce(t.created(saved.title));
          void navigate(paths.risk(mergerId, saved.id), { replace: true });
        },
        onError,
      });
      return;
    }
    update.mutate(
      { ...body, version: base.version },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setValues(valuesOfRisk(saved));
          setConflict('none');
          setDraft(undefined);
          setSavedNote(true);
          announce(t.saved);
        },
        onError,
      },
    );
  };

  const loadLatest = async () => {
    const latest = await reload();
    if (!latest) return;
    setBase(latest);
    setValues(valuesOfRisk(latest));
    clearErrors();
    setConflict('reloaded');
  };

  const summary: SummaryItem[] = riskFields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ targetId: ids[field], message }] : [];
  });
  const levelOptions = (scale: RiskMatrix['likelihood']) => [
    <Select.Option key='' value=''>
      {t.notAssessed}
    </Select.Option>,
    ...scale.map((level, index) => (
      <Select.Option key={index} value={String(index + 1)}>
        {t.levelOption(String(index + 1), level.name)}
      </Select.Option>
    )),
  ];
  const systemOptions = useMemo(
    () => options.systems.map((system) => ({ value: system.id, label: `${system.name} (${municipalityName(system.municipalityNumber)})` })),
    // The municipality names come with the merger and do not change while the form is open.
    [options.systems],
  );
  const areaOptions = useMemo(() => (areas.data ?? []).map((area) => ({ value: area.id, label: area.name })), [areas.data]);
  const integrationOptions = useMemo(() => options.integrations.map((integration) => ({ value: integration.id, label: integration.label })), [options.integrations]);
  const pending = create.isPending || update.isPending;
  const worst = worstOf(values.consequences);
  const draftFields = draft && base ? changedRiskFields(draft, valuesOfRisk(base)) : [];

  return (
    <section className='samla-section' aria-labelledby='risk-form-heading'>
      <Heading level={2} data-size='sm' id='risk-form-heading'>
        {base ? t.editHeading : t.newHeading}
      </Heading>
      {suggestionKey && !base && (
        <Alert data-color='info'>
          <Paragraph>{t.fromSuggestion}</Paragraph>
        </Alert>
      )}
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
      {conflict === 'reloaded' && draft && draftFields.length > 0 && (
        <Alert data-color='info' className='samla-conflict' role='status'>
          <Paragraph>{t.conflictReloaded}</Paragraph>
          <ul>
            {draftFields.map((field) => (
              <li key={field}>{fieldLabel(field, m)}</li>
            ))}
          </ul>
          <Button
            variant='secondary'
            data-size='sm'
            onClick={() => {
              const fields = draftFields;
              setValues((current) => ({ ...current, ...Object.fromEntries(fields.map((field) => [field, draft[field]])) }));
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
          <Paragraph>{t.saved}</Paragraph>
        </Alert>
      )}
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <form noValidate onSubmit={onSubmit} className='samla-form samla-risk-form' aria-labelledby='risk-form-heading'>
        <Textfield id={ids.title} label={t.title} value={values.title} onChange={(e) => change('title', e.target.value)} error={errors.title} required />
        <Textfield
          id={ids.description}
          multiline
          rows={3}
          label={t.description}
          value={values.description}
          onChange={(e) => change('description', e.target.value)}
          error={errors.description}
        />
        <Textfield id={ids.cause} multiline rows={2} label={t.cause} value={values.cause} onChange={(e) => change('cause', e.target.value)} error={errors.cause} />
        <LinkPicker
          id={ids.systemIds}
          label={t.systems}
          options={systemOptions}
          selected={values.systemIds}
          onChange={(next) => change('systemIds', next)}
          error={errors.systemIds}
        />
        <LinkPicker id={ids.areaIds} label={t.areas} options={areaOptions} selected={values.areaIds} onChange={(next) => change('areaIds', next)} error={errors.areaIds} />
        <LinkPicker
          id={ids.integrationIds}
          label={t.integrations}
          options={integrationOptions}
          selected={values.integrationIds}
          onChange={(next) => change('integrationIds', next)}
          error={errors.integrationIds}
        />
        <Field>
          <Label htmlFor={ids.likelihood}>{t.likelihood}</Label>
          <Select id={ids.likelihood} value={values.likelihood} onChange={(e) => change('likelihood', e.target.value)} aria-invalid={errors.likelihood ? true : undefined}>
            {levelOptions(matrix.likelihood)}
          </Select>
          {errors.likelihood && <ValidationMessage>{errors.likelihood}</ValidationMessage>}
        </Field>
        <Fieldset>
          <Fieldset.Legend>{t.consequencesLegend}</Fieldset.Legend>
          <Fieldset.Description>{t.consequencesHint}</Fieldset.Description>
          {consequenceDimensions.map((dimension) => (
            <Field key={dimension}>
              <Label htmlFor={`risk-consequence-${dimension}`}>{m.risks.dimensions[dimension]}</Label>
              <Select
                id={`risk-consequence-${dimension}`}
                value={values.consequences[dimension]}
                aria-invalid={errors.consequences ? true : undefined}
                onChange={(e) => change('consequences', { ...values.consequences, [dimension]: e.target.value })}
              >
                {levelOptions(matrix.consequence)}
              </Select>
            </Field>
          ))}
          {errors.consequences && <ValidationMessage>{errors.consequences}</ValidationMessage>}
        </Fieldset>
        <Paragraph data-size='sm'>
          {t.inherentNow}: <CellBadge cell={cellIn(matrix, values.likelihood === '' ? null : Number(values.likelihood), worst)} />
        </Paragraph>
        <Fieldset>
          <Fieldset.Legend>{t.residualLegend}</Fieldset.Legend>
          <Fieldset.Description>{t.residualHint}</Fieldset.Description>
          <Field>
            <Label htmlFor={ids.residualLikelihood}>{t.residualLikelihood}</Label>
            <Select
              id={ids.residualLikelihood}
              value={values.residualLikelihood}
              onChange={(e) => change('residualLikelihood', e.target.value)}
              aria-invalid={errors.residualLikelihood ? true : undefined}
            >
              {levelOptions(matrix.likelihood)}
            </Select>
            {errors.residualLikelihood && <ValidationMessage>{errors.residualLikelihood}</ValidationMessage>}
          </Field>
          <Field>
            <Label htmlFor={ids.residualConsequence}>{t.residualConsequence}</Label>
            <Select
              id={ids.residualConsequence}
              value={values.residualConsequence}
              onChange={(e) => change('residualConsequence', e.target.value)}
              aria-invalid={errors.residualConsequence ? true : undefined}
            >
              {levelOptions(matrix.consequence)}
            </Select>
            {errors.residualConsequence && <ValidationMessage>{errors.residualConsequence}</ValidationMessage>}
          </Field>
        </Fieldset>
        <Textfield id={ids.owner} label={t.owner} value={values.owner} onChange={(e) => change('owner', e.target.value)} error={errors.owner} />
        {acceptanceLocked ? (
          <div>
            <Paragraph>
              <strong>{t.status}:</strong> {m.risks.statuses.accepted}
            </Paragraph>
            {base?.acceptanceReason && (
              <Paragraph>
                <strong>{t.acceptanceReason}:</strong> {base.acceptanceReason}
              </Paragraph>
            )}
            <Paragraph data-size='sm' data-testid='only-deciders-accept'>
              {t.onlyDecidersAccept}
            </Paragraph>
          </div>
        ) : (
          <>
            <Field>
              <Label htmlFor={ids.status}>{t.status}</Label>
              {!decides && <Field.Description data-testid='only-deciders-accept'>{t.onlyDecidersAccept}</Field.Description>}
              <Select id={ids.status} value={values.status} onChange={(e) => isRiskStatus(e.target.value) && change('status', e.target.value)}>
                {riskStatuses
                  .filter((status) => decides || status !== 'accepted')
                  .map((status) => (
                    <Select.Option key={status} value={status}>
                      {m.risks.statuses[status]}
                    </Select.Option>
                  ))}
              </Select>
              {errors.status && <ValidationMessage>{errors.status}</ValidationMessage>}
            </Field>
            {values.status === 'accepted' && (
              <Textfield
                id={ids.acceptanceReason}
                multiline
                rows={3}
                label={t.acceptanceReason}
                description={t.acceptanceHint}
                value={values.acceptanceReason}
                onChange={(e) => change('acceptanceReason', e.target.value)}
                error={errors.acceptanceReason}
              />
            )}
          </>
        )}
        {base?.status === 'accepted' && base.acceptedBy && base.acceptedAt && (
          <Paragraph data-size='sm'>{t.acceptedBy(base.acceptedBy, fmt.dateTime(base.acceptedAt))}</Paragraph>
        )}
        <Textfield
          id={ids.nextReviewDate}
          type='date'
          label={t.nextReviewDate}
          value={values.nextReviewDate}
          onChange={(e) => change('nextReviewDate', e.target.value)}
          error={errors.nextReviewDate}
          className='samla-date-field'
        />
        <div className='samla-form__actions'>
          <Button type='submit' loading={pending} disabled={pending}>
            {pending ? m.common.saving : base ? t.save : t.create}
          </Button>
          {base && (
            <Button type='button' variant='tertiary' data-color='danger' onClick={() => setConfirmDelete(true)}>
              {t.delete}
            </Button>
          )}
        </div>
      </form>
      {base && (
        <ConfirmDialog
          open={confirmDelete}
          heading={t.deleteHeading}
          text={t.deleteText(base.title)}
          confirmLabel={t.delete}
          pending={remove.isPending}
          error={remove.error ? errorText(remove.error, m) : undefined}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(base, {
              onSuccess: () => {
                announce(t.deleted(base.title));
                void navigate(paths.risks(mergerId));
              },
            })
          }
        />
      )}
    </section>
  );
}

function cellIn(matrix: RiskMatrix, likelihood: number | null, consequence: number | null) {
  if (likelihood === null || consequence === null) return null;
  const key = matrix.grid[likelihood - 1]?.[consequence - 1];
  const riskClass = matrix.classes.find((candidate) => candidate.key === key);
  return riskClass ? { likelihood, consequence, classKey: riskClass.key, className: riskClass.name, color: riskClass.color } : null;
}

function fieldLabel(field: RiskField, m: ReturnType<typeof useI18n>['m']): string {
  const t = m.risks.form;
  const labels: Record<RiskField, string> = {
    title: t.title,
    description: t.description,
    cause: t.cause,
    systemIds: t.systems,
    areaIds: t.areas,
    integrationIds: t.integrations,
    consequences: t.consequencesLegend,
    likelihood: t.likelihood,
    residualLikelihood: t.residualLikelihood,
    residualConsequence: t.residualConsequence,
    owner: t.owner,
    status: t.status,
    acceptanceReason: t.acceptanceReason,
    nextReviewDate: t.nextReviewDate,
  };
  return labels[field];
}

// ---------------------------------------------------------------- mitigations

function isMitigationStatus(value: string): value is MitigationStatus {
  return (mitigationStatuses as readonly string[]).includes(value);
}

function Mitigations({ merger, risk, options, editable }: { merger: MergerDetail; risk: Risk; options: RiskOptions; editable: boolean }) {
  const { m, fmt } = useI18n();
  const t = m.risks.mitigations;
  const announce = useAnnounce();
  const create = useCreateMitigation(merger.id, risk.id);
  const update = useUpdateMitigation(merger.id, risk.id);
  const remove = useDeleteMitigation(merger.id, risk.id);
  const [values, setValues] = useState({ title: '', owner: '', deadline: '', status: 'planned' as MitigationStatus, taskId: '', description: '' });
  const [errors, setErrors] = useState<Partial<Record<'title' | 'owner' | 'deadline' | 'status' | 'taskId' | 'description', string>>>({});
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [toDelete, setToDelete] = useState<{ id: string; title: string; version: number } | undefined>(undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    if (values.title.trim() === '') {
      setErrors({ title: m.risks.form.titleRequired });
      return;
    }
    setErrors({});
    create.mutate(
      {
        title: values.title.trim(),
        description: values.description.trim() === '' ? null : values.description.trim(),
        owner: values.owner.trim() === '' ? null : values.owner.trim(),
        deadline: values.deadline === '' ? null : values.deadline,
        status: values.status,
        taskId: values.taskId === '' ? null : values.taskId,
      },
      {
        onSuccess: (saved) => {
          announce(t.added(saved.title));
          setValues({ title: '', owner: '', deadline: '', status: 'planned', taskId: '', description: '' });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.problems.length > 0) {
            const { byField, unmatched } = fieldErrorsFromProblems(error.problems, ['title', 'owner', 'deadline', 'status', 'taskId', 'description'] as const);
            setErrors(byField);
            if (unmatched.length > 0) setMessage(unmatched.join(' '));
          } else setMessage(errorText(error, m));
        },
      },
    );
  };

  return (
    <section className='samla-section' aria-labelledby='mitigations-heading'>
      <Heading level={2} data-size='sm' id='mitigations-heading'>
        {t.heading}
      </Heading>
      <Paragraph>{t.lead}</Paragraph>
      {message && (
        <Alert data-color='danger' role='alert'>
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
      {risk.mitigations.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <div className='samla-table-scroll'>
          <Table data-color='neutral' className='samla-table' border data-size='sm'>
            <caption className='ds-sr-only'>{t.caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t.title}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.owner}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.deadline}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.status}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.task}</Table.HeaderCell>
                {editable && <Table.HeaderCell scope='col'>{t.actions}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {risk.mitigations.map((mitigation) => (
                <Table.Row key={mitigation.id}>
                  <Table.Cell>
                    {mitigation.title}
                    {mitigation.description && <div className='samla-muted'>{mitigation.description}</div>}
                  </Table.Cell>
                  <Table.Cell>{mitigation.owner ?? m.decisions.none}</Table.Cell>
                  <Table.Cell className='samla-nowrap'>{mitigation.deadline ? fmt.date(mitigation.deadline) : m.decisions.none}</Table.Cell>
                  <Table.Cell>
                    {editable ? (
                      <Select
                        aria-label={t.statusFor(mitigation.title)}
                        data-size='sm'
                        value={mitigation.status}
                        onChange={(event) => {
                          const status = event.target.value;
                          if (!isMitigationStatus(status)) return;
                          update.mutate(
                            { id: mitigation.id, body: { version: mitigation.version, status } },
                            {
                              onSuccess: (saved) => announce(t.statusSaved(saved.title, m.risks.mitigationStatuses[saved.status] ?? saved.status)),
                              onError: (error) => setMessage(error instanceof ApiError && error.code === 'VERSION_CONFLICT' ? t.conflict : errorText(error, m)),
                            },
                          );
                        }}
                      >
                        {mitigationStatuses.map((status) => (
                          <Select.Option key={status} value={status}>
                            {m.risks.mitigationStatuses[status]}
                          </Select.Option>
                        ))}
                      </Select>
                    ) : (
                      m.risks.mitigationStatuses[mitigation.status]
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {mitigation.taskId ? <RouterLink to={paths.task(merger.id, mitigation.taskId)}>{mitigation.taskTitle ?? mitigation.taskId}</RouterLink> : m.decisions.none}
                  </Table.Cell>
                  {editable && (
                    <Table.Cell>
                      <Button
                        variant='tertiary'
                        data-size='sm'
                        data-color='danger'
                        aria-label={t.delete(mitigation.title)}
                        onClick={() => setToDelete({ id: mitigation.id, title: mitigation.title, version: mitigation.version })}
                      >
                        {t.deleteShort}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {editable && (
        <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby='mitigation-form-heading'>
          <Heading level={3} data-size='xs' id='mitigation-form-heading'>
            {t.addHeading}
          </Heading>
          <Textfield id='mitigation-title' label={t.titleLabel} value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} error={errors.title} />
          <Textfield
            id='mitigation-description'
            multiline
            rows={2}
            label={t.description}
            value={values.description}
            onChange={(e) => setValues({ ...values, description: e.target.value })}
            error={errors.description}
          />
          <Textfield id='mitigation-owner' label={t.owner} value={values.owner} onChange={(e) => setValues({ ...values, owner: e.target.value })} error={errors.owner} />
          <Textfield
            id='mitigation-deadline'
            type='date'
            label={t.deadline}
            value={values.deadline}
            onChange={(e) => setValues({ ...values, deadline: e.target.value })}
            error={errors.deadline}
            className='samla-date-field'
          />
          <Field>
            <Label htmlFor='mitigation-status'>{t.status}</Label>
            <Select
              id='mitigation-status'
              value={values.status}
              onChange={(e) => isMitigationStatus(e.target.value) && setValues({ ...values, status: e.target.value })}
            >
              {mitigationStatuses.map((status) => (
                <Select.Option key={status} value={status}>
                  {m.risks.mitigationStatuses[status]}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor='mitigation-task'>{t.task}</Label>
            <Select id='mitigation-task' value={values.taskId} onChange={(e) => setValues({ ...values, taskId: e.target.value })} aria-invalid={errors.taskId ? true : undefined}>
              <Select.Option value=''>{t.noTask}</Select.Option>
              {options.tasks.map((task) => (
                <Select.Option key={task.id} value={task.id}>
                  {task.title}
                </Select.Option>
              ))}
            </Select>
            {errors.taskId && <ValidationMessage>{errors.taskId}</ValidationMessage>}
          </Field>
          <div className='samla-form__actions'>
            <Button type='submit' variant='secondary' loading={create.isPending} disabled={create.isPending}>
              {t.add}
            </Button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={toDelete !== undefined}
        heading={t.deleteHeading}
        text={toDelete ? t.deleteText(toDelete.title) : ''}
        confirmLabel={t.deleteShort}
        pending={remove.isPending}
        onCancel={() => setToDelete(undefined)}
        onConfirm={() => {
          if (toDelete) remove.mutate(toDelete, { onSettled: () => setToDelete(undefined) });
        }}
      />
    </section>
  );
}

function RiskHistory({ merger, risk }: { merger: MergerDetail; risk: Risk }) {
  const i18n = useI18n();
  const { m } = i18n;
  // The risk's own field names, on top of the history's, for this table only.
  const withRiskFields = useMemo(
    () => ({ ...i18n, m: { ...m, history: { ...m.history, fields: { ...m.history.fields, ...m.risks.historyFields } } } }),
    [i18n, m],
  );
  const history = useRiskHistory(merger.id, risk.id);
  const municipalityNames = useMemo(() => new Map(merger.municipalities.map((mu) => [mu.number, mu.name])), [merger]);
  return (
    <section className='samla-section' aria-labelledby='risk-history-heading'>
      <Heading level={2} data-size='sm' id='risk-history-heading'>
        {m.risks.history}
      </Heading>
      {history.isPending && <Loading />}
      {history.isError && <LoadError error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && history.data.length === 0 && <Paragraph className='samla-muted'>{m.risks.historyEmpty}</Paragraph>}
      {history.data && history.data.length > 0 && (
        <I18nContext.Provider value={withRiskFields}>
          <HistoryTable mergerId={merger.id} entries={history.data} caption={m.risks.history} showEntity={false} municipalityNames={municipalityNames} />
        </I18nContext.Provider>
      )}
    </section>
  );
}
