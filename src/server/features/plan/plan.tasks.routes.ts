import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, mergerParams } from '#shared/contracts/common.ts';
import { z } from 'zod';
import {
  bulkUpdateTasksBody,
  bulkUpdateTasksResponse,
  createTaskBody,
  listTasksQuery,
  listTasksResponse,
  task,
  taskParams,
  updateTaskBody,
} from '#shared/contracts/plan.tasks.ts';
import * as service from './plan.tasks.service.ts';

export const checklistRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/tasks',
    {
      config: { access: 'merger:read' },
      schema: {
        tags: ['sjekkliste'],
        summary: 'Sammenslåingens oppgaver i sjekklistens rekkefølge, med søk og filtre',
        params: mergerParams,
        querystring: listTasksQuery,
        response: { 200: listTasksResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => {
      const [tasks, areas] = await Promise.all([
        service.listTasks(request.ctx, request.params.mergerId, request.query),
        service.taskAreas(request.ctx, request.params.mergerId),
      ]);
      return { tasks, areas };
    },
  );

  app.post(
    '/mergers/:mergerId/tasks',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags: ['sjekkliste'],
        summary: 'Legg til en egen oppgave under en aktivitet',
        params: mergerParams,
        body: createTaskBody,
        response: { 201: task, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createTask(request.ctx, request.params.mergerId, request.body)),
  );

  app.get(
    '/mergers/:mergerId/tasks/export.xlsx',
    {
      config: { access: 'merger:read' },
      schema: {
        tags: ['sjekkliste'],
        summary: 'Sjekklisten som xlsx: én rad per oppgave med fase, aktivitet, løsningsområde, status, ansvarlig, datoer og avhengigheter',
        params: mergerParams,
        response: { 200: z.any().describe('xlsx'), 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const workbook = await service.exportChecklist(request.ctx, request.params.mergerId);
      reply.header('content-disposition', `attachment; filename="samla-sjekkliste-${request.params.mergerId.slice(0, 8)}.xlsx"`);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(workbook);
    },
  );

  app.post(
    '/mergers/:mergerId/tasks/bulk-update',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags: ['sjekkliste'],
        summary: 'Endre status, ansvarlig eller frist på mange oppgaver samtidig',
        description:
          'Hver oppgave sjekkes for seg med versjonen klienten så, og med de samme reglene som ved endring av én oppgave. ' +
          'Oppgavene som består sjekken, lagres (hver med historikk) selv om andre avvises; svaret lister hvilke som ble endret ' +
          'og hvilke som ikke ble det, med grunnen (code, message) for hver. 200 også når ingen ble endret.',
        params: mergerParams,
        body: bulkUpdateTasksBody,
        response: { 200: bulkUpdateTasksResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.bulkUpdateTasks(request.ctx, request.params.mergerId, request.body),
  );

  app.get(
    '/mergers/:mergerId/tasks/:taskId',
    {
      config: { access: 'merger:read' },
      schema: {
        tags: ['sjekkliste'],
        summary: 'Én oppgave',
        params: taskParams,
        response: { 200: task, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.getTask(request.ctx, request.params.mergerId, request.params.taskId),
  );

  app.patch(
    '/mergers/:mergerId/tasks/:taskId',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags: ['sjekkliste'],
        summary: 'Endre status, ansvarlig, frist og notater; utdatert versjon gir 409',
        description:
          'Status «not_relevant» krever begrunnelse (notRelevantReason). Felter som ikke sendes, beholdes; ' +
          'null eller tom tekst tømmer et felt. plannedStart kan ikke være etter dueDate. ' +
          'Status «done» mens en oppgave den avhenger av verken er ferdig eller ikke relevant gir 409 DEPENDENCIES_OPEN ' +
          '(details.openTasks lister dem), med mindre overrideReason er oppgitt; begrunnelsen lagres i historikken.',
        params: taskParams,
        body: updateTaskBody,
        response: {
          200: task,
          400: errorResponses[400],
          404: errorResponses[404],
          409: errorResponses[409].describe(
            'VERSION_CONFLICT: oppgaven er endret av noen andre (details.currentVersion); ' +
              'DEPENDENCIES_OPEN: oppgaver den avhenger av er ikke ferdige (details.openTasks)',
          ),
        },
      },
    },
    async (request) => service.updateTask(request.ctx, request.params.mergerId, request.params.taskId, request.body),
  );
};
