/**
 * A quick, in-process look at what one read costs (app.inject, no socket):
 * repeated reads of unchanged data and reads right after a change.
 * `npx tsx bench/inject-probe.ts <seeded PGlite data dir copy> <seed.json>`
 * — never point it at bench/.cache itself: it migrates and writes.
 */
import fs from 'node:fs';
import { buildApp } from '#server/app.ts';
import { openDatabase } from '#server/platform/db/client.ts';

const [dataDir, seedFile] = process.argv.slice(2);
if (!dataDir || !seedFile) throw new Error('usage: inject-probe.ts <data dir> <seed.json>');
const seed = JSON.parse(fs.readFileSync(seedFile, 'utf8')) as { mergerId: string; ownerToken: string };
const database = await openDatabase({ kind: 'pglite', dataDir });
const app = await buildApp({ database, webRoot: '/nonexistent' });
await app.ready();
const api = `/api/v1/mergers/${seed.mergerId}`;
const headers = { authorization: `Bearer ${seed.ownerToken}` };
const paths = (process.env.PROBE_PATHS ?? `${api}/tasks?phase=3,${api}/dashboard,${api}/decisions/omrade-okonomi-og-regnskapssystem`).split(',');
const [task] = (await app.inject({ url: `${api}/tasks?phase=1`, headers })).json().tasks as Array<{ id: string; version: number }>;
let version = task!.version;
const p50 = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const path of paths) {
  const hits: number[] = [];
  const misses: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    const response = await app.inject({ url: path, headers });
    if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode}`);
    hits.push(performance.now() - start);
  }
  for (let i = 0; i < 15; i++) {
    const changed = await app.inject({ method: 'PATCH', url: `${api}/tasks/${task!.id}`, headers, payload: { version, notes: `probe ${i}` } });
    version = changed.json().version;
    const start = performance.now();
    await app.inject({ url: path, headers });
    misses.push(performance.now() - start);
  }
  console.log(`${path.slice(api.length)}: unchanged p50 ${p50(hits).toFixed(2)} ms, after a change p50 ${p50(misses).toFixed(2)} ms`);
}
await app.close();
await database.close();
