import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse } from '#shared/contracts/common.ts';
import { readJournal } from '#server/platform/db/migration-journal.ts';
import { checkReadiness } from './operations.service.ts';

const tags = ['drift'];

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const journal = readJournal();

  app.get(
    '/health',
    {
      config: { access: 'public' },
      // Probed every few seconds: only failures belong in the log.
      logLevel: 'warn',
      schema: {
        tags,
        summary: 'Liveness: svarer 200 så lenge prosessen svarer',
        description:
          'Spør ikke databasen: en treg database skal ikke få orkestreringen til å starte prosessen på nytt. ' +
          'Bruk /api/v1/ready for å vite om noden kan ta imot trafikk.',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => ({ status: 'ok' as const, database: app.database.kind }),
  );

  app.get(
    '/ready',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: {
        tags,
        summary: 'Readiness: 200 når databasen svarer og alle migreringer er kjørt, ellers 503',
        description:
          'Feilkoder: DATABASE_UNAVAILABLE (databasen svarer ikke innen 2 s) og MIGRATIONS_PENDING ' +
          '(databasen mangler migreringer denne versjonen av Samla trenger; details lister dem).',
        response: {
          200: z.object({
            status: z.literal('ready'),
            database: z.enum(['pglite', 'postgres']),
            migrations: z.number().int(),
          }),
          503: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const readiness = await checkReadiness(app.database, journal);
      if (readiness.ready) return { status: 'ready' as const, database: app.database.kind, migrations: readiness.migrations };
      request.log.warn({ code: readiness.code }, readiness.message);
      return reply.status(503).send({
        error: {
          code: readiness.code,
          message: readiness.message,
          details: readiness.code === 'MIGRATIONS_PENDING' ? { missing: readiness.missing } : undefined,
        },
      });
    },
  );
};
