import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, mergerParams } from '#shared/contracts/common.ts';
import { statusReportQuery } from '#shared/contracts/reports.ts';
import * as service from './reports.service.ts';

const tags = ['rapporter'];

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/reports/status.pdf',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary:
          'Statusrapport til styringsgruppen som PDF: nøkkeltall, dag én, fremdrift, veivalg, røde risikoer, avtalefrister, gevinster og forfalte oppgaver',
        description:
          'Perioden er from–to (ÅÅÅÅ-MM-DD, begge dager med); uten datoer de 30 dagene til og med i dag (Europe/Oslo). ' +
          'Fra-datoen kan ikke være etter til-datoen, og perioden kan være høyst 366 dager.',
        params: mergerParams,
        querystring: statusReportQuery,
        response: { 200: z.any().meta({ format: 'binary' }), 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await service.statusReportPdf(request.ctx, request.params.mergerId, request.query);
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      return reply.type('application/pdf').send(pdf);
    },
  );
};
