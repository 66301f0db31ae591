import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, errorResponses, mergerParams } from '#shared/contracts/common.ts';
import {
  deleteInventoryItemQuery,
  inventoryItemParams,
  inventoryKinds,
  inventoryPathSegments,
  listCommonSolutionsResponse,
  listSolutionAreasResponse,
  sideBySideResponse,
  type InventoryKindKey,
  type InventoryListQuery,
} from '#shared/contracts/inventory.ts';
import * as service from './inventory.service.ts';

type App = Parameters<FastifyPluginAsyncZod>[0];

const tags = ['kartlegging'];
const staleVersion = errorResponses[409].describe('Raden er endret av noen andre; details.currentVersion er gjeldende versjon');

/**
 * List, create, read, change and delete for one kind, all from its contract.
 * The schemas are seen here as plain zod types: through a generic kind the
 * type provider would see the union of all eight. They validate the request
 * at runtime, so the service gets the kind's own types (the casts below).
 */
function registerKind<K extends InventoryKindKey>(app: App, kind: K): void {
  const schemas: Record<'list' | 'listQuery' | 'item' | 'create' | 'update', z.ZodType> & { title: string } = inventoryKinds[kind];
  const collection = `/mergers/:mergerId/inventory/${inventoryPathSegments[kind]}`;
  const one = `${collection}/:itemId`;
  const title = schemas.title;

  app.get(
    collection,
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: `${title}: liste med søk, filtre, sortering og paging`,
        params: mergerParams,
        querystring: schemas.listQuery,
        response: { 200: schemas.list, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.listItems(request.ctx, kind, request.params.mergerId, request.query as InventoryListQuery<K>),
  );

  app.post(
    collection,
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: `${title}: registrer en ny`,
        params: mergerParams,
        body: schemas.create,
        response: { 201: schemas.item, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createItem(request.ctx, kind, request.params.mergerId, request.body as service.CreateBody<K>)),
  );

  app.get(
    one,
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: `${title}: én`,
        params: inventoryItemParams,
        response: { 200: schemas.item, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.getItem(request.ctx, kind, request.params.mergerId, request.params.itemId),
  );

  app.patch(
    one,
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: `${title}: endre; utdatert versjon gir 409`,
        description: 'Felter som ikke sendes, beholdes; null eller tom tekst tømmer et valgfritt felt.',
        params: inventoryItemParams,
        body: schemas.update,
        response: { 200: schemas.item, 400: errorResponses[400], 404: errorResponses[404], 409: staleVersion },
      },
    },
    async (request) => service.updateItem(request.ctx, kind, request.params.mergerId, request.params.itemId, request.body as service.UpdateBody<K>),
  );

  app.delete(
    one,
    {
      config: { access: 'merger:edit' },
      schema: {
        tags,
        summary: `${title}: slett`,
        description:
          kind === 'systems'
            ? 'Et system som integrasjoner, avtaler, digitale tjenester eller arkiv viser til, slettes ikke: ' +
              '409 SYSTEM_IN_USE med antallet av hver i details.'
            : undefined,
        params: inventoryItemParams,
        querystring: deleteInventoryItemQuery,
        response: { 204: z.null(), 400: errorResponses[400], 404: errorResponses[404], 409: errorResponse },
      },
    },
    async (request, reply) => {
      await service.deleteItem(request.ctx, kind, request.params.mergerId, request.params.itemId, request.query.version);
      return reply.status(204).send(null);
    },
  );
}

export const inventoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/solution-areas',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Løsningsområdene et system kan høre til: sjekklistens 4.2 og Samlas egne',
        description:
          'Sjekklistens løsningsområder per sektor med prioritet, Samlas områder for infrastruktur, arkiv og ' +
          'fellesløsninger, og «Annet fagsystem» i hver sektor. Id-ene er faste.',
        response: { 200: listSolutionAreasResponse },
      },
    },
    async (request, reply) => {
      // Data that changes only with a new release of Samla, named in the reader's language (decision 041).
      reply.header('cache-control', 'private, max-age=300');
      reply.header('vary', 'Accept-Language, Cookie');
      return { solutionAreas: service.solutionAreas(request.ctx.language) };
    },
  );

  app.get(
    '/common-solutions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Registeret over nasjonale fellesløsninger en integrasjon kan gå til',
        response: { 200: listCommonSolutionsResponse },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return service.commonSolutions();
    },
  );

  app.get(
    '/mergers/:mergerId/inventory/side-by-side',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Kommunenes systemer side om side per løsningsområde, med produkter flere av dem bruker',
        params: mergerParams,
        response: { 200: sideBySideResponse, 404: errorResponses[404] },
      },
    },
    async (request) => service.getSideBySide(request.ctx, request.params.mergerId),
  );

  for (const kind of Object.keys(inventoryKinds) as InventoryKindKey[]) registerKind(app, kind);
};
