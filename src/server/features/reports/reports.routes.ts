import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, errorResponses, mergerParams } from '#shared/contracts/common.ts';
import { issuedReport, issueReportBody, reportListResponse, reportParams, statusReportQuery } from '#shared/contracts/reports.ts';
import * as service from './reports.service.ts';

const tags = ['rapporter'];
const pdfResponse = z.any().meta({ format: 'binary' });

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mergers/:mergerId/reports/status.pdf',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary:
          'Statusrapport til styringsgruppen som PDF: nøkkeltall, dag én, fremdrift, veivalg, røde risikoer, avtalefrister, gevinster og forfalte oppgaver',
        description:
          'Et utkast som ikke lagres. Perioden er from–to (ÅÅÅÅ-MM-DD, begge dager med); uten from fra dagen forrige rapport ble utstedt, ' +
          'ellers de 30 dagene til og med til-datoen; uten to til og med i dag (Europe/Oslo). ' +
          'Fra-datoen kan ikke være etter til-datoen, og perioden kan være høyst 366 dager.',
        params: mergerParams,
        querystring: statusReportQuery,
        response: { 200: pdfResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await service.statusReportPdf(request.ctx, request.params.mergerId, request.query);
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      return reply.type('application/pdf').send(pdf);
    },
  );

  app.get(
    '/mergers/:mergerId/reports',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'Utstedte statusrapporter, nyeste først, med hvem som utstedte dem og når, og standardperioden for neste rapport',
        params: mergerParams,
        response: { 200: reportListResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => service.listIssuedReports(request.ctx, request.params.mergerId),
  );

  app.post(
    '/mergers/:mergerId/reports',
    {
      // Reporting to the steering group on the project's behalf is the project leader's (decision 025).
      config: { access: 'merger:decide' },
      schema: {
        tags,
        summary: 'Utsted en statusrapport til styringsgruppen med prosjektleders vurdering; PDF-en lagres slik den ble utstedt',
        description:
          'Samlet status (green, yellow, red) med begrunnelse, hovedpunkter (minst ett) og saker styringsgruppen bes om å beslutte. ' +
          'Uten from dekker rapporten tiden siden forrige utstedte rapport. Bare prosjektleder og eier.',
        params: mergerParams,
        body: issueReportBody,
        response: { 201: issuedReport, 400: errorResponses[400], 403: errorResponse, 404: errorResponses[404] },
      },
    },
    async (request, reply) => reply.status(201).send(await service.issueReport(request.ctx, request.params.mergerId, request.body)),
  );

  app.get(
    '/mergers/:mergerId/reports/:reportId/pdf',
    {
      config: { access: 'merger:read' },
      schema: {
        tags,
        summary: 'En utstedt statusrapport som PDF, nøyaktig slik den ble utstedt',
        params: reportParams,
        response: { 200: pdfResponse, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await service.issuedReportPdf(request.ctx, request.params.mergerId, request.params.reportId);
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      return reply.type('application/pdf').send(pdf);
    },
  );
};
