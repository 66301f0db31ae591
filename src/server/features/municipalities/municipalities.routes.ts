import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listMunicipalitiesResponse } from '#shared/contracts/municipalities.ts';
import { municipalityRegister } from './municipalities.service.ts';

export const municipalitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/municipalities',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['kommuner'],
        summary: 'Kommuneregisteret: kommunenummer, navn, fylke og målform',
        response: { 200: listMunicipalitiesResponse },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return municipalityRegister();
    },
  );
};
