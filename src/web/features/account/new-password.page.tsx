import { Alert, Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { usePasswordResetBody, type UsePasswordResetBody } from '#shared/contracts/users.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useI18n } from '#web/i18n/messages.ts';
import type { SignInNotice } from '#web/features/auth/login.page.tsx';
import { paths } from '#web/lib/paths.ts';
import { authKeys } from '#web/features/auth/auth.api.ts';
import { useSetPasswordWithCode } from './account.api.ts';
import { newPasswordMessages, repeatPasswordRule } from './password-checks.ts';

/** The code in the link from the administrator: `/nytt-passord#kode=…`. */
export function codeFromFragment(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('kode')?.trim() ?? '';
}

const allFields = ['code', 'newPassword', 'repeatPassword'] as const;
type Field = (typeof allFields)[number];
type Values = Record<Field, string>;
const ids: Record<Field, string> = { code: 'reset-code', newPassword: 'reset-new-password', repeatPassword: 'reset-repeat-password' };

/**
 * «Nytt passord», reachable without signing in: the one-time code comes in the link's
 * fragment (never sent to a server, so it stays out of logs), or is typed in when the
 * administrator read it out instead.
 */
export function NewPasswordPage() {
  const { m } = useI18n();
  const t = m.account.reset;
  useDocumentTitle(t.title);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = useSetPasswordWithCode();
  // Read once; then the code leaves the address bar, so it is not left in the browser's history.
  const [linkCode] = useState(() => codeFromFragment(window.location.hash));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);
  // With the code from the link the field is not shown, and its problems are said above the form.
  const fields = linkCode ? allFields.filter((field) => field !== 'code') : allFields;
  const form = useFormState<Values, Field>({ code: linkCode, newPassword: '', repeatPassword: '' }, fields, {
    messages: { code: { required: t.codeRequired }, ...newPasswordMessages(m) },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: UsePasswordResetBody = { code: form.values.code.trim(), newPassword: form.values.newPassword };
    if (!form.validate(usePasswordResetBody, body, repeatPasswordRule(form.values.newPassword, form.values.repeatPassword, m))) return;
    save.mutate(body, {
      onSuccess: async () => {
        // Every session of the user has ended, maybe this browser's too: ask who is signed in.
        await queryClient.invalidateQueries({ queryKey: authKeys.session() });
        const state: { notice: SignInNotice } = { notice: 'passwordReset' };
        void navigate(paths.login(), { replace: true, state });
      },
      onError: (error) => form.showServerError(error),
    });
  };

  const summary: SummaryItem[] = fields.flatMap((field) => (form.errors[field] ? [{ targetId: ids[field], message: form.errors[field] }] : []));
  return (
    <div className='samla-auth'>
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{linkCode ? t.leadWithCode : t.lead}</Paragraph>
      <Card data-color='neutral' className='samla-auth__card'>
        <FormErrorSummary key={form.attempt} items={summary} extra={form.otherErrors} />
        <form noValidate onSubmit={onSubmit} className='samla-form'>
          {!linkCode && (
            <Textfield
              id={ids.code}
              label={t.code}
              description={t.codeDescription}
              value={form.values.code}
              onChange={(event) => form.change('code', event.target.value)}
              error={form.errors.code}
              autoComplete='one-time-code'
              spellCheck={false}
            />
          )}
          <Textfield
            id={ids.newPassword}
            type='password'
            label={t.newPassword}
            description={m.account.password.newDescription}
            value={form.values.newPassword}
            onChange={(event) => form.change('newPassword', event.target.value)}
            error={form.errors.newPassword}
            autoComplete='new-password'
          />
          <Textfield
            id={ids.repeatPassword}
            type='password'
            label={t.repeatPassword}
            value={form.values.repeatPassword}
            onChange={(event) => form.change('repeatPassword', event.target.value)}
            error={form.errors.repeatPassword}
            autoComplete='new-password'
          />
          <div className='samla-form__actions'>
            <Button type='submit' data-color='accent' loading={save.isPending} disabled={save.isPending}>
              {save.isPending ? t.submitting : t.submit}
            </Button>
          </div>
        </form>
      </Card>
      {linkCode && form.otherErrors.length > 0 && (
        <Alert data-color='info' className='samla-mt-4'>
          <Paragraph>{t.askForNew}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
