import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import { type Indicator, measurementBody, measurementDateProblem } from '#shared/contracts/benefits.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { parseNumber } from './benefit-form.ts';
import { useRecordMeasurement } from './benefits.api.ts';
import { valueText } from './indicator-chart.ts';

const measurementFields = ['measuredOn', 'value', 'comment'] as const;

export function MeasurementForm({ merger, benefitId, indicator }: { merger: MergerDetail; benefitId: string; indicator: Indicator }) {
  const { m, fmt } = useI18n();
  const t = m.benefits.measurementForm;
  const announce = useAnnounce();
  const record = useRecordMeasurement(merger.id, benefitId, indicator.id);
  const { values, setValues, errors, otherErrors, attempt, change, validate, showServerError } = useFormState(
    { measuredOn: '', value: '', comment: '' },
    measurementFields,
    { messages: { measuredOn: m.benefits.indicatorForm.dateRequired, value: m.benefits.indicatorForm.numberRequired } },
  );
  const ids = { measuredOn: `measure-${indicator.id}-date`, value: `measure-${indicator.id}-value`, comment: `measure-${indicator.id}-comment` };
  const headingId = `measure-${indicator.id}-heading`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // A text that is not a number goes as NaN, which the contract refuses as «not a number».
    const value = parseNumber(values.value) ?? Number.NaN;
    const body = { measuredOn: values.measuredOn, value, comment: values.comment.trim() === '' ? null : values.comment.trim() };
    // The server refuses it too (decision 011); said here at once, and what was typed stays.
    const beforeBaseline =
      values.measuredOn !== '' && measurementDateProblem(values.measuredOn, indicator.baselineDate)
        ? { measuredOn: t.beforeBaseline(fmt.date(indicator.baselineDate)) }
        : {};
    if (!validate(measurementBody, body, beforeBaseline)) return;
    record.mutate(body, {
      onSuccess: () => {
        announce(t.recorded(valueText(value, indicator.unit, fmt), fmt.date(values.measuredOn)));
        setValues({ measuredOn: '', value: '', comment: '' });
      },
      onError: showServerError,
    });
  };
  const summary: SummaryItem[] = measurementFields.flatMap((field) => (errors[field] ? [{ targetId: ids[field], message: errors[field] }] : []));
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
        <Textfield id={ids.comment} label={t.comment} value={values.comment} onChange={(e) => change('comment', e.target.value)} error={errors.comment} />
        <div className='samla-form__actions'>
          <Button type='submit' variant='secondary' loading={record.isPending} disabled={record.isPending}>
            {t.add}
          </Button>
        </div>
      </form>
    </div>
  );
}
