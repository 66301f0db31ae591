import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '#shared/contracts/common.ts';
import { createDemoMergerBody, demoMergerCreated } from '#shared/contracts/demo.ts';
import * as service from './demo.service.ts';

export const demoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/demo-merger',
    {
      // Anyone signed in may try Samla; the demo is their own merger, seen by nobody else.
      config: { access: 'signed-in' },
      schema: {
        tags: ['sammenslåinger'],
        summary: 'Opprett en demosammenslåing (Gjøvik, Østre Toten og Vestre Toten) med oppdiktet kartlegging, veivalg, risikoer og gevinster',
        description: 'Hvert kall gir en ny demosammenslåing; den som kaller blir eier. Merket som demo (isDemo).',
        body: createDemoMergerBody,
        response: { 201: demoMergerCreated, 400: errorResponses[400] },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createDemoMerger(request.ctx)),
  );
};
