import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, mergerParams } from '#shared/contracts/common.ts';
import {
  archiveMergerBody,
  createMergerBody,
  deleteMergerBody,
  listMergerDeletionsResponse,
  listMergersResponse,
  merger,
  mergerChangePreview,
  mergerChangePreviewBody,
  mergerDeletion,
  mergerDetail,
  updateMergerBody,
} from '#shared/contracts/mergers.ts';
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

  app.patch(
    '/mergers/:mergerId',
    {
      config: { access: 'merger:administer' },
      schema: {
        tags: ['sammenslåinger'],
        summary: 'Rett navn, ny kommunes navn, sammenslåingsdato og kommuner (versjonskontrollert)',
        description:
          'En ny dato flytter faser med standarddatoer og oppgaver som følger fasen sin. En kommune med kartlegging fjernes bare med confirmRemoval: true; ellers 409 MUNICIPALITY_HAS_INVENTORY med det som ville blitt slettet.',
        params: mergerParams,
        body: updateMergerBody,
        response: { 200: merger, 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request) => service.updateMerger(request.ctx, request.params.mergerId, request.body),
  );

  app.post(
    '/mergers/:mergerId/change-preview',
    {
      config: { access: 'merger:administer' },
      schema: {
        tags: ['sammenslåinger'],
        summary: 'Hva en endring ville flytte og slette, uten å lagre',
        params: mergerParams,
        body: mergerChangePreviewBody,
        response: { 200: mergerChangePreview, 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request) => service.previewMergerChange(request.ctx, request.params.mergerId, request.body),
  );

  app.put(
    '/mergers/:mergerId/archived',
    {
      // Un-archiving is the one change an archived merger takes besides deletion.
      config: { access: 'merger:administer', whenArchived: 'allowed' },
      schema: {
        tags: ['sammenslåinger'],
        summary: 'Arkiver sammenslåingen (skrivebeskyttet for alle) eller gjenåpne den',
        params: mergerParams,
        body: archiveMergerBody,
        response: { 200: merger, 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request) => service.setArchived(request.ctx, request.params.mergerId, request.body),
  );

  app.delete(
    '/mergers/:mergerId',
    {
      config: { access: 'merger:delete', whenArchived: 'allowed' },
      schema: {
        tags: ['sammenslåinger'],
        summary: 'Slett sammenslåingen med alt innhold; navnet må skrives inn nøyaktig',
        params: mergerParams,
        body: deleteMergerBody,
        response: { 200: mergerDeletion, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.deleteMerger(request.ctx, request.params.mergerId, request.body),
  );

  app.get(
    '/merger-deletions',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['sammenslåinger'],
        summary: 'Loggen over slettede sammenslåinger (for administratorer)',
        response: { 200: listMergerDeletionsResponse },
      },
    },
    async (request) => ({ deletions: await service.listDeletions(request.ctx) }),
  );
};
