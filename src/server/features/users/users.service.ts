import { actorOf, type Actor, type ServiceContext } from '#server/platform/context.ts';
import type { AuthConfig } from '#server/config.ts';
import type { Database } from '#server/platform/db/client.ts';
import { DomainError, conflict, invalid, isUniqueViolation, notFound, versionConflict } from '#server/platform/errors.ts';
import { hashPassword, randomToken, tokenHash, verifyPassword } from '#server/features/auth/auth.crypto.ts';
import { endSessionOf, endSessionsOf, listSessionsOf, revokeApiTokensOf, toPublicUser, type SessionView } from '#server/features/auth/auth.service.ts';
import type { CreatedPasswordReset, ManagedUser } from '#shared/contracts/users.ts';
import { normalizeEmail, type User } from '#shared/contracts/auth.ts';
import type { Language } from '#shared/language.ts';
import { errorMessages } from '#shared/error-messages.ts';
import type { Localized } from '#shared/localized.ts';
import { acceptInvitations } from '#server/features/members/members.service.ts';
import { assertAcceptablePassword } from '#server/features/auth/password-policy.ts';
import * as repo from './users.repo.ts';

function toManagedUser(row: repo.UserRow): ManagedUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdministrator: row.isAdministrator,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    hasPassword: row.passwordHash !== null,
    language: row.language,
  };
}

const userNotFound = () => notFound('USER_NOT_FOUND', { nb: 'Fant ikke brukeren.', nn: 'Fann ikkje brukaren.', en: 'The user was not found.' });
const emailTaken = () =>
  conflict('USER_EXISTS', errorMessages.USER_EXISTS, [
    {
      path: 'email',
      code: 'exists',
      message: { nb: 'E-postadressen er allerede i bruk.', nn: 'E-postadressa er alt i bruk.', en: 'The e-mail address is already in use.' },
    },
  ]);
const theUser: Localized = { nb: 'Brukeren', nn: 'Brukaren', en: 'The user' };

export async function listUsers(ctx: ServiceContext): Promise<ManagedUser[]> {
  return (await repo.listUsers(ctx.db)).map(toManagedUser);
}

/**
 * An administrator creates a user. Without a password the user can only sign
 * in through the identity provider, so that is refused when none is set up.
 */
export async function createUser(
  ctx: ServiceContext,
  input: { email: string; name: string; password?: string | undefined },
  options: { singleSignOn: boolean },
): Promise<User> {
  const email = normalizeEmail(input.email);
  if (await repo.findUserByEmail(ctx.db, email)) throw emailTaken();
  if (!input.password && !options.singleSignOn) {
    throw invalid('PASSWORD_REQUIRED', errorMessages.PASSWORD_REQUIRED, [
      {
        path: 'password',
        code: 'required',
        message: { nb: 'Skriv et passord til brukeren.', nn: 'Skriv eit passord til brukaren.', en: 'Enter a password for the user.' },
      },
    ]);
  }
  if (input.password) assertAcceptablePassword(input.password, 'password');
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    const row = await repo.insertUser(ctx.db, { email, name: input.name, passwordHash, isAdministrator: false });
    await acceptInvitations(ctx.db, row, ctx.actor);
    return toPublicUser(row);
  } catch (error) {
    // Two administrators creating the same address at once: the unique index decides.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/** Name and e-mail, against the version the administrator's form started from (decision 005). */
export async function updateUser(
  ctx: ServiceContext,
  userId: string,
  input: { version: number; name?: string | undefined; email?: string | undefined },
): Promise<ManagedUser> {
  const current = await repo.findUserById(ctx.db, userId);
  if (!current) throw userNotFound();
  if (current.version !== input.version) throw versionConflict(theUser, current.version);
  const changes: { name?: string; email?: string } = {};
  if (input.name !== undefined && input.name !== current.name) changes.name = input.name;
  if (input.email !== undefined) {
    const email = normalizeEmail(input.email);
    if (email !== current.email) {
      const holder = await repo.findUserByEmail(ctx.db, email);
      if (holder && holder.id !== userId) throw emailTaken();
      changes.email = email;
    }
  }
  if (Object.keys(changes).length === 0) return toManagedUser(current);
  try {
    const row = await repo.updateUser(ctx.db, userId, input.version, changes);
    if (row) return toManagedUser(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  // Changed between our read and the write (another app node): the conditional write refused.
  const now = await repo.findUserById(ctx.db, userId);
  if (!now) throw userNotFound();
  throw versionConflict(theUser, now.version);
}

/**
 * The user an administrator takes out of use, checked: not themself, and never
 * the last active administrator. The active administrators are locked first
 * and then the user, always in that order, so two administrators removing
 * each other at once wait for one another instead of deadlocking, and cannot
 * both succeed.
 */
async function lockRemovable(tx: Database, actor: Actor, userId: string, what: 'deactivate' | 'delete'): Promise<repo.UserRow> {
  const activeAdministrators = await repo.lockActiveAdministrators(tx);
  const target = await repo.findUserById(tx, userId, { lock: true });
  if (!target) throw userNotFound();
  if (target.id === actor.userId) {
    const message: Localized =
      what === 'delete'
        ? { nb: 'Du kan ikke slette deg selv.', nn: 'Du kan ikkje slette deg sjølv.', en: 'You cannot delete yourself.' }
        : { nb: 'Du kan ikke deaktivere deg selv.', nn: 'Du kan ikkje deaktivere deg sjølv.', en: 'You cannot deactivate yourself.' };
    throw conflict('CANNOT_REMOVE_SELF', message, { action: what });
  }
  if (target.isAdministrator && !target.deactivatedAt && activeAdministrators.every((id) => id === target.id)) {
    throw conflict('LAST_ADMINISTRATOR', errorMessages.LAST_ADMINISTRATOR);
  }
  return target;
}

/**
 * Takes a user out of use at once: their sessions end and their API tokens
 * are revoked, in the same transaction. History keeps their name (copied into
 * each event); reactivating gives the account back, but not the tokens.
 */
export async function deactivateUser(ctx: ServiceContext, userId: string): Promise<ManagedUser> {
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const target = await lockRemovable(tx, actor, userId, 'deactivate');
    if (target.deactivatedAt) return toManagedUser(target);
    const now = ctx.now();
    const row = await repo.updateUser(tx, userId, target.version, { deactivatedAt: now });
    if (!row) throw new Error('the locked user row changed version');
    await endSessionsOf(tx, userId);
    await revokeApiTokensOf(tx, userId, now);
    await repo.deleteUnusedPasswordResets(tx, userId);
    return toManagedUser(row);
  });
}

export async function reactivateUser(ctx: ServiceContext, userId: string): Promise<ManagedUser> {
  return ctx.db.transaction(async (tx) => {
    const target = await repo.findUserById(tx, userId, { lock: true });
    if (!target) throw userNotFound();
    if (!target.deactivatedAt) return toManagedUser(target);
    const row = await repo.updateUser(tx, userId, target.version, { deactivatedAt: null });
    if (!row) throw new Error('the locked user row changed version');
    return toManagedUser(row);
  });
}

/**
 * Deletes a user who never changed anything (a mistyped address, someone who
 * never started). Whoever is named in history is deactivated instead, so the
 * history reads the same and their id still means someone.
 */
export async function deleteUser(ctx: ServiceContext, userId: string): Promise<void> {
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await lockRemovable(tx, actor, userId, 'delete');
    if (await repo.hasMadeChanges(tx, userId)) {
      throw conflict('USER_HAS_HISTORY', errorMessages.USER_HAS_HISTORY);
    }
    // Sessions, API tokens, memberships and resets go with the user (foreign keys, on delete cascade).
    await repo.deleteUser(tx, userId);
  });
}

// One-time password resets.

const resetLifetimeMs = 24 * 60 * 60 * 1000;

/**
 * An administrator makes a one-time code for a user who forgot their password.
 * Only its hash is kept; it works once, for 24 hours, and a new one voids the
 * ones before it.
 */
export async function createPasswordReset(ctx: ServiceContext, userId: string, options: { publicUrl?: string | undefined }): Promise<CreatedPasswordReset> {
  const actor = actorOf(ctx);
  const code = randomToken(24);
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + resetLifetimeMs);
  await ctx.db.transaction(async (tx) => {
    const target = await repo.findUserById(tx, userId, { lock: true });
    if (!target) throw userNotFound();
    if (target.deactivatedAt) {
      throw conflict('USER_DEACTIVATED', {
        nb: 'Brukeren er deaktivert. Aktiver brukeren før du lager en kode for nytt passord.',
        nn: 'Brukaren er deaktivert. Aktiver brukaren før du lagar ein kode for nytt passord.',
        en: 'The user is deactivated. Activate the user before you make a code for a new password.',
      });
    }
    await repo.deleteUnusedPasswordResets(tx, userId);
    await repo.insertPasswordReset(tx, { userId, tokenHash: tokenHash(code), createdByUserId: actor.userId, createdAt: now, expiresAt });
  });
  // In the fragment: browsers do not send it, so the code stays out of access logs and Referer headers.
  const path = `/nytt-passord#kode=${code}`;
  return {
    code,
    path,
    link: options.publicUrl ? new URL(path, options.publicUrl).href : null,
    expiresAt: expiresAt.toISOString(),
  };
}

const invalidReset = () => {
  const message = errorMessages.INVALID_RESET_CODE;
  return invalid('INVALID_RESET_CODE', message, [{ path: 'code', code: 'invalid', message }]);
};

/**
 * Sets a new password with a one-time code (no sign-in needed). All the user's
 * sessions end: whoever may have had the old password is signed out. The code
 * carries 192 random bits, so guessing needs no throttle.
 */
export async function usePasswordReset(ctx: ServiceContext, input: { code: string; newPassword: string }): Promise<void> {
  // Checked before the code is spent, so a refused password leaves the code usable.
  assertAcceptablePassword(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const reset = await repo.claimPasswordReset(tx, tokenHash(input.code.trim()), now);
    if (!reset || reset.expiresAt <= now) throw invalidReset();
    const user = await repo.findUserById(tx, reset.userId, { lock: true });
    if (!user || user.deactivatedAt) throw invalidReset();
    await repo.setPasswordHash(tx, user.id, passwordHash);
    await endSessionsOf(tx, user.id);
  });
}

/**
 * Changes the caller's own password; the old one is required, so a browser
 * left signed in is not enough. Every other session of theirs ends; the one
 * they changed it from stays.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
  currentSessionToken: string | undefined,
): Promise<void> {
  const actor = actorOf(ctx);
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw userNotFound();
  if (user.passwordHash === null) {
    throw conflict('NO_PASSWORD', errorMessages.NO_PASSWORD);
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const message: Localized = { nb: 'Passordet stemmer ikke.', nn: 'Passordet stemmer ikkje.', en: 'The password is not correct.' };
    throw invalid('WRONG_PASSWORD', errorMessages.WRONG_PASSWORD, [{ path: 'currentPassword', code: 'wrong', message }]);
  }
  assertAcceptablePassword(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.setPasswordHash(tx, user.id, passwordHash);
    await endSessionsOf(tx, user.id, currentSessionToken);
  });
}

// «Mine økter»: the caller's own sessions.

export async function listMySessions(
  ctx: ServiceContext,
  config: Pick<AuthConfig, 'sessionIdleMinutes'>,
  currentSessionToken: string | undefined,
): Promise<SessionView[]> {
  const actor = actorOf(ctx);
  return listSessionsOf(ctx.db, actor.userId, ctx.now(), config, actor.via === 'session' ? currentSessionToken : undefined);
}

export async function endMySession(ctx: ServiceContext, sessionId: string): Promise<void> {
  if (!(await endSessionOf(ctx.db, actorOf(ctx).userId, sessionId))) {
    throw notFound('SESSION_NOT_FOUND', errorMessages.SESSION_NOT_FOUND);
  }
}

/** Ends every session of the caller's but the one the request came from (all of them, for an API token). */
export async function endMyOtherSessions(ctx: ServiceContext, currentSessionToken: string | undefined): Promise<number> {
  const actor = actorOf(ctx);
  return endSessionsOf(ctx.db, actor.userId, actor.via === 'session' ? currentSessionToken : undefined);
}

/** Some things only a person at a browser may do, never a script holding an API token. */
/** The language Samla speaks to me (decision 039); null: whatever my browser asks for. */
export async function setMyLanguage(ctx: ServiceContext, language: Language | null): Promise<User> {
  const row = await repo.setLanguage(ctx.db, actorOf(ctx).userId, language);
  if (!row) throw userNotFound();
  return toPublicUser(row);
}

export function assertSignedInWithSession(ctx: ServiceContext, message: Localized): void {
  if (actorOf(ctx).via !== 'session') throw new DomainError('SESSION_REQUIRED', 403, message);
}
