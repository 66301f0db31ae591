import { openDatabase } from '#server/platform/db/client.ts';
import { seedLargeMerger } from './large-merger.ts';

/**
 * node --import tsx bench/seed-large-merger.ts <data dir>
 * Seeds the large merger into an embedded data dir (created if missing), or
 * into PostgreSQL when DATABASE_URL is set, and prints what it made. For
 * measuring by hand (cold start, the browser) against the same data as the bench.
 */
const target = process.argv[2];
if (!target && !process.env.DATABASE_URL) {
  console.error('Bruk: node --import tsx bench/seed-large-merger.ts <datamappe>   (eller sett DATABASE_URL)');
  process.exit(2);
}
const database = await openDatabase(process.env.DATABASE_URL ? { kind: 'postgres', url: process.env.DATABASE_URL } : { kind: 'pglite', dataDir: target! });
const started = Date.now();
const merger = await seedLargeMerger(database, { log: console.log });
await database.close();
console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(
  JSON.stringify(
    { mergerId: merger.mergerId, ownerEmail: merger.ownerEmail, ownerPassword: merger.ownerPassword, ownerToken: merger.ownerToken, counts: merger.counts },
    null,
    2,
  ),
);
