import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { openTestDatabase } from './test/test-app.ts';
import type { DatabaseHandle } from './db/client.ts';

let webRoot: string;
let database: DatabaseHandle;
beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-web-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Samla</title>');
  fs.writeFileSync(path.join(webRoot, 'app.js'), 'console.log(1)');
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

describe('serving the built web app', () => {
  it('serves files, the app shell for client routes, and JSON 404s for the API', async () => {
    const app = await buildApp({ database, webRoot });
    expect((await app.inject('/app.js')).body).toBe('console.log(1)');
    const route = await app.inject('/sammenslainger/ny');
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('<title>Samla</title>');
    const api = await app.inject('/api/v1/finnes-ikke');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
    await app.close();
  });
});
