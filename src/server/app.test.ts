import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { openTestDatabase } from './test/test-app.ts';
import type { DatabaseHandle } from './platform/db/client.ts';

let webRoot: string;
let database: DatabaseHandle;
beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-web-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Samla</title>');
  fs.writeFileSync(path.join(webRoot, 'app.js'), 'console.log(1)');
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'assets', 'index-abc123.js'), 'console.log("hashed")');
  fs.writeFileSync(path.join(webRoot, 'assets', 'index-abc123.js.gz'), zlib.gzipSync('console.log("hashed")'));
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
    const head = await app.inject({ method: 'HEAD', url: '/sammenslainger/ny' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toContain('text/html');
    expect(head.body).toBe('');
    // A file the build does not have (an old chunk, after an upgrade) is not the app shell.
    const missing = await app.inject('/assets/index-gammel.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
    expect((await app.inject('/favicon.ico')).statusCode).toBe(404);
    expect((await app.inject('/sammenslainger/ny?fra=e.post')).statusCode).toBe(200);
    const api = await app.inject('/api/v1/finnes-ikke');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
    await app.close();
  });
});

describe('serving assets', () => {
  it('sends the build’s precompressed file to a browser that accepts gzip, and caches hashed assets for a year', async () => {
    const app = await buildApp({ database, webRoot });
    const compressed = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(compressed.rawPayload).toString()).toBe('console.log("hashed")');
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await app.inject('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log("hashed")');

    // The app shell must never be cached: it names the current hashed files.
    const shell = await app.inject('/sammenslainger');
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect((await app.inject('/app.js')).headers['cache-control']).not.toContain('immutable');
    await app.close();
  });
});
