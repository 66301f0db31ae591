import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle } from '#server/platform/db/client.ts';

export interface MetricsPluginOptions {
  database: DatabaseHandle;
  /** When set, GET /metrics wants `Authorization: Bearer <token>`. */
  token?: string;
}

/** The route label of requests no route matched (404s, the web app's client-side routes). */
export const unmatchedRoute = 'unmatched';

function sameSecret(sent: string, expected: string): boolean {
  // Hashing first makes the comparison constant-time whatever the lengths.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

/**
 * Prometheus metrics at GET /metrics (outside /api/v1: it is for the
 * monitoring system, not for API clients, and is not in the OpenAPI document).
 * One registry per app instance: tests build many apps in one process, and
 * prom-client's global registry would refuse the second set of metrics.
 */
export const metricsPlugin = fp<MetricsPluginOptions>(async (app, options) => {
  const registry = new Registry();
  // The route pattern, never the raw URL: ids in URLs would make one time
  // series per merger, task and system.
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'samla_http_requests_total',
    help: 'HTTP-forespørsler, etter metode, rutemønster og statuskode',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'samla_http_request_duration_seconds',
    help: 'Svartid for HTTP-forespørsler i sekunder, etter metode, rutemønster og statuskode',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const database = options.database;
  new Gauge({
    name: 'samla_database_info',
    help: 'Databasen Samla bruker: kind="pglite" (innebygd, én forbindelse i prosessen) eller kind="postgres"',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      this.set({ kind: database.kind }, 1);
    },
  });
  const poolStats = database.poolStats;
  if (poolStats) {
    new Gauge({
      name: 'samla_db_pool_connections',
      help: 'PostgreSQL-forbindelser i poolen: state="total", "idle" eller "waiting" (forespørsler som venter på en forbindelse)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const stats = poolStats();
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
  }
  const onIdleConnectionError = database.onIdleConnectionError;
  if (onIdleConnectionError) {
    const brokenConnections = new Counter({
      name: 'samla_db_idle_connection_errors_total',
      help: 'Ledige PostgreSQL-forbindelser som ble brutt (PostgreSQL startet på nytt, en proxy eller administrator lukket dem); Samla åpner nye',
      registers: [registry],
    });
    const stopListening = onIdleConnectionError((error) => {
      brokenConnections.inc();
      app.log.warn({ err: error }, 'en ledig forbindelse til PostgreSQL ble brutt; neste spørring åpner en ny');
    });
    app.addHook('onClose', async () => {
      stopListening();
    });
  }
  // Process metrics (CPU, memory, event-loop lag, GC) start timers and
  // observers that live as long as the process; started at the first scrape,
  // so the many short-lived apps of the test suite do not each leave a set.
  let processMetricsStarted = false;

  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? unmatchedRoute,
      status_code: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { logLevel: 'warn', schema: { hide: true } }, async (request, reply) => {
    if (options.token) {
      const authorization = request.headers.authorization ?? '';
      const sent = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : '';
      if (!sameSecret(sent, options.token)) {
        return reply
          .status(401)
          .header('www-authenticate', 'Bearer realm="samla-metrics"')
          .send({ error: { code: 'UNAUTHENTICATED', message: 'Metrikkene krever SAMLA_METRICS_TOKEN som Bearer-nøkkel.' } });
      }
    }
    if (!processMetricsStarted) {
      collectDefaultMetrics({ register: registry });
      processMetricsStarted = true;
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
});
