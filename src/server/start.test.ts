import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './test/server-process.ts';

// `npm ci && npm start` is the README's promise: this runs what `npm start`
// runs (the bundled server, rebuilt when a source is newer) on a fresh data
// folder, and the same folder again, as a user would.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  it('serves Samla on a fresh embedded database, stops on SIGTERM, and starts again on the same data', async () => {
    const env = { SAMLA_ADMIN_EMAIL: 'admin@kommune.no', SAMLA_ADMIN_PASSWORD: 'et-langt-passord-123' };
    const first = await startServer({ entry: 'start', dataDir, env, readyTimeoutMs: 120_000 });
    // Signed out, the API refuses with its JSON error, so the whole stack is up.
    const municipalities = await fetch(`${first.url}/api/v1/municipalities`);
    expect(municipalities.status).toBe(401);
    expect(((await municipalities.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const session = await fetch(`${first.url}/api/v1/auth/session`);
    expect(session.status).toBe(200);
    expect((await first.stop('SIGTERM')).code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(true);

    const second = await startServer({ entry: 'start', dataDir, env, readyTimeoutMs: 120_000 });
    const login = await fetch(`${second.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@kommune.no', password: 'et-langt-passord-123' }),
    });
    expect(login.status).toBe(200);
    expect((await second.stop('SIGTERM')).code).toBe(0);
  }, 300_000);
});
