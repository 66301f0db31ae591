import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, mergerParams } from '#shared/contracts/common.ts';
import { calendarFeed, calendarFeedParams, contractDeadlinesResponse, createdCalendarFeed } from '#shared/contracts/contract-deadlines.ts';
import * as feeds from './calendar-feed.service.ts';
import * as service from './contract-deadlines.service.ts';

const tags = ['avtalefrister'];

export const contractDeadlinesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/contract-deadlines',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Hva som må skje med hver avtale, og innen når, sortert etter frist',
        description:
          'Regnes fra sammenslåingsdatoen, avtalens sluttdato og oppsigelsestid (hele måneder fra utgangen av måneden ' +
          'oppsigelsen gis). En avtale som løper ut før systemet kan avvikles (eller før sammenslåingen, for et system som videreføres), ' +
          'må forlenges innen siste oppsigelsesdato før sluttdatoen (sluttdatoen selv når oppsigelsestiden er ukjent). ' +
          'Bare vedtatte veivalg gir frister. Overgangsfasen slutter der fremdriftsplanen sier (ett år etter sammenslåingen om ingen har endret den).',
        params: mergerParams,
        response: { 200: contractDeadlinesResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.listContractDeadlines(request.ctx, request.params.mergerId),
  );

  app.get(
    '/mergers/:mergerId/contract-deadlines.ics',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Avtalefristene som iCalendar (.ics) for Outlook og andre kalendere',
        params: mergerParams,
        response: { 200: z.string().describe('text/calendar'), 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const calendar = await service.contractDeadlinesCalendar(request.ctx, request.params.mergerId);
      reply.header('content-disposition', 'attachment; filename="samla-avtalefrister.ics"');
      return reply.type('text/calendar; charset=utf-8').send(calendar);
    },
  );

  app.get(
    '/mergers/:mergerId/calendar.ics',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Alle frister og milepæler som iCalendar: milepæler, frister på åpne oppgaver og avtalefrister',
        params: mergerParams,
        response: { 200: z.string().describe('text/calendar'), 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const calendar = await service.mergerCalendar(request.ctx, request.params.mergerId);
      reply.header('content-disposition', 'attachment; filename="samla-frister-og-milepaeler.ics"');
      return reply.type('text/calendar; charset=utf-8').send(calendar);
    },
  );

  app.get(
    '/mergers/:mergerId/calendar-feed',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Om sammenslåingen har en hemmelig kalenderadresse for frister og milepæler (adressen selv vises ikke)',
        params: mergerParams,
        response: { 200: calendarFeed, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => feeds.getFeed(request.ctx, request.params.mergerId),
  );

  app.post(
    '/mergers/:mergerId/calendar-feed',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Lag en ny hemmelig kalenderadresse Outlook kan abonnere på; en tidligere adresse slutter å virke',
        params: mergerParams,
        response: { 201: createdCalendarFeed, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => reply.status(201).send(await feeds.createFeed(request.ctx, request.params.mergerId)),
  );

  app.delete(
    '/mergers/:mergerId/calendar-feed',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Slett kalenderadressen, så den slutter å virke',
        params: mergerParams,
        response: { 204: z.null(), 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      await feeds.deleteFeed(request.ctx, request.params.mergerId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/calendar-feeds/:token/frister.ics',
    {
      // The secret address is the credential: calendar programs send no cookie.
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Frister og milepæler som kalender, for abonnement (den hemmelige adressen er nøkkelen)',
        params: calendarFeedParams,
        response: { 200: z.string().describe('text/calendar'), 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const calendar = await feeds.feedCalendar(request.ctx, request.params.token);
      reply.header('cache-control', 'private, max-age=300');
      return reply.type('text/calendar; charset=utf-8').send(calendar);
    },
  );
};
