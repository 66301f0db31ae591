import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { taskParams } from '#shared/contracts/plan.tasks.ts';
import { errorResponses, mergerParams } from '#shared/contracts/common.ts';
import {
  addDependencyBody,
  createMilestoneBody,
  dependencyParams,
  dependencyResponse,
  milestone,
  milestoneParams,
  phaseParams,
  schedulePhase,
  scheduleResponse,
  updateMilestoneBody,
  updatePhaseBody,
} from '#shared/contracts/plan.schedule.ts';
import * as service from './plan.schedule.service.ts';

const tags = ['fremdriftsplan'];

export const scheduleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/schedule',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Fremdriftsplanen: fasenes datoer, milepæler (med sammenslåingsdato og slutten på overgangsfasen) og oppgavenes datoer og avhengigheter',
        params: mergerParams,
        response: { 200: scheduleResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.getSchedule(request.ctx, request.params.mergerId),
  );

  app.patch(
    '/mergers/:mergerId/schedule/phases/:phase',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Sett en fases start- og sluttdato',
        description:
          'Uten egne datoer følger fasen sammenslåingsdatoen (versjon 0). Sluttdato før startdato gir 400 på feltet end; ' + 'utdatert versjon gir 409.',
        params: phaseParams,
        body: updatePhaseBody,
        response: { 200: schedulePhase, 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request) => service.updatePhase(request.ctx, request.params.mergerId, request.params.phase, request.body),
  );

  app.post(
    '/mergers/:mergerId/schedule/milestones',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Legg til en milepæl (lokalt vedtak, nasjonalt vedtak, fellesnemndsmøte eller egen)',
        params: mergerParams,
        body: createMilestoneBody,
        response: { 201: milestone, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createMilestone(request.ctx, request.params.mergerId, request.body)),
  );

  app.patch(
    '/mergers/:mergerId/schedule/milestones/:milestoneId',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Endre en milepæl; utdatert versjon gir 409',
        params: milestoneParams,
        body: updateMilestoneBody,
        response: { 200: milestone, 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request) => service.updateMilestone(request.ctx, request.params.mergerId, request.params.milestoneId, request.body),
  );

  app.delete(
    '/mergers/:mergerId/schedule/milestones/:milestoneId',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Slett en milepæl',
        params: milestoneParams,
        response: { 204: z.null(), 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      await service.deleteMilestone(request.ctx, request.params.mergerId, request.params.milestoneId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/mergers/:mergerId/tasks/:taskId/dependencies',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'La oppgaven avhenge av en annen oppgave i samme sammenslåing',
        description:
          'En avhengighet som ville gi en sirkel, gir 400 DEPENDENCY_CYCLE med oppgavene i sirkelen i meldingen. ' +
          'En oppgave kan ikke settes som ferdig før oppgavene den avhenger av er ferdige eller ikke relevante, ' +
          'uten en begrunnelse (overrideReason på PATCH oppgave).',
        params: taskParams,
        body: addDependencyBody,
        response: { 201: dependencyResponse, 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addDependency(request.ctx, request.params.mergerId, request.params.taskId, request.body.dependsOnTaskId)),
  );

  app.delete(
    '/mergers/:mergerId/tasks/:taskId/dependencies/:dependsOnTaskId',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Fjern en avhengighet',
        params: dependencyParams,
        response: { 204: z.null(), 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      await service.removeDependency(request.ctx, request.params.mergerId, request.params.taskId, request.params.dependsOnTaskId);
      return reply.status(204).send(null);
    },
  );
};
