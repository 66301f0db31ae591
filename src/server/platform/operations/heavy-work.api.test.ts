import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { replaceWorkerPool, WorkerPool } from '#server/platform/workers/worker-pool.ts';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

/**
 * The xlsx export and the PDF report are made in worker threads (issue 19):
 * what a user and an operator rely on when that work fails, is refused, or is
 * asked for by many at once. That the files' contents are unchanged is the
 * business of the reports and inventory-io API tests, which now go through
 * the pool too.
 */
const testWorker = (name: string) => fileURLToPath(new URL(`../../test/workers/${name}.mjs`, import.meta.url));

let t: TestApp;
let base: string;
let mergerId: string;
beforeAll(async () => {
  t = await createTestApp();
  mergerId = await t.createMerger();
  base = `/api/v1/mergers/${mergerId}`;
  const system = await t.owner.inject({ method: 'POST', url: `${base}/inventory/systems`, payload: { municipalityNumber: '4601', name: 'Sak og arkiv' } });
  expect(system.statusCode, system.body).toBe(201);
});
afterEach(() => replaceWorkerPool(undefined));
afterAll(() => t.close());

describe('heavy work in the worker pool', () => {
  it('makes one PDF for ten identical requests at the same time, and a new one after the data changed', async () => {
    const pool = new WorkerPool({ threads: 1 });
    await replaceWorkerPool(pool);
    const responses = await Promise.all(Array.from({ length: 10 }, () => t.owner.inject({ method: 'GET', url: `${base}/reports/status.pdf` })));
    for (const response of responses) {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.equals(responses[0]!.rawPayload)).toBe(true);
    }
    expect(pool.tasksStarted).toBe(1);

    // Another period is another report, made on its own.
    const otherPeriod = await t.owner.inject({ method: 'GET', url: `${base}/reports/status.pdf?from=2026-01-01&to=2026-01-31` });
    expect(otherPeriod.statusCode).toBe(200);
    expect(pool.tasksStarted).toBe(2);

    // Nothing is kept once the work is done: after a change the next request renders again.
    const changed = await t.owner.inject({ method: 'POST', url: `${base}/inventory/systems`, payload: { municipalityNumber: '4626', name: 'Lønn' } });
    expect(changed.statusCode).toBe(201);
    const after = await t.owner.inject({ method: 'GET', url: `${base}/reports/status.pdf` });
    expect(after.statusCode).toBe(200);
    expect(pool.tasksStarted).toBe(3);
  }, 60_000);

  it('shares one workbook among identical export requests at the same time', async () => {
    const pool = new WorkerPool({ threads: 1 });
    await replaceWorkerPool(pool);
    const responses = await Promise.all(Array.from({ length: 5 }, () => t.owner.inject({ method: 'GET', url: `${base}/inventory/export.xlsx` })));
    for (const response of responses) expect(response.statusCode, response.body).toBe(200);
    expect(pool.tasksStarted).toBe(1);
  }, 60_000);

  for (const [worker, what] of [
    ['throwing-worker', 'throws'],
    ['memory-hog-worker', 'runs out of its memory limit'],
  ] as const) {
    it(`answers 500 with the request id when the worker ${what}, and goes on serving`, async () => {
      await replaceWorkerPool(new WorkerPool({ threads: 1, filename: testWorker(worker), maxOldGenerationSizeMb: 32, timeoutMs: 20_000 }));
      for (const url of [`${base}/reports/status.pdf`, `${base}/inventory/export.xlsx`]) {
        const failed = await t.owner.inject({ method: 'GET', url });
        expect(failed.statusCode, failed.body).toBe(500);
        const body = failed.json() as { error: { code: string; message: string; details: { requestId: string } } };
        expect(body.error.code).toBe('INTERNAL_ERROR');
        expect(body.error.details.requestId).toBe(failed.headers['x-request-id']);
        expect(body.error.message).toContain(body.error.details.requestId);
      }
      // The server, and the pool with a fresh thread, go on.
      expect((await t.owner.inject({ method: 'GET', url: `${base}/tasks?phase=1` })).statusCode).toBe(200);
      await replaceWorkerPool(undefined);
      expect((await t.owner.inject({ method: 'GET', url: `${base}/reports/status.pdf` })).statusCode).toBe(200);
    }, 60_000);
  }

  it('refuses with 503 and Retry-After when the queue is full, and the refused request can come back', async () => {
    await replaceWorkerPool(new WorkerPool({ threads: 1, maxQueue: 0, filename: testWorker('slow-worker'), retryAfterSeconds: 7 }));
    const urls = { pdf: `${base}/reports/status.pdf`, xlsx: `${base}/inventory/export.xlsx` };
    const [pdf, xlsx] = await Promise.all([t.owner.inject({ method: 'GET', url: urls.pdf }), t.owner.inject({ method: 'GET', url: urls.xlsx })]);
    const statuses = [pdf.statusCode, xlsx.statusCode].sort();
    expect(statuses).toEqual([200, 503]);
    const refused = pdf.statusCode === 503 ? pdf : xlsx;
    expect(refused.headers['retry-after']).toBe('7');
    expect(refused.json().error).toMatchObject({
      code: 'BUSY',
      message: 'Samla lager mange rapporter og eksporter akkurat nå. Prøv igjen om 7 sekunder.',
    });
    const again = await t.owner.inject({ method: 'GET', url: refused === pdf ? urls.pdf : urls.xlsx });
    expect(again.statusCode).toBe(200);
  }, 60_000);
});
