import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '#server/app.ts';
import { pgliteHandle } from '#server/platform/db/pglite.ts';

/**
 * node --import tsx bench/query-profile.ts <copy of a seeded data dir> <seed.json>
 * Per endpoint of the load bench, in process on PGlite: how many SQL
 * statements one request runs, how many rows they return, and the CPU time
 * of the request (median of 5). Counts do not depend on how busy the machine
 * is, so they show an N+1 or an over-wide read even when timings are noisy.
 * Use a copy: the data dir is opened for writing.
 */
const [dataDir, seedFile] = process.argv.slice(2);
if (!dataDir || !seedFile) throw new Error('usage: bench/query-profile.ts <data dir copy> <seed.json>');
const seed = JSON.parse(fs.readFileSync(seedFile, 'utf8')) as { mergerId: string; ownerToken: string };
const client = new PGlite(`${dataDir}/pgdata`);
await client.waitReady;
const counter = { statements: 0, rows: 0 };
const query = client.query.bind(client);
client.query = (async (...args: Parameters<PGlite['query']>) => {
  const result = await query(...args);
  counter.statements++;
  counter.rows += result.rows.length;
  return result;
}) as PGlite['query'];
const handle = pgliteHandle(client);
const app = await buildApp({ database: handle, webRoot: '/nonexistent', auth: { sessionIdleMinutes: 480, secureCookies: false } });
await app.ready();
const api = `/api/v1/mergers/${seed.mergerId}`;
const paths =
  process.argv.slice(4).length > 0
    ? process.argv.slice(4)
    : [
        '/dashboard',
        '/tasks?phase=3',
        '/inventory/systems?municipality=4601&hosting=saas&limit=100',
        '/inventory/side-by-side',
        '/integration-graph',
        '/decisions/omrade-okonomi-og-regnskapssystem',
        '/benefits',
        '/contract-deadlines',
        '/schedule',
      ];
console.log('| endpoint | statements | rows | CPU ms (median of 5) | response KiB |');
console.log('|---|---:|---:|---:|---:|');
for (const path of paths) {
  const cpu: number[] = [];
  let statements = 0;
  let rows = 0;
  let bytes = 0;
  for (let i = 0; i < 6; i++) {
    counter.statements = 0;
    counter.rows = 0;
    const start = process.cpuUsage();
    const response = await app.inject({ url: `${api}${path}`, headers: { authorization: `Bearer ${seed.ownerToken}` } });
    const used = process.cpuUsage(start);
    if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode}`);
    if (i > 0) cpu.push((used.user + used.system) / 1000);
    statements = counter.statements;
    rows = counter.rows;
    bytes = response.rawPayload.length;
  }
  cpu.sort((a, b) => a - b);
  console.log(`| ${path} | ${statements} | ${rows} | ${cpu[2]!.toFixed(0)} | ${(bytes / 1024).toFixed(0)} |`);
}
await app.close();
await client.close();
