import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mergerParams } from '#shared/contracts/checklist.ts';
import { errorResponses } from '#shared/contracts/common.ts';
import { contractDeadlinesResponse } from '#shared/contracts/decisions.ts';
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
          'oppsigelsen gis). Bare vedtatte veivalg gir frister. Overgangsfasen regnes som ett år etter sammenslåingen.',
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
};
