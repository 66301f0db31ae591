import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '#server/test/server-process.ts';
import { exampleMerger } from '#server/test/test-app.ts';

/**
 * SIGTERM on a real process: what a deploy does to Samla. Requests in flight
 * must finish, the process must exit 0, and the data must be there on restart.
 */
const admin = { email: 'drift@samla.test', password: 'et langt passord for drift' };

const running: ServerProcess[] = [];
const dataDirs: string[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.stop('SIGKILL');
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(dataDir: string, env: Record<string, string> = {}, waitUntilReady = true): Promise<ServerProcess> {
  const server = await startServer({
    dataDir,
    waitUntilReady,
    // info: the test reads «incoming request» lines to know the server has the requests.
    env: { SAMLA_ADMIN_EMAIL: admin.email, SAMLA_ADMIN_PASSWORD: admin.password, LOG_LEVEL: 'info', ...env },
  });
  running.push(server);
  return server;
}

/** Signs in as the administrator and makes an API token (it survives a restart). */
async function apiToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await fetch(`${url}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'drift' }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { token: string }).token;
}

/** The JSON log lines the process has written so far. */
function logLines(server: ServerProcess): Array<Record<string, unknown>> {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function until(condition: () => boolean, what: string, server: ServerProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A POST whose body arrives in two parts: the first now, the rest when
 * finish() is called. Until then the server has the request but cannot answer it.
 */
function slowUpload(url: string, pathname: string, headers: Record<string, string>, body: string, agent: http.Agent) {
  const payload = Buffer.from(body);
  const request = http.request(`${url}${pathname}`, {
    method: 'POST',
    agent,
    headers: { ...headers, 'content-length': String(payload.length) },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (incoming) => {
      let text = '';
      incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }));
    });
  });
  // Rejections are for whoever calls finish(); none may go unhandled before.
  response.catch(() => undefined);
  const half = Math.floor(payload.length / 2);
  request.write(payload.subarray(0, half));
  return {
    finish: () => {
      request.end(payload.subarray(half));
      return response;
    },
  };
}

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the requests in flight, refuses new ones, exits 0, and a restart sees every acknowledged write', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-shutdown-'));
    dataDirs.push(dataDir);
    const server = await start(dataDir);
    const token = await apiToken(server.url);
    const headers = (requestId: string) => ({
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-request-id': requestId,
    });
    const created = await fetch(`${server.url}/api/v1/mergers`, {
      method: 'POST',
      headers: headers('oppsett-sammenslaing'),
      body: JSON.stringify(exampleMerger),
    });
    expect(created.status).toBe(201);

    // Requests in flight at SIGTERM, deterministically: uploads whose body
    // is still on its way (PGlite and pdfkit keep the event loop busy, so a
    // request the server is computing on finishes before the signal is even
    // seen; a request waiting for its body is the in-flight request a
    // deploy really meets). Kept-alive connections, as browsers and proxies use.
    const agent = new http.Agent({ keepAlive: true });
    const uploads = Array.from({ length: 5 }, (_, i) =>
      slowUpload(server.url, '/api/v1/mergers', headers(`i-flukt-${i}`), JSON.stringify({ ...exampleMerger, name: `Under stopp ${i}` }), agent),
    );
    const received = (id: string) => logLines(server).some((line) => line.requestId === id && line.msg === 'incoming request');
    await until(() => uploads.every((_, i) => received(`i-flukt-${i}`)), 'the server to receive every request', server);

    server.process.kill('SIGTERM');
    await until(() => server.output().includes('stopper Samla'), 'the shutdown to begin', server);
    // Once shutdown has begun, a new request gets no work done: the port is
    // closed, or (on a kept-alive connection) a 503 that tells the load
    // balancer to go elsewhere.
    const late = await fetch(`${server.url}/api/v1/mergers`, { headers: headers('for-sent-etter-sigterm') }).then(
      async (response) => ({
        status: response.status,
        code: ((await response.json()) as { error?: { code?: string } }).error?.code,
        requestId: response.headers.get('x-request-id'),
      }),
      () => 'refused' as const,
    );
    if (late !== 'refused') expect(late).toEqual({ status: 503, code: 'SHUTTING_DOWN', requestId: 'for-sent-etter-sigterm' });

    const results = await Promise.all(uploads.map((upload) => upload.finish()));
    for (const [i, result] of results.entries()) expect(result.status, `${i}: ${result.body}`).toBe(201);
    const exit = await server.waitForExit();
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    agent.destroy();

    const lines = logLines(server);
    const shutdownAt = lines.findIndex((line) => String(line.msg).startsWith('stopper Samla'));
    const completedAfter = lines.slice(shutdownAt).filter((line) => line.msg === 'request completed' && String(line.requestId).startsWith('i-flukt-'));
    expect(completedAfter, server.output()).toHaveLength(uploads.length);
    expect(lines.at(-1)?.msg).toBe('Samla er stoppet');
    expect(fs.existsSync(path.join(dataDir, 'samla.lock'))).toBe(false);

    const restarted = await start(dataDir);
    const list = await fetch(`${restarted.url}/api/v1/mergers`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(200);
    const names = ((await list.json()) as { mergers: Array<{ name: string }> }).mergers.map((merger) => merger.name);
    expect(names.sort()).toEqual([exampleMerger.name, ...uploads.map((_, i) => `Under stopp ${i}`)].sort());
    expect(await restarted.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('on SIGTERM while the database is still opening, closes it, releases the data folder and exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-shutdown-'));
    dataDirs.push(dataDir);
    const server = await start(dataDir, {}, false);
    // The lock is taken just before PGlite opens; on a new data folder
    // PGlite then creates the database, which takes seconds: the signal
    // lands while the database is opening, as a deploy rolled back at once would.
    const lockFile = path.join(dataDir, 'samla.lock');
    await until(() => fs.existsSync(lockFile) || server.process.exitCode !== null, 'the data folder to be locked', server);
    server.process.kill('SIGTERM');

    const exit = await server.waitForExit();
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('under oppstart');
    expect(server.output()).toContain('Samla er stoppet');
    expect(fs.existsSync(lockFile)).toBe(false);

    // Closed, not abandoned: the same folder opens again and works.
    const restarted = await start(dataDir);
    const token = await apiToken(restarted.url);
    const list = await fetch(`${restarted.url}/api/v1/mergers`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(200);
    expect(await restarted.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('gives up on a request that never finishes at SAMLA_SHUTDOWN_TIMEOUT_SECONDS, exits 1 and says why', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-shutdown-'));
    dataDirs.push(dataDir);
    const server = await start(dataDir, { SAMLA_SHUTDOWN_TIMEOUT_SECONDS: '1' });
    const token = await apiToken(server.url);
    const agent = new http.Agent({ keepAlive: true });
    // A body that never completes: the request a stuck client or a hung handler leaves.
    const stuck = slowUpload(
      server.url,
      '/api/v1/mergers',
      { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-request-id': 'henger-for-alltid' },
      JSON.stringify(exampleMerger),
      agent,
    );
    const received = () => logLines(server).some((line) => line.requestId === 'henger-for-alltid');
    await until(received, 'the server to receive the request', server);

    server.process.kill('SIGTERM');
    const exit = await server.waitForExit();
    expect(exit, server.output()).toEqual({ code: 1, signal: null });
    expect(logLines(server).at(-1)).toMatchObject({ level: 50, msg: expect.stringContaining('rakk ikke å stoppe innen 1 s') });
    // The stuck client sees its connection dropped, not a false success.
    await expect(stuck.finish()).rejects.toThrow();
    agent.destroy();
  }, 180_000);
});
