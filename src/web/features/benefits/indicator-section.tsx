import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import type { Indicator } from '#shared/contracts/benefits.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText } from '#web/components/query-state.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { useDeleteIndicator, useDeleteMeasurement } from './benefits.api.ts';
import { chartLayout, indicatorSummary, measurementBehind, valueText } from './indicator-chart.ts';
import { MeasurementForm } from './measurement-form.tsx';

export function IndicatorSection({
  merger,
  benefitId,
  indicator,
  editable,
}: {
  merger: MergerDetail;
  benefitId: string;
  indicator: Indicator;
  editable: boolean;
}) {
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
