import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createApiTokenBody, type ApiToken, type CreateApiTokenBody, type CreatedApiToken } from '#shared/contracts/auth.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useFocusFirstError, useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { todayInOslo } from '#shared/calendar-dates.ts';
import { lastDayOf, latestLastDay } from './token-expiry.ts';
import { useCreateToken, useRevokeToken, useTokens } from './tokens.api.ts';

export function TokensPage() {
  const { m } = useI18n();
  const t = m.tokens;
  useDocumentTitle(t.title);
  const tokens = useTokens();
  const [created, setCreated] = useState<CreatedApiToken | undefined>(undefined);

  return (
    <>
      <Heading level={1} data-size='lg' id='tokens-heading' tabIndex={-1}>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      {created && <CreatedToken token={created} onDone={() => setCreated(undefined)} />}
      {tokens.isPending && <Loading />}
      {tokens.isError && <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data && tokens.data.length === 0 && <Paragraph>{t.empty}</Paragraph>}
      {tokens.data && tokens.data.length > 0 && <TokenTable tokens={tokens.data} />}
      <CreateToken onCreated={setCreated} />
    </>
  );
}

function TokenTable({ tokens }: { tokens: ApiToken[] }) {
  const { m, fmt } = useI18n();
  const t = m.tokens;
  const announce = useAnnounce();
  const revoke = useRevokeToken();
  const [revoking, setRevoking] = useState<ApiToken | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const confirm = () => {
    if (!revoking) return;
    const token = revoking;
    revoke.mutate(token.id, {
      onSuccess: () => {
        setRevoking(undefined);
        setError(undefined);
        announce(m.announcer.tokenRevoked(token.name));
        // The button is gone from the row: start again at the page's heading.
        window.setTimeout(() => document.getElementById('tokens-heading')?.focus(), 0);
      },
      onError: (failure) => setError(errorText(failure, m)),
    });
  };

  return (
    <>
      <ScrollRegion label={t.tableCaption}>
        <Table data-color='neutral' className='samla-table' data-size='sm' border>
          <caption className='ds-sr-only'>{t.tableCaption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col'>{t.name}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.createdAt}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.lastUsedAt}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.status}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.expiresAt}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.actions}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {tokens.map((token) => (
              <Table.Row key={token.id}>
                <Table.HeaderCell scope='row'>{token.name}</Table.HeaderCell>
                <Table.Cell className='samla-nowrap'>{fmt.timestamp(token.createdAt)}</Table.Cell>
                <Table.Cell className='samla-nowrap'>
                  {token.lastUsedAt ? fmt.timestamp(token.lastUsedAt) : <span className='samla-muted'>{t.neverUsed}</span>}
                </Table.Cell>
                <Table.Cell>
                  <TokenStatus token={token} />
                </Table.Cell>
                <Table.Cell className='samla-nowrap'>
                  {token.expiresAt ? fmt.date(lastDayOf(token.expiresAt)) : <span className='samla-muted'>{t.noExpiry}</span>}
                </Table.Cell>
                <Table.Cell>
                  {token.status !== 'revoked' && (
                    <Button
                      variant='tertiary'
                      data-color='danger'
                      data-size='sm'
                      aria-label={t.revokeNamed(token.name)}
                      onClick={() => {
                        setError(undefined);
                        setRevoking(token);
                      }}
                    >
                      {t.revoke}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
      <ConfirmDialog
        open={revoking !== undefined}
        heading={revoking ? t.confirmRevokeHeading(revoking.name) : ''}
        text={t.confirmRevokeText}
        confirmLabel={t.revoke}
        pending={revoke.isPending}
        error={error}
        onConfirm={confirm}
        onCancel={() => {
          setRevoking(undefined);
          setError(undefined);
        }}
      />
    </>
  );
}

function TokenStatus({ token }: { token: ApiToken }) {
  const { m, fmt } = useI18n();
  const t = m.tokens;
  if (token.status === 'revoked') {
    return (
      <Tag data-size='sm' data-color='neutral' variant='outline'>
        {token.revokedAt ? t.revokedAt(fmt.timestamp(token.revokedAt)) : t.revoked}
      </Tag>
    );
  }
  if (token.status === 'expired') {
    return (
      <Tag data-size='sm' data-color='warning'>
        {t.expired}
      </Tag>
    );
  }
  return (
    <Tag data-size='sm' data-color='success'>
      {t.active}
    </Tag>
  );
}

/** The new key, shown this once: a read-only field to copy from, and a plain warning. */
function CreatedToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { m } = useI18n();
  const t = m.tokens.created;
  const announce = useAnnounce();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fieldRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    headingRef.current?.focus();
  }, [token.id]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
    } catch {
      // No clipboard access (an old browser, or a page not served over https): select the text instead.
      fieldRef.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
    announce(m.announcer.copied);
  };

  return (
    <Alert data-color='warning' className='samla-new-token'>
      <Heading level={2} data-size='xs' ref={headingRef} tabIndex={-1}>
        {t.heading(token.name)}
      </Heading>
      <Paragraph>{t.warning}</Paragraph>
      <div className='samla-new-token__field'>
        <Textfield
          ref={fieldRef}
          id='new-token'
          label={t.field}
          value={token.token}
          multiline
          rows={2}
          readOnly
          spellCheck={false}
          autoComplete='off'
          onFocus={(event) => event.currentTarget.select()}
          className='samla-monospace'
        />
        <Button variant='secondary' onClick={() => void copy()}>
          {copied ? t.copied : t.copy}
        </Button>
      </div>
      <Paragraph data-size='sm'>{t.usage}</Paragraph>
      <Button variant='tertiary' data-size='sm' onClick={onDone}>
        {t.done}
      </Button>
    </Alert>
  );
}

const createFields = ['name', 'expiresOn'] as const;
type CreateField = (typeof createFields)[number];
type CreateValues = Record<CreateField, string>;
const createIds: Record<CreateField, string> = { name: 'token-name', expiresOn: 'token-expires-on' };

function CreateToken({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { m } = useI18n();
  const t = m.tokens.create;
  const create = useCreateToken();
  const { values, setValues, errors, otherErrors, attempt, change, validate, showServerError } = useFormState<CreateValues, CreateField>(
    { name: '', expiresOn: '' },
    createFields,
    { messages: { name: { required: t.nameRequired }, expiresOn: t.expiresOnInvalid } },
  );
  // The form is short: each error is said at its field, one not about a field at the name (where the
  // person is), and focus goes to the first one.
  const shown: Partial<Record<CreateField, string>> = { ...errors, name: errors.name ?? (otherErrors.length > 0 ? otherErrors.join(' ') : undefined) };
  useFocusFirstError(attempt, shown, createIds);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: CreateApiTokenBody = { name: values.name.trim(), expiresOn: values.expiresOn === '' ? null : values.expiresOn };
    if (!validate(createApiTokenBody, body)) return;
    create.mutate(body, {
      onSuccess: (token) => {
        setValues({ name: '', expiresOn: '' });
        onCreated(token);
      },
      onError: showServerError,
    });
  };

  return (
    <section className='samla-section' aria-labelledby='create-token-heading'>
      <Heading level={2} data-size='sm' id='create-token-heading'>
        {t.title}
      </Heading>
      <form noValidate onSubmit={onSubmit} className='samla-form samla-form--inline' aria-labelledby='create-token-heading'>
        <Textfield
          id={createIds.name}
          label={t.name}
          description={t.nameDescription}
          value={values.name}
          onChange={(event) => change('name', event.target.value)}
          error={shown.name}
          autoComplete='off'
        />
        <Textfield
          id={createIds.expiresOn}
          type='date'
          label={t.expiresOn}
          description={t.expiresOnDescription}
          value={values.expiresOn}
          min={todayInOslo(new Date())}
          max={latestLastDay()}
          onChange={(event) => change('expiresOn', event.target.value)}
          error={shown.expiresOn}
          className='samla-date-field'
        />
        <div className='samla-form__actions'>
          <Button type='submit' loading={create.isPending} disabled={create.isPending}>
            {create.isPending ? t.submitting : t.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}
