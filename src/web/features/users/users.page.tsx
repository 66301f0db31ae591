import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { User } from '#shared/contracts/auth.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { useCurrentUser } from '#web/features/auth/session.tsx';
import { useI18n, type Messages } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { looksLikeEmail } from '#web/lib/email.ts';
import { fieldErrorsFromProblems } from '#web/lib/field-errors.ts';
import { useCreateUser, useUsers } from './users.api.ts';

export function UsersPage() {
  const { m, fmt } = useI18n();
  const t = m.users;
  useDocumentTitle(t.title);
  const me = useCurrentUser();
  const users = useUsers(me.isAdministrator);

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
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      {users.isPending && <Loading />}
      {users.isError && <LoadError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <>
          <Paragraph data-size='sm' className='samla-muted'>
            {users.data.length === 1 ? t.countOne : t.count(fmt.number(users.data.length))}
          </Paragraph>
          <UserTable users={users.data} />
        </>
      )}
      <CreateUser />
    </>
  );
}

function UserTable({ users }: { users: User[] }) {
  const { m } = useI18n();
  const t = m.users;
  return (
    <div className='samla-table-scroll'>
      <Table data-color='neutral' className='samla-table' data-size='sm' border>
        <caption className='ds-sr-only'>{t.tableCaption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope='col'>{t.name}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t.email}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t.administrator}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {users.map((user) => (
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
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

const fields = ['email', 'name', 'password'] as const;
type FieldName = (typeof fields)[number];
type FormValues = Record<FieldName, string>;
type FieldErrors = Partial<Record<FieldName, string>>;
const inputIds: Record<FieldName, string> = { email: 'user-email', name: 'user-name', password: 'user-password' };

function validate(values: FormValues, m: Messages): FieldErrors {
  const t = m.users.create;
  const errors: FieldErrors = {};
  if (values.email.trim() === '') errors.email = t.emailRequired;
  else if (!looksLikeEmail(values.email)) errors.email = t.emailInvalid;
  if (values.name.trim() === '') errors.name = t.nameRequired;
  if (values.password !== '' && values.password.length < 12) errors.password = t.passwordTooShort;
  return errors;
}

const empty: FormValues = { email: '', name: '', password: '' };

function CreateUser() {
  const { m } = useI18n();
  const t = m.users.create;
  const create = useCreateUser();
  const announce = useAnnounce();
  const [values, setValues] = useState<FormValues>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<User | undefined>(undefined);

  const update = (field: FieldName, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (errors[field] !== undefined) setErrors((current) => ({ ...current, [field]: validate(next, m)[field] }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setOtherErrors([]);
    setCreated(undefined);
    const found = validate(values, m);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      { email: values.email.trim(), name: values.name.trim(), ...(values.password !== '' ? { password: values.password } : {}) },
      {
        onSuccess: (user) => {
          setCreated(user);
          setValues(empty);
          announce(m.announcer.userCreated(user.name));
        },
        onError: (error) => {
          if (error instanceof ApiError && error.problems.length > 0) {
            const { byField, unmatched } = fieldErrorsFromProblems(error.problems, fields);
            if (error.code === 'USER_EXISTS') byField.email = m.errors.byCode.USER_EXISTS ?? byField.email;
            setErrors(byField);
            setOtherErrors(unmatched);
          } else if (error instanceof ApiError && error.code === 'USER_EXISTS') {
            setErrors({ email: m.errors.byCode.USER_EXISTS });
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
          onChange={(event) => update('email', event.target.value)}
          error={errors.email}
          autoComplete='off'
          spellCheck={false}
        />
        <Textfield
          id={inputIds.name}
          label={t.name}
          value={values.name}
          onChange={(event) => update('name', event.target.value)}
          error={errors.name}
          autoComplete='off'
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
          <Button type='submit' loading={create.isPending} disabled={create.isPending}>
            {create.isPending ? t.submitting : t.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}
