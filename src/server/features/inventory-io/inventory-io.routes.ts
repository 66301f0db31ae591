import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, errorResponses, mergerParams } from '#shared/contracts/common.ts';
import { inventoryKinds, inventoryPathSegments, municipalityNumber, type InventoryKindKey } from '#shared/contracts/inventory.ts';
import { csvContentType, importQuery, importResult, xlsxContentType } from '#shared/contracts/inventory-import.ts';
import { pickLanguage } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { findLayout } from './inventory-sheets.ts';
import * as service from './inventory-io.service.ts';

const tags = ['kartlegging'];
const file = z.any().describe('Filen');
const segmentToKind = new Map<string, InventoryKindKey>(Object.entries(inventoryPathSegments).map(([kind, segment]) => [segment, kind as InventoryKindKey]));

export const inventoryIoRoutes: FastifyPluginAsyncZod = async (app) => {
  // The upload is the raw file, not JSON: xlsx as a zip, CSV as text, both as bytes.
  for (const type of [xlsxContentType, csvContentType, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: service.importLimits.maxBytes }, (_request, body, done) => done(null, body));
  }

  app.get(
    '/mergers/:mergerId/inventory/template.xlsx',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Excel-mal for kartleggingen: veiledning, ett ark per type, nedtrekkslister; med kolonnen Samla-ID når sammenslåingen har data',
        params: mergerParams,
        response: { 200: file, 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const buffer = await service.template(request.ctx, request.params.mergerId);
      reply.header('content-disposition', 'attachment; filename="samla-kartlegging-mal.xlsx"');
      return reply.type(xlsxContentType).send(buffer);
    },
  );

  app.get(
    '/mergers/:mergerId/inventory/export.xlsx',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Hele kartleggingen som xlsx, i samme oppsett som malen og med kolonnen Samla-ID sist (kan importeres igjen uten endringer)',
        params: mergerParams,
        response: { 200: file, 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const buffer = await service.exportWorkbook(request.ctx, request.params.mergerId);
      reply.header('content-disposition', `attachment; filename="samla-kartlegging-${request.params.mergerId.slice(0, 8)}.xlsx"`);
      return reply.type(xlsxContentType).send(buffer);
    },
  );

  // One static route per kind: a parameter here would lose to «/inventory/systems/:itemId».
  for (const [kind, segment] of Object.entries(inventoryPathSegments) as Array<[InventoryKindKey, string]>) {
    app.get(
      `/mergers/:mergerId/inventory/${segment}/export.csv`,
      {
        config: { access: 'merger:read' },
        schema: {
          tags,
          summary: `${inventoryKinds[kind].title}: som CSV (semikolon, UTF-8 med BOM), samme kolonner som malen og Samla-ID sist`,
          params: mergerParams,
          querystring: z.object({
            municipality: z
              .string()
              .transform((value) =>
                value
                  .split(',')
                  .map((part) => part.trim())
                  .filter(Boolean),
              )
              .pipe(z.array(municipalityNumber).min(1).max(100))
              .optional()
              .describe('Kommunenumre, kommaseparert'),
          }),
          response: { 200: file, 400: errorResponses[400], 404: errorResponses[404] },
        },
      },
      async (request, reply) => {
        const csv = await service.exportCsv(request.ctx, request.params.mergerId, kind, request.query);
        reply.header('content-disposition', `attachment; filename="samla-${segment}.csv"`);
        return reply.type('text/csv; charset=utf-8').send(csv);
      },
    );
  }

  app.post(
    '/mergers/:mergerId/inventory/import',
    {
      config: { access: 'merger:edit' },
      bodyLimit: service.importLimits.maxBytes,
      schema: {
        tags,
        summary: 'Importer en utfylt arbeidsbok (xlsx) eller én type som CSV: forhåndsvis, eller lagre alt eller ingenting',
        description:
          `Kroppen er selve filen (${xlsxContentType} eller ${csvContentType}), høyst 10 MiB. ` +
          'mode=preview gir alltid 200: per ark nye rader og endrede rader felt for felt, rader i Samla som ikke står i filen, ' +
          'feil og advarsler. Rader kjennes igjen på Samla-ID, ellers på kommune og navn. ' +
          'mode=commit lagrer bare når filen er uten feil (ellers 400 IMPORT_INVALID med feilene i details), ' +
          'advarslene er bekreftet med confirmWarnings=true (ellers 400 IMPORT_NEEDS_CONFIRMATION med forhåndsvisningen i details) ' +
          'og, med previewToken, bare hvis lagringen gjør det forhåndsvisningen viste (ellers 409 IMPORT_PREVIEW_OUTDATED med den nye ' +
          'forhåndsvisningen i details).',
        params: mergerParams,
        querystring: importQuery,
        response: { 200: importResult, 400: errorResponse, 404: errorResponses[404], 409: errorResponse, 413: errorResponse },
      },
      errorHandler: (error: FastifyError, request, reply) => {
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          const megabytes = service.importLimits.maxBytes / 1024 / 1024;
          // The body is refused before the access plugin may have run: the header decides then.
          const language = request.ctx?.language ?? pickLanguage(null, request.headers['accept-language']);
          const message: Localized = {
            nb: `Filen er større enn ${megabytes} MB. Del den opp i flere filer.`,
            nn: `Fila er større enn ${megabytes} MB. Del ho opp i fleire filer.`,
            en: `The file is larger than ${megabytes} MB. Split it into several files.`,
          };
          return reply.status(413).send({ error: { code: 'FILE_TOO_LARGE', message: message[language], details: { maxMegabytes: megabytes } } });
        }
        throw error;
      },
    },
    async (request) => {
      const kindText = request.query.kind;
      let kind: InventoryKindKey | undefined;
      if (kindText !== undefined) {
        kind = segmentToKind.get(kindText) ?? findLayout(kindText)?.kind;
        if (!kind || !(kind in inventoryKinds)) {
          throw service.unknownKind(kindText);
        }
      }
      const { mode, missing, confirmWarnings, previewToken } = request.query;
      return service.importFile(request.ctx, request.params.mergerId, request.body, { mode, kind, missing, confirmWarnings, previewToken });
    },
  );
};
