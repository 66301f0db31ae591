import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { changePasswordBody, type ChangePasswordBody, type MySession } from '#shared/contracts/users.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useCurrentUser } from '#web/features/auth/session.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { useChangePassword, useEndOtherSessions, useEndSession, useMySessions } from './account.api.ts';
import { newPasswordMessages, repeatPasswordRule } from './password-checks.ts';
import { summarizeUserAgent } from './user-agent.ts';

const headingId = 'account-heading';

/** «Meg selv»: who I am signed in as, my password and where I am signed in. */
export function AccountPage() {
  const { m } = useI18n();
  const t = m.account;
  useDocumentTitle(t.title);
  const me = useCurrentUser();
  return (
    <>
      <Heading level={1} data-size='lg' id={headingId} tabIndex={-1}>
        {t.title}
      </Heading>
      <dl className='samla-facts samla-mt-4' aria-label={t.facts}>
        <div>
          <dt>{t.name}</dt>
          <dd>{me.name}</dd>
        </div>
        <div>
          <dt>{t.email}</dt>
          <dd>{me.email}</dd>
        </div>
        {me.isAdministrator && (
          <div>
            <dt>{t.role}</dt>
            <dd>{m.app.userMenu.administrator}</dd>
          </div>
        )}
      </dl>
      {me.hasPassword ? (
        <ChangePassword />
      ) : (
        <section className='samla-section' aria-labelledby='change-password-heading'>
          <Heading level={2} data-size='sm' id='change-password-heading'>
            {t.password.title}
          </Heading>
          <Paragraph>{t.password.singleSignOnOnly}</Paragraph>
        </section>
      )}
      <MySessions />
    </>
  );
}

// ---------------------------------------------------------------- «Bytt passord»

const passwordFields = ['currentPassword', 'newPassword', 'repeatPassword'] as const;
type PasswordField = (typeof passwordFields)[number];
type PasswordValues = Record<PasswordField, string>;
const passwordIds: Record<PasswordField, string> = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
  repeatPassword: 'repeat-password',
};
const noPasswords: PasswordValues = { currentPassword: '', newPassword: '', repeatPassword: '' };

function ChangePassword() {
  const { m } = useI18n();
  const t = m.account.password;
  const announce = useAnnounce();
  const change = useChangePassword();
  const me = useCurrentUser();
  const form = useFormState<PasswordValues, PasswordField>(noPasswords, passwordFields, {
    onChange: () => setSaved(false),
    messages: { currentPassword: { required: t.currentRequired }, ...newPasswordMessages(m) },
  });
  const [saved, setSaved] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body: ChangePasswordBody = { currentPassword: form.values.currentPassword, newPassword: form.values.newPassword };
    if (!form.validate(changePasswordBody, body, repeatPasswordRule(form.values.newPassword, form.values.repeatPassword, m))) return;
    change.mutate(body, {
      onSuccess: () => {
        form.setValues(noPasswords);
        setSaved(true);
        announce(t.saved);
      },
      onError: (error) => form.showServerError(error),
    });
  };

  const summary: SummaryItem[] = passwordFields.flatMap((field) => (form.errors[field] ? [{ targetId: passwordIds[field], message: form.errors[field] }] : []));
  return (
    <section className='samla-section' aria-labelledby='change-password-heading'>
      <Heading level={2} data-size='sm' id='change-password-heading'>
        {t.title}
      </Heading>
      <Paragraph>{t.lead}</Paragraph>
      {saved && (
        <Alert data-color='success' className='samla-saved'>
          <Paragraph>{t.saved}</Paragraph>
        </Alert>
      )}
      <FormErrorSummary key={form.attempt} items={summary} extra={form.otherErrors} />
      <form noValidate onSubmit={onSubmit} className='samla-form samla-mt-4' aria-labelledby='change-password-heading'>
        {/* For password managers: whose password this is. */}
        <input type='text' name='username' autoComplete='username' value={me.email} readOnly hidden />
        <Textfield
          id={passwordIds.currentPassword}
          type='password'
          label={t.current}
          value={form.values.currentPassword}
          onChange={(event) => form.change('currentPassword', event.target.value)}
          error={form.errors.currentPassword}
          autoComplete='current-password'
        />
        <Textfield
          id={passwordIds.newPassword}
          type='password'
          label={t.new}
          description={t.newDescription}
          value={form.values.newPassword}
          onChange={(event) => form.change('newPassword', event.target.value)}
          error={form.errors.newPassword}
          autoComplete='new-password'
        />
        <Textfield
          id={passwordIds.repeatPassword}
          type='password'
          label={t.repeat}
          value={form.values.repeatPassword}
          onChange={(event) => form.change('repeatPassword', event.target.value)}
          error={form.errors.repeatPassword}
          autoComplete='new-password'
        />
        <div className='samla-form__actions'>
          <Button type='submit' loading={change.isPending} disabled={change.isPending}>
            {change.isPending ? t.submitting : t.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}

// ---------------------------------------------------------------- «Mine økter»

function MySessions() {
  const { m, fmt } = useI18n();
  const t = m.account.sessions;
  const announce = useAnnounce();
  const sessions = useMySessions();
  const endOne = useEndSession();
  const endOthers = useEndOtherSessions();
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);

  const browserText = (session: MySession) => {
    const { browser, system } = summarizeUserAgent(session.userAgent);
    if (browser && system) return t.browserOn(browser, system);
    return browser ?? system ?? session.userAgent ?? t.unknownBrowser;
  };

  const onEnd = (session: MySession) => {
    setError(undefined);
    setDone(undefined);
    endOne.mutate(session.id, {
      onSuccess: () => {
        setDone(t.ended(browserText(session)));
        announce(t.ended(browserText(session)));
        window.setTimeout(() => document.getElementById('sessions-heading')?.focus(), 0);
      },
      onError: (failure) => setError(errorText(failure, m)),
    });
  };

  const onEndOthers = () => {
    setError(undefined);
    setDone(undefined);
    endOthers.mutate(undefined, {
      onSuccess: ({ ended }) => {
        const text = ended === 0 ? t.endedNone : t.endedOthers(ended);
        setDone(text);
        announce(text);
      },
      onError: (failure) => setError(errorText(failure, m)),
    });
  };

  const others = sessions.data?.filter((session) => !session.current).length ?? 0;
  return (
    <section className='samla-section' aria-labelledby='sessions-heading'>
      <Heading level={2} data-size='sm' id='sessions-heading' tabIndex={-1}>
        {t.title}
      </Heading>
      <Paragraph>{t.lead}</Paragraph>
      {error && (
        <Alert data-color='danger' role='alert' className='samla-mt-2'>
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {done && (
        <Alert data-color='success' className='samla-saved'>
          <Paragraph>{done}</Paragraph>
        </Alert>
      )}
      {sessions.isPending && <Loading />}
      {sessions.isError && <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data && (
        <>
          <ScrollRegion label={t.tableCaption}>
            <Table data-color='neutral' className='samla-table' data-size='sm' border>
              <caption className='ds-sr-only'>{t.tableCaption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope='col'>{t.browser}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.createdAt}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.lastSeenAt}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.actions}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {sessions.data.map((session) => (
                  <Table.Row key={session.id}>
                    <Table.HeaderCell scope='row'>
                      <span title={session.userAgent ?? undefined}>{browserText(session)}</span>
                      {session.current && (
                        <>
                          {' '}
                          <Tag data-size='sm' data-color='info'>
                            {t.current}
                          </Tag>
                        </>
                      )}
                    </Table.HeaderCell>
                    <Table.Cell className='samla-nowrap'>{fmt.timestamp(session.createdAt)}</Table.Cell>
                    <Table.Cell className='samla-nowrap'>{fmt.timestamp(session.lastSeenAt)}</Table.Cell>
                    <Table.Cell>
                      {!session.current && (
                        <Button
                          variant='tertiary'
                          data-color='danger'
                          data-size='sm'
                          aria-label={t.endNamed(browserText(session), fmt.timestamp(session.lastSeenAt))}
                          loading={endOne.isPending && endOne.variables === session.id}
                          disabled={endOne.isPending}
                          onClick={() => onEnd(session)}
                        >
                          {t.end}
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
          {others > 0 && (
            <div className='samla-form__actions samla-mt-4'>
              <Button variant='secondary' data-color='danger' loading={endOthers.isPending} disabled={endOthers.isPending} onClick={onEndOthers}>
                {t.endOthers}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
