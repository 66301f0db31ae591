import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, errorResponses, mergerParams } from '#shared/contracts/common.ts';
import {
  createMitigationBody,
  createRiskBody,
  dismissSuggestionBody,
  heatmapResponse,
  matrixPreviewBody,
  matrixPreviewResponse,
  mitigation,
  mitigationParams,
  risk,
  riskListQuery,
  riskListResponse,
  riskMatrixResponse,
  riskParams,
  riskSuggestionsResponse,
  saveMatrixBody,
  updateMitigationBody,
  updateRiskBody,
  versionQuery,
} from '#shared/contracts/risks.ts';
import * as service from './risks.service.ts';

const tags = ['ros-analyse'];
const read = { access: 'merger:read' } as const;
const edit = { access: 'merger:edit' } as const;
const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const risksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/risk-matrix',
    {
      config: read,
      schema: {
        tags,
        summary: 'Risikomatrisen: skalaer for sannsynlighet og konsekvens, risikoklasser og rutenett (standard 5 × 5 til den endres)',
        params: mergerParams,
        response: { 200: riskMatrixResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.getMatrix(request.ctx, request.params.mergerId),
  );

  app.post(
    '/mergers/:mergerId/risk-matrix/preview',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Forhåndsvis en ny matrise: hvor hver risiko havner med tilordningen fra gamle til nye nivåer, og hva som er galt',
        params: mergerParams,
        body: matrixPreviewBody,
        response: { 200: matrixPreviewResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.previewMatrix(request.ctx, request.params.mergerId, request.body),
  );

  app.put(
    '/mergers/:mergerId/risk-matrix',
    {
      // The matrix decides which risks are «red» for everyone: a decision for prosjektleder and eier (decision 025).
      config: { access: 'merger:decide' },
      schema: {
        tags,
        summary: 'Lagre matrisen og flytt alle risikoer etter tilordningen, alt eller ingenting',
        description:
          'Når risikoer finnes og en skala får et annet antall nivåer, må mapping si hvilket nytt nivå hvert gammelt nivå blir, for begge aksene. ' +
          'version er versjonen endringen startet fra (0 for standardmatrisen); utdatert versjon gir 409. Bare prosjektleder og eier.',
        params: mergerParams,
        body: saveMatrixBody,
        response: { 200: riskMatrixResponse, 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request) => service.saveMatrix(request.ctx, request.params.mergerId, request.body),
  );

  app.get(
    '/mergers/:mergerId/risks',
    {
      config: read,
      schema: {
        tags,
        summary: 'Risikoene med tiltak og plassering i matrisen, filtrert på status, risikoklasse eller celle',
        params: mergerParams,
        querystring: riskListQuery,
        response: { 200: riskListResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.listRisks(request.ctx, request.params.mergerId, request.query),
  );

  app.post(
    '/mergers/:mergerId/risks',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Registrer en risiko (fra et startforslag med suggestionKey)',
        params: mergerParams,
        body: createRiskBody,
        response: { 201: risk, 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createRisk(request.ctx, request.params.mergerId, request.body)),
  );

  app.get(
    '/mergers/:mergerId/risk-register.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: 'Risikoregisteret som xlsx: én rad per risiko med alle felt og tiltakene oppsummert',
        params: mergerParams,
        response: { 200: z.any().meta({ format: 'binary' }), 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const buffer = await service.exportRegister(request.ctx, request.params.mergerId);
      reply.header('content-disposition', `attachment; filename="samla-risikoregister-${request.params.mergerId.slice(0, 8)}.xlsx"`);
      return reply.type(xlsxContentType).send(buffer);
    },
  );

  app.get(
    '/mergers/:mergerId/risks/:riskId',
    {
      config: read,
      schema: { tags, summary: 'Én risiko med tiltak', params: riskParams, response: { 200: risk, 400: errorResponses[400], 404: errorResponses[404] } },
    },
    async (request) => service.getRisk(request.ctx, request.params.mergerId, request.params.riskId),
  );

  app.patch(
    '/mergers/:mergerId/risks/:riskId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Endre en risiko; aksept krever begrunnelse og registrerer hvem og når',
        params: riskParams,
        body: updateRiskBody,
        response: { 200: risk, 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request) => service.updateRisk(request.ctx, request.params.mergerId, request.params.riskId, request.body),
  );

  app.delete(
    '/mergers/:mergerId/risks/:riskId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Slett en risiko med tiltakene',
        params: riskParams,
        querystring: versionQuery,
        response: { 204: z.null(), 400: errorResponses[400], 404: errorResponses[404], 409: errorResponse },
      },
    },
    async (request, reply) => {
      await service.deleteRisk(request.ctx, request.params.mergerId, request.params.riskId, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/mergers/:mergerId/risks/:riskId/mitigations',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Legg til et tiltak, eventuelt knyttet til en oppgave i planen',
        params: riskParams,
        body: createMitigationBody,
        response: { 201: mitigation, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createMitigation(request.ctx, request.params.mergerId, request.params.riskId, request.body)),
  );

  app.patch(
    '/mergers/:mergerId/risks/:riskId/mitigations/:mitigationId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Endre et tiltak',
        params: mitigationParams,
        body: updateMitigationBody,
        response: { 200: mitigation, 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request) => service.updateMitigation(request.ctx, request.params.mergerId, request.params.riskId, request.params.mitigationId, request.body),
  );

  app.delete(
    '/mergers/:mergerId/risks/:riskId/mitigations/:mitigationId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Slett et tiltak',
        params: mitigationParams,
        querystring: versionQuery,
        response: { 204: z.null(), 400: errorResponses[400], 404: errorResponses[404], 409: errorResponse },
      },
    },
    async (request, reply) => {
      const { mergerId, riskId, mitigationId } = request.params;
      await service.deleteMitigation(request.ctx, mergerId, riskId, mitigationId, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/mergers/:mergerId/risk-suggestions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Startforslag: sjekklistens fire risikotyper, konkretisert fra kartleggingen og veivalgene',
        description: 'Forslag som er lagt til som risiko eller avvist, kommer ikke igjen.',
        params: mergerParams,
        response: { 200: riskSuggestionsResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.suggestions(request.ctx, request.params.mergerId),
  );

  app.post(
    '/mergers/:mergerId/risk-suggestions/dismissals',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Avvis et startforslag for godt',
        params: mergerParams,
        body: dismissSuggestionBody,
        response: { 200: riskSuggestionsResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.dismissSuggestion(request.ctx, request.params.mergerId, request.body.key),
  );

  app.get(
    '/mergers/:mergerId/risk-heatmap',
    {
      config: read,
      schema: {
        tags,
        summary: 'Antall risikoer per celle, før tiltak (iboende) og etter (rest)',
        params: mergerParams,
        response: { 200: heatmapResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.heatmap(request.ctx, request.params.mergerId),
  );
};
