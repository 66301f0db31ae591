import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, mergerParams } from '#shared/contracts/common.ts';
import { dashboardResponse } from '#shared/contracts/dashboard.ts';
import * as service from './dashboard.service.ts';

const tags = ['dashboard'];

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/dashboard',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Dashbordet: dager igjen, fremdrift per fase, klar til dag én, forfalte oppgaver, de neste 30 dagene, risikokart og gevinster bak plan',
        description:
          'Alt i ett kall. «De neste 30 dagene» er i dag og de 29 dagene etter (Europe/Oslo): oppgavefrister for åpne oppgaver, ' +
          'frister i avtaler som et vedtatt veivalg har satt, og milepæler. «Røde» risikoer er de i matrisens høyeste risikoklasse.',
        params: mergerParams,
        response: { 200: dashboardResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.dashboard(request.ctx, request.params.mergerId),
  );
};
