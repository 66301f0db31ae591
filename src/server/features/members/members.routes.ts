import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mergerParams } from '#shared/contracts/checklist.ts';
import { errorResponses } from '#shared/contracts/common.ts';
import { addMemberBody, changeMemberBody, listMembersResponse, member, memberParams } from '#shared/contracts/members.ts';
import { errorResponse } from '#shared/contracts/common.ts';
import * as service from './members.service.ts';

export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/members',
    {
      config: { access: 'merger:read' },
      schema: {
        tags: ['medlemmer'],
        summary: 'Hvem som er med i sammenslåingen, og med hvilken rolle',
        params: mergerParams,
        response: { 200: listMembersResponse, 404: errorResponses[404] },
      },
    },
    async (request) => ({ members: await service.listMembers(request.ctx, request.params.mergerId) }),
  );

  app.post(
    '/mergers/:mergerId/members',
    {
      config: { access: 'merger:addMembers' },
      schema: {
        tags: ['medlemmer'],
        summary: 'Legg til en bruker med en rolle (eier og prosjektleder; bare eier kan gi rollen eier)',
        params: mergerParams,
        body: addMemberBody,
        response: { 201: member, 400: errorResponses[400], 403: errorResponse, 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addMember(request.ctx, request.params.mergerId, request.body)),
  );

  app.patch(
    '/mergers/:mergerId/members/:userId',
    {
      config: { access: 'merger:manageMembers' },
      schema: {
        tags: ['medlemmer'],
        summary: 'Endre rollen til et medlem (eier); den siste eieren kan ikke miste rollen',
        params: memberParams,
        body: changeMemberBody,
        response: { 200: member, 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request) =>
      service.changeMemberRole(request.ctx, request.params.mergerId, request.params.userId, request.body.role),
  );

  app.delete(
    '/mergers/:mergerId/members/:userId',
    {
      config: { access: 'merger:manageMembers' },
      schema: {
        tags: ['medlemmer'],
        summary: 'Fjern et medlem (eier); den siste eieren kan ikke fjernes',
        params: memberParams,
        response: { 204: z.null(), 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request, reply) => {
      await service.removeMember(request.ctx, request.params.mergerId, request.params.userId);
      return reply.status(204).send(null);
    },
  );
};
