import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Request as CannonRequest } from 'autocannon';
import { loadCatalog } from '#catalog/catalog.ts';
import { openDatabase, type DatabaseHandle } from '#server/platform/db/client.ts';
import { postgresHandle } from '#server/platform/db/postgres.ts';
import { addDays, todayInOslo } from '#shared/calendar-dates.ts';
import { UPCOMING_DAYS } from '#shared/contracts/dashboard.ts';
import { findBinary, startCluster, type Cluster } from '../scripts/pg-cluster.mjs';
import { floors, type FloorParams } from './floor.ts';
import { generateLargeMergerWorkbook, largeMergerMunicipalities } from './generate-large-merger.ts';
import { seedLargeMerger, type LargeMerger } from './large-merger.ts';

/**
 * The load benchmarks of issue 8: the real server (`node --import tsx
 * scripts/start.mjs` — what `npm start` runs —, production settings) as a child process on a
 * seeded large merger, autocannon in this process on loopback, for the
 * embedded database and for PostgreSQL. Next to each read, its floor: the
 * same data by bare SQL through the same driver at one connection.
 *
 * Seeding the large merger takes a minute or two, so the seeded database is
 * kept in bench/.cache (a copy of the PGlite data dir, a pg_dump for
 * PostgreSQL), keyed by a hash of the code that makes it; the benchmarks run
 * on a copy and never change the cache.
 */
export type Engine = 'pglite' | 'postgres';

export interface LoadOptions {
  quick: boolean;
  log: (line: string) => void;
}

export interface Stats {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  conflicts?: number;
}

export interface ReadRow {
  name: string;
  path: string;
  connections: number;
  stats: Stats;
  floorP50?: number;
  /** p50 of the read right after a change to the merger (one connection): what a cache miss costs (decision 019). */
  afterChangeP50?: number;
}

export interface HeavyRow {
  name: string;
  /** The cheap read's latency while the heavy request ran in a loop. */
  cheap: Stats;
  /** Heavy requests completed during the measurement, and their median time. */
  heavyDone: number;
  heavyP50: number;
  heavyFailed: number;
}

export interface EngineReport {
  engine: Engine;
  version: string;
  seededIn: string;
  reads: ReadRow[];
  writes: ReadRow[];
  imports: Array<{ name: string; runs: number[] }>;
  /** The cheap read alone and while one client loops a heavy request (issue 19). */
  whileHeavy: { cheapRead: string; alone: Stats; rows: HeavyRow[] } | null;
  serverRssMiB: number | null;
  notes: string[];
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = path.join(repoRoot, 'bench', '.cache');
const economy = 'omrade-okonomi-og-regnskapssystem';

// ---------------------------------------------------------------- the seeded database, cached

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith('.test.ts') ? [] : [full];
  });
}

/**
 * Changes when what shapes the seeded data changes: the seed, the schema
 * (migrations), the library. Not with every change of a service, so fixing
 * a slow endpoint does not cost a reseed; delete bench/.cache after a change
 * that alters what the services store.
 */
export function seedKey(): string {
  const hash = crypto.createHash('sha256');
  const files = [
    path.join(repoRoot, 'bench', 'large-merger.ts'),
    path.join(repoRoot, 'bench', 'generate-large-merger.ts'),
    ...filesUnder(path.join(repoRoot, 'src', 'server', 'platform', 'db', 'migrations')),
    ...filesUnder(path.join(repoRoot, 'src', 'catalog')),
  ].sort();
  for (const file of files) hash.update(file.slice(repoRoot.length)).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

type SeedInfo = Omit<LargeMerger, 'workbook'>;
const withoutWorkbook = ({ workbook: _workbook, ...rest }: LargeMerger): SeedInfo => rest;

interface Prepared {
  seed: SeedInfo;
  seededIn: string;
  version: string;
  serverEnv: Record<string, string>;
  openFloorDatabase: () => Promise<DatabaseHandle>;
  cleanup: () => void;
}

async function preparePglite(key: string, log: (line: string) => void): Promise<Prepared> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-bench-'));
  const dataDir = path.join(work, 'data');
  const cached = path.join(cacheDir, `pglite-${key}`);
  let seededIn: string;
  let seed: SeedInfo;
  if (fs.existsSync(path.join(cached, 'seed.json'))) {
    fs.cpSync(path.join(cached, 'data'), dataDir, { recursive: true });
    seed = JSON.parse(fs.readFileSync(path.join(cached, 'seed.json'), 'utf8')) as SeedInfo;
    seededIn = `cached (bench/.cache/pglite-${key})`;
  } else {
    log('  seeding the large merger into an embedded data dir …');
    const started = Date.now();
    const database = await openDatabase({ kind: 'pglite', dataDir });
    seed = withoutWorkbook(await seedLargeMerger(database, { log }));
    await database.close();
    seededIn = `${((Date.now() - started) / 1000).toFixed(0)} s`;
    fs.rmSync(cached, { recursive: true, force: true });
    fs.mkdirSync(cached, { recursive: true });
    fs.cpSync(dataDir, path.join(cached, 'data'), { recursive: true });
    fs.writeFileSync(path.join(cached, 'seed.json'), JSON.stringify(seed));
  }
  const pglitePackage = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    seed,
    seededIn,
    version: `PGlite ${pglitePackage.version} (data dir on disk)`,
    serverEnv: { SAMLA_DATA_DIR: dataDir },
    openFloorDatabase: () => openDatabase({ kind: 'pglite', dataDir }),
    cleanup: () => fs.rmSync(work, { recursive: true, force: true }),
  };
}

async function preparePostgres(key: string, log: (line: string) => void): Promise<Prepared> {
  const cluster: Cluster = await startCluster();
  try {
    const dump = path.join(cacheDir, `postgres-${key}.dump`);
    const seedFile = path.join(cacheDir, `postgres-${key}.json`);
    let seededIn: string;
    let seed: SeedInfo;
    if (fs.existsSync(dump) && fs.existsSync(seedFile)) {
      execFileSync(findBinary('pg_restore') ?? 'pg_restore', ['--no-owner', '-d', cluster.url, dump], { stdio: 'pipe' });
      seed = JSON.parse(fs.readFileSync(seedFile, 'utf8')) as SeedInfo;
      seededIn = `cached (bench/.cache/postgres-${key}.dump)`;
    } else {
      log('  seeding the large merger into PostgreSQL …');
      const started = Date.now();
      const database = await openDatabase({ kind: 'postgres', url: cluster.url });
      seed = withoutWorkbook(await seedLargeMerger(database, { log }));
      await database.close();
      seededIn = `${((Date.now() - started) / 1000).toFixed(0)} s`;
      fs.mkdirSync(cacheDir, { recursive: true });
      execFileSync(findBinary('pg_dump') ?? 'pg_dump', ['-Fc', '-f', dump, cluster.url], { stdio: 'pipe' });
      fs.writeFileSync(seedFile, JSON.stringify(seed));
    }
    // Fresh statistics, as autovacuum would have them on a server that has run a while.
    const analyze = postgresHandle(cluster.url);
    await analyze.rawQuery('analyze');
    await analyze.close();
    return {
      seed,
      seededIn,
      version: cluster.version,
      serverEnv: { DATABASE_URL: cluster.url },
      openFloorDatabase: async () => postgresHandle(cluster.url),
      cleanup: () => cluster.stop(),
    };
  } catch (error) {
    cluster.stop();
    throw error;
  }
}

// ---------------------------------------------------------------- the server as a child process

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

interface Server {
  base: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, SAMLA_DATA_DIR: _ignoredToo, ...inherited } = process.env;
  // What `npm start` runs: the bundled server (rebuilt first if a source is newer).
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: repoRoot,
    env: { ...inherited, ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error('the server exited before it answered');
    try {
      const response = await fetch(`${base}/api/v1/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the server did not answer /api/v1/health within 90 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    base,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

function rssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- measuring

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * One point: autocannon for `seconds`. A point that got fewer than 5
 * responses (a slow endpoint at many connections, or a busy machine) is run
 * again three times as long, so a percentile is never read off nothing.
 */
export async function cannon(options: Parameters<typeof cannonOnce>[0]): Promise<Stats> {
  const stats = await cannonOnce(options);
  return stats.requests >= 5 ? stats : cannonOnce({ ...options, seconds: options.seconds * 3 });
}

async function cannonOnce(options: {
  base: string;
  path: string;
  token: string;
  connections: number;
  seconds: number;
  method?: string;
  body?: string;
  requests?: CannonRequest[];
}): Promise<Stats> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: `${options.base}${options.path}`,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? 'GET',
    // No Accept-Encoding, so answers come as plain JSON: autocannon appends every body to a
    // string, and decoding gzip bytes as text cost it more than the server saved (decision 019).
    headers: { authorization: `Bearer ${options.token}`, ...(options.body ? { 'content-type': 'application/json' } : {}) },
    body: options.body,
    requests: options.requests,
    timeout: 60,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => latencies.push(time));
  const result = await instance;
  // Requests cut off when the time ran out may still be running on the server
  // (PGlite answers one query at a time): let them finish before the next point.
  await fetch(`${options.base}/api/v1/health`).catch(() => undefined);
  if ((options.method ?? 'GET') === 'GET') {
    await fetch(`${options.base}${options.path}`, { headers: { authorization: `Bearer ${options.token}` } }).then((r) => r.arrayBuffer());
  }
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: latencies.length / (result.duration || options.seconds),
    requests: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function floorP50(database: DatabaseHandle, sql: string, params: unknown[], seconds: number): Promise<number> {
  for (let i = 0; i < 5; i++) await database.rawQuery(sql, params);
  const took: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until || took.length < 10) {
    const start = performance.now();
    await database.rawQuery(sql, params);
    took.push(performance.now() - start);
  }
  took.sort((a, b) => a - b);
  return percentile(took, 50);
}

// ---------------------------------------------------------------- the run

export async function runLoadBench(engine: Engine, options: LoadOptions): Promise<EngineReport> {
  const { log, quick } = options;
  const seconds = quick ? 3 : 6;
  const levels = [1, 10, 50];
  const key = seedKey();
  log(`\n== load: ${engine} (seed ${key}) ==`);
  const prepared = engine === 'pglite' ? await preparePglite(key, log) : await preparePostgres(key, log);
  const { seed } = prepared;
  const api = `/api/v1/mergers/${seed.mergerId}`;
  const catalog = loadCatalog();
  const phase = 3;
  const today = todayInOslo(new Date());
  // The area's library tasks (checklist 4.2), the list the decision page finds the merger's copies of.
  const areaTasks = catalog.sectors
    .flatMap((sector) => sector.solutionAreas)
    .find((area) => area.id === economy)!
    .tasks.map((task) => task.id);
  const floorParams: FloorParams = {
    mergerId: seed.mergerId,
    today,
    windowEnd: addDays(today, UPCOMING_DAYS - 1),
    phaseId: catalog.phases.find((p) => p.number === phase)!.id,
    areaId: economy,
    areaTaskIds: areaTasks,
    municipality: largeMergerMunicipalities[0]!,
    hosting: 'saas',
  };
  const reads = [
    { name: 'dashboard', path: `${api}/dashboard`, floor: 'dashboard' },
    { name: `checklist, phase ${phase}`, path: `${api}/tasks?phase=${phase}`, floor: 'checklistPhase' },
    {
      name: 'systems list, filtered (municipality + hosting, page of 100)',
      path: `${api}/inventory/systems?municipality=${floorParams.municipality}&hosting=${floorParams.hosting}&limit=100`,
      floor: 'inventoryList',
    },
    { name: 'side-by-side matrix', path: `${api}/inventory/side-by-side`, floor: 'sideBySide' },
    { name: 'integration graph (whole merger)', path: `${api}/integration-graph`, floor: 'integrationGraph' },
    { name: 'decision page (økonomi)', path: `${api}/decisions/${economy}`, floor: 'decisionPage' },
  ] as const;

  const report: EngineReport = {
    engine,
    version: prepared.version,
    seededIn: prepared.seededIn,
    reads: [],
    writes: [],
    imports: [],
    whileHeavy: null,
    serverRssMiB: null,
    notes: [],
  };
  try {
    // The floors first, while nothing else holds the database (PGlite has one owner at a time).
    const floorResults = new Map<string, number>();
    const floorDatabase = await prepared.openFloorDatabase();
    try {
      for (const read of reads) {
        const floor = floors[read.floor]!;
        floorResults.set(read.floor, await floorP50(floorDatabase, floor.sql, floor.params(floorParams), quick ? 1 : 3));
        log(`  floor ${read.floor}: p50 ${floorResults.get(read.floor)!.toFixed(2)} ms`);
      }
    } finally {
      await floorDatabase.close();
    }

    const server = await startServer(prepared.serverEnv);
    try {
      const token = seed.ownerToken;
      const authorized = { authorization: `Bearer ${token}` };
      // One task whose notes change before each timed read below, so that read
      // cannot be answered from the response cache.
      const [changing] = (
        (await (await fetch(`${server.base}${api}/tasks?phase=1`, { headers: authorized })).json()) as {
          tasks: Array<{ id: string; version: number }>;
        }
      ).tasks;
      let changingVersion = changing!.version;
      const afterChange = async (path: string, times: number): Promise<number> => {
        const took: number[] = [];
        for (let i = 0; i < times; i++) {
          const changed = await fetch(`${server.base}${api}/tasks/${changing!.id}`, {
            method: 'PATCH',
            headers: { ...authorized, 'content-type': 'application/json' },
            body: JSON.stringify({ version: changingVersion, notes: `Endret før lesing ${i}` }),
          });
          if (changed.status !== 200) throw new Error(`PATCH before a read: ${changed.status} ${(await changed.text()).slice(0, 300)}`);
          changingVersion = ((await changed.json()) as { version: number }).version;
          const start = performance.now();
          const response = await fetch(`${server.base}${path}`, { headers: authorized });
          await response.arrayBuffer();
          took.push(performance.now() - start);
          if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        }
        return percentile(
          took.sort((a, b) => a - b),
          50,
        );
      };
      for (const read of reads) {
        const check = await fetch(`${server.base}${read.path}`, { headers: authorized });
        if (check.status !== 200) throw new Error(`${read.path}: ${check.status} ${(await check.text()).slice(0, 300)}`);
        // Warm up (JIT, caches, the pool) before anything is recorded.
        await cannon({ base: server.base, path: read.path, token, connections: 2, seconds: 1 });
        const afterChangeP50 = await afterChange(read.path, quick ? 5 : 15);
        log(`  ${read.name} after a change: p50 ${afterChangeP50.toFixed(1)} ms`);
        for (const connections of levels) {
          const stats = await cannon({ base: server.base, path: read.path, token, connections, seconds });
          const row: ReadRow = { name: read.name, path: read.path, connections, stats };
          if (connections === 1) Object.assign(row, { floorP50: floorResults.get(read.floor), afterChangeP50 });
          report.reads.push(row);
          log(`  ${read.name} @${connections}: p50 ${stats.p50.toFixed(1)} ms, ${stats.rps.toFixed(0)} req/s, non-2xx ${stats.non2xx}, errors ${stats.errors}`);
        }
      }

      // A task update: PATCH with the version last seen, rotating over every task.
      const listed = (await (await fetch(`${server.base}${api}/tasks`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        tasks: Array<{ id: string; version: number }>;
      };
      const versions = new Map(listed.tasks.map((task) => [task.id, task.version]));
      const ids = listed.tasks.map((task) => task.id);
      let next = 0;
      for (const connections of levels) {
        let conflicts = 0;
        const stats = await cannon({
          base: server.base,
          path: `${api}/tasks/${ids[0]}`,
          token,
          connections,
          seconds,
          method: 'PATCH',
          body: '{}',
          requests: [
            {
              method: 'PATCH',
              setupRequest: (request, context) => {
                const id = ids[next++ % ids.length]!;
                context.taskId = id;
                return {
                  ...request,
                  path: `${api}/tasks/${id}`,
                  body: JSON.stringify({ version: versions.get(id), notes: `Endret i lasttest ${next}` }),
                };
              },
              onResponse: (status, body, context) => {
                const id = context.taskId as string;
                if (status === 200) versions.set(id, (JSON.parse(body) as { version: number }).version);
                else if (status === 409) {
                  conflicts++;
                  const current = (JSON.parse(body) as { error?: { details?: { currentVersion?: number } } }).error?.details?.currentVersion;
                  if (current) versions.set(id, current);
                }
              },
            },
          ],
        });
        stats.conflicts = conflicts;
        report.writes.push({ name: 'task update (PATCH, rotating over every task)', path: `${api}/tasks/:id`, connections, stats });
        log(
          `  task update @${connections}: p50 ${stats.p50.toFixed(1)} ms, ${stats.rps.toFixed(0)} req/s, 409 ${conflicts}, other non-2xx ${stats.non2xx - conflicts}`,
        );
      }

      // A change to many tasks (the checklist's bulk update): 50 tasks at a time with the versions last
      // seen, rotating over every task; one connection, as a person does it.
      {
        const batch = 50;
        let offset = 0;
        const stats = await cannon({
          base: server.base,
          path: `${api}/tasks/bulk-update`,
          token,
          connections: 1,
          seconds,
          method: 'POST',
          body: '{}',
          requests: [
            {
              method: 'POST',
              setupRequest: (request) => {
                const chosen = Array.from({ length: batch }, (_, index) => ids[(offset + index) % ids.length]!);
                offset += batch;
                return {
                  ...request,
                  path: `${api}/tasks/bulk-update`,
                  body: JSON.stringify({
                    tasks: [...new Set(chosen)].map((id) => ({ taskId: id, version: versions.get(id) })),
                    change: { responsible: `Lasttest ${offset}` },
                  }),
                };
              },
              onResponse: (status, body) => {
                if (status !== 200) return;
                for (const task of (JSON.parse(body) as { changed: Array<{ id: string; version: number }> }).changed) versions.set(task.id, task.version);
              },
            },
          ],
        });
        report.writes.push({ name: `task bulk update (${batch} tasks per request)`, path: `${api}/tasks/bulk-update`, connections: 1, stats });
        log(`  task bulk update (${batch}) @1: p50 ${stats.p50.toFixed(1)} ms, ${stats.rps.toFixed(1)} req/s, non-2xx ${stats.non2xx}`);
      }

      // The xlsx exports and the PDF report: heavy, at 1 and 10 connections.
      for (const heavy of [
        { name: 'inventory export (xlsx)', path: `${api}/inventory/export.xlsx` },
        { name: 'checklist export (xlsx)', path: `${api}/tasks/export.xlsx` },
        { name: 'status report (PDF)', path: `${api}/reports/status.pdf` },
      ]) {
        for (const connections of quick ? [1] : [1, 10]) {
          const stats = await cannon({ base: server.base, path: heavy.path, token, connections, seconds: quick ? 3 : 8 });
          report.writes.push({ name: heavy.name, path: heavy.path, connections, stats });
          log(`  ${heavy.name} @${connections}: p50 ${stats.p50.toFixed(0)} ms, ${stats.rps.toFixed(1)} req/s`);
        }
      }

      // The workbook import: preview against the large merger, commit into a new, empty merger. One at a time.
      const workbook = await generateLargeMergerWorkbook();
      const runs = quick ? 1 : 3;
      const timedImport = async (url: string, language = 'nb') => {
        const start = performance.now();
        const response = await fetch(`${server.base}${url}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'accept-language': language,
          },
          body: new Uint8Array(workbook),
        });
        const took = performance.now() - start;
        if (response.status !== 200) throw new Error(`${url}: ${response.status} ${(await response.text()).slice(0, 300)}`);
        return took;
      };
      const preview: number[] = [];
      for (let i = 0; i < runs; i++) preview.push(await timedImport(`${api}/inventory/import?mode=preview`));
      report.imports.push({ name: 'import preview of the large workbook against the large merger', runs: preview });
      const commit: number[] = [];
      for (let i = 0; i < runs; i++) {
        const created = await fetch(`${server.base}/api/v1/mergers`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            name: `Importmål ${i + 1}`,
            newMunicipalityName: 'Importmål',
            mergerDate: '2028-01-01',
            municipalities: largeMergerMunicipalities,
          }),
        });
        const { id } = (await created.json()) as { id: string };
        commit.push(await timedImport(`/api/v1/mergers/${id}/inventory/import?mode=commit`));
      }
      report.imports.push({ name: 'import commit of the large workbook into an empty merger', runs: commit });
      log(`  import: preview ${preview.map((ms) => ms.toFixed(0)).join(', ')} ms; commit ${commit.map((ms) => ms.toFixed(0)).join(', ')} ms`);

      // Issue 22: the same work for a reader of another language, and the merger's målform changed.
      const previewNynorsk: number[] = [];
      for (let i = 0; i < runs; i++) previewNynorsk.push(await timedImport(`${api}/inventory/import?mode=preview`, 'nn'));
      report.imports.push({ name: 'import preview of the large workbook, answered in nynorsk (Accept-Language: nn)', runs: previewNynorsk });
      const refused = async (language: string) => {
        const start = performance.now();
        const response = await fetch(`${server.base}/api/v1/mergers`, {
          method: 'POST',
          headers: { ...authorized, 'content-type': 'application/json', 'accept-language': language },
          body: JSON.stringify({ name: '', newMunicipalityName: 'x'.repeat(201), mergerDate: '2027-02-31', municipalities: ['12'] }),
        });
        await response.arrayBuffer();
        if (response.status !== 400) throw new Error(`refused body: ${response.status}`);
        return performance.now() - start;
      };
      for (const language of ['nb', 'nn']) {
        const took: number[] = [];
        for (let i = 0; i < (quick ? 10 : 30); i++) took.push(await refused(language));
        report.imports.push({
          name: `a refused request body (four field problems), answered in ${language === 'nb' ? 'bokmål' : 'nynorsk (parsed again in nynorsk)'}`,
          runs: took,
        });
      }
      const retitle: number[] = [];
      for (const language of ['nn', 'en', 'nb']) {
        const { version } = (await (await fetch(`${server.base}${api}`, { headers: authorized })).json()) as { version: number };
        const start = performance.now();
        const changed = await fetch(`${server.base}${api}`, {
          method: 'PATCH',
          headers: { ...authorized, 'content-type': 'application/json' },
          body: JSON.stringify({ version, documentLanguage: language }),
        });
        await changed.arrayBuffer();
        retitle.push(performance.now() - start);
        if (changed.status !== 200) throw new Error(`målform change: ${changed.status}`);
      }
      report.imports.push({ name: 'målform change of the large merger (PATCH documentLanguage nn, en, nb: every library task retitled)', runs: retitle });
      log(
        `  languages: nn preview ${previewNynorsk.map((ms) => ms.toFixed(0)).join(', ')} ms; målform change ${retitle.map((ms) => ms.toFixed(0)).join(', ')} ms`,
      );

      report.whileHeavy = await whileHeavyWork(server.base, api, token, workbook, quick ? 4 : 8, log);

      report.serverRssMiB = rssMiB(server.child.pid);
    } finally {
      await server.stop();
    }
  } finally {
    prepared.cleanup();
  }
  return report;
}

// ---------------------------------------------------------------- a cheap read while heavy work runs (issue 19)

/**
 * What everyone else waits while one person downloads: the cheap read (one
 * phase of the checklist) at one connection, alone and while another client
 * loops the xlsx export, the PDF report or an import preview, one request
 * after the other. The heavy requests are all different in time, so they are
 * never shared with each other (only simultaneous identical requests are).
 */
async function whileHeavyWork(
  base: string,
  api: string,
  token: string,
  workbook: Buffer,
  seconds: number,
  log: (line: string) => void,
): Promise<NonNullable<EngineReport['whileHeavy']>> {
  const cheapRead = `${api}/tasks?phase=2`;
  const authorization = `Bearer ${token}`;
  const heavy = [
    { name: 'inventory export (xlsx)', request: () => fetch(`${base}${api}/inventory/export.xlsx`, { headers: { authorization } }) },
    { name: 'status report (PDF)', request: () => fetch(`${base}${api}/reports/status.pdf`, { headers: { authorization } }) },
    {
      name: 'import preview (large workbook)',
      request: () =>
        fetch(`${base}${api}/inventory/import?mode=preview`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
          body: new Uint8Array(workbook),
        }),
    },
  ];
  await cannon({ base, path: cheapRead, token, connections: 1, seconds: 1 });
  const alone = await cannon({ base, path: cheapRead, token, connections: 1, seconds });
  log(`  while heavy work runs: ${cheapRead} alone p50 ${alone.p50.toFixed(1)} ms, p95 ${alone.p95.toFixed(1)} ms`);
  const rows: HeavyRow[] = [];
  for (const work of heavy) {
    let stop = false;
    const took: number[] = [];
    let failed = 0;
    const loop = (async () => {
      while (!stop) {
        const start = performance.now();
        const response = await work.request();
        await response.arrayBuffer();
        if (response.status === 200) took.push(performance.now() - start);
        else failed++;
      }
    })();
    // Let the loop get going (a first request may start worker threads) before measuring.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const cheap = await cannon({ base, path: cheapRead, token, connections: 1, seconds });
    stop = true;
    await loop;
    took.sort((a, b) => a - b);
    rows.push({ name: work.name, cheap, heavyDone: took.length, heavyP50: percentile(took, 50), heavyFailed: failed });
    log(
      `  … while ${work.name} loops: p50 ${cheap.p50.toFixed(1)} ms, p95 ${cheap.p95.toFixed(1)} ms (${took.length} heavy requests, p50 ${percentile(took, 50).toFixed(0)} ms, ${failed} failed)`,
    );
  }
  return { cheapRead: 'checklist, phase 2 (1 connection)', alone, rows };
}
