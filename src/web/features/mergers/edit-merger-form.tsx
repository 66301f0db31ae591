import { Alert, Button, Checkbox, Heading, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import { updateMergerBody, type MergerChangePreview, type MergerDetail, type UpdateMergerBody } from '#shared/contracts/mergers.ts';
import type { Municipality } from '#shared/contracts/municipalities.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { useVersionConflict, VersionConflict } from '#web/components/version-conflict.tsx';
import { MunicipalityPicker } from '#web/features/municipalities/municipality-picker.tsx';
import { useMunicipalityRegister } from '#web/features/municipalities/municipalities.api.ts';
import { catalogErrorText } from '#web/i18n/error-messages.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { indexInPath } from '#web/lib/field-errors.ts';
import { paths } from '#web/lib/paths.ts';
import type { Language } from '#shared/language.ts';
import { DocumentLanguageField, documentLanguageInputId } from './document-language-field.tsx';
import { useMerger, usePreviewMergerChange, useUpdateMerger } from './mergers.api.ts';

const fields = ['name', 'newMunicipalityName', 'mergerDate', 'municipalities', 'documentLanguage', 'confirmRemoval'] as const;
type FieldName = (typeof fields)[number];

const inputIds: Record<FieldName, string> = {
  name: 'edit-merger-name',
  newMunicipalityName: 'edit-merger-new-municipality',
  mergerDate: 'edit-merger-date',
  municipalities: 'edit-merger-municipalities',
  documentLanguage: documentLanguageInputId('edit-merger'),
  confirmRemoval: 'edit-merger-confirm-removal',
};

interface FormValues {
  name: string;
  newMunicipalityName: string;
  mergerDate: string;
  municipalities: string[];
  documentLanguage: Language;
  confirmRemoval: boolean;
}

const valuesOf = (merger: MergerDetail): FormValues => ({
  name: merger.name,
  newMunicipalityName: merger.newMunicipalityName,
  mergerDate: merger.mergerDate,
  municipalities: merger.municipalities.map((m) => m.number),
  documentLanguage: merger.documentLanguage,
  confirmRemoval: false,
});

/** What the preview was asked for: a new one is needed when the date, the municipalities or the målform change again. */
const previewKey = (values: FormValues) => JSON.stringify([values.mergerDate, values.municipalities, values.documentLanguage]);

/**
 * The merger's basics (decision 033). A new date or a removed municipality is shown first —
 * what moves, what would be deleted — and saved with a second press, so nothing moves or goes
 * that the person has not seen.
 */
export function EditMergerForm({ merger }: { merger: MergerDetail }) {
  const { m } = useI18n();
  const t = m.mergers.edit;
  const form = m.mergers.form;
  const register = useMunicipalityRegister();
  const update = useUpdateMerger(merger.id);
  const newest = useMerger(merger.id);
  const preview = usePreviewMergerChange(merger.id);
  const navigate = useNavigate();
  const announce = useAnnounce();
  const conflict = useVersionConflict<FormValues>();
  const dateRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<{ key: string; preview: MergerChangePreview } | undefined>(undefined);

  const { values, setValues, errors, otherErrors, attempt, change, validate, showServerErrorWith } = useFormState<FormValues, FieldName>(
    () => valuesOf(merger),
    fields,
    {
      messages: {
        name: { required: form.nameRequired },
        newMunicipalityName: { required: form.newMunicipalityNameRequired },
        mergerDate: { required: form.mergerDateRequired, date: form.mergerDateInvalid },
      },
    },
  );
  const [itemErrors, setItemErrors] = useState<Record<number, string>>({});

  // The merger's own municipalities stay pickable even when today's register no longer has them (a past reform).
  const choices = useMemo<Municipality[]>(() => {
    const list = register.data?.municipalities ?? [];
    const known = new Set(list.map((municipality) => municipality.number));
    const recorded = merger.municipalities
      .filter((municipality) => !known.has(municipality.number))
      .map((municipality) => ({ ...municipality, nameParts: [municipality.name], county: '', countyNumber: '' }));
    return [...list, ...recorded];
  }, [register.data, merger.municipalities]);

  const current = previewKey(values);
  const dateChanged = values.mergerDate !== merger.mergerDate;
  const removed = merger.municipalities.some((municipality) => !values.municipalities.includes(municipality.number));
  // A new målform retitles the library's tasks: shown first, like a new date.
  const languageChanged = values.documentLanguage !== merger.documentLanguage;
  const needsPreview = dateChanged || removed || languageChanged;
  const previewShown = shown && shown.key === current ? shown.preview : undefined;
  const inventoryGoes = (previewShown?.removedMunicipalities ?? []).some((municipality) => municipality.inventory.length > 0);

  const bodyOf = (): UpdateMergerBody => ({
    version: merger.version,
    name: values.name.trim(),
    newMunicipalityName: values.newMunicipalityName.trim(),
    mergerDate: values.mergerDate,
    municipalities: values.municipalities,
    documentLanguage: values.documentLanguage,
    ...(inventoryGoes ? { confirmRemoval: values.confirmRemoval } : {}),
  });

  const showError = (error: Error) =>
    showServerErrorWith(error, (byField, failure) => {
      const perItem: Record<number, string> = {};
      for (const problem of failure.problems) {
        const index = indexInPath(problem.path, 'municipalities');
        if (index !== undefined && perItem[index] === undefined) perItem[index] = problem.message;
      }
      setItemErrors(perItem);
      const known = catalogErrorText(m.errors.byCode, failure.code, failure.details) ?? failure.message;
      if (failure.code === 'MUNICIPALITY_HAS_INVENTORY' || failure.code === 'MUNICIPALITY_SYSTEMS_IN_USE') byField.municipalities = known;
      else if (byField.municipalities !== undefined && failure.code !== 'VALIDATION_FAILED') byField.municipalities = known;
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setItemErrors({});
    const body = bodyOf();
    const dateIsBad = dateRef.current instanceof HTMLInputElement && dateRef.current.validity.badInput;
    const checked = dateIsBad ? { ...body, mergerDate: 'unreadable' } : body;
    const rules: Partial<Record<FieldName, string>> = {};
    if (new Set(values.municipalities).size < 2) rules.municipalities = m.municipalities.picker.tooFew;
    if (previewShown && inventoryGoes && !values.confirmRemoval) rules.confirmRemoval = t.confirmRemovalRequired;
    if (!validate(updateMergerBody, checked, rules)) return;

    if (needsPreview && !previewShown) {
      const { version: _version, confirmRemoval: _confirm, ...asked } = body;
      preview.mutate(asked, {
        onSuccess: (result) => {
          setShown({ key: current, preview: result });
          window.setTimeout(() => previewRef.current?.focus(), 0);
        },
        onError: showError,
      });
      return;
    }
    update.mutate(body, {
      onSuccess: (saved) => {
        conflict.clear();
        announce(m.announcer.mergerSaved(saved.name));
        void navigate(paths.merger(saved.id));
      },
      onError: (error) => {
        if (conflict.caught(error, values)) return;
        showError(error);
      },
    });
  };

  const summary: SummaryItem[] = fields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ targetId: inputIds[field], message }] : [];
  });
  const busy = update.isPending || preview.isPending;
  const preparing = needsPreview && !previewShown;

  if (register.isPending) return <Loading label={m.municipalities.picker.loading} />;
  if (register.isError) return <LoadError error={register.error} onRetry={() => void register.refetch()} />;

  return (
    <>
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <VersionConflict
        state={conflict.state}
        texts={t.conflict}
        headingLevel={2}
        onReload={async () => {
          const fresh = await newest.refetch();
          if (fresh.data) setValues(valuesOf(fresh.data));
          setShown(undefined);
          conflict.clear();
        }}
      />
      <form noValidate onSubmit={onSubmit} className='samla-form' aria-label={t.title}>
        <Textfield
          id={inputIds.name}
          label={form.name}
          value={values.name}
          onChange={(event) => change('name', event.target.value)}
          error={errors.name}
          autoComplete='off'
        />
        <Textfield
          id={inputIds.newMunicipalityName}
          label={form.newMunicipalityName}
          value={values.newMunicipalityName}
          onChange={(event) => change('newMunicipalityName', event.target.value)}
          error={errors.newMunicipalityName}
          autoComplete='off'
        />
        <Textfield
          ref={dateRef}
          id={inputIds.mergerDate}
          type='date'
          label={form.mergerDate}
          description={form.mergerDateDescription}
          value={values.mergerDate}
          onChange={(event) => change('mergerDate', event.target.value)}
          error={errors.mergerDate}
          min='1900-01-01'
          max='2200-12-31'
          className='samla-date-field'
        />
        <MunicipalityPicker
          inputId={inputIds.municipalities}
          register={choices}
          selected={values.municipalities}
          onChange={(numbers) => {
            change('municipalities', numbers);
            setItemErrors({});
          }}
          error={errors.municipalities}
          itemErrors={itemErrors}
        />
        <DocumentLanguageField
          idPrefix='edit-merger'
          value={values.documentLanguage}
          onChange={(language) => change('documentLanguage', language)}
          error={errors.documentLanguage}
          description={m.mergers.documentLanguage.editDescription}
        />

        {previewShown && <ChangePreview preview={previewShown} refTo={previewRef} />}
        {previewShown && inventoryGoes && (
          <div>
            <Checkbox
              id={inputIds.confirmRemoval}
              label={t.confirmRemoval}
              checked={values.confirmRemoval}
              onChange={(event) => change('confirmRemoval', event.target.checked)}
              aria-invalid={errors.confirmRemoval ? true : undefined}
              aria-describedby={errors.confirmRemoval ? `${inputIds.confirmRemoval}-error` : undefined}
            />
            {errors.confirmRemoval && <ValidationMessage id={`${inputIds.confirmRemoval}-error`}>{errors.confirmRemoval}</ValidationMessage>}
          </div>
        )}

        <div className='samla-form__actions'>
          <Button type='submit' loading={busy} disabled={busy}>
            {busy ? (preparing ? t.checking : t.submitting) : preparing ? t.checkChanges : t.submit}
          </Button>
        </div>
      </form>
    </>
  );
}

function ChangePreview({ preview, refTo }: { preview: MergerChangePreview; refTo: RefObject<HTMLDivElement | null> }) {
  const { m, fmt } = useI18n();
  const t = m.mergers.edit;
  const moves = preview.mergerDate;
  const nothingMoves = moves && moves.phases.length === 0 && moves.milestones.length === 0 && moves.tasks.count === 0;
  return (
    <Alert data-color='info' ref={refTo} tabIndex={-1} className='samla-merger-preview'>
      <Heading level={2} data-size='xs'>
        {t.previewHeading}
      </Heading>
      {moves && (
        <>
          <Paragraph>{t.previewDate(fmt.date(moves.before), fmt.date(moves.after))}</Paragraph>
          {nothingMoves && <Paragraph>{t.previewNothingMoves}</Paragraph>}
          {moves.phases.length > 0 && (
            <>
              <Heading level={3} data-size='2xs'>
                {t.previewPhases}
              </Heading>
              <ul>
                {moves.phases.map((phase) => (
                  <li key={phase.number}>
                    {t.previewPhase(
                      fmt.number(phase.number),
                      phase.name,
                      `${fmt.date(phase.before.start)}–${fmt.date(phase.before.end)}`,
                      `${fmt.date(phase.after.start)}–${fmt.date(phase.after.end)}`,
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {moves.unchangedPhases.length > 0 && <Paragraph>{t.previewUnchangedPhases(fmt.list(moves.unchangedPhases.map((phase) => phase.name)))}</Paragraph>}
          {moves.milestones.length > 0 && (
            <>
              <Heading level={3} data-size='2xs'>
                {t.previewMilestones}
              </Heading>
              <ul>
                {moves.milestones.map((milestone) => (
                  <li key={milestone.title}>{t.previewMilestone(milestone.title, fmt.date(milestone.before), fmt.date(milestone.after))}</li>
                ))}
              </ul>
            </>
          )}
          <Paragraph>{t.previewTasks(moves.tasks.count)}</Paragraph>
          {moves.tasks.titles.length > 0 && (
            <>
              <Paragraph data-size='sm'>{t.previewTaskTitles}</Paragraph>
              <ul>
                {moves.tasks.titles.map((title, index) => (
                  <li key={index}>{title}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {preview.documentLanguage && (
        <Paragraph>
          {m.mergers.documentLanguage.previewChange(
            m.mergers.documentLanguage.inText[preview.documentLanguage.before],
            m.mergers.documentLanguage.inText[preview.documentLanguage.after],
            preview.documentLanguage.libraryTasks,
          )}
        </Paragraph>
      )}
      {preview.addedMunicipalities.length > 0 && (
        <Paragraph>{t.previewAdded(fmt.list(preview.addedMunicipalities.map((municipality) => municipality.name)))}</Paragraph>
      )}
      {preview.removedMunicipalities.map((municipality) => (
        <div key={municipality.number}>
          <Paragraph>{t.previewRemoved(municipality.name)}</Paragraph>
          {municipality.inventory.length === 0 ? (
            <Paragraph data-size='sm'>{t.previewRemovedEmpty}</Paragraph>
          ) : (
            <>
              <Paragraph data-size='sm'>{t.previewRemovedInventory}</Paragraph>
              <ul>
                {municipality.inventory.map((kind) => (
                  <li key={kind.kind}>
                    {t.previewKind(t.inventoryKinds[kind.kind] ?? kind.kind, kind.count, kind.names.map((name) => `«${name}»`).join(', '))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
    </Alert>
  );
}
