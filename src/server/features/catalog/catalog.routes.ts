import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { catalogResponseSchema } from '#catalog/catalog.schema.ts';
import { catalogTranslationAttribution, translatedCatalog } from '#catalog/catalog-translations.ts';
import { pickLanguage } from '#shared/language.ts';

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
          'sektorenes løsningsområder med kritiske og middels oppgaver (4.2) og mulighetene (kap. 5). ' +
          'På språket brukeren har valgt (PUT /me/language), ellers etter Accept-Language: nb (KS’ tekst), nn eller en (Samlas oversettelser).',
        response: { 200: catalogResponseSchema },
      },
    },
    async (request, reply) => {
      const language = pickLanguage(request.ctx.actor?.language, request.headers['accept-language']);
      // The library changes only with a new release of Samla, but its language follows the
      // person, so only their own browser keeps it, once per language it asked in.
      reply.header('cache-control', 'private, max-age=300');
      reply.header('vary', 'Accept-Language, Cookie');
      reply.header('content-language', language);
      return { ...translatedCatalog(language), language, attribution: catalogTranslationAttribution(language) };
    },
  );
};
