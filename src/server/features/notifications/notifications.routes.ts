import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '#shared/contracts/common.ts';
import {
  markAllReadResponse,
  notificationListQuery,
  notificationListResponse,
  notificationParams,
  unreadCountResponse,
} from '#shared/contracts/notifications.ts';
import * as inbox from './notifications.inbox.service.ts';

const tags = ['varsler'];
const signedIn = { access: 'signed-in' } as const;

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/notifications',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Mine varsler, nyeste først (unread=true: bare uleste), fra sammenslåinger jeg er medlem av',
        querystring: notificationListQuery,
        response: { 200: notificationListResponse, 400: errorResponses[400] },
      },
    },
    async (request) => inbox.listMyNotifications(request.ctx, request.query),
  );

  app.get(
    '/me/notifications/unread-count',
    {
      config: signedIn,
      schema: { tags, summary: 'Hvor mange varsler jeg ikke har lest (for toppen av hver side)', response: { 200: unreadCountResponse } },
    },
    async (request) => inbox.unreadCount(request.ctx),
  );

  app.post(
    '/me/notifications/:notificationId/read',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Merk et varsel som lest',
        params: notificationParams,
        response: { 204: z.null(), 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      await inbox.markRead(request.ctx, request.params.notificationId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/me/notifications/read-all',
    {
      config: signedIn,
      schema: { tags, summary: 'Merk alle mine varsler som lest', response: { 200: markAllReadResponse } },
    },
    async (request) => inbox.markAllRead(request.ctx),
  );
};
