import { Button, Field, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { type BenefitDetail, benefitStatuses, benefitTypes } from '#shared/contracts/benefits.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { useVersionConflict, VersionConflict } from '#web/components/version-conflict.tsx';
import { errorText } from '#web/components/query-state.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { benefitBodyOf, type BenefitField, benefitFields, type BenefitValues, benefitValuesOf } from './benefit-form.ts';
import { useDeleteBenefit, useUpdateBenefit } from './benefits.api.ts';
import { ResponsibleField } from '#web/features/members/responsible-field.tsx';

export function EditBenefitForm({ merger, data, reload }: { merger: MergerDetail; data: BenefitDetail; reload: () => Promise<BenefitDetail | undefined> }) {
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
  const conflict = useVersionConflict<BenefitValues>();
  const [confirmDelete, setConfirmDelete] = useState(false);
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
          conflict.clear();
          announce(t.saved(saved.benefit.title));
        },
        onError: (error) => {
          if (!conflict.caught(error, values)) showServerError(error);
        },
      },
    );
  };
  // Loads the latest version but keeps what the person typed, so saving again applies their change on top.
  const loadLatest = async () => {
    const latest = await reload();
    if (!latest) return;
    setVersion(latest.benefit.version);
    conflict.clear();
  };
  const summary: SummaryItem[] = benefitFields.flatMap((field) => (errors[field] ? [{ targetId: ids[field], message: errors[field] }] : []));
  return (
    <section className='samla-section' aria-labelledby='edit-benefit-heading'>
      <Heading level={2} data-size='sm' id='edit-benefit-heading'>
        {t.editHeading}
      </Heading>
      <VersionConflict state={conflict.state} texts={{ heading: t.conflictHeading, text: t.conflictText, reload: t.conflictReload }} onReload={loadLatest} />
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
        <ResponsibleField
          id={ids.responsible}
          mergerId={merger.id}
          label={t.responsible}
          value={{ text: values.responsible, userId: values.responsibleUserId }}
          onChange={(picked) => {
            change('responsible', picked.text);
            change('responsibleUserId', picked.userId);
          }}
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
