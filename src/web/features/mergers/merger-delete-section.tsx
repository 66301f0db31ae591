import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { deleteMergerBody, type MergerDetail } from '#shared/contracts/mergers.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { useDeleteMerger } from './mergers.api.ts';

const fields = ['name'] as const;
const inputId = 'delete-merger-name';

/** Delete the merger for good; the owner types its exact name to confirm (decision 033). */
export function MergerDeleteSection({ merger }: { merger: MergerDetail }) {
  const { m } = useI18n();
  const t = m.mergers.edit;
  const announce = useAnnounce();
  const navigate = useNavigate();
  const remove = useDeleteMerger(merger.id);
  const [typed, setTyped] = useState('');
  const { errors, otherErrors, attempt, validate, showServerErrorWith, clearField } = useFormState<{ name: string }, 'name'>({ name: '' }, fields);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name: typed };
    // The contract takes any text; what must be typed is the service's rule, checked here first.
    const rules =
      typed.trim() === ''
        ? { name: t.deleteNameRequired }
        : typed.trim() !== merger.name.trim()
          ? { name: m.errors.byCode.MERGER_NAME_MISMATCH as string }
          : {};
    if (!validate(deleteMergerBody, body, rules)) return;
    remove.mutate(body, {
      onSuccess: () => {
        announce(t.deleted(merger.name));
        void navigate(paths.mergers());
      },
      onError: (error) =>
        showServerErrorWith(error, (byField, failure) => {
          if (failure.code === 'MERGER_NAME_MISMATCH') byField.name = m.errors.byCode.MERGER_NAME_MISMATCH as string;
        }),
    });
  };

  const summary: SummaryItem[] = errors.name ? [{ targetId: inputId, message: errors.name }] : [];

  return (
    <section className='samla-section' aria-labelledby='merger-delete-heading'>
      <Heading level={2} data-size='sm' id='merger-delete-heading'>
        {t.deleteHeading}
      </Heading>
      <Paragraph>{t.deleteText}</Paragraph>
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <form noValidate onSubmit={onSubmit} className='samla-form' aria-label={t.deleteHeading}>
        <Textfield
          id={inputId}
          label={t.deleteName(merger.name)}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            clearField('name');
          }}
          error={errors.name}
          autoComplete='off'
        />
        <div className='samla-form__actions'>
          <Button type='submit' data-color='danger' loading={remove.isPending} disabled={remove.isPending}>
            {remove.isPending ? t.deleting : t.delete}
          </Button>
        </div>
      </form>
    </section>
  );
}
