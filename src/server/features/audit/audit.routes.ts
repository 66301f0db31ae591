import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditExportQuery, auditQuery, auditResponse } from '#shared/contracts/audit.ts';
import { errorResponses, mergerParams } from '#shared/contracts/common.ts';
import { addDays, startOfDayInOslo } from '#shared/calendar-dates.ts';
import * as service from './audit.service.ts';

function toFilter(query: z.output<typeof auditQuery>) {
  return {
    entity: query.entity,
    entityId: query.entityId,
    actorUserId: query.actor,
    action: query.action,
    from: query.from ? startOfDayInOslo(query.from) : undefined,
    // «to» is inclusive: everything before the next day starts in Norway.
    to: query.to ? new Date(startOfDayInOslo(addDays(query.to, 1)).getTime() - 1) : undefined,
  };
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/audit',
    {
      config: { access: 'merger:read' },
      schema: {
        tags: ['historikk'],
        summary: 'Historikken: hver endring med hvem, når, hva og feltenes gamle og nye verdi, nyeste først',
        params: mergerParams,
        querystring: auditQuery,
        response: { 200: auditResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => ({
      entries: await service.listHistory(request.ctx, request.params.mergerId, toFilter(request.query)),
    }),
  );

  app.get(
    '/mergers/:mergerId/audit/export',
    {
      config: { access: 'merger:read' },
      schema: {
        tags: ['historikk'],
        summary: 'Historikken som xlsx eller CSV (semikolon, UTF-8), med de samme filtrene',
        params: mergerParams,
        querystring: auditExportQuery,
        response: {
          200: z.any().describe('Filen (xlsx eller CSV)'),
          400: errorResponses[400],
          404: errorResponses[404],
        },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const file = await service.exportHistory(request.ctx, request.params.mergerId, toFilter(request.query), format);
      reply.header('content-disposition', `attachment; filename="samla-historikk-${request.params.mergerId.slice(0, 8)}.${format}"`);
      return reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(file);
    },
  );
};
