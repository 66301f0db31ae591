import { actorOf, type Actor, type ServiceContext } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import { DomainError, conflict, invalid, isUniqueViolation, notFound } from '#server/platform/errors.ts';
import { recordChange } from '#server/platform/audit-trail/audit-trail.ts';
import { roleAllows, type MergerRole } from '#server/platform/access/roles.ts';
import { normalizeEmail } from '#shared/contracts/auth.ts';
import type { Invitation, Invited } from '#shared/contracts/members.ts';
import { notify } from '#server/features/notifications/notifications.service.ts';
import { itemLinks } from '#shared/item-links.ts';
import { plural } from '#shared/plural.ts';
import type { NotificationSubjectKind } from '#shared/contracts/notifications.ts';
import { errorMessages } from '#shared/error-messages.ts';
import type { Localized } from '#shared/localized.ts';
import { mayGrantRole, responsibleName, responsibleRequest, wouldRemoveLastOwner, type Responsible } from './members.domain.ts';
import * as repo from './members.repo.ts';

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: MergerRole;
  version: number;
}

/** For other features: whether a user is (still) in a merger. */
export async function isMember(db: Database, mergerId: string, userId: string): Promise<boolean> {
  return (await repo.findMembership(db, mergerId, userId)) !== undefined;
}

export async function mergerIdsOf(db: Database, userId: string): Promise<string[]> {
  return repo.listMergerIdsOfUser(db, userId);
}

export type { Responsible } from './members.domain.ts';

/**
 * The responsible a write asks for, checked: undefined when the write leaves it as is. A member
 * must be in the merger, except the one already responsible (who may have left since: keeping
 * them is not a new assignment). `textField` is where the free text goes in the body.
 */
export async function checkedResponsible(
  db: Database,
  mergerId: string,
  input: { text?: string | null | undefined; userId?: string | null | undefined },
  current: Responsible | null,
  textField = 'responsible',
): Promise<Responsible | undefined> {
  const request = responsibleRequest(input);
  if (request.kind === 'unchanged') return undefined;
  if (request.kind === 'ambiguous') {
    const either: Localized = {
      nb: 'Velg enten et medlem eller skriv inn et navn.',
      nn: 'Vel anten eit medlem eller skriv inn eit namn.',
      en: 'Either choose a member or type a name.',
    };
    throw invalid(
      'RESPONSIBLE_AMBIGUOUS',
      {
        nb: 'Oppgi enten et medlem (responsibleUserId) eller et navn som ansvarlig, ikke begge.',
        nn: 'Oppgi anten eit medlem (responsibleUserId) eller eit namn som ansvarleg, ikkje begge.',
        en: 'Give either a member (responsibleUserId) or a name as responsible, not both.',
      },
      [
        { path: 'responsibleUserId', code: 'ambiguous', message: either },
        { path: textField, code: 'ambiguous', message: either },
      ],
    );
  }
  const { userId } = request.value;
  if (userId !== null && userId !== current?.userId && !(await isMember(db, mergerId, userId))) {
    throw invalid(
      'RESPONSIBLE_NOT_MEMBER',
      {
        nb: 'Den ansvarlige må være medlem av sammenslåingen.',
        nn: 'Den ansvarlege må vere medlem av samanslåinga.',
        en: 'The person responsible must be a member of the merger.',
      },
      [
        {
          path: 'responsibleUserId',
          code: 'not_member',
          message: {
            nb: 'Velg et medlem av sammenslåingen, eller skriv inn et navn.',
            nn: 'Vel eit medlem av samanslåinga, eller skriv inn eit namn.',
            en: 'Choose a member of the merger, or type a name.',
          },
        },
      ],
    );
  }
  return request.value;
}

/** The names of the members (or former members) responsible for these items, by user id. */
export async function namesOfResponsible(db: Database, items: Iterable<{ responsibleUserId: string | null }>): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const item of items) if (item.responsibleUserId !== null) ids.add(item.responsibleUserId);
  return new Map((await repo.listUserNames(db, [...ids])).map((user) => [user.id, user.name]));
}

/** What the web shows of an item's responsible: the member's id and the name (the member's, else the free text). */
export function responsibleView(value: Responsible, names: ReadonlyMap<string, string>): { responsibleUserId: string | null; responsibleName: string | null } {
  return { responsibleUserId: value.userId, responsibleName: responsibleName(value, names) };
}

/**
 * After a write that may have changed who is responsible: tells a newly responsible member
 * (notify() skips the person who did it) and gives the names before and after, so history
 * records the change by name. Runs in the transaction of the change.
 */
export async function announceResponsible(
  db: Database,
  actor: Actor,
  change: {
    mergerId: string;
    before: Responsible | null;
    after: Responsible;
    subject: { kind: NotificationSubjectKind; id: string; title: string };
    link: string;
    /** false: the caller tells the member itself (a bulk change tells once for all its tasks). */
    tell?: boolean;
  },
): Promise<{ before: string | null; after: string | null }> {
  const names = await namesOfResponsible(db, [{ responsibleUserId: change.before?.userId ?? null }, { responsibleUserId: change.after.userId }]);
  if (change.tell !== false && newlyResponsible(change.before, change.after) !== null) {
    await notify(db, [
      {
        kind: 'assigned',
        recipientUserId: change.after.userId!,
        mergerId: change.mergerId,
        subject: change.subject,
        link: change.link,
        actor: { userId: actor.userId, name: actor.name },
      },
    ]);
  }
  return {
    before: change.before ? responsibleName(change.before, names) : null,
    after: responsibleName(change.after, names),
  };
}

/**
 * Tells a member they were made responsible for several tasks at once (a bulk change): one
 * notification, not one per task. It names the first task and how many more, and opens
 * «Mine oppgaver» for the merger, where they are all listed. One task is told as usual.
 */
export async function tellAssignedTasks(
  db: Database,
  actor: Actor,
  change: { mergerId: string; userId: string; tasks: ReadonlyArray<{ id: string; title: string; link: string }> },
): Promise<void> {
  const [first, ...more] = change.tasks;
  if (!first) return;
  await notify(db, [
    {
      kind: 'assigned',
      recipientUserId: change.userId,
      mergerId: change.mergerId,
      subject: { kind: 'task', id: first.id, title: first.title },
      link: more.length === 0 ? first.link : itemLinks.myWorkInMerger(change.mergerId),
      actor: { userId: actor.userId, name: actor.name },
      excerpt: more.length === 0 ? null : `og ${plural(more.length, 'oppgave til', 'oppgaver til')}`,
    },
  ]);
}

/** The member who became responsible by this change, or null (no member, or the same one). */
export function newlyResponsible(before: Responsible | null, after: Responsible): string | null {
  return after.userId !== null && after.userId !== before?.userId ? after.userId : null;
}

/** Makes the creator of a merger its owner; runs in the creating transaction. */
export async function addFounder(db: Database, mergerId: string, userId: string): Promise<void> {
  await repo.insertMember(db, { mergerId, userId, role: 'owner' });
}

export async function listMembers(ctx: ServiceContext, mergerId: string): Promise<{ members: MemberView[]; invitations: Invitation[] }> {
  const [rows, invitations] = await Promise.all([repo.listMembersWithUsers(ctx.db, mergerId), repo.listInvitations(ctx.db, mergerId)]);
  return {
    members: rows.map(({ member, user }) => ({
      userId: user.id,
      email: user.email,
      name: user.name,
      role: member.role,
      version: member.version,
    })),
    invitations: invitations.map((row) => ({
      email: row.email,
      role: row.role,
      invitedBy: row.invitedByName,
      invitedAt: row.createdAt.toISOString(),
    })),
  };
}

function myRole(ctx: ServiceContext): MergerRole {
  if (!ctx.membership) throw new Error('members service called without a checked membership');
  return ctx.membership.role;
}

const cannotGrant = () =>
  new DomainError('ROLE_NOT_GRANTABLE', 403, {
    nb: 'Bare eieren kan gi rollen eier.',
    nn: 'Berre eigaren kan gi rolla eigar.',
    en: 'Only the owner can give the owner role.',
  });
const lastOwner = () =>
  conflict('LAST_OWNER', {
    nb: 'Sammenslåingen må ha minst én eier. Gi noen andre rollen eier først.',
    nn: 'Samanslåinga må ha minst éin eigar. Gi nokon andre rolla eigar først.',
    en: 'The merger must have at least one owner. Give someone else the owner role first.',
  });
const alreadyMember = () =>
  conflict('ALREADY_MEMBER', errorMessages.ALREADY_MEMBER, [
    { path: 'email', code: 'exists', message: { nb: 'Personen er allerede medlem.', nn: 'Personen er alt medlem.', en: 'The person is already a member.' } },
  ]);
const alreadyInvited = () =>
  conflict('ALREADY_INVITED', errorMessages.ALREADY_INVITED, [
    {
      path: 'email',
      code: 'exists',
      message: { nb: 'Adressen er allerede invitert.', nn: 'Adressa er alt invitert.', en: 'The address has already been invited.' },
    },
  ]);

const invitationEntityId = (email: string) => `invitation:${email}`;
const invitationLabel = (email: string) => `Invitasjon til ${email}`;

export type AddMemberResult = { kind: 'member'; member: MemberView } | { kind: 'invited'; invited: Invited };

/**
 * Adds someone by e-mail. Only an administrator may learn whether an address
 * has an account: an administrator adding an existing user makes the
 * membership at once; everyone else (and an administrator adding an unknown
 * address) makes an invitation, and gets the same answer whether or not a
 * user has the address. For them no user is even looked up, so the time
 * taken says nothing either. The invitation becomes a membership when the
 * person signs in (acceptInvitations).
 */
export async function addMember(ctx: ServiceContext, mergerId: string, input: { email: string; role: MergerRole }): Promise<AddMemberResult> {
  const actor = actorOf(ctx);
  if (!mayGrantRole(myRole(ctx), input.role)) throw cannotGrant();
  const email = normalizeEmail(input.email);
  const user = actor.isAdministrator ? await repo.findUserByEmail(ctx.db, email) : undefined;
  try {
    return await ctx.db.transaction(async (tx): Promise<AddMemberResult> => {
      // The members are on the list everyone in the merger sees: saying so reveals nothing.
      if (await repo.findMemberByEmail(tx, mergerId, email)) throw alreadyMember();
      if (user) {
        const row = await repo.insertMember(tx, { mergerId, userId: user.id, role: input.role });
        const pending = await repo.deleteInvitation(tx, mergerId, email);
        if (pending) await recordInvitationGone(tx, actor, mergerId, pending.email, pending.role);
        await recordChange(tx, actor, {
          mergerId,
          entity: 'member',
          entityId: user.id,
          entityLabel: user.email,
          action: 'create',
          changes: [{ field: 'role', old: null, new: input.role }],
        });
        return { kind: 'member', member: { userId: user.id, email: user.email, name: user.name, role: input.role, version: row.version } };
      }
      if (await repo.findInvitation(tx, mergerId, email)) throw alreadyInvited();
      await repo.insertInvitation(tx, {
        mergerId,
        email,
        role: input.role,
        invitedByUserId: actor.userId,
        invitedByName: actor.name,
        createdAt: ctx.now(),
      });
      await recordChange(tx, actor, {
        mergerId,
        entity: 'member',
        entityId: invitationEntityId(email),
        entityLabel: invitationLabel(email),
        action: 'create',
        changes: [{ field: 'role', old: null, new: input.role }],
      });
      return { kind: 'invited', invited: { status: 'invited', email, role: input.role } };
    });
  } catch (error) {
    // The same address invited twice at the same moment: the primary key decides.
    if (isUniqueViolation(error)) throw user ? alreadyMember() : alreadyInvited();
    throw error;
  }
}

async function recordInvitationGone(db: Database, actor: Actor, mergerId: string, email: string, role: string) {
  await recordChange(db, actor, {
    mergerId,
    entity: 'member',
    entityId: invitationEntityId(email),
    entityLabel: invitationLabel(email),
    action: 'delete',
    changes: [{ field: 'role', old: role, new: null }],
  });
}

/** Withdraws an invitation; a lead may withdraw only what a lead may grant (not an owner's). */
export async function withdrawInvitation(ctx: ServiceContext, mergerId: string, email: string): Promise<void> {
  const actor = actorOf(ctx);
  if (!roleAllows(myRole(ctx), 'addMembers')) throw cannotGrant();
  const address = normalizeEmail(email);
  await ctx.db.transaction(async (tx) => {
    const found = await repo.findInvitation(tx, mergerId, address);
    if (!found) throw notFound('INVITATION_NOT_FOUND', errorMessages.INVITATION_NOT_FOUND);
    if (!mayGrantRole(myRole(ctx), found.role)) {
      throw new DomainError('ROLE_NOT_GRANTABLE', 403, {
        nb: 'Bare en eier kan trekke tilbake en invitasjon som eier.',
        nn: 'Berre ein eigar kan trekkje tilbake ein invitasjon som eigar.',
        en: 'Only an owner can withdraw an invitation as owner.',
      });
    }
    await repo.deleteInvitation(tx, mergerId, address);
    await recordInvitationGone(tx, actor, mergerId, found.email, found.role);
  });
}

/**
 * Turns a person's invitations into memberships: called when a user signs in
 * (password or single sign-on) and when an administrator creates a user. A
 * merger the person is already in keeps the role they have. History records
 * the membership, made by the person who joined (or the administrator who
 * created them); the invitation's own record is what came before it.
 */
export async function acceptInvitations(db: Database, user: { id: string; email: string; name: string }, by?: Actor | null): Promise<number> {
  const actor: Actor = by ?? { userId: user.id, email: user.email, name: user.name, isAdministrator: false, via: 'session' };
  return db.transaction(async (tx) => {
    const invitations = await repo.takeInvitationsOf(tx, normalizeEmail(user.email));
    let joined = 0;
    for (const invitation of invitations) {
      const made = await repo.insertMemberIfAbsent(tx, { mergerId: invitation.mergerId, userId: user.id, role: invitation.role });
      // Already a member there (an administrator added them meanwhile): the invitation just goes.
      if (!made) continue;
      joined++;
      await recordChange(tx, actor, {
        mergerId: invitation.mergerId,
        entity: 'member',
        entityId: user.id,
        entityLabel: user.email,
        action: 'create',
        changes: [{ field: 'role', old: null, new: invitation.role }],
      });
    }
    return joined;
  });
}

/**
 * Changes one member's role, or removes them (newRole null), under a lock on
 * the owners so the merger never ends up without one.
 */
async function changeMembership(ctx: ServiceContext, mergerId: string, userId: string, newRole: MergerRole | null): Promise<MemberView | null> {
  const actor = actorOf(ctx);
  if (!roleAllows(myRole(ctx), 'manageMembers')) throw cannotGrant();
  return ctx.db.transaction(async (tx) => {
    const owners = await repo.listOwnerIds(tx, mergerId);
    const current = await repo.findMemberWithUser(tx, mergerId, userId);
    if (!current) {
      throw notFound('MEMBER_NOT_FOUND', {
        nb: 'Personen er ikke med i sammenslåingen.',
        nn: 'Personen er ikkje med i samanslåinga.',
        en: 'The person is not a member of the merger.',
      });
    }
    if (wouldRemoveLastOwner(owners, { userId, newRole })) throw lastOwner();
    const oldRole = current.member.role;
    const updated = newRole === null ? null : ((await repo.updateMemberRole(tx, mergerId, userId, newRole)) ?? null);
    if (newRole === null) await repo.deleteMember(tx, mergerId, userId);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'member',
      entityId: userId,
      entityLabel: current.user.email,
      action: newRole === null ? 'delete' : 'update',
      changes: oldRole === newRole ? [] : [{ field: 'role', old: oldRole, new: newRole }],
    });
    return updated && { ...current.user, userId, role: updated.role, version: updated.version };
  });
}

export async function changeMemberRole(ctx: ServiceContext, mergerId: string, userId: string, role: MergerRole): Promise<MemberView> {
  return (await changeMembership(ctx, mergerId, userId, role))!;
}

export async function removeMember(ctx: ServiceContext, mergerId: string, userId: string): Promise<void> {
  await changeMembership(ctx, mergerId, userId, null);
}
