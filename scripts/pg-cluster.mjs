// A throwaway PostgreSQL cluster for test:pg and the load benchmarks: initdb
// in a temporary folder, started on a free loopback port, stopped and removed
// afterwards. One copy of this, so the benchmarks measure the same server the
// tests prove correct.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export function findBinary(name) {
  const candidates = [
    process.env.PG_BIN && path.join(process.env.PG_BIN, name),
    ...(process.env.PATH ?? '').split(':').map((dir) => path.join(dir, name)),
    ...(fs.existsSync('/usr/lib/postgresql')
      ? fs
          .readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => `/usr/lib/postgresql/${version}/bin/${name}`)
      : []),
  ].filter(Boolean);
  return candidates.find((candidate) => fs.existsSync(candidate));
}

/** The message for a machine without PostgreSQL's server binaries; null when they are there. */
export function missingBinariesMessage(who) {
  if (findBinary('initdb') && findBinary('pg_ctl')) return null;
  return (
    `${who} needs PostgreSQL 15+ server binaries (initdb, pg_ctl) and found none.\n` +
    'Install them (Debian: apt-get install -y postgresql) or set PG_BIN to their folder.'
  );
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// initdb refuses to run as root; the cluster then belongs to `postgres`.
const asRoot = process.getuid?.() === 0;
const runAs = (command, args) =>
  asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' }) : execFileSync(command, args, { stdio: 'pipe' });

/**
 * Creates and starts a cluster. Resolves to { url, port, version, dataDir,
 * stop } once it accepts connections; `stop` stops it and removes its folder
 * (safe to call twice). On failure the folder is removed, the server log is
 * attached to the error (error.serverLog) and the error rethrown.
 */
export async function startCluster({ extraOptions = '' } = {}) {
  const initdb = findBinary('initdb');
  const pgCtl = findBinary('pg_ctl');
  if (!initdb || !pgCtl) throw new Error(missingBinariesMessage('PostgreSQL cluster'));
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-pg-'));
  const dataDir = path.join(base, 'data');
  const socketDir = base;
  const log = path.join(base, 'server.log');
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', base]);
  fs.chmodSync(base, 0o777);

  const port = await freePort();
  let started = false;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (started) {
      try {
        runAs(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch (error) {
        console.error('could not stop PostgreSQL:', error.message);
      }
    }
    fs.rmSync(base, { recursive: true, force: true });
  };
  try {
    runAs(initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    runAs(pgCtl, [
      '-D',
      dataDir,
      '-l',
      log,
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 ${extraOptions}`.trim(),
      'start',
    ]);
    started = true;
    const version = execFileSync(findBinary('postgres') ?? 'postgres', ['--version'])
      .toString()
      .trim();
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, version, dataDir, stop };
  } catch (error) {
    if (fs.existsSync(log)) error.serverLog = fs.readFileSync(log, 'utf8');
    stop();
    throw error;
  }
}
