import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import net from 'node:net';
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

  it('stops with the server when the outer `npm start` process is told to stop, closing the port and releasing the lock', async () => {
    const npmDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-npm-start-'));
    const shutdownSeconds = 10;
    try {
      const server = await startServer({
        entry: 'npm',
        dataDir: npmDataDir,
        env: { SAMLA_SHUTDOWN_TIMEOUT_SECONDS: String(shutdownSeconds) },
        readyTimeoutMs: 120_000,
      });
      const lockFile = path.join(npmDataDir, 'samla.lock');
      const samlaPid = Number(fs.readFileSync(lockFile, 'utf8'));
      // The lock names Samla's own process, not npm: the signal below goes to the outer one only.
      expect(samlaPid).not.toBe(server.pid);
      process.kill(server.pid, 'SIGTERM');
      await server.waitForExit();

      const deadline = Date.now() + shutdownSeconds * 1000 + 2000;
      while ((isAlive(samlaPid) || fs.existsSync(lockFile)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(isAlive(samlaPid), `Samla (pid ${samlaPid}) still runs after npm stopped:\n${server.output()}`).toBe(false);
      expect(fs.existsSync(lockFile)).toBe(false);
      expect(await acceptsConnections(new URL(server.url))).toBe(false);
    } finally {
      fs.rmSync(npmDataDir, { recursive: true, force: true });
    }
  }, 300_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function acceptsConnections(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
