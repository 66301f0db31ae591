import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { catalogSchema } from '#catalog/catalog.schema.ts';
import { loadCatalog } from '#catalog/catalog.ts';

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/catalog',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['sjekkliste'],
        summary: 'Hele biblioteket: KS’ «Sjekkliste for digital sammenslåing», versjonert og skrivebeskyttet',
        description:
          'Rådene (kap. 1–2), fasene med aktiviteter og oppgaver (3.1–3.2), prioriteringene (4.1), ' +
          'sektorenes løsningsområder med kritiske og middels oppgaver (4.2) og mulighetene (kap. 5).',
        response: { 200: catalogSchema },
      },
    },
    async (_request, reply) => {
      // The library changes only with a new release of Samla.
      reply.header('cache-control', 'public, max-age=300');
      return loadCatalog();
    },
  );
};
