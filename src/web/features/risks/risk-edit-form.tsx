import { Alert, Button, Field, Fieldset, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { consequenceDimensions, createRiskBody, riskStatuses, updateRiskBody, type Risk, type RiskMatrix } from '#shared/contracts/risks.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText } from '#web/components/query-state.tsx';
import { useVersionConflict, VersionConflict } from '#web/components/version-conflict.tsx';
import { useSolutionAreas } from '#web/features/inventory/inventory.api.ts';
import { useMerger } from '#web/features/mergers/mergers.api.ts';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { LinkPicker } from './link-picker.tsx';
import {
  changedRiskFields,
  isRiskStatus,
  riskBodyOf,
  riskFieldMessages,
  riskFields,
  riskRules,
  valuesOfRisk,
  worstOf,
  type RiskField,
  type RiskValues,
} from './risk-form.ts';
import { CellBadge } from './risk-shell.tsx';
import { useCreateRisk, useDeleteRisk, useUpdateRisk, type RiskOptions } from './risks.api.ts';

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

export interface RiskFormProps {
  mergerId: string;
  risk: Risk | undefined;
  start: RiskValues;
  suggestionKey: string | undefined;
  matrix: RiskMatrix;
  options: RiskOptions;
  reload: () => Promise<Risk | undefined>;
  municipalityName: (number: string) => string;
}

export function RiskForm({ mergerId, risk, start, suggestionKey, matrix, options, reload, municipalityName }: RiskFormProps) {
  const { m, fmt } = useI18n();
  const t = m.risks.form;
  const announce = useAnnounce();
  const navigate = useNavigate();
  const areas = useSolutionAreas();
  const create = useCreateRisk(mergerId);
  const update = useUpdateRisk(mergerId, risk?.id ?? '');
  const remove = useDeleteRisk(mergerId);
  const [base, setBase] = useState<Risk | undefined>(risk);
  const conflict = useVersionConflict<RiskValues>();
  const [savedNote, setSavedNote] = useState(false);
  const { values, setValues, errors, otherErrors, attempt, change, validate, showServerError, clearErrors } = useFormState<RiskValues, RiskField>(
    start,
    riskFields,
    { onChange: () => setSavedNote(false), messages: riskFieldMessages(m) },
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Accepting a risk (or changing or lifting an acceptance) is for prosjektleder and eier (decision 025).
  const merger = useMerger(mergerId);
  const decides = merger.data ? can(merger.data, 'decide') : false;
  const acceptanceLocked = !decides && base?.status === 'accepted';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSavedNote(false);
    const body = riskBodyOf(values);
    const version = base?.version ?? 0;
    if (!(base ? validate(updateRiskBody, { ...body, version }, riskRules(values, m)) : validate(createRiskBody, body, riskRules(values, m)))) return;
    const onError = (error: Error) => {
      if (!conflict.caught(error, values)) showServerError(error);
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
      { ...body, version },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setValues(valuesOfRisk(saved));
          conflict.clear();
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
    conflict.reloaded();
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [options.systems],
  );
  const areaOptions = useMemo(() => (areas.data ?? []).map((area) => ({ value: area.id, label: area.name })), [areas.data]);
  const integrationOptions = useMemo(
    () => options.integrations.map((integration) => ({ value: integration.id, label: integration.label })),
    [options.integrations],
  );
  const pending = create.isPending || update.isPending;
  const worst = worstOf(values.consequences);
  const draft = conflict.draft;
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
      <VersionConflict
        state={conflict.state}
        texts={{ heading: t.conflictHeading, text: t.conflictText, reload: t.conflictReload, reloaded: t.conflictReloaded, applyDraft: t.applyDraft }}
        onReload={loadLatest}
        onApply={() => {
          if (draft) setValues((current) => ({ ...current, ...Object.fromEntries(draftFields.map((field) => [field, draft[field]])) }));
          conflict.clear();
        }}
      >
        {draftFields.length > 0 && (
          <ul>
            {draftFields.map((field) => (
              <li key={field}>{fieldLabel(field, m)}</li>
            ))}
          </ul>
        )}
      </VersionConflict>
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
        <Textfield
          id={ids.cause}
          multiline
          rows={2}
          label={t.cause}
          value={values.cause}
          onChange={(e) => change('cause', e.target.value)}
          error={errors.cause}
        />
        <LinkPicker
          id={ids.systemIds}
          label={t.systems}
          options={systemOptions}
          selected={values.systemIds}
          onChange={(next) => change('systemIds', next)}
          error={errors.systemIds}
        />
        <LinkPicker
          id={ids.areaIds}
          label={t.areas}
          options={areaOptions}
          selected={values.areaIds}
          onChange={(next) => change('areaIds', next)}
          error={errors.areaIds}
        />
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
          <Select
            id={ids.likelihood}
            value={values.likelihood}
            onChange={(e) => change('likelihood', e.target.value)}
            aria-invalid={errors.likelihood ? true : undefined}
          >
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
