import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Samla as a real process (`node --import tsx src/server/server.ts`), for tests
 * that need what app.inject cannot give: signals, crashes, a restart on the
 * same data, two processes on one database.
 */
export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  process: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far (for failure messages). */
  output: () => string;
  /** Sends a signal (default SIGTERM) and waits for the exit. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when the process has exited. */
  waitForExit: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartServerOptions {
  /** Environment on top of a minimal one (PATH, HOME); e.g. DATABASE_URL, SAMLA_ADMIN_EMAIL. */
  env?: Record<string, string>;
  /** SAMLA_DATA_DIR for the embedded database (ignored when env has DATABASE_URL). */
  dataDir?: string;
  /**
   * 'source' (default): the TypeScript sources through tsx, as `npm run dev`.
   * 'start': scripts/start.mjs, exactly what `npm start` runs (the bundle, rebuilt when stale).
   * 'npm': `npm start` itself, so `pid` is npm's: for what a process manager that starts npm does.
   */
  entry?: 'source' | 'start' | 'npm';
  /** How long to wait for the first 200 from /api/v1/health (default 60 s: tsx compiles on a cold start). */
  readyTimeoutMs?: number;
  /** false: return as soon as the process is spawned, for tests of what happens while it starts. */
  waitUntilReady?: boolean;
}

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startServer(options: StartServerOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const env: Record<string, string> = {
    // npm's script shell must find the same node as the test.
    PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    ...(options.dataDir ? { SAMLA_DATA_DIR: options.dataDir } : {}),
    ...options.env,
  };
  const [command, args] =
    options.entry === 'npm'
      ? ['npm', ['start', '--silent']]
      : options.entry === 'start'
        ? [process.execPath, [path.join(repositoryRoot, 'scripts/start.mjs')]]
        : [process.execPath, ['--import', 'tsx', path.join(repositoryRoot, 'src/server/server.ts')]];
  const child = spawn(command, args, {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (options.waitUntilReady !== false) {
    if (hasExited) throw new Error(`Samla exited before answering:\n${output}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Samla did not answer /api/v1/health within the timeout:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    pid: child.pid!,
    process: child,
    output: () => output,
    stop: (signal = 'SIGTERM') => {
      if (!hasExited) child.kill(signal);
      return exited;
    },
    waitForExit: () => exited,
  };
}
