import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A free TCP port on localhost, chosen by the OS. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address === 'object' && address) {
        const { port } = address;
        server.close(() => resolve(port));
      } else {
        server.close(() => reject(new Error('no port')));
      }
    });
  });
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'samla-e2e-'));
}

export interface RunningServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** What the server wrote to stdout/stderr, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the real server (`node --import tsx src/server/server.ts`) as a child process on
 * `port` with `dataDir`, and waits until GET /api/v1/health answers 200. The built web app
 * in dist/web is served by the same process.
 */
/** The administrator the existing journeys sign in as (created from SAMLA_ADMIN_* at start). */
export const admin = { email: 'admin@samla.test', password: 'Et langt passord for testene' } as const;

export interface StartOptions {
  port?: number;
  dataDir?: string;
  /**
   * Create {@link admin} at start (SAMLA_ADMIN_EMAIL/PASSWORD). Off: a first run, where the
   * server prints a setup code for «Opprett administrator» in its log.
   */
  withAdmin?: boolean;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? freshDataDir();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], {
    cwd: repoRoot,
    env: {
      ...withoutSamlaAuth(process.env),
      PORT: String(port),
      HOST: '127.0.0.1',
      SAMLA_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      ...(options.withAdmin === false ? {} : { SAMLA_ADMIN_EMAIL: admin.email, SAMLA_ADMIN_PASSWORD: admin.password }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + 120_000;
  let ready = false;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.status === 200) {
        ready = true;
        break;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`The server did not become healthy on ${baseUrl}.\n--- server output ---\n${log}`);
  }

  if (options.withAdmin !== false) await ensureAdministrator(baseUrl, () => log);

  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  return { baseUrl, port, dataDir, output: () => log, stop };
}

/** The caller's own SAMLA_ADMIN_* or OIDC_* must not leak into a test's server. */
function withoutSamlaAuth(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('SAMLA_') && !key.startsWith('OIDC_')));
}

/** Waits for the first-run setup code in the server's log and returns it. */
export async function setupCodeFrom(server: RunningServer, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /Oppsettkode for «Opprett administrator»: ([A-Za-z0-9_-]+)/.exec(server.output());
    if (match?.[1]) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No setup code in the server log:\n${server.output()}`);
}

/**
 * The administrator from SAMLA_ADMIN_* must exist at once: the README promises that
 * setting those variables skips «Opprett administrator». A server that still asks for
 * setup fails the run.
 */
async function ensureAdministrator(baseUrl: string, output: () => string): Promise<void> {
  const status = (await (await fetch(`${baseUrl}/api/v1/auth/session`)).json()) as { setupRequired: boolean };
  if (status.setupRequired) {
    throw new Error(`The server ignored SAMLA_ADMIN_EMAIL/SAMLA_ADMIN_PASSWORD and asks for setup:\n${output()}`);
  }
}
