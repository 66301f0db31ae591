import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthConfig } from '#server/config.ts';
import { sessionCookieName } from '#server/platform/access/access.plugin.ts';
import { createUserBody, user } from '#shared/contracts/auth.ts';
import { errorResponse, errorResponses } from '#shared/contracts/common.ts';
import {
  changePasswordBody,
  createdPasswordReset,
  endOtherSessionsResponse,
  listUsersResponse,
  mySessionsResponse,
  sessionParams,
  setMyLanguageBody,
  updateUserBody,
  usePasswordResetBody,
  userParams,
  userResponse,
} from '#shared/contracts/users.ts';
import * as service from './users.service.ts';

export interface UsersRoutesOptions {
  auth: AuthConfig;
  /** Whether sign-in through an identity provider is set up: a user without a password needs it. */
  singleSignOn: boolean;
}

const errors = { ...errorResponses, 403: errorResponse };

/** Managing users (administrator) and oneself (everyone): decision 023. */
export const usersRoutes: FastifyPluginAsyncZod<UsersRoutesOptions> = async (app, options) => {
  app.get(
    '/users',
    {
      config: { access: 'administrator' },
      schema: { tags: ['brukere'], summary: 'Alle brukere, også deaktiverte (administrator)', response: { 200: listUsersResponse } },
    },
    async (request) => ({ users: await service.listUsers(request.ctx) }),
  );

  app.post(
    '/users',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['brukere'],
        summary: 'Opprett en bruker (administrator); uten passord logger brukeren inn med identitetstilbyderen, og det går bare når den er satt opp',
        body: createUserBody,
        response: { 201: user, 400: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createUser(request.ctx, request.body, { singleSignOn: options.singleSignOn })),
  );

  app.patch(
    '/users/:userId',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['brukere'],
        summary: 'Endre navn og e-post (administrator); en utdatert versjon gir 409 VERSION_CONFLICT',
        params: userParams,
        body: updateUserBody,
        response: { 200: userResponse, ...errors },
      },
    },
    async (request) => service.updateUser(request.ctx, request.params.userId, request.body),
  );

  app.post(
    '/users/:userId/deactivate',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['brukere'],
        summary: 'Deaktiver en bruker (administrator): øktene avsluttes og API-nøklene trekkes tilbake med en gang; historikken beholder navnet',
        params: userParams,
        response: { 200: userResponse, ...errors },
      },
    },
    async (request) => service.deactivateUser(request.ctx, request.params.userId),
  );

  app.post(
    '/users/:userId/reactivate',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['brukere'],
        summary: 'Aktiver en deaktivert bruker igjen (administrator); tidligere API-nøkler forblir tilbaketrukket',
        params: userParams,
        response: { 200: userResponse, ...errors },
      },
    },
    async (request) => service.reactivateUser(request.ctx, request.params.userId),
  );

  app.delete(
    '/users/:userId',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['brukere'],
        summary: 'Slett en bruker som ikke har gjort endringer (administrator); ellers 409 USER_HAS_HISTORY: deaktiver i stedet',
        params: userParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteUser(request.ctx, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/users/:userId/password-reset',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['brukere'],
        summary: 'Lag en engangskode for nytt passord (administrator): vises bare i dette svaret, gjelder i 24 timer og erstatter tidligere koder',
        params: userParams,
        response: { 201: createdPasswordReset, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createPasswordReset(request.ctx, request.params.userId, { publicUrl: options.auth.publicUrl })),
  );

  app.post(
    '/auth/password-reset',
    {
      config: { access: 'public' },
      schema: {
        tags: ['innlogging'],
        summary: 'Sett nytt passord med engangskoden fra administratoren; alle brukerens økter avsluttes',
        body: usePasswordResetBody,
        response: { 204: z.null(), 400: errorResponse },
      },
    },
    async (request, reply) => {
      await service.usePasswordReset(request.ctx, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/me/password',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meg'],
        summary: 'Bytt mitt passord (bare fra nettleseren); mine andre økter avsluttes, denne beholdes',
        body: changePasswordBody,
        response: { 204: z.null(), 400: errorResponse, 403: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      service.assertSignedInWithSession(request.ctx, {
        nb: 'Passordet kan bare byttes i nettleseren, ikke med en API-nøkkel.',
        nn: 'Passordet kan berre bytast i nettlesaren, ikkje med ein API-nøkkel.',
        en: 'The password can only be changed in the browser, not with an API key.',
      });
      await service.changeOwnPassword(request.ctx, request.body, request.cookies[sessionCookieName]);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/me/language',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meg'],
        summary: 'Velg språket Samla bruker for meg: nb (bokmål), nn (nynorsk) eller en (engelsk); null: det nettleseren ber om',
        description: 'Gjelder sidene og API-et (for eksempel sjekklisten i GET /catalog), også for mine API-nøkler.',
        body: setMyLanguageBody,
        response: { 200: user, 400: errorResponse },
      },
    },
    async (request) => service.setMyLanguage(request.ctx, request.body.language),
  );

  app.get(
    '/me/sessions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meg'],
        summary: 'Mine økter: hvor jeg er logget inn, sist brukt og nettleser; denne økten er merket',
        response: { 200: mySessionsResponse },
      },
    },
    async (request) => ({
      sessions: await service.listMySessions(request.ctx, options.auth, request.cookies[sessionCookieName]),
    }),
  );

  app.delete(
    '/me/sessions/:sessionId',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meg'],
        summary: 'Avslutt en av mine økter (logg ut den nettleseren)',
        params: sessionParams,
        response: { 204: z.null(), 404: errorResponse },
      },
    },
    async (request, reply) => {
      await service.endMySession(request.ctx, request.params.sessionId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/me/sessions/end-others',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meg'],
        summary: 'Logg ut alle mine andre økter; denne beholdes',
        response: { 200: endOtherSessionsResponse },
      },
    },
    async (request) => ({ ended: await service.endMyOtherSessions(request.ctx, request.cookies[sessionCookieName]) }),
  );
};
