import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listMunicipalitiesResponse, municipalitiesQuery } from '#shared/contracts/municipalities.ts';
import { municipalityRegister } from './municipalities.service.ts';
import { todayOf } from '#server/platform/clock.ts';

export const municipalitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/municipalities',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['kommuner'],
        summary: 'Kommuneregisteret: kommunenummer, navn, fylke og målform',
        description:
          'Registeret som gjelder i dag (Europe/Oslo), eller på datoen i `date`. `name` er det offisielle navnet med alle ' +
          'navneformene i lovens rekkefølge («Guovdageaidnu – Kautokeino»); `nameParts` er de samme delene hver for seg.',
        querystring: municipalitiesQuery,
        response: { 200: listMunicipalitiesResponse },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return municipalityRegister(request.query.date ?? todayOf(request.ctx));
    },
  );
};
