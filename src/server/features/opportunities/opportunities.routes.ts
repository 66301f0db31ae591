import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { opportunitiesQuery, opportunitiesResponse, opportunityParams, takeUpBody, takeUpResponse } from '#shared/contracts/opportunities.ts';
import { errorResponses, mergerParams } from '#shared/contracts/common.ts';
import * as service from './opportunities.service.ts';

const tags = ['muligheter'];

export const opportunitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/opportunities',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Mulighetene i sjekklistens kapittel 5, filtrert på område og lavthengende frukter, med hva som er tatt inn i planen',
        params: mergerParams,
        querystring: opportunitiesQuery,
        response: { 200: opportunitiesResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.listOpportunities(request.ctx, request.params.mergerId, request.query),
  );

  app.post(
    '/mergers/:mergerId/opportunities/:opportunityId/take-up',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Legg en mulighet til i planen som oppgave, og eventuelt som gevinst med oppgaven som muliggjører',
        description:
          'Standard aktivitet: «Høste lavthengende frukter» (fase 4) for lavthengende frukter, ellers «Gjennomføre prosjekter for å ' +
          'realisere større gevinster» (fase 5). Alt eller ingenting i én transaksjon. En mulighet som alt er i planen gir 409.',
        params: opportunityParams,
        body: takeUpBody,
        response: { 201: takeUpResponse, 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request, reply) => reply.status(201).send(await service.takeUp(request.ctx, request.params.mergerId, request.params.opportunityId, request.body)),
  );
};
