import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, errorResponses, mergerParams } from '#shared/contracts/common.ts';
import {
  areaDecisionResponse,
  areaParams,
  decisionOverviewResponse,
  deferralAcceptanceBody,
  graphQuery,
  integrationGraphResponse,
  readinessResponse,
  saveDecisionBody,
} from '#shared/contracts/decisions.ts';
import * as service from './decisions.service.ts';

const tags = ['veivalg'];

export const decisionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/decisions',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Alle løsningsområder med systemer per kommune, forslag og veivalg',
        params: mergerParams,
        response: { 200: decisionOverviewResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.overview(request.ctx, request.params.mergerId),
  );

  app.get(
    '/mergers/:mergerId/decisions/readiness',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Klar til dag én: kritiske områder med vedtatt veivalg og alle oppgaver før sammenslåingen ferdige',
        params: mergerParams,
        response: { 200: readinessResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.readiness(request.ctx, request.params.mergerId),
  );

  app.get(
    '/mergers/:mergerId/decisions/export.xlsx',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Veivalgene som xlsx: ett område per rad med vedtaket – hvem, møtedato, saksnummer og lenke til arkivet',
        params: mergerParams,
        response: { 200: z.any().describe('xlsx'), 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const workbook = await service.exportDecisionLog(request.ctx, request.params.mergerId);
      reply.header('content-disposition', `attachment; filename="samla-veivalg-${request.params.mergerId.slice(0, 8)}.xlsx"`);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(workbook);
    },
  );

  app.get(
    '/mergers/:mergerId/decisions/:areaId',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Ett løsningsområde: systemene, forslag, veivalget, oppgavene i planen og integrasjoner som må etableres på nytt',
        params: areaParams,
        response: { 200: areaDecisionResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.areaDecision(request.ctx, request.params.mergerId, request.params.areaId),
  );

  app.put(
    '/mergers/:mergerId/decisions/:areaId',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Registrer eller endre veivalget for et løsningsområde',
        description:
          'Et vedtatt veivalg legger områdets oppgaver fra sjekklisten (4.2) inn i planen: før sammenslåingen i fase 4, ' +
          'i overgangsfasen i fase 5. Endres veivalget, flyttes oppgavene og beholder status, ansvarlig og notater. ' +
          'version er påkrevd når et veivalg finnes fra før; utdatert versjon gir 409. ' +
          'Å vedta krever hvem som vedtok (decisionMaker, og decisionMakerOther for «other») og møtedatoen (ikke etter i dag), ' +
          'ellers 400 DECISION_RECORD_INVALID; saksnummer og arkivlenke (bare https) er valgfrie. For et forslag lagres ikke vedtaksfeltene. ' +
          'Prosjektmedarbeidere kan lagre forslag; å vedta, eller endre et vedtatt veivalg, kan bare prosjektleder og eier (403).',
        params: areaParams,
        body: saveDecisionBody,
        response: {
          200: areaDecisionResponse,
          400: errorResponses[400],
          403: errorResponse,
          404: errorResponses[404],
          409: errorResponses[409],
        },
      },
    },
    async (request) => service.saveDecision(request.ctx, request.params.mergerId, request.params.areaId, request.body),
  );

  app.put(
    '/mergers/:mergerId/decisions/:areaId/deferral-acceptance',
    {
      // Accepting that a critical area is not in place on day one is the project's decision (decision 025).
      config: { access: 'merger:decide' },
      schema: {
        tags,
        summary: 'Godta, eller trekk tilbake godkjenningen av, at et kritisk område utsettes til overgangsfasen',
        description:
          'Et kritisk område med vedtatt veivalg i overgangsfasen er ikke klart til dag én før prosjektet godtar utsettelsen: ' +
          'hvem, når og hvorfor (reason er påkrevd når accepted er true). Bare prosjektleder og eier. ' +
          'Endres tidspunktet eller oppheves vedtaket senere, faller godkjenningen bort. Utdatert versjon gir 409.',
        params: areaParams,
        body: deferralAcceptanceBody,
        response: {
          200: areaDecisionResponse,
          400: errorResponses[400],
          403: errorResponse,
          404: errorResponses[404],
          409: errorResponses[409],
        },
      },
    },
    async (request) => service.setDeferralAcceptance(request.ctx, request.params.mergerId, request.params.areaId, request.body),
  );

  app.get(
    '/mergers/:mergerId/integration-graph',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Integrasjonslandskapet som noder (systemer og fellesløsninger) og kanter, med det som brytes av veivalgene',
        params: mergerParams,
        querystring: graphQuery,
        response: { 200: integrationGraphResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.integrationGraph(request.ctx, request.params.mergerId, request.query),
  );
};
