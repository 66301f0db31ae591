import { Button, Fieldset, Heading, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import { indicatorDirections } from '#shared/contracts/benefits.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { emptyIndicator, indicatorBodyOf, type IndicatorField, indicatorFields, type IndicatorValues } from './benefit-form.ts';
import { useAddIndicator } from './benefits.api.ts';

export function IndicatorForm({ merger, benefitId }: { merger: MergerDetail; benefitId: string }) {
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
