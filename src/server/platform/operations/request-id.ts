import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyInstance } from 'fastify';

/**
 * What we accept as an incoming X-Request-Id: the ids proxies and other
 * services make (uuids, hex, base64url, dotted trace ids), nothing that could
 * break a log line or a log query. Anything else gets a fresh uuid.
 */
const saneRequestId = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && saneRequestId.test(header) ? header : randomUUID();
}

/** Fastify server options: every request's log lines carry `requestId`. */
export const requestIdServerOptions = {
  // We check the header ourselves instead of Fastify taking it as it comes.
  requestIdHeader: false as const,
  logController: new LogController({ requestIdLogLabel: 'requestId' }),
  genReqId: (request: IncomingMessage) => requestIdFor(request.headers['x-request-id']),
};

/**
 * Echo the id in the response, set before anything can fail (access checks
 * run in later onRequest hooks), so a user reporting an error can quote it.
 */
export function registerRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
}
