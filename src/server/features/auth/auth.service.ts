import { createHash } from 'node:crypto';
import type { AuthConfig } from '#server/config.ts';
import type { Actor, ServiceContext } from '#server/platform/context.ts';
import type { PrefetchedMembership } from '#server/platform/access/access.plugin.ts';
import type { Database } from '#server/platform/db/client.ts';
import { addDays, startOfDayInOslo } from '#shared/calendar-dates.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import { normalizeEmail, type ApiToken } from '#shared/contracts/auth.ts';
import type { Language } from '#shared/language.ts';
import { errorMessages } from '#shared/error-messages.ts';
import type { Localized } from '#shared/localized.ts';
import { DomainError, conflict, invalid, isUniqueViolation, notFound } from '#server/platform/errors.ts';
import { accountWidePolicy, isSessionExpired, reservedDecision, shouldTouchSession, strictest, throttleKeys, throttlePolicy } from './auth.domain.ts';
import { apiTokenPrefix, constantTimeEqual, hashPassword, randomToken, tokenHash, verifyPassword } from './auth.crypto.ts';
import { acceptInvitations } from '#server/features/members/members.service.ts';
import * as repo from './auth.repo.ts';
import type { IdentityClaims } from './oidc.ts';

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  isAdministrator: boolean;
  hasPassword: boolean;
  language: Language | null;
}

export function toPublicUser(row: Pick<repo.UserRow, 'id' | 'email' | 'name' | 'isAdministrator' | 'passwordHash' | 'language'>): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdministrator: row.isAdministrator,
    hasPassword: row.passwordHash !== null,
    language: row.language,
  };
}

function actorFrom(row: repo.SignedInUser, via: Actor['via']): Actor {
  return { userId: row.id, email: row.email, name: row.name, isAdministrator: row.isAdministrator, language: row.language, via };
}

const wrongCredentials = () => new DomainError('INVALID_CREDENTIALS', 401, errorMessages.INVALID_CREDENTIALS);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const maxUserAgentLength = 500;

export interface NewSession {
  user: PublicUser;
  sessionToken: string;
  csrfToken: string;
}

/** `userAgent`: the browser's User-Agent header at sign-in, so «Mine økter» can tell sessions apart. */
async function startSession(ctx: ServiceContext, user: repo.UserRow, userAgent?: string | null): Promise<NewSession> {
  // Every way in ends here: a deactivated user gets no session, whichever way they proved who they are.
  if (user.deactivatedAt) throw deactivatedUser();
  await acceptInvitations(ctx.db, user); // invitations to mergers become memberships (decision 023)
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const now = ctx.now();
  await repo.insertSession(ctx.db, {
    tokenHash: tokenHash(sessionToken),
    userId: user.id,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    userAgent: userAgent ? userAgent.slice(0, maxUserAgentLength) : null,
  });
  return { user: toPublicUser(user), sessionToken, csrfToken };
}

const tooManyAttempts = (retryAfterSeconds: number) => new DomainError('TOO_MANY_ATTEMPTS', 429, errorMessages.TOO_MANY_ATTEMPTS, { retryAfterSeconds });

/** Said only to whoever proved who they are (the right password, or the identity provider). */
const deactivatedUser = () =>
  new DomainError('USER_DEACTIVATED', 403, {
    nb: 'Brukeren din er deaktivert. Kontakt en administrator i Samla.',
    nn: 'Brukaren din er deaktivert. Kontakt ein administrator i Samla.',
    en: 'Your user has been deactivated. Contact an administrator of Samla.',
  });

/**
 * E-mail and password sign-in (decision 022). Each attempt is counted before
 * the password is checked, in one statement per step, so attempts sent all at
 * once cannot slip past the limit: per account from this source and per source
 * (both refuse past their limit), then per account from anywhere (only slows,
 * so strangers cannot lock the owner out). A right password gives the attempt
 * back. The answer is the same for an unknown e-mail and a wrong password.
 */
export async function login(
  ctx: ServiceContext,
  input: { email: string; password: string; address: string; sessionIdleMinutes: number; userAgent?: string | undefined },
): Promise<NewSession> {
  const email = normalizeEmail(input.email);
  const keys = throttleKeys(email, input.address);
  const now = ctx.now();
  const gate = await repo.reserveLoginAttempts(ctx.db, [keys.accountFromSource, keys.source], now, throttlePolicy.windowMs);
  const gateDecision = strictest(
    reservedDecision(gate.get(keys.accountFromSource), throttlePolicy.accountLimit, now),
    reservedDecision(gate.get(keys.source), throttlePolicy.addressLimit, now),
  );
  if (gateDecision.kind === 'refuse') throw tooManyAttempts(gateDecision.retryAfterSeconds);
  // Counted only for attempts that get evaluated: refused ones do not slow the owner further.
  const accountWide = await repo.reserveLoginAttempts(ctx.db, [keys.account], now, throttlePolicy.windowMs);
  const decision = strictest(gateDecision, reservedDecision(accountWide.get(keys.account), Number.POSITIVE_INFINITY, now, accountWidePolicy));
  if (decision.kind === 'allow' && decision.delayMs > 0) await (ctx.sleep ?? sleep)(decision.delayMs);

  const user = await repo.findUserByEmail(ctx.db, email);
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) throw wrongCredentials();
  // The right password: this attempt was no failure.
  await repo.clearLoginFailures(ctx.db, keys.accountFromSource);
  await repo.releaseLoginAttempts(ctx.db, [keys.source, keys.account]);
  if (user.deactivatedAt) throw deactivatedUser();
  await repo.deleteStaleAuthRows(ctx.db, new Date(now.getTime() - input.sessionIdleMinutes * 60_000), new Date(now.getTime() - throttlePolicy.windowMs));
  return startSession(ctx, user, input.userAgent);
}

/**
 * Signs in a user vouched for by the identity provider (decision 022). The
 * identity is the provider's issuer and subject: once linked, it signs in to its
 * user whatever e-mail the provider sends later. An unknown identity is linked
 * to the user with its e-mail only when the provider says the address is
 * verified; with no such user, the user is created and linked.
 */
export async function loginFromIdentityProvider(ctx: ServiceContext, claims: IdentityClaims, userAgent?: string): Promise<NewSession> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await signInIdentity(ctx, claims, userAgent);
    } catch (error) {
      // Two first sign-ins at once: the other made the user or the link; the second look finds it.
      if (attempt === 0 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function signInIdentity(ctx: ServiceContext, claims: IdentityClaims, userAgent: string | undefined): Promise<NewSession> {
  const now = ctx.now();
  const linked = await repo.findUserByIdentity(ctx.db, claims.issuer, claims.subject);
  if (linked) {
    if (linked.deactivatedAt) throw deactivatedUser();
    await repo.touchIdentity(ctx.db, claims.issuer, claims.subject, now);
    return startSession(ctx, linked, userAgent);
  }
  const email = normalizeEmail(claims.email);
  const user = await ctx.db.transaction(async (tx) => {
    const existing = await repo.findUserByEmail(tx, email);
    if (existing && !claims.emailVerified) {
      throw new DomainError('SSO_EMAIL_NOT_VERIFIED', 403, errorMessages.SSO_EMAIL_NOT_VERIFIED);
    }
    if (existing?.deactivatedAt) throw deactivatedUser();
    const row = existing ?? (await repo.insertUser(tx, { email, name: claims.name || email, passwordHash: null, isAdministrator: false }));
    await repo.insertIdentity(tx, { issuer: claims.issuer, subject: claims.subject, userId: row.id, emailAtLink: email, lastUsedAt: now });
    return row;
  });
  return startSession(ctx, user, userAgent);
}

export async function logout(ctx: ServiceContext, sessionToken: string): Promise<void> {
  await repo.deleteSession(ctx.db, tokenHash(sessionToken));
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  membership?: PrefetchedMembership;
}

function prefetched(mergerId: string | undefined, found: { membership: repo.MembershipRow | null }) {
  if (!mergerId || !found.membership) return {};
  return { membership: { mergerId, role: found.membership.role, dataRevision: found.membership.dataRevision, archived: found.membership.archived } };
}

/** The session behind a cookie; with mergerId, also the membership there, in the same statement. */
export async function resolveSession(
  db: Database,
  sessionToken: string,
  now: Date,
  config: Pick<AuthConfig, 'sessionIdleMinutes'>,
  mergerId?: string,
): Promise<ResolvedSession | null> {
  const hashed = tokenHash(sessionToken);
  const found = await repo.findSessionWithUser(db, hashed, mergerId);
  if (!found) return null;
  if (isSessionExpired(found.session.lastSeenAt, now, config.sessionIdleMinutes)) {
    await repo.deleteSession(db, hashed);
    return null;
  }
  if (shouldTouchSession(found.session.lastSeenAt, now)) await repo.touchSession(db, hashed, now);
  return { actor: actorFrom(found.user, 'session'), csrfToken: found.session.csrfToken, ...prefetched(mergerId, found) };
}

/** The person behind a personal API token; with mergerId, also the membership there, in the same statement. */
export async function resolveApiToken(
  db: Database,
  token: string,
  now: Date,
  mergerId?: string,
): Promise<{ actor: Actor; membership?: PrefetchedMembership } | null> {
  if (!token.startsWith(apiTokenPrefix)) return null;
  const found = await repo.findLiveTokenWithUser(db, tokenHash(token), now, mergerId);
  if (!found) return null;
  if (!found.token.lastUsedAt || shouldTouchSession(found.token.lastUsedAt, now)) {
    await repo.touchApiToken(db, found.token.id, now);
  }
  return { actor: actorFrom(found.user, 'token'), ...prefetched(mergerId, found) };
}

export async function currentUser(ctx: ServiceContext, userId: string): Promise<PublicUser> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) throw notFound('USER_NOT_FOUND', { nb: 'Fant ikke brukeren.', nn: 'Fann ikkje brukaren.', en: 'The user was not found.' });
  return toPublicUser(user);
}

// First start: the administrator comes from configuration, or from the setup
// page with a one-time code printed in the server log (as Jenkins does).

export async function needsSetup(db: Database): Promise<boolean> {
  return (await repo.countUsers(db)) === 0;
}

export async function ensureInitialAdministrator(db: Database, admin: { email: string; password: string }): Promise<PublicUser | null> {
  if (!(await needsSetup(db))) return null;
  try {
    return await createAdministrator(db, { email: admin.email, name: 'Administrator', password: admin.password });
  } catch (error) {
    // Two app nodes started at once on an empty database: the other one made
    // the administrator first, which is all this node wanted.
    if ((error instanceof DomainError && error.code === 'SETUP_ALREADY_DONE') || isUniqueViolation(error)) return null;
    throw error;
  }
}

async function createAdministrator(db: Database, input: { email: string; name: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Two first requests at once: only one may create the first administrator.
    if ((await repo.countUsers(tx)) > 0)
      throw conflict('SETUP_ALREADY_DONE', { nb: 'Samla er allerede satt opp.', nn: 'Samla er alt sett opp.', en: 'Samla has already been set up.' });
    const user = await repo.insertUser(tx, {
      email: normalizeEmail(input.email),
      name: input.name,
      passwordHash,
      isAdministrator: true,
    });
    await repo.adoptOrphanMergers(tx, user.id);
    return toPublicUser(user);
  });
}

export async function setupAdministrator(
  ctx: ServiceContext,
  setupCode: string | null,
  input: { code: string; email: string; name: string; password: string },
  userAgent?: string,
): Promise<NewSession> {
  if (!(await needsSetup(ctx.db)) || setupCode === null) {
    throw conflict('SETUP_ALREADY_DONE', errorMessages.SETUP_ALREADY_DONE);
  }
  if (!constantTimeEqual(input.code.trim(), setupCode)) {
    throw invalid('INVALID_SETUP_CODE', errorMessages.INVALID_SETUP_CODE, [
      {
        path: 'code',
        code: 'invalid',
        message: { nb: 'Oppsettkoden stemmer ikke.', nn: 'Oppsettkoden stemmer ikkje.', en: 'The set-up code is not correct.' },
      },
    ]);
  }
  assertAcceptablePassword(input.password, 'password');
  const user = await createAdministrator(ctx.db, input);
  const row = (await repo.findUserById(ctx.db, user.id))!;
  return startSession(ctx, row, userAgent);
}

/**
 * Creates a user without the administrator's rules (password policy, no
 * password only with single sign-on): for tests and the command line. The API
 * creates users through the users feature (users.service.ts).
 */
export async function createUser(ctx: ServiceContext, input: { email: string; name: string; password?: string | undefined }): Promise<PublicUser> {
  const email = normalizeEmail(input.email);
  if (await repo.findUserByEmail(ctx.db, email)) {
    throw conflict('USER_EXISTS', errorMessages.USER_EXISTS, [
      {
        path: 'email',
        code: 'exists',
        message: { nb: 'E-postadressen er allerede i bruk.', nn: 'E-postadressa er alt i bruk.', en: 'The e-mail address is already in use.' },
      },
    ]);
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return toPublicUser(await repo.insertUser(ctx.db, { email, name: input.name, passwordHash, isAdministrator: false }));
}

/** The active administrator who has been one longest: whom a command-line operation acts as. */
export async function firstAdministrator(db: Database): Promise<Actor | undefined> {
  const [first] = (await repo.listUsers(db))
    .filter((user) => user.isAdministrator && !user.deactivatedAt)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return first && actorFrom(first, 'token');
}

/** For other features: find a user to add as member. */
export async function findUserByEmail(db: Database, email: string): Promise<PublicUser | undefined> {
  const row = await repo.findUserByEmail(db, normalizeEmail(email));
  return row && toPublicUser(row);
}

export type ApiTokenView = ApiToken;

function toTokenView(row: repo.ApiTokenRow, now: Date): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    status: row.revokedAt ? 'revoked' : row.expiresAt && row.expiresAt <= now ? 'expired' : 'active',
  };
}

/** The longest an API token may be made to last: a year, so a forgotten one dies by itself. */
const maxTokenLifetimeDays = 366;

/** A token given a last day works until that day ends in Norway. */
function tokenExpiry(expiresOn: string | null | undefined, now: Date): Date | null {
  if (!expiresOn) return null;
  const expiresAt = startOfDayInOslo(addDays(expiresOn, 1));
  const problem = (message: Localized) => invalid('INVALID_TOKEN_EXPIRY', message, [{ path: 'expiresOn', code: 'out_of_range', message }]);
  if (expiresAt <= now)
    throw problem({ nb: 'Siste dag kan ikke være før i dag.', nn: 'Siste dag kan ikkje vere før i dag.', en: 'The last day cannot be before today.' });
  if (expiresAt.getTime() - now.getTime() > maxTokenLifetimeDays * 24 * 60 * 60 * 1000) {
    throw problem({ nb: 'En API-nøkkel kan vare høyst ett år.', nn: 'Ein API-nøkkel kan vare i høgst eitt år.', en: 'An API key can last at most one year.' });
  }
  return expiresAt;
}

export async function createApiToken(ctx: ServiceContext, actor: Actor, name: string, expiresOn?: string | null) {
  const now = ctx.now();
  const expiresAt = tokenExpiry(expiresOn, now);
  const token = `${apiTokenPrefix}${randomToken()}`;
  const row = await repo.insertApiToken(ctx.db, { userId: actor.userId, name, tokenHash: tokenHash(token), expiresAt });
  return { ...toTokenView(row, now), token };
}

export async function listApiTokens(ctx: ServiceContext, actor: Actor): Promise<ApiTokenView[]> {
  const now = ctx.now();
  return (await repo.listApiTokens(ctx.db, actor.userId)).map((row) => toTokenView(row, now));
}

export async function revokeApiToken(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  if (!(await repo.revokeApiToken(ctx.db, actor.userId, id, ctx.now()))) {
    throw notFound('TOKEN_NOT_FOUND', errorMessages.TOKEN_NOT_FOUND);
  }
}

// Sessions of one user («Mine økter») and ending them, for the users feature.

/**
 * The id a session is known by outside the server: a hash of the stored hash.
 * It names the session to end without giving out the stored hash (which is
 * the key sessions are looked up by), and needs no column of its own.
 */
export function sessionPublicId(storedTokenHash: string): string {
  return createHash('sha256').update(`samla-session-id:${storedTokenHash}`).digest('hex').slice(0, 32);
}

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  current: boolean;
}

/** The user's sessions that are still alive; `currentSessionToken` is the caller's cookie, if any. */
export async function listSessionsOf(
  db: Database,
  userId: string,
  now: Date,
  config: Pick<AuthConfig, 'sessionIdleMinutes'>,
  currentSessionToken?: string,
): Promise<SessionView[]> {
  const current = currentSessionToken ? tokenHash(currentSessionToken) : undefined;
  return (await repo.listSessionsOfUser(db, userId))
    .filter((row) => !isSessionExpired(row.lastSeenAt, now, config.sessionIdleMinutes))
    .map((row) => ({
      id: sessionPublicId(row.tokenHash),
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      userAgent: row.userAgent,
      current: row.tokenHash === current,
    }));
}

/** Ends one of the user's sessions by its public id; false when the user has no such session. */
export async function endSessionOf(db: Database, userId: string, sessionId: string): Promise<boolean> {
  const row = (await repo.listSessionsOfUser(db, userId)).find((session) => sessionPublicId(session.tokenHash) === sessionId);
  return row ? repo.deleteSessionOfUser(db, userId, row.tokenHash) : false;
}

/** Ends all of the user's sessions, or all but the one behind `keepSessionToken`; answers how many ended. */
export async function endSessionsOf(db: Database, userId: string, keepSessionToken?: string): Promise<number> {
  return repo.deleteSessionsOfUser(db, userId, keepSessionToken ? tokenHash(keepSessionToken) : undefined);
}

/** A deactivated user's tokens are revoked, not just refused: reactivating does not bring them back. */
export async function revokeApiTokensOf(db: Database, userId: string, at: Date): Promise<void> {
  await repo.revokeApiTokensOfUser(db, userId, at);
}
