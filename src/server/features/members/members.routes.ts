import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, mergerParams } from '#shared/contracts/common.ts';
import { addMemberBody, changeMemberBody, invitationParams, invited, listMembersResponse, member, memberParams } from '#shared/contracts/members.ts';
import { errorResponse } from '#shared/contracts/common.ts';
import * as service from './members.service.ts';

export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/members',
    {
      config: { access: 'merger:read' },
      schema: {
        tags: ['medlemmer'],
        summary: 'Hvem som er med i sammenslåingen, med hvilken rolle, og hvem som er invitert',
        params: mergerParams,
        response: { 200: listMembersResponse, 404: errorResponses[404] },
      },
    },
    async (request) => service.listMembers(request.ctx, request.params.mergerId),
  );

  app.post(
    '/mergers/:mergerId/members',
    {
      config: { access: 'merger:addMembers' },
      schema: {
        tags: ['medlemmer'],
        summary:
          'Inviter en e-postadresse med en rolle (eier og prosjektleder; bare eier kan gi rollen eier). Svaret er det samme (202) om adressen har en bruker eller ikke; personen blir medlem ved innlogging. Bare en administrator får 201 og medlemskapet med en gang for en eksisterende bruker.',
        params: mergerParams,
        body: addMemberBody,
        response: {
          201: member,
          202: invited,
          400: errorResponses[400],
          403: errorResponse,
          404: errorResponses[404],
          409: errorResponses[409],
        },
      },
    },
    async (request, reply) => {
      const result = await service.addMember(request.ctx, request.params.mergerId, request.body);
      return result.kind === 'member' ? reply.status(201).send(result.member) : reply.status(202).send(result.invited);
    },
  );

  app.delete(
    '/mergers/:mergerId/invitations/:email',
    {
      config: { access: 'merger:addMembers' },
      schema: {
        tags: ['medlemmer'],
        summary: 'Trekk tilbake en invitasjon (eier og prosjektleder; bare eier for en invitasjon som eier)',
        params: invitationParams,
        response: { 204: z.null(), 403: errorResponse, 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      await service.withdrawInvitation(request.ctx, request.params.mergerId, request.params.email);
      return reply.status(204).send(null);
    },
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
    async (request) => service.changeMemberRole(request.ctx, request.params.mergerId, request.params.userId, request.body.role),
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
