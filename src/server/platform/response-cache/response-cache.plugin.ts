import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptsGzip, minBytesToCompress, ResponseStore, responseKey, type CachedResponse } from './response-cache.ts';
import { todayOf } from '#server/platform/clock.ts';

// On libuv's thread pool, so compressing a large answer does not hold up other requests.
// The fastest level: the first reader after a change waits for it (the whole graph of a
// large merger, 1.2 MB: 18 ms to 312 kB, against 34 ms to 283 kB at zlib's default).
const gzipAsync = promisify(gzip);
const gzipOptions = { level: constants.Z_BEST_SPEED };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: this merger read must never be answered from the cache. */
    responseCache?: false;
  }
  interface FastifyRequest {
    responseCache: { key: string; revision: string; etag: string; gzip: boolean; served: boolean } | null;
  }
}

export interface ResponseCachePluginOptions {
  /** Memory for cached answers; 0 turns the cache off (ETags and 304 stay). */
  maxBytes: number;
}

/**
 * Answers a merger's JSON reads from memory while neither the merger's data nor
 * people changed since the answer was made (decision 019). Freshness is asked
 * of the database on every request — the revisions come with the membership
 * check the access plugin makes anyway — so two app nodes never serve each
 * other stale data. The same revision gives the browser an ETag, so a page
 * it already has costs a 304 without a body. Answers are kept gzipped too and
 * sent so to browsers: a decision page is 65 kB of JSON and 13 kB gzipped, and
 * compressing once when it is made costs less than writing it out each time.
 */
export const responseCachePlugin = fp<ResponseCachePluginOptions>(async (app, options) => {
  const store = options.maxBytes > 0 ? new ResponseStore(options.maxBytes) : null;
  // A new process may answer differently (an upgrade), so browsers' copies of
  // another process's answers are never taken as current.
  const instance = randomBytes(6).toString('base64url');
  app.decorateRequest('responseCache', null);

  // Registered after the access plugin, so this runs after its membership check.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const membership = request.ctx?.membership;
    if (request.method !== 'GET' || !membership?.dataRevision || !request.ctx.actor) return;
    if (request.routeOptions.config?.responseCache === false) return;
    const key = responseKey({
      userId: request.ctx.actor.userId,
      role: membership.role,
      today: todayOf(request.ctx),
      url: request.url,
      // Answers with words in them (the history's `display`) are in the reader's language;
      // the ETag is made from this key, so a browser's copy in another language is not current.
      language: request.ctx.language ?? 'nb',
    });
    const revision = membership.dataRevision;
    const gzip = acceptsGzip(request.headers['accept-encoding']);
    // Plain and gzipped are two representations, so they have two ETags.
    const etag = `"${instance}.${revision}.${createHash('sha256').update(key).digest('base64url').slice(0, 16)}${gzip ? '.gz' : ''}"`;
    request.responseCache = { key, revision, etag, gzip, served: false };
    if (request.headers['if-none-match'] === etag) {
      request.responseCache.served = true;
      return reply.code(304).headers(validatorHeaders(etag)).send();
    }
    const cached = store?.get(key, revision);
    if (cached) {
      request.responseCache.served = true;
      return reply.headers({ ...validatorHeaders(etag), 'content-type': cached.contentType }).send(representation(reply, cached, gzip));
    }
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const pending = request.responseCache;
    if (!pending || pending.served || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    // Files (xlsx, PDF, calendars) are made on request and named by the time.
    if (!contentType.startsWith('application/json')) return payload;
    reply.headers(validatorHeaders(pending.etag));
    if (!store && !pending.gzip) return payload;
    const body = Buffer.from(payload);
    const response = { revision: pending.revision, body, gzip: body.length >= minBytesToCompress ? await gzipAsync(body, gzipOptions) : null, contentType };
    // Stamped with the revision read before the handler ran: the answer is at
    // least that fresh, so serving it for that revision is never stale.
    store?.set(pending.key, response);
    return representation(reply, response, pending.gzip);
  });
});

function validatorHeaders(etag: string) {
  // private: answers differ by person; no-cache: the browser asks every time, with If-None-Match;
  // vary: the same address is sent plain or gzipped, and in the language asked for.
  return { etag, 'cache-control': 'private, no-cache', vary: 'accept-encoding, accept-language' };
}

function representation(reply: FastifyReply, response: CachedResponse, gzip: boolean): Buffer {
  if (!gzip || !response.gzip) return response.body;
  reply.header('content-encoding', 'gzip');
  return response.gzip;
}
