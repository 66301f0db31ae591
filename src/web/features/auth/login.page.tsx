import { Alert, Button, Card, Divider, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { LoginBody } from '#shared/contracts/auth.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useFocusFirstError, useFormState } from '#web/components/form-state.ts';
import { errorText } from '#web/components/query-state.tsx';
import { LanguageSwitch } from '#web/i18n/language.tsx';
import { useI18n, type Messages } from '#web/i18n/messages.ts';
import { ssoFailureText } from './sso-failure.ts';
import { ApiError, apiUrl } from '#web/lib/api-client.ts';
import { paths, returnParam, safeReturnPath } from '#web/lib/paths.ts';
import { useLogin } from './auth.api.ts';
import { useSession } from './session.tsx';

/** A message for the sign-in page from the page that sent the person there (navigation state). */
export type SignInNotice = 'passwordReset';

const fields = ['email', 'password'] as const;
const ids = { email: 'login-email', password: 'login-password' };

function loginErrorText(error: unknown, m: Messages): string {
  if (error instanceof ApiError && error.code === 'TOO_MANY_ATTEMPTS') {
    const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    const minutes = typeof seconds === 'number' ? Math.max(1, Math.ceil(seconds / 60)) : 1;
    return m.auth.login.tooManyAttempts(m.auth.login.minutes(minutes));
  }
  return errorText(error, m);
}

export function LoginPage() {
  const { m } = useI18n();
  const t = m.auth.login;
  useDocumentTitle(t.title);
  const { status, reason, signedIn } = useSession();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const sentWith = (location.state as { notice?: SignInNotice } | null)?.notice;
  const returnTo = safeReturnPath(searchParams.get(returnParam));
  const navigate = useNavigate();
  const login = useLogin();
  const passwordRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);

  const form = useFormState({ email: '', password: '' }, fields, {
    messages: { email: { required: t.emailRequired }, password: { required: t.passwordRequired } },
  });
  const { values, errors, change } = form;
  // Short form: the check's errors are said at their fields, which take focus; the server's «no» is said above them.
  useFocusFirstError(form.attempt, errors, ids);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [failures, setFailures] = useState(0);

  if (status?.setupRequired) return <Navigate to={paths.setup()} replace />;
  // Signed in already (another tab, or the back button): straight on.
  if (status?.signedIn && !login.isSuccess) return <Navigate to={returnTo} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const body: LoginBody = { email: values.email.trim(), password: values.password };
    // The contract (and zod with it, ~27 kB) comes with the first try, not with the app:
    // the sign-in page is in the initial bundle, which decision 018 keeps under 200 kB.
    const { loginBody } = await import('#shared/contracts/auth.ts');
    if (!form.validate(loginBody, body)) return;
    login.mutate(body, {
      onSuccess: (session) => {
        signedIn(session);
        void navigate(returnTo, { replace: true });
      },
      onError: (error) => {
        setFailure(loginErrorText(error, m));
        setFailures((n) => n + 1);
        // The e-mail stays; the password is typed again.
        form.setValues((current) => ({ ...current, password: '' }));
        passwordRef.current?.focus();
      },
    });
  };

  // A sign-in through the identity provider that Samla refused comes back here with the reason (`?feil=`).
  const singleSignOnFailure = ssoFailureText(searchParams.get('feil'), t);
  const notice =
    singleSignOnFailure ??
    (sentWith === 'passwordReset' ? t.passwordReset : reason === 'expired' ? t.expired : reason === 'signedOut' ? t.signedOut : undefined);
  const noticeColor = singleSignOnFailure ? 'danger' : sentWith === 'passwordReset' ? 'success' : reason === 'expired' ? 'warning' : 'info';

  return (
    <div className='samla-auth'>
      <LanguageSwitch label={m.app.language} className='samla-auth__language' />
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      {notice && !failure && (
        <Alert data-color={noticeColor} className='samla-auth__notice'>
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <Card data-color='neutral' className='samla-auth__card'>
        {status?.singleSignOn && (
          <>
            <Button asChild data-size='lg' data-color='accent' className='samla-auth__sso'>
              <a href={apiUrl(`/auth/oidc/start?${new URLSearchParams({ neste: returnTo })}`)}>{t.singleSignOn(status.singleSignOn.name)}</a>
            </Button>
            <div className='samla-auth__or'>
              <Divider />
              <Paragraph data-size='sm' className='samla-muted'>
                {t.or}
              </Paragraph>
              <Divider />
            </div>
          </>
        )}
        <form noValidate onSubmit={(event) => void onSubmit(event)} className='samla-form' aria-label={t.title}>
          {failure && (
            <Alert key={failures} data-color='danger' role='alert' className='samla-auth__error'>
              <Paragraph>{failure}</Paragraph>
            </Alert>
          )}
          <Textfield
            id={ids.email}
            type='email'
            label={t.email}
            value={values.email}
            onChange={(event) => change('email', event.target.value)}
            error={errors.email}
            autoComplete='username'
            spellCheck={false}
          />
          <Textfield
            ref={passwordRef}
            id={ids.password}
            type='password'
            label={t.password}
            value={values.password}
            onChange={(event) => change('password', event.target.value)}
            error={errors.password}
            autoComplete='current-password'
          />
          <div className='samla-form__actions'>
            <Button
              type='submit'
              data-color='accent'
              // With single sign-on offered, that is the main way in; the password form comes second.
              variant={status?.singleSignOn ? 'secondary' : 'primary'}
              loading={login.isPending}
              disabled={login.isPending}
            >
              {login.isPending ? t.submitting : t.submit}
            </Button>
          </div>
        </form>
      </Card>
      <Paragraph data-size='sm' className='samla-muted samla-mt-4'>
        {t.noAccount}
      </Paragraph>
    </div>
  );
}
