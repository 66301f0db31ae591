import { Alert, Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { addMemberBody, changeMemberBody, type AddMemberBody, type Invitation, type Member, type MergerRoleName } from '#shared/contracts/members.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useFieldErrors, useFocusFirstError, useFormState } from '#web/components/form-state.ts';
import { RouterLink } from '#web/components/router-link.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useCurrentUser } from '#web/features/auth/session.tsx';
import { useCalendarFeed } from '#web/features/contract-deadlines/contract-deadlines.api.ts';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { isInvited, useAddMember, useChangeMemberRole, useInvitations, useMembers, useRemoveMember, useWithdrawInvitation } from './members.api.ts';
import { grantableRoles, isMergerRole, mergerRoles } from './roles.ts';

export function MembersPage() {
  const { mergerId, merger, trail } = useMergerRoute();
  const { m } = useI18n();
  const t = m.members;
  const members = useMembers(mergerId);
  const invitations = useInvitations(mergerId);
  useDocumentTitle(t.documentTitle(merger.name));

  const failed = members.error;
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg' id='members-heading' tabIndex={-1}>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      {failed && <LoadError error={failed} onRetry={() => void members.refetch()} />}
      {!failed && members.isPending && <Loading />}
      {members.data && <Members merger={merger} members={members.data} invitations={invitations.data ?? []} />}
    </>
  );
}

function Members({ merger, members, invitations }: { merger: MergerDetail; members: Member[]; invitations: Invitation[] }) {
  const { m } = useI18n();
  const t = m.members;
  const me = useCurrentUser();
  const announce = useAnnounce();
  const manage = can(merger, 'manageMembers');
  const remove = useRemoveMember(merger.id);
  const [removing, setRemoving] = useState<Member | undefined>(undefined);
  const [removeError, setRemoveError] = useState<string | undefined>(undefined);

  const confirmRemove = () => {
    if (!removing) return;
    const who = removing;
    remove.mutate(who.userId, {
      onSuccess: () => {
        setRemoving(undefined);
        setRemoveError(undefined);
        announce(m.announcer.memberRemoved(who.name));
        // The row and its button are gone: start again at the page's heading.
        window.setTimeout(() => document.getElementById('members-heading')?.focus(), 0);
      },
      onError: (error) => setRemoveError(errorText(error, m)),
    });
  };

  return (
    <>
      <ScrollRegion label={t.tableCaption}>
        <Table data-color='neutral' className='samla-table samla-members-table' data-size='sm' border>
          <caption className='ds-sr-only'>{t.tableCaption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col'>{t.name}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.email}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.role}</Table.HeaderCell>
              {manage && <Table.HeaderCell scope='col'>{t.actions}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {members.map((member) => (
              <Table.Row key={member.userId}>
                <Table.HeaderCell scope='row'>
                  {member.name}
                  {member.userId === me.id && <span className='samla-muted'> {t.you}</span>}
                </Table.HeaderCell>
                <Table.Cell>{member.email}</Table.Cell>
                <Table.Cell>
                  {manage ? (
                    <RoleEditor key={`${member.userId}-${member.version}-${member.role}`} mergerId={merger.id} member={member} />
                  ) : (
                    m.roles[member.role]
                  )}
                </Table.Cell>
                {manage && (
                  <Table.Cell>
                    <Button
                      variant='tertiary'
                      data-color='danger'
                      data-size='sm'
                      aria-label={t.removeNamed(member.name)}
                      onClick={() => {
                        setRemoveError(undefined);
                        setRemoving(member);
                      }}
                    >
                      {t.remove}
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>

      {invitations.length > 0 && <Invitations merger={merger} invitations={invitations} />}

      {can(merger, 'addMembers') && <CalendarFeedNotice merger={merger} />}

      {can(merger, 'addMembers') ? (
        <AddMember merger={merger} />
      ) : (
        <Paragraph data-size='sm' className='samla-muted samla-mt-4'>
          {t.readOnlyNote}
        </Paragraph>
      )}

      <ConfirmDialog
        open={removing !== undefined}
        heading={removing ? t.confirmRemoveHeading(removing.name) : ''}
        text={t.confirmRemoveText}
        confirmLabel={t.confirmRemove}
        pending={remove.isPending}
        error={removeError}
        onConfirm={confirmRemove}
        onCancel={() => {
          setRemoving(undefined);
          setRemoveError(undefined);
        }}
      />
    </>
  );
}

/** Addresses invited and not yet signed in; owners and leads withdraw what their role could grant. */
function Invitations({ merger, invitations }: { merger: MergerDetail; invitations: Invitation[] }) {
  const { m, fmt } = useI18n();
  const t = m.members.invitations;
  const announce = useAnnounce();
  const withdraw = useWithdrawInvitation(merger.id);
  const mayWithdraw = grantableRoles(merger.myRole);
  const actions = can(merger, 'addMembers');
  const [withdrawing, setWithdrawing] = useState<Invitation | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const confirm = () => {
    if (!withdrawing) return;
    const { email } = withdrawing;
    withdraw.mutate(email, {
      onSuccess: () => {
        setWithdrawing(undefined);
        setError(undefined);
        announce(m.announcer.invitationWithdrawn(email));
        window.setTimeout(() => document.getElementById('invitations-heading')?.focus(), 0);
      },
      onError: (failure) => setError(errorText(failure, m)),
    });
  };

  return (
    <section className='samla-section' aria-labelledby='invitations-heading'>
      <Heading level={2} data-size='sm' id='invitations-heading' tabIndex={-1}>
        {t.title}
      </Heading>
      <Paragraph data-size='sm'>{t.lead}</Paragraph>
      <ScrollRegion label={t.tableCaption}>
        <Table data-color='neutral' className='samla-table' data-size='sm' border>
          <caption className='ds-sr-only'>{t.tableCaption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col'>{t.email}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.role}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.invitedBy}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.invitedAt}</Table.HeaderCell>
              {actions && <Table.HeaderCell scope='col'>{t.actions}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {invitations.map((invitation) => (
              <Table.Row key={invitation.email}>
                <Table.HeaderCell scope='row'>{invitation.email}</Table.HeaderCell>
                <Table.Cell>{m.roles[invitation.role]}</Table.Cell>
                <Table.Cell>{invitation.invitedBy}</Table.Cell>
                <Table.Cell>
                  <time dateTime={invitation.invitedAt}>{fmt.dateTime(invitation.invitedAt)}</time>
                </Table.Cell>
                {actions && (
                  <Table.Cell>
                    {mayWithdraw.includes(invitation.role) && (
                      <Button
                        variant='tertiary'
                        data-color='danger'
                        data-size='sm'
                        aria-label={t.withdrawNamed(invitation.email)}
                        onClick={() => {
                          setError(undefined);
                          setWithdrawing(invitation);
                        }}
                      >
                        {t.withdraw}
                      </Button>
                    )}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
      <ConfirmDialog
        open={withdrawing !== undefined}
        heading={withdrawing ? t.confirmHeading(withdrawing.email) : ''}
        text={t.confirmText}
        confirmLabel={t.confirm}
        pending={withdraw.isPending}
        error={error}
        onConfirm={confirm}
        onCancel={() => {
          setWithdrawing(undefined);
          setError(undefined);
        }}
      />
    </section>
  );
}

/**
 * A calendar address outlives the member who made it (it belongs to the merger):
 * those who manage people are told here when its maker has left, not only on
 * the deadlines page.
 */
function CalendarFeedNotice({ merger }: { merger: MergerDetail }) {
  const { m } = useI18n();
  const feed = useCalendarFeed(merger.id);
  if (!feed.data?.exists || feed.data.createdByIsMember !== false || !feed.data.createdBy) return null;
  return (
    <Alert data-color='warning' className='samla-mt-4'>
      <Paragraph>{m.members.calendarFeedMakerLeft(feed.data.createdBy)}</Paragraph>
      <Paragraph>
        <RouterLink to={paths.contractDeadlines(merger.id)}>{m.members.calendarFeedLink}</RouterLink>
      </Paragraph>
    </Alert>
  );
}

function RoleEditor({ mergerId, member }: { mergerId: string; member: Member }) {
  const { m } = useI18n();
  const t = m.members;
  const announce = useAnnounce();
  const change = useChangeMemberRole(mergerId, (saved) => announce(m.announcer.memberRoleChanged(saved.name, m.roles[saved.role])));
  const [role, setRole] = useState<MergerRoleName>(member.role);
  const { errors, otherErrors, validate, showServerError, clearErrors } = useFieldErrors(['role'] as const);
  // One control: whatever went wrong is said at it.
  const error = errors.role ?? (otherErrors.length > 0 ? otherErrors.join(' ') : undefined);
  const selectId = `member-role-${member.userId}`;

  const save = () => {
    if (role === member.role) return;
    if (!validate(changeMemberBody, { role })) return;
    change.mutate({ userId: member.userId, role }, { onError: showServerError });
  };

  return (
    <div className='samla-role-editor'>
      <Field>
        <Label className='ds-sr-only'>{t.roleFor(member.name)}</Label>
        <Select
          id={selectId}
          value={role}
          data-size='sm'
          onChange={(event) => {
            if (isMergerRole(event.target.value)) setRole(event.target.value);
            clearErrors();
          }}
        >
          {mergerRoles.map((option) => (
            <Select.Option key={option} value={option}>
              {m.roles[option]}
            </Select.Option>
          ))}
        </Select>
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
      {/* Only a changed role has something to save. */}
      {role !== member.role && (
        <Button
          variant='primary'
          data-color='accent'
          data-size='sm'
          onClick={save}
          loading={change.isPending}
          disabled={change.isPending}
          aria-label={t.saveRoleFor(member.name)}
        >
          {t.saveRole}
        </Button>
      )}
    </div>
  );
}

const addFields = ['email', 'role'] as const;

function AddMember({ merger }: { merger: MergerDetail }) {
  const { m } = useI18n();
  const t = m.members.add;
  const announce = useAnnounce();
  const add = useAddMember(merger.id);
  const roles = grantableRoles(merger.myRole);
  const { values, setValues, errors, otherErrors, attempt, change, validate, showServerErrorWith, clearErrors } = useFormState<
    { email: string; role: MergerRoleName },
    (typeof addFields)[number]
  >({ email: '', role: 'member' }, addFields, { messages: { email: { required: t.emailRequired, email: t.emailInvalid } } });
  // One field and a choice: no summary; a wrong address takes focus, with its message.
  useFocusFirstError(attempt, errors, { email: 'add-member-email' });
  const [added, setAdded] = useState<string | undefined>(undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(undefined);
    const body: AddMemberBody = { email: values.email.trim(), role: values.role };
    if (!validate(addMemberBody, body)) return;
    add.mutate(body, {
      onSuccess: (answer) => {
        const text = isInvited(answer) ? t.invited(answer.email) : m.announcer.memberAdded(answer.name, m.roles[answer.role]);
        setAdded(text);
        announce(text);
        setValues({ email: '', role: 'member' });
        clearErrors();
      },
      onError: (error) =>
        showServerErrorWith(error, (byField, failure) => {
          if (failure.code === 'ALREADY_INVITED' || failure.code === 'ALREADY_MEMBER') byField.email = errorText(failure, m);
          else if (failure.code === 'ROLE_NOT_GRANTABLE') byField.role = errorText(failure, m);
        }),
    });
  };

  return (
    <section className='samla-section samla-add-member' aria-labelledby='add-member-heading'>
      <Heading level={2} data-size='sm' id='add-member-heading'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      {added && (
        <Alert data-color='success' className='samla-saved'>
          <Paragraph>{added}</Paragraph>
        </Alert>
      )}
      <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby='add-member-heading'>
        {otherErrors.length > 0 && (
          <Alert data-color='danger' role='alert'>
            {otherErrors.map((message) => (
              <Paragraph key={message}>{message}</Paragraph>
            ))}
          </Alert>
        )}
        <Textfield
          id='add-member-email'
          type='email'
          label={t.email}
          description={t.emailDescription}
          value={values.email}
          onChange={(event) => change('email', event.target.value)}
          error={errors.email}
          autoComplete='off'
          spellCheck={false}
        />
        <Fieldset>
          <Fieldset.Legend>{t.role}</Fieldset.Legend>
          <div className='samla-radios samla-radios--stacked'>
            {roles.map((option) => (
              <Radio
                key={option}
                id={`add-member-role-${option}`}
                name='add-member-role'
                value={option}
                label={m.roles[option]}
                description={m.roleDescriptions[option]}
                checked={values.role === option}
                onChange={() => change('role', option)}
              />
            ))}
          </div>
          {errors.role && <ValidationMessage>{errors.role}</ValidationMessage>}
        </Fieldset>
        <div className='samla-form__actions'>
          <Button type='submit' loading={add.isPending} disabled={add.isPending}>
            {add.isPending ? t.submitting : t.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}
