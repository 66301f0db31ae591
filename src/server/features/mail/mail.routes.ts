import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '#shared/contracts/common.ts';
import { mailPreferencesResponse, updateMailPreferencesBody } from '#shared/contracts/mail.ts';
import * as service from './mail.service.ts';

export interface MailRoutesOptions {
  /** Whether this server sends e-mail (SAMLA_SMTP_URL): the settings page says so when it does not. */
  emailEnabled: boolean;
}

/** A person's own choice of what Samla mails them (issue 21, decision 037). */
export const mailRoutes: FastifyPluginAsyncZod<MailRoutesOptions> = async (app, options) => {
  app.get(
    '/me/mail-preferences',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meg'],
        summary: 'Mine valg for varsler på e-post: per varseltype straks, daglig sammendrag eller av, og ukesoppsummeringen',
        response: { 200: mailPreferencesResponse },
      },
    },
    async (request) => service.myPreferences(request.ctx, options.emailEnabled),
  );

  app.put(
    '/me/mail-preferences',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meg'],
        summary: 'Endre mine valg for varsler på e-post; varseltyper som ikke er med, beholder valget sitt',
        body: updateMailPreferencesBody,
        response: { 200: mailPreferencesResponse, 400: errorResponse },
      },
    },
    async (request) => service.updateMyPreferences(request.ctx, request.body, options.emailEnabled),
  );
};
