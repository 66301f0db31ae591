import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, errorResponses, mergerParams } from '#shared/contracts/common.ts';
import {
  comment,
  commentListQuery,
  commentListResponse,
  commentParams,
  createCommentBody,
  deleteCommentQuery,
  updateCommentBody,
} from '#shared/contracts/comments.ts';
import * as service from './comments.service.ts';

const tags = ['kommentarer'];

export const commentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/comments',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Kommentarene til en oppgave, et veivalg (løsningsområdets id), en risiko eller en gevinst, eldste først',
        params: mergerParams,
        querystring: commentListQuery,
        response: { 200: commentListResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.listComments(request.ctx, request.params.mergerId, request.query),
  );

  app.post(
    '/mergers/:mergerId/comments',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Skriv en kommentar; nevnte medlemmer og de som følger saken får varsel',
        params: mergerParams,
        body: createCommentBody,
        response: { 201: comment, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createComment(request.ctx, request.params.mergerId, request.body)),
  );

  app.patch(
    '/mergers/:mergerId/comments/:commentId',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Endre din egen kommentar (nye nevnte medlemmer får varsel)',
        params: commentParams,
        body: updateCommentBody,
        response: { 200: comment, 400: errorResponses[400], 403: errorResponse, 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request) => service.updateComment(request.ctx, request.params.mergerId, request.params.commentId, request.body),
  );

  app.delete(
    '/mergers/:mergerId/comments/:commentId',
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: 'Slett en kommentar: din egen, eller som prosjektleder og eier hvem som helsts',
        params: commentParams,
        querystring: deleteCommentQuery,
        response: { 204: z.null(), 400: errorResponses[400], 403: errorResponse, 404: errorResponses[404], 409: errorResponses[409] },
      },
    },
    async (request, reply) => {
      await service.deleteComment(request.ctx, request.params.mergerId, request.params.commentId, request.query.version);
      return reply.status(204).send(null);
    },
  );
};
