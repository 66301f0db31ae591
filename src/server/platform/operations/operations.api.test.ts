import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type BuildAppOptions } from '#server/app.ts';
import type { DatabaseHandle } from '#server/platform/db/client.ts';
import { createTestApp, openTestDatabase, type TestApp } from '#server/test/test-app.ts';
import { readJournal } from '#server/platform/db/migration-journal.ts';
import { checkReadiness } from './operations.service.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function testApp(): Promise<TestApp> {
  const t = await createTestApp();
  cleanups.push(t.close);
  return t;
}

/** An app on the test database with its own options (logger, metrics token, a broken database). */
async function appWith(options: Partial<BuildAppOptions> & { database?: DatabaseHandle } = {}) {
  const database = options.database ?? (await openTestDatabase());
  const app = await buildApp({ webRoot: '/nonexistent', ...options, database });
  cleanups.push(async () => {
    await app.close();
    if (!options.database) await database.close();
  });
  return app;
}

/** A JSON log captured line by line, as an operator's log system would see it. */
function captureLog() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: { level: 'info', stream } };
}

describe('liveness and readiness', () => {
  it('answers /health and /ready with 200 on a migrated database, listing them in the OpenAPI document', async () => {
    const t = await testApp();
    const health = await t.app.inject('/api/v1/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok' });

    const ready = await t.app.inject('/api/v1/ready');
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.database.kind, migrations: readJournal().length });

    const openapi = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(openapi.paths).toHaveProperty(['/api/v1/health']);
    expect(openapi.paths['/api/v1/ready'].get.responses).toHaveProperty(['503']);
    expect(openapi.paths).not.toHaveProperty(['/metrics']);
  });

  it('stays live when the database fails, but is not ready, and says so in Norwegian', async () => {
    const healthy = await openTestDatabase();
    cleanups.push(() => healthy.close());
    const broken: DatabaseHandle = {
      ...healthy,
      rawQuery: () => Promise.reject(new Error('connection refused')),
    };
    const app = await appWith({ database: broken });

    expect((await app.inject('/api/v1/health')).statusCode).toBe(200);
    const ready = await app.inject('/api/v1/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe('DATABASE_UNAVAILABLE');
    expect(ready.json().error.message).toMatch(/^Databasen svarer ikke \(connection refused\)/);
  });

  it('is not ready when the database does not answer at all, instead of hanging the probe', async () => {
    const healthy = await openTestDatabase();
    cleanups.push(() => healthy.close());
    const hanging: DatabaseHandle = { ...healthy, rawQuery: () => new Promise(() => undefined) };
    const readiness = await checkReadiness(hanging, readJournal(), 50);
    expect(readiness).toMatchObject({ ready: false, code: 'DATABASE_UNAVAILABLE' });
  });

  it('is not ready when a migration this version needs is missing from the database, and names it', async () => {
    const t = await testApp();
    const [latest] = readJournal().slice(-1);
    const rows = (await t.database.rawQuery('select id, hash, created_at from drizzle.__drizzle_migrations where created_at = $1', [latest!.when])) as Array<{
      id: number;
      hash: string;
      created_at: string;
    }>;
    expect(rows).toHaveLength(1);
    await t.database.rawQuery('delete from drizzle.__drizzle_migrations where created_at = $1', [latest!.when]);
    try {
      const ready = await t.app.inject('/api/v1/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json().error).toMatchObject({ code: 'MIGRATIONS_PENDING', details: { missing: [latest!.tag] } });
      expect(ready.json().error.message).toContain(latest!.tag);
      expect((await t.app.inject('/api/v1/health')).statusCode).toBe(200);
    } finally {
      // The PGlite instance is shared by this file's tests.
      await t.database.rawQuery('insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)', [
        rows[0]!.id,
        rows[0]!.hash,
        rows[0]!.created_at,
      ]);
    }
    expect((await t.app.inject('/api/v1/ready')).statusCode).toBe(200);
  });
});

describe('Prometheus metrics', () => {
  it('counts requests by route pattern (never the raw URL) and status, and reports the database and the process', async () => {
    const t = await testApp();
    const mergerId = await t.createMerger();
    expect((await t.owner.inject(`/api/v1/mergers/${mergerId}`)).statusCode).toBe(200);
    expect((await t.owner.inject(`/api/v1/mergers/${mergerId}`)).statusCode).toBe(200);
    expect((await t.app.inject(`/api/v1/mergers/${mergerId}`)).statusCode).toBe(401);
    expect((await t.app.inject('/finnes/ikke/123')).statusCode).toBe(404);

    const response = await t.app.inject('/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(text).toContain('samla_http_requests_total{method="GET",route="/api/v1/mergers/:mergerId",status_code="200"} 2');
    expect(text).toContain('samla_http_requests_total{method="GET",route="/api/v1/mergers/:mergerId",status_code="401"} 1');
    expect(text).toContain('samla_http_requests_total{method="POST",route="/api/v1/mergers",status_code="201"} 1');
    expect(text).toContain('samla_http_requests_total{method="GET",route="unmatched",status_code="404"} 1');
    expect(text).toMatch(/samla_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/mergers\/:mergerId",status_code="200"\} 2/);
    expect(text).not.toContain(mergerId);
    expect(text).not.toContain('/finnes/ikke');
    expect(text).toContain(`samla_database_info{kind="${t.database.kind}"} 1`);
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    if (t.database.kind === 'postgres') {
      expect(text).toMatch(/samla_db_pool_connections\{state="total"\} \d+/);
      expect(text).toMatch(/samla_db_pool_connections\{state="waiting"\} 0/);
    } else {
      expect(text).not.toContain('samla_db_pool_connections');
    }
  });

  it.skipIf(!process.env.DATABASE_URL)('keeps serving when PostgreSQL ends an idle connection, and counts and logs it', async () => {
    const database = await openTestDatabase();
    cleanups.push(() => database.close());
    const log = captureLog();
    const app = await appWith({ database, logger: log.logger });
    // Two connections in the pool, idle once the queries are done.
    await Promise.all([database.rawQuery('select pg_sleep(0.05)'), database.rawQuery('select pg_sleep(0.05)')]);
    // What a restart of PostgreSQL does to them (here from one of the pool's own
    // connections, which ends the others).
    await database.rawQuery('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    await expect
      .poll(async () => Number((await app.inject('/metrics')).body.match(/^samla_db_idle_connection_errors_total (\d+)/m)?.[1] ?? 0), {
        timeout: 5_000,
      })
      .toBe(1);
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 40, msg: 'en ledig forbindelse til PostgreSQL ble brutt; neste spørring åpner en ny' }));
    expect((await app.inject('/api/v1/ready')).statusCode).toBe(200);
  });

  it('keeps each app’s counts to itself (one registry per app)', async () => {
    const first = await testApp();
    const second = await appWith();
    await first.app.inject('/api/v1/health');
    await first.app.inject('/api/v1/health');
    await second.inject('/api/v1/health');
    expect((await first.app.inject('/metrics')).body).toContain('samla_http_requests_total{method="GET",route="/api/v1/health",status_code="200"} 2');
    expect((await second.inject('/metrics')).body).toContain('samla_http_requests_total{method="GET",route="/api/v1/health",status_code="200"} 1');
  });

  it('wants SAMLA_METRICS_TOKEN as a Bearer token when one is configured', async () => {
    const token = 'en-lang-hemmelig-metrikknokkel';
    const app = await appWith({ metricsToken: token });
    const anonymous = await app.inject('/metrics');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(anonymous.body).not.toContain('samla_http_requests_total');
    expect((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer feil-nokkel' } })).statusCode).toBe(401);
    const scraped = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.body).toContain('samla_http_requests_total{method="GET",route="/metrics",status_code="401"} 2');
  });
});

describe('request ids in responses and JSON logs', () => {
  it('takes a sane incoming X-Request-Id, returns it, and puts it on every log line of the request', async () => {
    const { lines, logger } = captureLog();
    const app = await appWith({ logger });
    const response = await app.inject({ url: '/api/v1/mergers', headers: { 'x-request-id': 'proxy-1234abcd.5678' } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['x-request-id']).toBe('proxy-1234abcd.5678');
    const ofRequest = lines.filter((line) => line.requestId === 'proxy-1234abcd.5678');
    expect(ofRequest.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
    expect(ofRequest[1]).toMatchObject({ res: { statusCode: 401 } });
  });

  it('makes a fresh uuid when the incoming id is missing, too long or has characters that do not belong in a log', async () => {
    const app = await appWith();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const sent of [undefined, 'x'.repeat(129), 'abc def ghi', 'abcdefgh\nfalsk logglinje', '<script>alert(1)</script>']) {
      const response = await app.inject({ url: '/api/v1/health', headers: sent === undefined ? {} : { 'x-request-id': sent } });
      expect(response.headers['x-request-id'], String(sent)).toMatch(uuid);
    }
    const first = await app.inject('/api/v1/health');
    const second = await app.inject('/api/v1/health');
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });

  it('logs a server error with the request id the user got back', async () => {
    const { lines, logger } = captureLog();
    const app = await appWith({ logger });
    app.get('/feil-for-test', async () => {
      throw new Error('noe uventet');
    });
    const response = await app.inject('/feil-for-test');
    expect(response.statusCode).toBe(500);
    const id = response.headers['x-request-id'];
    expect(id).toEqual(expect.any(String));
    const errorLine = lines.find((line) => line.msg === 'unhandled error');
    expect(errorLine).toMatchObject({ level: 50, requestId: id, err: { message: 'noe uventet' } });
  });
});
