import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, mergerParams } from '#shared/contracts/common.ts';
import { createMergerBody, listMergersResponse, merger, mergerDetail } from '#shared/contracts/mergers.ts';
import * as service from './mergers.service.ts';

export const mergersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['sammenslåinger'],
        summary: 'Alle sammenslåinger med fremdrift',
        response: { 200: listMergersResponse },
      },
    },
    async (request) => ({ mergers: await service.listMergers(request.ctx) }),
  );

  app.post(
    '/mergers',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['sammenslåinger'],
        summary: 'Opprett en sammenslåing; hver oppgave i sjekklistens kapittel 3.2 kopieres inn',
        body: createMergerBody,
        response: { 201: merger, 400: errorResponses[400] },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createMerger(request.ctx, request.body)),
  );

  app.get(
    '/mergers/:mergerId',
    {
      config: { access: 'merger:read' },
      schema: {
        tags: ['sammenslåinger'],
        summary: 'Én sammenslåing med fremdrift per fase og aktivitet',
        params: mergerParams,
        response: { 200: mergerDetail, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.getMerger(request.ctx, request.params.mergerId),
  );
};
