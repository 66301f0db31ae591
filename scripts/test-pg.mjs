#!/usr/bin/env node
// `npm run test:pg`: the database tests against a real PostgreSQL server. It
// creates a throwaway cluster with initdb in a temporary folder, starts it on
// a free loopback port, runs the unit project with DATABASE_URL pointing at
// it, and stops and removes the cluster afterwards, whatever happened.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function findBinary(name) {
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

const initdb = findBinary('initdb');
const pgCtl = findBinary('pg_ctl');
if (!initdb || !pgCtl) {
  console.error(
    'test:pg needs PostgreSQL 15+ server binaries (initdb, pg_ctl) and found none.\n' +
      'Install them (Debian: apt-get install -y postgresql) or set PG_BIN to their folder.',
  );
  process.exit(1);
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

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-pg-'));
const dataDir = path.join(base, 'data');
const socketDir = base;
if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', base]);
fs.chmodSync(base, 0o777);

const port = await freePort();
let started = false;
let status = 1;
try {
  runAs(initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  runAs(pgCtl, [
    '-D', dataDir, '-l', path.join(base, 'server.log'), '-w', '-t', '60',
    '-o', `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  started = true;
  const version = execFileSync(findBinary('postgres') ?? 'postgres', ['--version']).toString().trim();
  console.log(`test:pg: ${version} on 127.0.0.1:${port} (${dataDir})`);
  const result = spawnSync('npx', ['vitest', 'run', '--project', 'unit', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres` },
  });
  status = result.status ?? 1;
} catch (error) {
  console.error('test:pg could not start PostgreSQL:', error.stderr?.toString() ?? error.message);
  const log = path.join(base, 'server.log');
  if (fs.existsSync(log)) console.error(fs.readFileSync(log, 'utf8'));
} finally {
  if (started) {
    try {
      runAs(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch (error) {
      console.error('test:pg could not stop PostgreSQL:', error.message);
    }
  }
  fs.rmSync(base, { recursive: true, force: true });
}
process.exit(status);
