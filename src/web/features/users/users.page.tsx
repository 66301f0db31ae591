import { Alert, Button, Dialog, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createUserBody, type CreateUserBody } from '#shared/contracts/auth.ts';
import { updateUserBody, type CreatedPasswordReset, type ManagedUser, type UpdateUserBody } from '#shared/contracts/users.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState, type FieldErrors } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { useVersionConflict, VersionConflict } from '#web/components/version-conflict.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useCurrentUser, useSession } from '#web/features/auth/session.tsx';
import { useI18n, type Messages } from '#web/i18n/messages.ts';
import type { ApiError } from '#web/lib/api-client.ts';
import { dateInOslo } from '#shared/calendar-dates.ts';
import { useCreatePasswordReset, useCreateUser, useDeactivateUser, useDeleteUser, useReactivateUser, useUpdateUser, useUsers } from './users.api.ts';

const headingId = 'users-heading';

/** After a row's button is gone (deleted, deactivated), reading starts again at the page's heading. */
function focusHeading() {
  window.setTimeout(() => document.getElementById(headingId)?.focus(), 0);
}

export function UsersPage() {
  const { m } = useI18n();
  const t = m.users;
  useDocumentTitle(t.title);
  const me = useCurrentUser();
  const users = useUsers(me.isAdministrator);
  const [reset, setReset] = useState<{ user: ManagedUser; created: CreatedPasswordReset } | undefined>(undefined);

  if (!me.isAdministrator) {
    return (
      <>
        <Heading level={1} data-size='lg'>
          {m.errors.forbiddenTitle}
        </Heading>
        <Paragraph>{t.adminOnly}</Paragraph>
      </>
    );
  }

  return (
    <>
      <Heading level={1} data-size='lg' id={headingId} tabIndex={-1}>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      {reset && <CreatedReset user={reset.user} reset={reset.created} onDone={() => setReset(undefined)} />}
      {users.isPending && <Loading />}
      {users.isError && <LoadError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <>
          <Paragraph data-size='sm' className='samla-muted'>
            {t.count(users.data.length)}
          </Paragraph>
          <UserTable users={users.data} myId={me.id} onReset={(user, created) => setReset({ user, created })} />
        </>
      )}
      <CreateUser />
    </>
  );
}

type Pending = { kind: 'deactivate' | 'delete'; user: ManagedUser } | undefined;

function UserTable({ users, myId, onReset }: { users: ManagedUser[]; myId: string; onReset: (user: ManagedUser, created: CreatedPasswordReset) => void }) {
  const { m, fmt } = useI18n();
  const t = m.users;
  const announce = useAnnounce();
  const deactivate = useDeactivateUser();
  const reactivate = useReactivateUser();
  const remove = useDeleteUser();
  const createReset = useCreatePasswordReset();
  const [editing, setEditing] = useState<ManagedUser | undefined>(undefined);
  const [pending, setPending] = useState<Pending>(undefined);
  const [dialogError, setDialogError] = useState<string | undefined>(undefined);
  // An action started from a row without a dialog (reactivate, a one-time code) that failed.
  const [rowError, setRowError] = useState<string | undefined>(undefined);

  const closeDialog = () => {
    setPending(undefined);
    setDialogError(undefined);
  };

  const confirm = () => {
    if (!pending) return;
    const { kind, user } = pending;
    const mutation = kind === 'delete' ? remove : deactivate;
    mutation.mutate(user.id, {
      onSuccess: () => {
        closeDialog();
        announce(kind === 'delete' ? t.deleted(user.name) : t.deactivated(user.name));
        focusHeading();
      },
      onError: (error) => setDialogError(errorText(error, m)),
    });
  };

  const onReactivate = (user: ManagedUser) => {
    setRowError(undefined);
    reactivate.mutate(user.id, {
      onSuccess: () => {
        announce(t.reactivated(user.name));
        focusHeading();
      },
      onError: (error) => setRowError(errorText(error, m)),
    });
  };

  const onCreateReset = (user: ManagedUser) => {
    setRowError(undefined);
    createReset.mutate(user.id, {
      onSuccess: (created) => onReset(user, created),
      onError: (error) => setRowError(errorText(error, m)),
    });
  };

  return (
    <>
      {rowError && (
        <Alert data-color='danger' role='alert' className='samla-mt-2'>
          <Paragraph>{rowError}</Paragraph>
        </Alert>
      )}
      <ScrollRegion label={t.tableCaption}>
        <Table data-color='neutral' className='samla-table' data-size='sm' border>
          <caption className='ds-sr-only'>{t.tableCaption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col'>{t.name}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.email}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.administrator}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.status}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.actions}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {users.map((user) => {
              const isMe = user.id === myId;
              const active = user.deactivatedAt === null;
              return (
                <Table.Row key={user.id}>
                  <Table.HeaderCell scope='row'>{user.name}</Table.HeaderCell>
                  <Table.Cell>{user.email}</Table.Cell>
                  <Table.Cell>
                    {user.isAdministrator ? (
                      <Tag data-size='sm' data-color='info'>
                        {m.common.yes}
                      </Tag>
                    ) : (
                      m.common.no
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {active ? (
                      <Tag data-size='sm' data-color='success'>
                        {t.active}
                      </Tag>
                    ) : (
                      <Tag data-size='sm' data-color='neutral' variant='outline'>
                        {t.deactivatedAt(fmt.date(dateInOslo(user.deactivatedAt ?? '')))}
                      </Tag>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <div className='samla-form__actions'>
                      <Button variant='tertiary' data-size='sm' aria-label={t.editNamed(user.name)} data-edit-user={user.id} onClick={() => setEditing(user)}>
                        {t.edit}
                      </Button>
                      {/* One's own password is changed under «Meg selv», with the current one. */}
                      {active && !isMe && (
                        <Button
                          variant='tertiary'
                          data-size='sm'
                          aria-label={t.reset.buttonNamed(user.name)}
                          loading={createReset.isPending && createReset.variables === user.id}
                          disabled={createReset.isPending}
                          onClick={() => onCreateReset(user)}
                        >
                          {t.reset.button}
                        </Button>
                      )}
                      {!active && (
                        <Button
                          variant='tertiary'
                          data-size='sm'
                          aria-label={t.reactivateNamed(user.name)}
                          loading={reactivate.isPending && reactivate.variables === user.id}
                          disabled={reactivate.isPending}
                          onClick={() => onReactivate(user)}
                        >
                          {t.reactivate}
                        </Button>
                      )}
                      {active && !isMe && (
                        <Button
                          variant='tertiary'
                          data-color='danger'
                          data-size='sm'
                          aria-label={t.deactivateNamed(user.name)}
                          onClick={() => {
                            setDialogError(undefined);
                            setPending({ kind: 'deactivate', user });
                          }}
                        >
                          {t.deactivate}
                        </Button>
                      )}
                      {isMe && <span className='samla-muted'>{t.you}</span>}
                      {!isMe && (
                        <Button
                          variant='tertiary'
                          data-color='danger'
                          data-size='sm'
                          aria-label={t.deleteNamed(user.name)}
                          onClick={() => {
                            setDialogError(undefined);
                            setPending({ kind: 'delete', user });
                          }}
                        >
                          {t.delete}
                        </Button>
                      )}
                    </div>
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </ScrollRegion>
      {editing && (
        <EditUserDialog
          key={editing.id}
          user={editing}
          onClose={() => {
            setEditing(undefined);
            // Back to the button that opened the dialog (its label has the name, which may have changed).
            window.setTimeout(() => document.querySelector<HTMLElement>(`[data-edit-user="${editing.id}"]`)?.focus(), 0);
          }}
        />
      )}
      <ConfirmDialog
        open={pending !== undefined}
        heading={pending ? (pending.kind === 'delete' ? t.confirmDeleteHeading(pending.user.name) : t.confirmDeactivateHeading(pending.user.name)) : ''}
        text={pending ? (pending.kind === 'delete' ? t.confirmDeleteText : t.confirmDeactivateText(pending.user.name)) : ''}
        confirmLabel={pending?.kind === 'delete' ? t.confirmDelete : t.confirmDeactivate}
        pending={deactivate.isPending || remove.isPending}
        error={dialogError}
        onConfirm={confirm}
        onCancel={closeDialog}
      />
    </>
  );
}

// ---------------------------------------------------------------- edit name and e-mail

const editFields = ['name', 'email'] as const;
type EditField = (typeof editFields)[number];
type EditValues = Record<EditField, string>;

function EditUserDialog({ user, onClose }: { user: ManagedUser; onClose: () => void }) {
  const { m } = useI18n();
  const t = m.users.editForm;
  const announce = useAnnounce();
  const update = useUpdateUser();
  const users = useUsers();
  const dialogHeadingId = useId();
  const nameRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const [version, setVersion] = useState(user.version);
  const conflict = useVersionConflict<EditValues>();
  const { values, errors, otherErrors, attempt, change, validate, showServerErrorWith } = useFormState<EditValues, EditField>(
    { name: user.name, email: user.email },
    editFields,
    { messages: userMessages(m) },
  );
  useEffect(() => nameRef.current?.focus(), []);
  const ids: Record<EditField, string> = { name: 'edit-user-name', email: 'edit-user-email' };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: UpdateUserBody = { version, name: values.name.trim(), email: values.email.trim() };
    if (!validate(updateUserBody, body)) return;
    update.mutate(
      { userId: user.id, body },
      {
        onSuccess: (saved) => {
          announce(t.saved(saved.name));
          onClose();
        },
        onError: (error) => {
          if (!conflict.caught(error, values)) showServerErrorWith(error, emailTaken(m));
        },
      },
    );
  };

  // The latest version, keeping what was typed: saving again puts this change on top.
  const loadLatest = async () => {
    const latest = (await users.refetch()).data?.find((candidate) => candidate.id === user.id);
    if (!latest) return;
    setVersion(latest.version);
    conflict.clear();
  };

  const summary: SummaryItem[] = editFields.flatMap((field) => (errors[field] ? [{ targetId: ids[field], message: errors[field] }] : []));
  return (
    <Dialog open onClose={onClose} closeButton={m.common.closeDialog} aria-labelledby={dialogHeadingId} className='samla-dialog'>
      <Dialog.Block>
        <Heading level={2} data-size='xs' id={dialogHeadingId}>
          {t.heading(user.name)}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <VersionConflict state={conflict.state} texts={{ heading: t.conflictHeading, text: t.conflictText, reload: t.conflictReload }} onReload={loadLatest} />
        <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
        <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby={dialogHeadingId}>
          <Textfield
            ref={nameRef}
            id={ids.name}
            label={t.name}
            value={values.name}
            onChange={(event) => change('name', event.target.value)}
            error={errors.name}
            autoComplete='off'
          />
          <Textfield
            id={ids.email}
            type='email'
            label={t.email}
            description={t.emailDescription}
            value={values.email}
            onChange={(event) => change('email', event.target.value)}
            error={errors.email}
            autoComplete='off'
            spellCheck={false}
          />
          <div className='samla-form__actions'>
            <Button type='submit' loading={update.isPending} disabled={update.isPending}>
              {update.isPending ? m.common.saving : m.common.save}
            </Button>
            <Button type='button' variant='secondary' onClick={onClose}>
              {m.common.cancel}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}

// ---------------------------------------------------------------- the one-time code, shown once

function CreatedReset({ user, reset, onDone }: { user: ManagedUser; reset: CreatedPasswordReset; onDone: () => void }) {
  const { m, fmt } = useI18n();
  const t = m.users.reset;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [reset.code]);
  const link = reset.link ?? new URL(reset.path, window.location.origin).href;
  return (
    <Alert data-color='warning' className='samla-new-token'>
      <Heading level={2} data-size='xs' ref={headingRef} tabIndex={-1}>
        {t.heading(user.name)}
      </Heading>
      <Paragraph>{t.warning(user.name, fmt.dateTime(reset.expiresAt))}</Paragraph>
      <CopyField id='reset-link' label={t.link} value={link} copyLabel={t.copyLink} />
      <CopyField id='reset-code' label={t.code} value={reset.code} copyLabel={t.copyCode} />
      <Paragraph data-size='sm'>{t.usage}</Paragraph>
      <Button variant='tertiary' data-size='sm' onClick={onDone}>
        {t.done}
      </Button>
    </Alert>
  );
}

function CopyField({ id, label, value, copyLabel }: { id: string; label: string; value: string; copyLabel: string }) {
  const { m } = useI18n();
  const announce = useAnnounce();
  const fieldRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard access (an old browser, or a page not served over https): select the text instead.
      fieldRef.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
    announce(m.users.reset.copied(label));
  };
  return (
    <div className='samla-new-token__field'>
      <Textfield
        ref={fieldRef}
        id={id}
        label={label}
        value={value}
        readOnly
        spellCheck={false}
        autoComplete='off'
        onFocus={(event) => event.currentTarget.select()}
        className='samla-monospace'
      />
      <Button variant='secondary' onClick={() => void copy()}>
        {copied ? m.users.reset.copiedButton : copyLabel}
      </Button>
    </div>
  );
}

// ---------------------------------------------------------------- create

const fields = ['email', 'name', 'password'] as const;
type FieldName = (typeof fields)[number];
type FormValues = Record<FieldName, string>;
const inputIds: Record<FieldName, string> = { email: 'user-email', name: 'user-name', password: 'user-password' };

/** The words for a user's name and e-mail, in both forms. */
function userMessages(m: Messages) {
  const t = m.users.create;
  return { email: { required: t.emailRequired, email: t.emailInvalid }, name: { required: t.nameRequired } };
}

/** USER_EXISTS is about the e-mail: said there. */
const emailTaken = (m: Messages) => (byField: FieldErrors<'email'>, error: ApiError) => {
  if (error.code === 'USER_EXISTS') byField.email = m.errors.byCode.USER_EXISTS;
};

const empty: FormValues = { email: '', name: '', password: '' };

function CreateUser() {
  const { m } = useI18n();
  const t = m.users.create;
  const create = useCreateUser();
  const announce = useAnnounce();
  // Without single sign-on a user can only sign in with a password: it is then required.
  const passwordRequired = !useSession().status?.singleSignOn;
  const { values, setValues, errors, otherErrors, attempt, change, validate, showServerErrorWith } = useFormState<FormValues, FieldName>(empty, fields, {
    messages: { ...userMessages(m), password: { tooShort: passwordRequired ? t.passwordTooShortRequired : t.passwordTooShort } },
  });
  const [created, setCreated] = useState<{ name: string; email: string } | undefined>(undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(undefined);
    // No password: the user signs in through the identity provider, where there is one.
    const body: CreateUserBody = { email: values.email.trim(), name: values.name.trim(), ...(values.password !== '' ? { password: values.password } : {}) };
    const rules = passwordRequired && values.password === '' ? { password: t.passwordRequired } : {};
    if (!validate(createUserBody, body, rules)) return;
    create.mutate(body, {
      onSuccess: (user) => {
        setCreated(user);
        setValues(empty);
        announce(m.announcer.userCreated(user.name));
      },
      onError: (error) => showServerErrorWith(error, emailTaken(m)),
    });
  };

  const summary: SummaryItem[] = fields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ targetId: inputIds[field], message }] : [];
  });

  return (
    <section className='samla-section' aria-labelledby='create-user-heading'>
      <Heading level={2} data-size='sm' id='create-user-heading'>
        {t.title}
      </Heading>
      {created && (
        <Alert data-color='success' className='samla-saved'>
          <Paragraph>{t.created(created.name, created.email)}</Paragraph>
          <Paragraph data-size='sm'>{t.createdNext}</Paragraph>
        </Alert>
      )}
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby='create-user-heading'>
        <Textfield
          id={inputIds.email}
          type='email'
          label={t.email}
          value={values.email}
          onChange={(event) => change('email', event.target.value)}
          error={errors.email}
          autoComplete='off'
          spellCheck={false}
        />
        <Textfield
          id={inputIds.name}
          label={t.name}
          value={values.name}
          onChange={(event) => change('name', event.target.value)}
          error={errors.name}
          autoComplete='off'
        />
        <Textfield
          id={inputIds.password}
          type='password'
          label={passwordRequired ? t.passwordRequiredLabel : t.password}
          description={passwordRequired ? t.passwordRequiredDescription : t.passwordDescription}
          value={values.password}
          onChange={(event) => change('password', event.target.value)}
          error={errors.password}
          autoComplete='new-password'
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
