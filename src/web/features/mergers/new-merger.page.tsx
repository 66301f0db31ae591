import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { CreateMergerBody } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { MunicipalityPicker } from '#web/features/municipalities/municipality-picker.tsx';
import { useMunicipalityRegister } from '#web/features/municipalities/municipalities.api.ts';
import { catalogErrorText } from '#web/i18n/error-messages.ts';
import { useI18n, type Messages } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { isCalendarDate } from '#shared/calendar-dates.ts';
import { fieldErrorsFromProblems, indexInPath } from '#web/lib/field-errors.ts';
import { paths } from '#web/lib/paths.ts';
import { useCreateMerger } from './mergers.api.ts';

const fields = ['name', 'newMunicipalityName', 'mergerDate', 'municipalities'] as const;
type FieldName = (typeof fields)[number];

const inputIds: Record<FieldName, string> = {
  name: 'merger-name',
  newMunicipalityName: 'merger-new-municipality',
  mergerDate: 'merger-date',
  municipalities: 'merger-municipalities',
};

interface FormValues {
  name: string;
  newMunicipalityName: string;
  mergerDate: string;
  municipalities: string[];
}

type FieldErrors = Partial<Record<FieldName, string>>;

/** The same rules as the API's, so most mistakes are caught before sending; the server still decides. */
function validate(values: FormValues, m: Messages, dateIsBad: boolean): FieldErrors {
  const t = m.mergers.form;
  const errors: FieldErrors = {};
  if (values.name.trim() === '') errors.name = t.nameRequired;
  else if (values.name.trim().length > 200) errors.name = t.tooLong('200');
  if (values.newMunicipalityName.trim() === '') errors.newMunicipalityName = t.newMunicipalityNameRequired;
  else if (values.newMunicipalityName.trim().length > 200) errors.newMunicipalityName = t.tooLong('200');
  if (dateIsBad) errors.mergerDate = t.mergerDateInvalid;
  else if (values.mergerDate === '') errors.mergerDate = t.mergerDateRequired;
  else if (!isCalendarDate(values.mergerDate)) errors.mergerDate = t.mergerDateInvalid;
  if (new Set(values.municipalities).size < 2) errors.municipalities = m.municipalities.picker.tooFew;
  return errors;
}

export function NewMergerPage() {
  const { m } = useI18n();
  const t = m.mergers.form;
  useDocumentTitle(t.title);
  const register = useMunicipalityRegister();
  const create = useCreateMerger();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const dateRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);

  const [values, setValues] = useState<FormValues>({ name: '', newMunicipalityName: '', mergerDate: '', municipalities: [] });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [itemErrors, setItemErrors] = useState<Record<number, string>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  const dateIsBad = () => dateRef.current instanceof HTMLInputElement && dateRef.current.validity.badInput;

  const update = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    const next = { ...values, [field]: value };
    setValues(next);
    // Once a field has been marked wrong, tell as soon as it is right again.
    if (errors[field] !== undefined) {
      const again = validate(next, m, field === 'mergerDate' && dateIsBad());
      setErrors((current) => ({ ...current, [field]: again[field] }));
    }
    if (field === 'municipalities') setItemErrors({});
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setOtherErrors([]);
    setItemErrors({});
    const found = validate(values, m, dateIsBad());
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    const body: CreateMergerBody = {
      name: values.name.trim(),
      newMunicipalityName: values.newMunicipalityName.trim(),
      mergerDate: values.mergerDate,
      municipalities: values.municipalities,
    };
    create.mutate(body, {
      onSuccess: (merger) => {
        announce(m.announcer.mergerCreated(merger.name));
        void navigate(paths.merger(merger.id));
      },
      onError: (error) => {
        if (error instanceof ApiError && error.problems.length > 0) {
          const { byField, unmatched } = fieldErrorsFromProblems(error.problems, fields);
          const perItem: Record<number, string> = {};
          for (const problem of error.problems) {
            const index = indexInPath(problem.path, 'municipalities');
            if (index !== undefined && perItem[index] === undefined) perItem[index] = problem.message;
          }
          // The catalog's wording for a known code, else the server's message.
          const known = catalogErrorText(m.errors.byCode, error.code, error.details);
          if (byField.municipalities !== undefined && known && error.code !== 'VALIDATION_FAILED') byField.municipalities = known;
          setErrors(byField);
          setItemErrors(perItem);
          setOtherErrors(unmatched);
        } else {
          setOtherErrors([errorText(error, m)]);
        }
        setAttempt((n) => n + 1);
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
            onChange={(event) => update('name', event.target.value)}
            error={errors.name}
            autoComplete='off'
          />
          <Textfield
            id={inputIds.newMunicipalityName}
            label={t.newMunicipalityName}
            value={values.newMunicipalityName}
            onChange={(event) => update('newMunicipalityName', event.target.value)}
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
            onChange={(event) => update('mergerDate', event.target.value)}
            error={errors.mergerDate}
            min='1900-01-01'
            max='2200-12-31'
            className='samla-date-field'
          />
          <MunicipalityPicker
            inputId={inputIds.municipalities}
            register={register.data.municipalities}
            selected={values.municipalities}
            onChange={(numbers) => update('municipalities', numbers)}
            error={errors.municipalities}
            itemErrors={itemErrors}
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
