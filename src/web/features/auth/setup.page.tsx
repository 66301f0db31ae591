import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { setupBody, type SetupBody } from '#shared/contracts/auth.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { paths } from '#web/lib/paths.ts';
import { authKeys, useSetup } from './auth.api.ts';
import { useSession } from './session.tsx';

const fields = ['code', 'email', 'name', 'password'] as const;
type FieldName = (typeof fields)[number];

const inputIds: Record<FieldName, string> = {
  code: 'setup-code',
  email: 'setup-email',
  name: 'setup-name',
  password: 'setup-password',
};

export function SetupPage() {
  const { m } = useI18n();
  const t = m.auth.setup;
  useDocumentTitle(t.title);
  const { status, signedIn } = useSession();
  const setup = useSetup();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const { values, errors, otherErrors, attempt, change, validate, showServerErrorWith } = useFormState(
    { code: '', email: '', name: '', password: '' },
    fields,
    {
      messages: {
        code: { required: t.codeRequired },
        email: { required: t.emailRequired, email: t.emailInvalid },
        name: { required: t.nameRequired },
        password: { required: t.passwordTooShort, tooShort: t.passwordTooShort },
      },
    },
  );

  if (status && !status.setupRequired && !setup.isSuccess) {
    return <Navigate to={status.signedIn ? paths.mergers() : paths.login()} replace />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: SetupBody = { code: values.code.trim(), email: values.email.trim(), name: values.name.trim(), password: values.password };
    if (!validate(setupBody, body)) return;
    setup.mutate(body, {
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
        showServerErrorWith(error, (byField, failure) => {
          if (failure.code === 'INVALID_SETUP_CODE' && failure.problems.length > 0) byField.code = m.errors.byCode.INVALID_SETUP_CODE ?? byField.code;
        });
      },
    });
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
          onChange={(event) => change('code', event.target.value)}
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
          onChange={(event) => change('email', event.target.value)}
          error={errors.email}
          autoComplete='email'
          spellCheck={false}
        />
        <Textfield
          id={inputIds.name}
          label={t.name}
          value={values.name}
          onChange={(event) => change('name', event.target.value)}
          error={errors.name}
          autoComplete='name'
        />
        <Textfield
          id={inputIds.password}
          type='password'
          label={t.password}
          description={t.passwordDescription}
          value={values.password}
          onChange={(event) => change('password', event.target.value)}
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
