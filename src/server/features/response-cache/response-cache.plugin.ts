import { createHash, randomBytes } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { todayInOslo } from '#server/features/checklist/checklist.domain.ts';
import { ResponseStore, responseKey } from './response-cache.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: this merger read must never be answered from the cache. */
    responseCache?: false;
  }
  interface FastifyRequest {
    responseCache: { key: string; revision: string; etag: string; served: boolean } | null;
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
 * it already has costs a 304 without a body.
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
      today: todayInOslo(request.ctx.now()),
      url: request.url,
    });
    const revision = membership.dataRevision;
    const etag = `"${instance}.${revision}.${createHash('sha256').update(key).digest('base64url').slice(0, 16)}"`;
    request.responseCache = { key, revision, etag, served: false };
    if (request.headers['if-none-match'] === etag) {
      request.responseCache.served = true;
      return reply.code(304).headers(validatorHeaders(etag)).send();
    }
    const cached = store?.get(key, revision);
    if (cached) {
      request.responseCache.served = true;
      return reply.headers({ ...validatorHeaders(etag), 'content-type': cached.contentType }).send(cached.body);
    }
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const pending = request.responseCache;
    if (!pending || pending.served || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    // Files (xlsx, PDF, calendars) are made on request and named by the time.
    if (!contentType.startsWith('application/json')) return payload;
    reply.headers(validatorHeaders(pending.etag));
    // Stamped with the revision read before the handler ran: the answer is at
    // least that fresh, so serving it for that revision is never stale.
    store?.set(pending.key, { revision: pending.revision, body: payload, contentType });
    return payload;
  });
});

function validatorHeaders(etag: string) {
  // private: answers differ by person; no-cache: the browser asks every time, with If-None-Match.
  return { etag, 'cache-control': 'private, no-cache' };
}
