import { Alert, Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  benefitStatuses,
  benefitTypes,
  indicatorDirections,
  measurementDateProblem,
  type BenefitDetail,
  type Indicator,
} from '#shared/contracts/benefits.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, Loading, PageLoadError } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { paths } from '#web/lib/paths.ts';
import {
  benefitBodyOf,
  benefitFields,
  benefitValuesOf,
  emptyIndicator,
  indicatorBodyOf,
  indicatorFields,
  parseNumber,
  type BenefitField,
  type BenefitValues,
  type IndicatorField,
  type IndicatorValues,
} from './benefit-form.ts';
import {
  useAddIndicator,
  useBenefit,
  useDeleteBenefit,
  useDeleteIndicator,
  useDeleteMeasurement,
  useRecordMeasurement,
  useUpdateBenefit,
} from './benefits.api.ts';
import { statusColor } from './benefits.page.tsx';
import { chartLayout, indicatorSummary, measurementBehind, valueText } from './indicator-chart.ts';

export function BenefitPage() {
  const { benefitId = '' } = useParams();
  const { mergerId, merger, trail: mergerTrail } = useMergerRoute();
  const { m } = useI18n();
  const t = m.benefits;
  const detail = useBenefit(mergerId, benefitId);
  const title = detail.data?.benefit.title;
  useDocumentTitle(title ? t.benefitDocumentTitle(title, merger.name) : t.title);
  const trail = [...mergerTrail, { label: t.title, to: paths.benefits(mergerId) }];
  const error = detail.error;
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      {error ? (
        <>
          <PageLoadError error={error} onRetry={() => void detail.refetch()} />
        </>
      ) : detail.data ? (
        <BenefitView merger={merger} data={detail.data} reload={() => detail.refetch().then((result) => result.data)} />
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

function BenefitView({ merger, data, reload }: { merger: MergerDetail; data: BenefitDetail; reload: () => Promise<BenefitDetail | undefined> }) {
  const { m, fmt } = useI18n();
  const t = m.benefits;
  const editable = can(merger, 'edit');
  const { benefit } = data;
  const enablers = benefit.enablers;
  const hasEnablers = enablers.tasks.length + enablers.decisions.length + enablers.opportunities.length > 0;
  return (
    <>
      <Heading level={1} data-size='lg'>
        {benefit.title}
      </Heading>
      <dl className='samla-facts samla-overview-facts' aria-label={t.detail.facts}>
        <div>
          <dt>{t.form.status}</dt>
          <dd>
            <Tag data-size='sm' data-color={statusColor[benefit.status]}>
              {t.statuses[benefit.status]}
            </Tag>
          </dd>
        </div>
        <div>
          <dt>{t.form.type}</dt>
          <dd>{t.types[benefit.type]}</dd>
        </div>
        <div>
          <dt>{t.form.owner}</dt>
          <dd>{benefit.owner ?? t.none}</dd>
        </div>
        <div>
          <dt>{t.form.responsible}</dt>
          <dd>{benefit.responsible ?? t.none}</dd>
        </div>
        <div>
          <dt>{t.form.serviceArea}</dt>
          <dd>{benefit.serviceArea ?? t.none}</dd>
        </div>
        <div>
          <dt>{t.form.plannedRealisationDate}</dt>
          <dd>{benefit.plannedRealisationDate ? fmt.date(benefit.plannedRealisationDate) : t.none}</dd>
        </div>
      </dl>
      {benefit.description && <Paragraph className='samla-mt-4'>{benefit.description}</Paragraph>}
      {!editable && (
        <Alert data-color='info' className='samla-read-only-note samla-mt-4'>
          <Paragraph>{t.readOnly}</Paragraph>
        </Alert>
      )}
      <section className='samla-section' aria-labelledby='enablers-heading'>
        <Heading level={2} data-size='sm' id='enablers-heading'>
          {t.detail.enablers}
        </Heading>
        {!hasEnablers ? (
          <Paragraph>{t.detail.noEnablers}</Paragraph>
        ) : (
          <ul>
            {enablers.tasks.map((task) => (
              <li key={task.id}>
                <RouterLink to={paths.task(merger.id, task.id)}>{t.detail.task(task.title)}</RouterLink>
              </li>
            ))}
            {enablers.decisions.map((decision) => (
              <li key={decision.solutionAreaId}>
                <RouterLink to={paths.decisionArea(merger.id, decision.solutionAreaId)}>{t.detail.decision(decision.name)}</RouterLink>
              </li>
            ))}
            {enablers.opportunities.map((opportunity) => (
              <li key={opportunity.id}>{t.detail.opportunity(opportunity.title)}</li>
            ))}
          </ul>
        )}
      </section>
      <section className='samla-section' aria-labelledby='indicators-heading'>
        <Heading level={2} data-size='sm' id='indicators-heading'>
          {t.detail.indicatorsHeading}
        </Heading>
        {data.indicators.length === 0 && <Paragraph>{t.detail.noIndicators}</Paragraph>}
        {data.indicators.map((indicator) => (
          <IndicatorSection key={indicator.id} merger={merger} benefitId={benefit.id} indicator={indicator} editable={editable} />
        ))}
        {editable && <IndicatorForm merger={merger} benefitId={benefit.id} />}
      </section>
      {editable && <EditBenefitForm key={benefit.id} merger={merger} data={data} reload={reload} />}
    </>
  );
}

// ---------------------------------------------------------------- an indicator

function IndicatorSection({ merger, benefitId, indicator, editable }: { merger: MergerDetail; benefitId: string; indicator: Indicator; editable: boolean }) {
  const { m, fmt } = useI18n();
  const t = m.benefits.indicator;
  const headingId = `indicator-${indicator.id}`;
  const summary = indicatorSummary(indicator, m, fmt);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useDeleteIndicator(merger.id, benefitId);
  const announce = useAnnounce();
  return (
    <section className='samla-indicator samla-mt-4' aria-labelledby={headingId}>
      <Heading level={3} data-size='xs' id={headingId}>
        {indicator.name}{' '}
        {indicator.status.latest && (
          <Tag data-size='sm' data-color={indicator.status.behind ? 'danger' : 'success'}>
            {indicator.status.behind ? `⚠ ${t.behindTag}` : `✓ ${t.onPlanTag}`}
          </Tag>
        )}
      </Heading>
      <dl className='samla-facts'>
        <div>
          <dt>{t.baseline}</dt>
          <dd>{t.valueAt(valueText(indicator.baselineValue, indicator.unit, fmt), fmt.date(indicator.baselineDate))}</dd>
        </div>
        <div>
          <dt>{t.target}</dt>
          <dd>{t.valueAt(valueText(indicator.targetValue, indicator.unit, fmt), fmt.date(indicator.targetDate))}</dd>
        </div>
        <div>
          <dt>{t.direction}</dt>
          <dd>{m.benefits.directions[indicator.direction]}</dd>
        </div>
      </dl>
      {indicator.status.behind ? (
        <Alert data-color='warning' className='samla-mt-2' data-testid='behind-warning'>
          <Paragraph>{summary}</Paragraph>
        </Alert>
      ) : (
        <Paragraph className='samla-mt-2'>{summary}</Paragraph>
      )}
      <IndicatorChart indicator={indicator} summary={summary} />
      {indicator.measurements.length > 0 && (
        <ScrollRegion label={t.tableCaption(indicator.name)} className='samla-mt-2'>
          <Table data-color='neutral' className='samla-table' border data-size='sm'>
            <caption>{t.tableCaption(indicator.name)}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t.date}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.value}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.expected}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.verdict}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.comment}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.recordedBy}</Table.HeaderCell>
                {editable && (
                  <Table.HeaderCell scope='col'>
                    <span className='ds-sr-only'>{t.delete}</span>
                  </Table.HeaderCell>
                )}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {indicator.measurements.map((measurement) => (
                <MeasurementRow
                  key={measurement.id}
                  merger={merger}
                  benefitId={benefitId}
                  indicator={indicator}
                  measurement={measurement}
                  editable={editable}
                />
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {editable && <MeasurementForm merger={merger} benefitId={benefitId} indicator={indicator} />}
      {editable && (
        <>
          <Button variant='tertiary' data-color='danger' data-size='sm' className='samla-mt-2' onClick={() => setConfirmDelete(true)}>
            {t.deleteIndicator}
          </Button>
          <ConfirmDialog
            open={confirmDelete}
            heading={t.deleteIndicatorHeading}
            text={t.deleteIndicatorText(indicator.name)}
            confirmLabel={t.delete}
            pending={remove.isPending}
            error={remove.error ? errorText(remove.error, m) : undefined}
            onConfirm={() =>
              remove.mutate(indicator.id, {
                onSuccess: () => {
                  setConfirmDelete(false);
                  announce(t.indicatorDeleted(indicator.name));
                },
              })
            }
            onCancel={() => setConfirmDelete(false)}
          />
        </>
      )}
    </section>
  );
}

function MeasurementRow({
  merger,
  benefitId,
  indicator,
  measurement,
  editable,
}: {
  merger: MergerDetail;
  benefitId: string;
  indicator: Indicator;
  measurement: Indicator['measurements'][number];
  editable: boolean;
}) {
  const { m, fmt } = useI18n();
  const t = m.benefits.indicator;
  const behind = measurementBehind(indicator, measurement);
  const [confirm, setConfirm] = useState(false);
  const remove = useDeleteMeasurement(merger.id, benefitId, indicator.id);
  return (
    <Table.Row>
      <Table.HeaderCell scope='row' className='samla-nowrap'>
        {fmt.date(measurement.measuredOn)}
      </Table.HeaderCell>
      <Table.Cell>{valueText(measurement.value, indicator.unit, fmt)}</Table.Cell>
      <Table.Cell>{valueText(measurement.expected, indicator.unit, fmt)}</Table.Cell>
      <Table.Cell>{behind ? `⚠ ${t.behind}` : `✓ ${t.onPlan}`}</Table.Cell>
      <Table.Cell>{measurement.comment ?? m.benefits.none}</Table.Cell>
      <Table.Cell>{measurement.recordedBy}</Table.Cell>
      {editable && (
        <Table.Cell>
          <Button variant='tertiary' data-size='sm' data-color='danger' onClick={() => setConfirm(true)}>
            {t.deleteMeasurement(fmt.date(measurement.measuredOn))}
          </Button>
          <ConfirmDialog
            open={confirm}
            heading={t.deleteMeasurementHeading}
            text={t.deleteMeasurementText(fmt.date(measurement.measuredOn), valueText(measurement.value, indicator.unit, fmt))}
            confirmLabel={t.delete}
            pending={remove.isPending}
            error={remove.error ? errorText(remove.error, m) : undefined}
            onConfirm={() => remove.mutate(measurement.id, { onSuccess: () => setConfirm(false) })}
            onCancel={() => setConfirm(false)}
          />
        </Table.Cell>
      )}
    </Table.Row>
  );
}

/**
 * The measurements against the plan, in SVG. Screen readers get the title and the summary
 * sentence; the table after it is the full text alternative. Behind-plan points are triangles,
 * on-plan points circles, and each point carries its value: colour is never the only sign.
 */
function IndicatorChart({ indicator, summary }: { indicator: Indicator; summary: string }) {
  const { m, fmt } = useI18n();
  const t = m.benefits.indicator;
  const titleId = useId();
  const descId = useId();
  const layout = chartLayout(indicator);
  const { plot } = layout;
  return (
    <figure className='samla-chart'>
      <svg
        role='img'
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width='100%'
        style={{ maxWidth: layout.width }}
        data-testid='indicator-chart'
      >
        <title id={titleId}>{t.chartLabel(indicator.name)}</title>
        <desc id={descId}>{summary}</desc>
        <g aria-hidden='true' fontSize='12' fill='currentColor'>
          <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke='currentColor' />
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke='currentColor' />
          {layout.yTicks.map((tick) => (
            <g key={tick.value}>
              <line x1={plot.left - 4} x2={plot.right} y1={tick.y} y2={tick.y} stroke='currentColor' strokeOpacity='0.15' />
              <text x={plot.left - 8} y={tick.y + 4} textAnchor='end'>
                {fmt.number(tick.value)}
              </text>
            </g>
          ))}
          {layout.xTicks.map((tick) => (
            <g key={tick.date}>
              <line x1={tick.x} x2={tick.x} y1={plot.bottom} y2={plot.bottom + 4} stroke='currentColor' />
              <text x={tick.x} y={plot.bottom + 18} textAnchor='middle'>
                {fmt.date(tick.date)}
              </text>
            </g>
          ))}
          {indicator.unit && (
            <text x={plot.left - 8} y={plot.top - 10} textAnchor='end'>
              {indicator.unit}
            </text>
          )}
          <polyline
            points={layout.line.map((point) => `${point.x},${point.y}`).join(' ')}
            fill='none'
            stroke='currentColor'
            strokeWidth='2'
            strokeDasharray='6 4'
          />
          {layout.points.map((point) => (
            <g key={point.id}>
              {point.behind ? (
                <polygon
                  points={`${point.x},${point.y - 7} ${point.x - 7},${point.y + 5} ${point.x + 7},${point.y + 5}`}
                  fill='var(--ds-color-danger-base-default, #c01b1b)'
                />
              ) : (
                <circle cx={point.x} cy={point.y} r='5' fill='var(--ds-color-accent-base-default, #0062ba)' />
              )}
              <text x={point.x} y={point.y - 10} textAnchor='middle' fontWeight='bold'>
                {valueText(point.value, indicator.unit, fmt)}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption className='samla-muted'>
        {t.chartLegendLine}. {t.chartLegendPoint}.
      </figcaption>
    </figure>
  );
}

// ---------------------------------------------------------------- forms

const measurementFields = ['measuredOn', 'value', 'comment'] as const;

function MeasurementForm({ merger, benefitId, indicator }: { merger: MergerDetail; benefitId: string; indicator: Indicator }) {
  const { m, fmt } = useI18n();
  const t = m.benefits.measurementForm;
  const announce = useAnnounce();
  const record = useRecordMeasurement(merger.id, benefitId, indicator.id);
  const { values, setValues, errors, otherErrors, attempt, change, showCheck, showServerError } = useFormState(
    { measuredOn: '', value: '', comment: '' },
    measurementFields,
  );
  const ids = { measuredOn: `measure-${indicator.id}-date`, value: `measure-${indicator.id}-value`, comment: `measure-${indicator.id}-comment` };
  const headingId = `measure-${indicator.id}-heading`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    const value = parseNumber(values.value);
    if (values.measuredOn === '') found.measuredOn = m.benefits.indicatorForm.dateRequired;
    // The server refuses it too (decision 011); said here at once, and what was typed stays.
    else if (measurementDateProblem(values.measuredOn, indicator.baselineDate)) found.measuredOn = t.beforeBaseline(fmt.date(indicator.baselineDate));
    if (value === undefined) found.value = m.benefits.indicatorForm.numberRequired;
    showCheck(found);
    if (value === undefined || found.measuredOn) return;
    record.mutate(
      { measuredOn: values.measuredOn, value, comment: values.comment.trim() === '' ? null : values.comment.trim() },
      {
        onSuccess: () => {
          announce(t.recorded(valueText(value, indicator.unit, fmt), fmt.date(values.measuredOn)));
          setValues({ measuredOn: '', value: '', comment: '' });
        },
        onError: showServerError,
      },
    );
  };
  const summary: SummaryItem[] = measurementFields.flatMap((field) =>
    errors[field] ? [{ targetId: ids[field], message: errors[field] }] : [],
  );
  return (
    <div className='samla-mt-4'>
      <Heading level={4} data-size='2xs' id={headingId}>
        {t.heading(indicator.name)}
      </Heading>
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby={headingId}>
        <Textfield
          id={ids.measuredOn}
          type='date'
          label={t.measuredOn}
          description={t.baselineHint(fmt.date(indicator.baselineDate))}
          min={indicator.baselineDate}
          value={values.measuredOn}
          onChange={(e) => change('measuredOn', e.target.value)}
          error={errors.measuredOn}
        />
        <Textfield
          id={ids.value}
          inputMode='decimal'
          label={t.value(indicator.unit)}
          value={values.value}
          onChange={(e) => change('value', e.target.value)}
          error={errors.value}
        />
        <Textfield
          id={ids.comment}
          label={t.comment}
          value={values.comment}
          onChange={(e) => change('comment', e.target.value)}
          error={errors.comment}
        />
        <div className='samla-form__actions'>
          <Button type='submit' variant='secondary' loading={record.isPending} disabled={record.isPending}>
            {t.add}
          </Button>
        </div>
      </form>
    </div>
  );
}

function IndicatorForm({ merger, benefitId }: { merger: MergerDetail; benefitId: string }) {
  const { m } = useI18n();
  const t = m.benefits.indicatorForm;
  const announce = useAnnounce();
  const add = useAddIndicator(merger.id, benefitId);
  const { values, setValues, errors, otherErrors, attempt, change, showCheck, showServerError } = useFormState<IndicatorValues, IndicatorField>(
    emptyIndicator,
    indicatorFields,
  );
  const id = (field: IndicatorField) => (field === 'direction' ? 'indicator-direction-higher' : `indicator-${field}`);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { body, errors: found } = indicatorBodyOf(values, m);
    showCheck(found);
    if (!body) return;
    add.mutate(body, {
      onSuccess: () => {
        announce(t.added(body.name));
        setValues(emptyIndicator);
      },
      onError: showServerError,
    });
  };
  const summary: SummaryItem[] = indicatorFields.flatMap((field) => (errors[field] ? [{ targetId: id(field), message: errors[field] }] : []));
  const text = (field: Exclude<IndicatorField, 'direction'>, label: string, extra: { type?: 'date'; description?: string; inputMode?: 'decimal' } = {}) => (
    <Textfield id={id(field)} label={label} value={values[field]} onChange={(e) => change(field, e.target.value)} error={errors[field]} {...extra} />
  );
  return (
    <div className='samla-section'>
      <Heading level={3} data-size='xs' id='new-indicator-heading'>
        {t.heading}
      </Heading>
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby='new-indicator-heading'>
        {text('name', t.name)}
        {text('unit', t.unit, { description: t.unitDescription })}
        {text('baselineValue', t.baselineValue, { inputMode: 'decimal' })}
        {text('baselineDate', t.baselineDate, { type: 'date' })}
        {text('targetValue', t.targetValue, { inputMode: 'decimal' })}
        {text('targetDate', t.targetDate, { type: 'date' })}
        <Fieldset>
          <Fieldset.Legend>{t.direction}</Fieldset.Legend>
          <div className='samla-radios'>
            {indicatorDirections.map((direction) => (
              <Radio
                key={direction}
                id={`indicator-direction-${direction}`}
                name='indicator-direction'
                value={direction}
                label={m.benefits.directions[direction]}
                checked={values.direction === direction}
                onChange={() => change('direction', direction)}
              />
            ))}
          </div>
          {errors.direction && <ValidationMessage>{errors.direction}</ValidationMessage>}
        </Fieldset>
        <div className='samla-form__actions'>
          <Button type='submit' loading={add.isPending} disabled={add.isPending}>
            {t.add}
          </Button>
        </div>
      </form>
    </div>
  );
}

function EditBenefitForm({ merger, data, reload }: { merger: MergerDetail; data: BenefitDetail; reload: () => Promise<BenefitDetail | undefined> }) {
  const { m } = useI18n();
  const t = m.benefits.form;
  const announce = useAnnounce();
  const navigate = useNavigate();
  const update = useUpdateBenefit(merger.id, data.benefit.id);
  const remove = useDeleteBenefit(merger.id, data.benefit.id);
  const [version, setVersion] = useState(data.benefit.version);
  const { values, errors, otherErrors, attempt, change, showCheck, showServerError } = useFormState<BenefitValues, BenefitField>(
    () => benefitValuesOf(data.benefit),
    benefitFields,
  );
  const [conflict, setConflict] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  const ids = Object.fromEntries(benefitFields.map((field) => [field, `edit-benefit-${field}`])) as Record<BenefitField, string>;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { body, errors: found } = benefitBodyOf(values, m);
    showCheck(found);
    if (!body) return;
    // Enablers are not edited here; leaving them out keeps them as they are.
    const { taskIds: _t, decisionAreaIds: _d, ...fields } = body;
    update.mutate(
      { ...fields, version },
      {
        onSuccess: (saved) => {
          setVersion(saved.benefit.version);
          setConflict(false);
          announce(t.saved(saved.benefit.title));
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') setConflict(true);
          else showServerError(error);
        },
      },
    );
  };
  // Loads the latest version but keeps what the person typed, so saving again applies their change on top.
  const loadLatest = async () => {
    const latest = await reload();
    if (!latest) return;
    setVersion(latest.benefit.version);
    setConflict(false);
  };
  const summary: SummaryItem[] = benefitFields.flatMap((field) => (errors[field] ? [{ targetId: ids[field], message: errors[field] }] : []));
  return (
    <section className='samla-section' aria-labelledby='edit-benefit-heading'>
      <Heading level={2} data-size='sm' id='edit-benefit-heading'>
        {t.editHeading}
      </Heading>
      {conflict && (
        <Alert data-color='warning' ref={conflictRef} tabIndex={-1} role='alert' className='samla-conflict'>
          <Heading level={3} data-size='xs'>
            {t.conflictHeading}
          </Heading>
          <Paragraph>{t.conflictText}</Paragraph>
          <Button variant='secondary' data-size='sm' onClick={() => void loadLatest()} className='samla-mt-2'>
            {t.conflictReload}
          </Button>
        </Alert>
      )}
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby='edit-benefit-heading'>
        <Textfield id={ids.title} label={t.title} value={values.title} onChange={(e) => change('title', e.target.value)} error={errors.title} />
        <Field>
          <Label htmlFor={ids.type}>{t.type}</Label>
          <Select id={ids.type} value={values.type} onChange={(e) => change('type', e.target.value as BenefitValues['type'])}>
            {benefitTypes.map((type) => (
              <Select.Option key={type} value={type}>
                {m.benefits.types[type]}
              </Select.Option>
            ))}
          </Select>
          {errors.type && <ValidationMessage>{errors.type}</ValidationMessage>}
        </Field>
        <Field>
          <Label htmlFor={ids.status}>{t.status}</Label>
          <Select id={ids.status} value={values.status} onChange={(e) => change('status', e.target.value as BenefitValues['status'])}>
            {benefitStatuses.map((status) => (
              <Select.Option key={status} value={status}>
                {m.benefits.statuses[status]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield id={ids.owner} label={t.owner} value={values.owner} onChange={(e) => change('owner', e.target.value)} error={errors.owner} />
        <Textfield
          id={ids.responsible}
          label={t.responsible}
          value={values.responsible}
          onChange={(e) => change('responsible', e.target.value)}
          error={errors.responsible}
        />
        <Textfield
          id={ids.serviceArea}
          label={t.serviceArea}
          value={values.serviceArea}
          onChange={(e) => change('serviceArea', e.target.value)}
          error={errors.serviceArea}
        />
        <Textfield
          id={ids.plannedRealisationDate}
          type='date'
          label={t.plannedRealisationDate}
          value={values.plannedRealisationDate}
          onChange={(e) => change('plannedRealisationDate', e.target.value)}
          error={errors.plannedRealisationDate}
        />
        <Textfield
          id={ids.description}
          multiline
          rows={3}
          label={t.description}
          value={values.description}
          onChange={(e) => change('description', e.target.value)}
          error={errors.description}
        />
        <div className='samla-form__actions'>
          <Button type='submit' loading={update.isPending} disabled={update.isPending}>
            {update.isPending ? m.common.saving : t.save}
          </Button>
          <Button type='button' variant='secondary' data-color='danger' onClick={() => setConfirmDelete(true)}>
            {t.delete}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirmDelete}
        heading={t.deleteHeading}
        text={t.deleteText(data.benefit.title)}
        confirmLabel={m.benefits.indicator.delete}
        pending={remove.isPending}
        error={remove.error ? errorText(remove.error, m) : undefined}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate(paths.benefits(merger.id)) })}
        onCancel={() => setConfirmDelete(false)}
      />
    </section>
  );
}
