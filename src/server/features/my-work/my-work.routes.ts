import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '#shared/contracts/common.ts';
import { createdMyCalendarFeed, myCalendarFeed, myCalendarFeedParams, myWorkQuery, myWorkResponse } from '#shared/contracts/my-work.ts';
import * as service from './my-work.service.ts';

const tags = ['meg'];

export const myWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/tasks',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Mine oppgaver: oppgaver, tiltak, gevinster og veivalg jeg er ansvarlig for, i alle sammenslåingene jeg er med i',
        description: 'Forfalte først, så etter frist; det uten frist sist. Bare det jeg er ansvarlig for som medlem, ikke som fritekst.',
        querystring: myWorkQuery,
        response: { 200: myWorkResponse, 400: errorResponses[400] },
      },
    },
    async (request) => service.myWork(request.ctx, request.query),
  );

  app.get(
    '/me/calendar-feed',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Om jeg har en hemmelig kalenderadresse for mine oppgaver (adressen selv vises ikke)',
        response: { 200: myCalendarFeed },
      },
    },
    async (request) => service.getMyFeed(request.ctx),
  );

  app.post(
    '/me/calendar-feed',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Lag en ny hemmelig kalenderadresse for mine oppgaver; en tidligere adresse slutter å virke',
        response: { 201: createdMyCalendarFeed },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createMyFeed(request.ctx)),
  );

  app.delete(
    '/me/calendar-feed',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Slett kalenderadressen for mine oppgaver, så den slutter å virke',
        response: { 204: z.null(), 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      await service.deleteMyFeed(request.ctx);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/calendar-feeds/:token/mine-oppgaver.ics',
    {
      // The secret address is the credential: calendar programs send no cookie.
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Mine oppgaver som kalender, for abonnement (den hemmelige adressen er nøkkelen)',
        params: myCalendarFeedParams,
        response: { 200: z.string().describe('text/calendar'), 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const calendar = await service.myFeedCalendar(request.ctx, request.params.token);
      reply.header('cache-control', 'private, max-age=300');
      return reply.type('text/calendar; charset=utf-8').send(calendar);
    },
  );
};
