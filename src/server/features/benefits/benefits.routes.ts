import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  benefitDetailResponse,
  benefitListResponse,
  benefitParams,
  createBenefitBody,
  indicatorBody,
  indicatorParams,
  measurementBody,
  measurementParams,
  updateBenefitBody,
  updateIndicatorBody,
} from '#shared/contracts/benefits.ts';
import { errorResponses, mergerParams } from '#shared/contracts/common.ts';
import * as service from './benefits.service.ts';

const tags = ['gevinster'];
const errors = { 400: errorResponses[400], 404: errorResponses[404] };
const writeErrors = { ...errors, 409: errorResponses[409] };

export const benefitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/benefits',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Gevinstrealiseringsplanen: alle gevinster med status, eier, muliggjørere og indikatorer bak planen',
        params: mergerParams,
        response: { 200: benefitListResponse, ...errors },
      },
    },
    async (request) => service.listBenefits(request.ctx, request.params.mergerId),
  );

  app.post(
    '/mergers/:mergerId/benefits',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Ny gevinst',
        description: 'Muliggjørere: oppgaver i planen (id), løsningsområder med veivalg (id) og muligheter fra kapittel 5 (id).',
        params: mergerParams,
        body: createBenefitBody,
        response: { 201: benefitDetailResponse, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createBenefit(request.ctx, request.params.mergerId, request.body)),
  );

  app.get(
    '/mergers/:mergerId/benefits/export.xlsx',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Gevinstrealiseringsplanen som xlsx: én rad per indikator med siste måling og om den ligger bak planen',
        params: mergerParams,
        response: { 200: z.any().describe('xlsx'), ...errors },
      },
    },
    async (request, reply) => {
      const workbook = await service.exportPlan(request.ctx, request.params.mergerId);
      reply.header('content-disposition', `attachment; filename="samla-gevinstplan-${request.params.mergerId.slice(0, 8)}.xlsx"`);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(workbook);
    },
  );

  app.get(
    '/mergers/:mergerId/benefits/:benefitId',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Én gevinst med indikatorer, målinger og forventet verdi på hver måledato',
        params: benefitParams,
        response: { 200: benefitDetailResponse, ...errors },
      },
    },
    async (request) => service.getBenefit(request.ctx, request.params.mergerId, request.params.benefitId),
  );

  app.patch(
    '/mergers/:mergerId/benefits/:benefitId',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Endre en gevinst',
        description: 'Bare feltene som sendes endres; en liste med muliggjørere erstatter den gamle. Utdatert version gir 409.',
        params: benefitParams,
        body: updateBenefitBody,
        response: { 200: benefitDetailResponse, ...writeErrors },
      },
    },
    async (request) => service.updateBenefit(request.ctx, request.params.mergerId, request.params.benefitId, request.body),
  );

  app.delete(
    '/mergers/:mergerId/benefits/:benefitId',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Slett en gevinst med indikatorer og målinger (historikken beholdes)',
        params: benefitParams,
        response: { 204: z.null().describe('Slettet'), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteBenefit(request.ctx, request.params.mergerId, request.params.benefitId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/mergers/:mergerId/benefits/:benefitId/indicators',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Ny indikator med nullpunkt og mål',
        params: benefitParams,
        body: indicatorBody,
        response: { 201: benefitDetailResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createIndicator(request.ctx, request.params.mergerId, request.params.benefitId, request.body)),
  );

  app.patch(
    '/mergers/:mergerId/benefits/:benefitId/indicators/:indicatorId',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Endre en indikator (utdatert version gir 409)',
        params: indicatorParams,
        body: updateIndicatorBody,
        response: { 200: benefitDetailResponse, ...writeErrors },
      },
    },
    async (request) => service.updateIndicator(request.ctx, request.params.mergerId, request.params.benefitId, request.params.indicatorId, request.body),
  );

  app.delete(
    '/mergers/:mergerId/benefits/:benefitId/indicators/:indicatorId',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Slett en indikator med målingene',
        params: indicatorParams,
        response: { 200: benefitDetailResponse, ...errors },
      },
    },
    async (request) => service.deleteIndicator(request.ctx, request.params.mergerId, request.params.benefitId, request.params.indicatorId),
  );

  app.post(
    '/mergers/:mergerId/benefits/:benefitId/indicators/:indicatorId/measurements',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Registrer en måling (hvem som registrerte den lagres)',
        params: indicatorParams,
        body: measurementBody,
        response: { 201: benefitDetailResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.recordMeasurement(request.ctx, request.params.mergerId, request.params.benefitId, request.params.indicatorId, request.body)),
  );

  app.delete(
    '/mergers/:mergerId/benefits/:benefitId/indicators/:indicatorId/measurements/:measurementId',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Slett en måling',
        params: measurementParams,
        response: { 200: benefitDetailResponse, ...errors },
      },
    },
    async (request) =>
      service.deleteMeasurement(request.ctx, request.params.mergerId, request.params.benefitId, request.params.indicatorId, request.params.measurementId),
  );
};
