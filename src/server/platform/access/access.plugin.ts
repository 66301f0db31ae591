import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, ServiceContext } from '#server/platform/context.ts';
import type { Database, DatabaseHandle } from '#server/platform/db/client.ts';
import { DomainError } from '#server/platform/errors.ts';
import { roleAllows, type MergerPermission, type MergerRole } from '#server/platform/access/roles.ts';
import { pickLanguage } from '#shared/language.ts';
import { errorMessages } from '#shared/error-messages.ts';
import { mergerNotFoundMessage } from '#server/platform/access/merger-guard.ts';

/**
 * Every API route declares who may call it. A route without a rule makes the
 * server refuse to start, so no route can ship open by omission.
 */
export type AccessRule = 'public' | 'signed-in' | 'administrator' | `merger:${MergerPermission}`;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
    /**
     * 'allowed': the route may change an archived merger (un-archiving, deleting it).
     * Every other merger route that asks more than `read` is refused there (decision 033).
     */
    whenArchived?: 'allowed';
  }
  interface FastifyRequest {
    ctx: ServiceContext;
    csrfToken: string | null;
    /** Read together with the sign-in on merger routes; checked in preHandler. */
    prefetchedMembership: PrefetchedMembership | null;
  }
}

/** The caller's role in the merger a request is about, and its data revision (decision 019); role null: not a member. */
export interface PrefetchedMembership {
  mergerId: string;
  role: MergerRole | null;
  dataRevision: string;
  /** The merger is archived: read-only for everyone (decision 033). */
  archived: boolean;
}

/**
 * How a request's credentials become an actor. The auth feature owns sessions
 * and tokens; the composition root hands its resolvers to this plugin, so the
 * platform checks access without knowing how people sign in. With a mergerId
 * each also reads the membership there, in the same statement.
 */
export interface CredentialResolvers {
  /** The person behind a personal API token; null when the token is unknown, expired or revoked. */
  resolveApiToken: (db: Database, token: string, now: Date, mergerId?: string) => Promise<{ actor: Actor; membership?: PrefetchedMembership } | null>;
  /** The session behind a cookie; null when there is none or it has expired. */
  resolveSession: (
    db: Database,
    sessionToken: string,
    now: Date,
    mergerId?: string,
  ) => Promise<{ actor: Actor; csrfToken: string; membership?: PrefetchedMembership } | null>;
}

export const sessionCookieName = 'samla_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const unauthenticated = () => new DomainError('UNAUTHENTICATED', 401, errorMessages.UNAUTHENTICATED);
const forbidden = () =>
  new DomainError('FORBIDDEN', 403, {
    nb: 'Rollen din i denne sammenslåingen gir ikke lov til dette.',
    nn: 'Rolla di i denne samanslåinga gir ikkje lov til dette.',
    en: 'Your role in this merger does not allow this.',
  });
const mergerNotFound = () => new DomainError('MERGER_NOT_FOUND', 404, mergerNotFoundMessage);
const mergerArchived = () => new DomainError('MERGER_ARCHIVED', 409, errorMessages.MERGER_ARCHIVED);

export interface AccessPluginOptions {
  database: DatabaseHandle;
  credentials: CredentialResolvers;
  now: () => Date;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  apiPrefix: string;
}

export const accessPlugin = fp<AccessPluginOptions>(async (app, options) => {
  app.decorateRequest('ctx', null as unknown as ServiceContext);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('prefetchedMembership', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(options.apiPrefix)) return;
    if (!route.config?.access) {
      throw new Error(`API route ${String(route.method)} ${route.url} has no access rule (config.access)`);
    }
  });

  type Authenticated = { actor: Actor | null; csrfToken: string | null; membership?: PrefetchedMembership };

  async function authenticate(request: FastifyRequest, mergerId: string | undefined): Promise<Authenticated> {
    const now = options.now();
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const resolved = await options.credentials.resolveApiToken(options.database.db, authorization.slice('Bearer '.length).trim(), now, mergerId);
      // A wrong token is an error even on public routes: the caller meant to sign in.
      if (!resolved) throw new DomainError('INVALID_TOKEN', 401, errorMessages.INVALID_TOKEN);
      return { ...resolved, csrfToken: null };
    }
    const cookie = request.cookies[sessionCookieName];
    if (!cookie) return { actor: null, csrfToken: null };
    const session = await options.credentials.resolveSession(options.database.db, cookie, now, mergerId);
    return session ?? { actor: null, csrfToken: null };
  }

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const rule = request.routeOptions.config?.access;
    // The route's params are not validated yet; a merger id that is not a
    // well-formed uuid is left to validation (400) and never reaches SQL here.
    const rawMergerId = (request.params as { mergerId?: unknown } | undefined)?.mergerId;
    const mergerId = rule?.startsWith('merger:') && typeof rawMergerId === 'string' && uuidPattern.test(rawMergerId) ? rawMergerId : undefined;
    const { actor, csrfToken, membership } = rule ? await authenticate(request, mergerId) : { actor: null, csrfToken: null };
    request.ctx = {
      db: options.database.db,
      now: options.now,
      sleep: options.sleep,
      actor,
      language: pickLanguage(actor?.language, request.headers['accept-language']),
    };
    request.csrfToken = csrfToken;
    request.prefetchedMembership = membership ?? null;
    if (!rule || rule === 'public') return;
    if (!actor) throw unauthenticated();
    // Cookies ride along on cross-site requests; a header a foreign page cannot read cannot.
    if (actor.via === 'session' && !safeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== csrfToken) {
        throw new DomainError('CSRF_TOKEN_INVALID', 403, errorMessages.CSRF_TOKEN_INVALID);
      }
    }
    if (rule === 'administrator' && !actor.isAdministrator) {
      throw new DomainError('FORBIDDEN', 403, {
        nb: 'Bare administratorer kan gjøre dette.',
        nn: 'Berre administratorar kan gjere dette.',
        en: 'Only administrators can do this.',
      });
    }
  });

  // After validation, so the merger id is a well-formed uuid before it reaches SQL.
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const rule = request.routeOptions.config?.access;
    if (!rule?.startsWith('merger:')) return;
    const permission = rule.slice('merger:'.length) as MergerPermission;
    const mergerId = (request.params as { mergerId?: string }).mergerId;
    if (!mergerId) throw new Error(`route ${request.routeOptions.url} has rule ${rule} but no :mergerId`);
    // Read with the sign-in in onRequest: the same uuid shape the params schema accepts.
    const prefetched = request.prefetchedMembership;
    if (prefetched?.mergerId !== mergerId) throw new Error(`no membership was read with the sign-in for ${request.routeOptions.url}`);
    // Not a member: the merger does not exist as far as this user can tell.
    if (!prefetched.role) throw mergerNotFound();
    if (!roleAllows(prefetched.role, permission)) throw forbidden();
    // One check for every feature's writes, those added later too: only reading, and the
    // routes that un-archive or delete, reach an archived merger.
    if (prefetched.archived && permission !== 'read' && request.routeOptions.config?.whenArchived !== 'allowed') throw mergerArchived();
    request.ctx.membership = { mergerId, role: prefetched.role, dataRevision: prefetched.dataRevision, archived: prefetched.archived };
  });
});
