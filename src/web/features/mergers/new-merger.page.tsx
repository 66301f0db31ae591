import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { createMergerBody, type CreateMergerBody } from '#shared/contracts/mergers.ts';
import { proposedDocumentLanguage } from '#shared/document-language.ts';
import type { Language } from '#shared/language.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { MunicipalityPicker } from '#web/features/municipalities/municipality-picker.tsx';
import { useMunicipalityRegister } from '#web/features/municipalities/municipalities.api.ts';
import { catalogErrorText } from '#web/i18n/error-messages.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { indexInPath } from '#web/lib/field-errors.ts';
import { paths } from '#web/lib/paths.ts';
import { DocumentLanguageField, documentLanguageInputId } from './document-language-field.tsx';
import { useCreateMerger } from './mergers.api.ts';

const fields = ['name', 'newMunicipalityName', 'mergerDate', 'municipalities', 'documentLanguage'] as const;
type FieldName = (typeof fields)[number];

const inputIds: Record<FieldName, string> = {
  name: 'merger-name',
  newMunicipalityName: 'merger-new-municipality',
  mergerDate: 'merger-date',
  municipalities: 'merger-municipalities',
  documentLanguage: documentLanguageInputId('merger'),
};

interface FormValues {
  name: string;
  newMunicipalityName: string;
  mergerDate: string;
  municipalities: string[];
  /** Empty until proposed or chosen. */
  documentLanguage: Language | '';
}

/** Stands in for a date the browser could not read, so the contract calls it a wrong date rather than a missing one. */
const unreadableDate = 'unreadable';

export function NewMergerPage() {
  const { m } = useI18n();
  const t = m.mergers.form;
  useDocumentTitle(t.title);
  const register = useMunicipalityRegister();
  const create = useCreateMerger();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const dateRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);

  const { values, errors, otherErrors, attempt, change, validate, showServerErrorWith } = useFormState<FormValues, FieldName>(
    { name: '', newMunicipalityName: '', mergerDate: '', municipalities: [], documentLanguage: '' },
    fields,
    {
      messages: {
        name: { required: t.nameRequired },
        newMunicipalityName: { required: t.newMunicipalityNameRequired },
        mergerDate: { required: t.mergerDateRequired, date: t.mergerDateInvalid },
      },
    },
  );
  const [itemErrors, setItemErrors] = useState<Record<number, string>>({});
  // Once the person picks a målform, new municipalities no longer change it.
  const [languageChosen, setLanguageChosen] = useState(false);
  const formsByNumber = new Map((register.data?.municipalities ?? []).map((municipality) => [municipality.number, municipality.languageForm]));
  const pickedForms = values.municipalities.flatMap((number) => formsByNumber.get(number) ?? []);
  const proposal = proposedDocumentLanguage(pickedForms);
  const languageNote =
    pickedForms.length >= 2 && proposal === null
      ? m.mergers.documentLanguage.mixed
      : proposal !== null && values.documentLanguage === proposal && !languageChosen
        ? m.mergers.documentLanguage.proposed
        : null;

  const dateIsBad = () => dateRef.current instanceof HTMLInputElement && dateRef.current.validity.badInput;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setItemErrors({});
    const body: CreateMergerBody = {
      name: values.name.trim(),
      newMunicipalityName: values.newMunicipalityName.trim(),
      mergerDate: values.mergerDate,
      municipalities: values.municipalities,
      ...(values.documentLanguage !== '' ? { documentLanguage: values.documentLanguage } : {}),
    };
    // A date the browser could not read is empty to the contract, which would ask for one:
    // it is checked as the wrong date it is. At least two different municipalities is the service's rule.
    const checked = dateIsBad() ? { ...body, mergerDate: unreadableDate } : body;
    const rules: Partial<Record<FieldName, string>> = {};
    if (new Set(values.municipalities).size < 2) rules.municipalities = m.municipalities.picker.tooFew;
    // Mixed målformer give no proposal: the merged municipality must choose, so the form asks.
    if (values.documentLanguage === '') rules.documentLanguage = m.mergers.documentLanguage.required;
    if (!validate(createMergerBody, checked, rules)) return;

    create.mutate(body, {
      onSuccess: (merger) => {
        announce(m.announcer.mergerCreated(merger.name));
        void navigate(paths.merger(merger.id));
      },
      onError: (error) => {
        showServerErrorWith(error, (byField, failure) => {
          const perItem: Record<number, string> = {};
          for (const problem of failure.problems) {
            const index = indexInPath(problem.path, 'municipalities');
            if (index !== undefined && perItem[index] === undefined) perItem[index] = problem.message;
          }
          // The catalog's wording for a known code, else the server's message.
          const known = catalogErrorText(m.errors.byCode, failure.code, failure.details);
          if (byField.municipalities !== undefined && known && failure.code !== 'VALIDATION_FAILED') byField.municipalities = known;
          setItemErrors(perItem);
        });
      },
    });
  };

  const summary: SummaryItem[] = fields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ targetId: inputIds[field], message }] : [];
  });

  return (
    <>
      <PageBreadcrumbs trail={[{ label: m.mergers.list.title, to: paths.mergers() }]} />
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>

      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />

      {register.isPending && <Loading label={m.municipalities.picker.loading} />}
      {register.isError && <LoadError error={register.error} onRetry={() => void register.refetch()} />}
      {register.data && (
        <form noValidate onSubmit={onSubmit} className='samla-form' aria-label={t.title}>
          <Textfield
            id={inputIds.name}
            label={t.name}
            description={t.nameDescription}
            value={values.name}
            onChange={(event) => change('name', event.target.value)}
            error={errors.name}
            autoComplete='off'
          />
          <Textfield
            id={inputIds.newMunicipalityName}
            label={t.newMunicipalityName}
            value={values.newMunicipalityName}
            onChange={(event) => change('newMunicipalityName', event.target.value)}
            error={errors.newMunicipalityName}
            autoComplete='off'
          />
          <Textfield
            ref={dateRef}
            id={inputIds.mergerDate}
            type='date'
            label={t.mergerDate}
            description={t.mergerDateDescription}
            value={values.mergerDate}
            onChange={(event) => change('mergerDate', event.target.value)}
            error={errors.mergerDate}
            min='1900-01-01'
            max='2200-12-31'
            className='samla-date-field'
          />
          <MunicipalityPicker
            inputId={inputIds.municipalities}
            register={register.data.municipalities}
            selected={values.municipalities}
            onChange={(numbers) => {
              change('municipalities', numbers);
              setItemErrors({});
              if (!languageChosen) {
                const forms = numbers.flatMap((number) => formsByNumber.get(number) ?? []);
                change('documentLanguage', proposedDocumentLanguage(forms) ?? '');
              }
            }}
            error={errors.municipalities}
            itemErrors={itemErrors}
          />
          <DocumentLanguageField
            idPrefix='merger'
            value={values.documentLanguage}
            onChange={(language) => {
              setLanguageChosen(true);
              change('documentLanguage', language);
            }}
            error={errors.documentLanguage}
            description={m.mergers.documentLanguage.description}
            note={languageNote}
          />
          <div className='samla-form__actions'>
            <Button type='submit' loading={create.isPending} disabled={create.isPending}>
              {create.isPending ? t.submitting : t.submit}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
