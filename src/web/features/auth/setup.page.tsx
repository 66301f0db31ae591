import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { errorText } from '#web/components/query-state.tsx';
import { useI18n, type Messages } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { looksLikeEmail } from '#web/lib/email.ts';
import { fieldErrorsFromProblems } from '#web/lib/field-errors.ts';
import { paths } from '#web/lib/paths.ts';
import { authKeys, useSetup } from './auth.api.ts';
import { useSession } from './session.tsx';

const fields = ['code', 'email', 'name', 'password'] as const;
type FieldName = (typeof fields)[number];
type FormValues = Record<FieldName, string>;
type FieldErrors = Partial<Record<FieldName, string>>;

const inputIds: Record<FieldName, string> = {
  code: 'setup-code',
  email: 'setup-email',
  name: 'setup-name',
  password: 'setup-password',
};

function validate(values: FormValues, m: Messages): FieldErrors {
  const t = m.auth.setup;
  const errors: FieldErrors = {};
  if (values.code.trim() === '') errors.code = t.codeRequired;
  if (values.email.trim() === '') errors.email = t.emailRequired;
  else if (!looksLikeEmail(values.email)) errors.email = t.emailInvalid;
  if (values.name.trim() === '') errors.name = t.nameRequired;
  if (values.password.length < 12) errors.password = t.passwordTooShort;
  return errors;
}

export function SetupPage() {
  const { m } = useI18n();
  const t = m.auth.setup;
  useDocumentTitle(t.title);
  const { status, signedIn } = useSession();
  const setup = useSetup();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const [values, setValues] = useState<FormValues>({ code: '', email: '', name: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  if (status && !status.setupRequired && !setup.isSuccess) {
    return <Navigate to={status.signedIn ? paths.mergers() : paths.login()} replace />;
  }

  const update = (field: FieldName, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (errors[field] !== undefined) setErrors((current) => ({ ...current, [field]: validate(next, m)[field] }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setOtherErrors([]);
    const found = validate(values, m);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setup.mutate(
      { code: values.code.trim(), email: values.email.trim(), name: values.name.trim(), password: values.password },
      {
        onSuccess: (session) => {
          signedIn(session);
          void navigate(paths.mergers(), { replace: true });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'SETUP_ALREADY_DONE') {
            // Someone else finished first: ask the server again, which sends the person to sign in.
            void queryClient.invalidateQueries({ queryKey: authKeys.session() });
            return;
          }
          if (error instanceof ApiError && error.problems.length > 0) {
            const { byField, unmatched } = fieldErrorsFromProblems(error.problems, fields);
            if (error.code === 'INVALID_SETUP_CODE') byField.code = m.errors.byCode.INVALID_SETUP_CODE ?? byField.code;
            setErrors(byField);
            setOtherErrors(unmatched);
          } else {
            setOtherErrors([errorText(error, m)]);
          }
          setAttempt((n) => n + 1);
        },
      },
    );
  };

  const summary: SummaryItem[] = fields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ targetId: inputIds[field], message }] : [];
  });

  return (
    <div className='samla-auth samla-auth--wide'>
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      <Alert data-color='info' className='samla-auth__notice'>
        <Heading level={2} data-size='xs'>
          {t.codeHelpHeading}
        </Heading>
        <Paragraph>{t.codeHelp}</Paragraph>
      </Alert>

      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />

      <form noValidate onSubmit={onSubmit} className='samla-form' aria-label={t.title}>
        <Textfield
          id={inputIds.code}
          label={t.code}
          description={t.codeDescription}
          value={values.code}
          onChange={(event) => update('code', event.target.value)}
          error={errors.code}
          autoComplete='off'
          spellCheck={false}
          className='samla-field--short'
        />
        <Textfield
          id={inputIds.email}
          type='email'
          label={t.email}
          value={values.email}
          onChange={(event) => update('email', event.target.value)}
          error={errors.email}
          autoComplete='email'
          spellCheck={false}
        />
        <Textfield
          id={inputIds.name}
          label={t.name}
          value={values.name}
          onChange={(event) => update('name', event.target.value)}
          error={errors.name}
          autoComplete='name'
        />
        <Textfield
          id={inputIds.password}
          type='password'
          label={t.password}
          description={t.passwordDescription}
          value={values.password}
          onChange={(event) => update('password', event.target.value)}
          error={errors.password}
          autoComplete='new-password'
        />
        <div className='samla-form__actions'>
          <Button type='submit' loading={setup.isPending} disabled={setup.isPending}>
            {setup.isPending ? t.submitting : t.submit}
          </Button>
        </div>
      </form>
    </div>
  );
}
