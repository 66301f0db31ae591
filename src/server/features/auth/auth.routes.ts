import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthConfig } from '#server/config.ts';
import { DomainError } from '#server/platform/errors.ts';
import { errorMessages } from '#shared/error-messages.ts';
import { apiToken, authStatus, createApiTokenBody, createdApiToken, loginBody, sessionResponse, setupBody } from '#shared/contracts/auth.ts';
import { errorResponse, errorResponses, uuidParam } from '#shared/contracts/common.ts';
import { actorOf } from '#server/platform/context.ts';
import { sessionCookieName } from '../../platform/access/access.plugin.ts';
import { safeReturnTo, type OidcClient, type PendingSignIn } from './oidc.ts';
import * as service from './auth.service.ts';

export interface AuthRoutesOptions {
  auth: AuthConfig;
  /** The one-time code for «Opprett administrator»; null once set up or when configured. */
  setupCode: () => string | null;
  oidc: OidcClient | null;
}

const pendingCookieName = 'samla_oidc';

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, options) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.auth.secureCookies,
  };
  const setSessionCookie = (reply: FastifyReply, token: string) => reply.setCookie(sessionCookieName, token, cookieOptions);

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['innlogging'],
        summary: 'Logg inn med e-post og passord; setter sesjonscookien',
        body: loginBody,
        response: { 200: sessionResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      try {
        const session = await service.login(request.ctx, {
          ...request.body,
          address: request.ip,
          sessionIdleMinutes: options.auth.sessionIdleMinutes,
          userAgent: request.headers['user-agent'],
        });
        setSessionCookie(reply, session.sessionToken);
        return { user: session.user, csrfToken: session.csrfToken };
      } catch (error) {
        if (error instanceof DomainError && error.code === 'TOO_MANY_ATTEMPTS') {
          reply.header('retry-after', String((error.details as { retryAfterSeconds: number }).retryAfterSeconds));
        }
        throw error;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['innlogging'], summary: 'Logg ut: sesjonen slettes', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookieName];
      if (token) await service.logout(request.ctx, token);
      reply.clearCookie(sessionCookieName, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['innlogging'],
        summary: 'Hvem er logget inn, og må Samla settes opp først?',
        response: { 200: authStatus },
      },
    },
    async (request) => {
      const actor = request.ctx.actor;
      return {
        signedIn: actor !== null,
        session: actor && request.csrfToken ? { user: await service.currentUser(request.ctx, actor.userId), csrfToken: request.csrfToken } : null,
        setupRequired: options.setupCode() !== null && (await service.needsSetup(request.ctx.db)),
        singleSignOn: options.oidc ? { name: options.oidc.displayName } : null,
      };
    },
  );

  app.post(
    '/auth/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['innlogging'],
        summary: 'Første oppstart: opprett administratoren med oppsettkoden fra serverloggen',
        body: setupBody,
        response: { 201: sessionResponse, 400: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const session = await service.setupAdministrator(request.ctx, options.setupCode(), request.body, request.headers['user-agent']);
      setSessionCookie(reply, session.sessionToken);
      return reply.status(201).send({ user: session.user, csrfToken: session.csrfToken });
    },
  );

  app.get(
    '/auth/oidc/start',
    {
      config: { access: 'public' },
      schema: {
        tags: ['innlogging'],
        summary: 'Start innlogging hos kommunens identitetstilbyder (OpenID Connect)',
        querystring: z.object({ neste: z.string().max(2000).optional().describe('Stien i Samla brukeren skal tilbake til') }),
        hide: !options.oidc,
      },
    },
    async (request, reply) => {
      if (!options.oidc) throw new DomainError('SSO_NOT_CONFIGURED', 404, errorMessages.SSO_NOT_CONFIGURED);
      const { url, pending } = await options.oidc.start(request.query.neste);
      reply.setCookie(pendingCookieName, JSON.stringify(pending), { ...cookieOptions, maxAge: 600 });
      return reply.redirect(url);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { access: 'public' },
      schema: { tags: ['innlogging'], summary: 'Identitetstilbyderen sender brukeren tilbake hit', hide: !options.oidc },
    },
    async (request, reply) => {
      if (!options.oidc || !options.auth.publicUrl) {
        throw new DomainError('SSO_NOT_CONFIGURED', 404, errorMessages.SSO_NOT_CONFIGURED);
      }
      reply.clearCookie(pendingCookieName, cookieOptions);
      try {
        let pending: PendingSignIn;
        try {
          pending = JSON.parse(request.cookies[pendingCookieName] ?? '') as PendingSignIn;
        } catch {
          throw new DomainError('SSO_FAILED', 401, {
            nb: 'Innloggingen hadde utløpt. Prøv igjen.',
            nn: 'Innlogginga hadde gått ut. Prøv igjen.',
            en: 'The sign-in had expired. Try again.',
          });
        }
        const callbackUrl = new URL(request.url, options.auth.publicUrl);
        const claims = await options.oidc.finish(callbackUrl, pending);
        let session: service.NewSession;
        try {
          session = await service.loginFromIdentityProvider(request.ctx, claims, request.headers['user-agent']);
        } catch (error) {
          if (error instanceof DomainError && (error.code === 'SSO_EMAIL_NOT_VERIFIED' || error.code === 'USER_DEACTIVATED')) {
            // An unverified address that names an existing account may be an attempt to take it over.
            request.log.warn(
              { code: error.code, issuer: claims.issuer, subject: claims.subject, email: claims.email, emailVerified: claims.emailVerified },
              'innlogging via identitetstilbyder avvist',
            );
          }
          throw error;
        }
        setSessionCookie(reply, session.sessionToken);
        // Checked again: the pending cookie came back from the browser. The answer is ASCII, a valid Location.
        return reply.redirect(safeReturnTo(typeof pending.returnTo === 'string' ? pending.returnTo : undefined));
      } catch (error) {
        // The browser came here from the provider: it gets the sign-in page with the reason, not a JSON error.
        if (error instanceof DomainError) return reply.redirect(`/logg-inn?${new URLSearchParams({ feil: error.code })}`);
        throw error;
      }
    },
  );

  app.get(
    '/tokens',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['API-nøkler'], summary: 'Mine API-nøkler', response: { 200: z.object({ tokens: z.array(apiToken) }) } },
    },
    async (request) => ({ tokens: await service.listApiTokens(request.ctx, actorOf(request.ctx)) }),
  );

  app.post(
    '/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['API-nøkler'],
        summary:
          'Lag en personlig API-nøkkel, eventuelt med siste gyldige dag (høyst ett år fram); nøkkelen vises bare i dette svaret. ' +
          'Bare fra nettleseren: en API-nøkkel kan ikke lage nye nøkler (403 SESSION_REQUIRED).',
        body: createApiTokenBody,
        response: { 201: createdApiToken, 400: errorResponses[400], 403: errorResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.ctx);
      // A leaked token must not be able to mint itself successors that outlive its revocation.
      if (actor.via !== 'session') {
        throw new DomainError('SESSION_REQUIRED', 403, {
          nb: 'Nye API-nøkler lages i nettleseren, ikke med en annen API-nøkkel.',
          nn: 'Nye API-nøklar blir laga i nettlesaren, ikkje med ein annan API-nøkkel.',
          en: 'New API keys are made in the browser, not with another API key.',
        });
      }
      return reply.status(201).send(await service.createApiToken(request.ctx, actor, request.body.name, request.body.expiresOn));
    },
  );

  app.delete(
    '/tokens/:tokenId',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['API-nøkler'],
        summary: 'Trekk tilbake en API-nøkkel',
        params: z.object({ tokenId: uuidParam }),
        response: { 204: z.null(), 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      await service.revokeApiToken(request.ctx, actorOf(request.ctx), request.params.tokenId);
      return reply.status(204).send(null);
    },
  );
};
