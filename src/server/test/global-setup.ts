import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '#server/platform/db/migrate.ts';
import { migrationsFolder } from '#server/platform/db/migration-journal.ts';
import { pgliteHandle } from '#server/platform/db/pglite.ts';
import { adminQuery, migratedPostgresTemplate } from './test-database.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The migrated PGlite data folder as a tar, kept between runs under
 * node_modules/.cache and named by what it is made from (the migrations and
 * PGlite's version): a run after a change to neither skips initdb and the
 * migrations altogether, and a changed migration makes a new one.
 */
async function migratedPgliteDump(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.parse(readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version as string);
  for (const file of readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!file.endsWith('.sql') && !file.endsWith('_journal.json')) continue;
    hash.update(`\0${file}\0`).update(readFileSync(path.join(migrationsFolder, file)));
  }
  const folder = path.join(root, 'node_modules/.cache/samla-test');
  const file = path.join(folder, `pglite-migrated-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(file)) {
    // Marks it as in use for the pruning below.
    await utimes(file, new Date(), new Date());
    return file;
  }
  await pruneDumps(folder);
  const client = new PGlite();
  try {
    await migrateDatabase(pgliteHandle(client));
    // Uncompressed: gzip would cost every worker more to unpack than the bytes cost to read.
    const dump = await client.dumpDataDir('none');
    await mkdir(folder, { recursive: true });
    // Written aside and renamed: another run may be reading or writing the same name.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } finally {
    await client.close();
  }
  return file;
}

/** Forgets the copies of earlier migrations that no run has used for a week (40 MB each). */
async function pruneDumps(folder: string): Promise<void> {
  const weekAgo = Date.now() - 7 * 24 * 60 * 60 * 1000;
  for (const name of existsSync(folder) ? await readdir(folder) : []) {
    const file = path.join(folder, name);
    if (name.startsWith('pglite-migrated-') && (await stat(file)).mtimeMs < weekAgo) await rm(file, { force: true });
  }
}

// `api` and `api-isolated` each run this; one template serves both.
let postgresTemplate: { url: string; name: Promise<string>; users: number } | undefined;

/**
 * The API tier's global setup: migrates one database for the whole run.
 * Without it every test file would make and migrate its own (a fresh PGlite
 * costs seconds: initdb in WebAssembly). From this one, a worker's PGlite
 * starts from a copy of the migrated data folder, and on PostgreSQL each
 * test's database is a copy of one migrated template.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide('samlaPgliteDataDir', await migratedPgliteDump());
    return undefined;
  }
  postgresTemplate ??= { url, name: migratedPostgresTemplate(url), users: 0 };
  postgresTemplate.users++;
  project.provide('samlaPostgresTemplate', await postgresTemplate.name);
  return async () => {
    if (!postgresTemplate || --postgresTemplate.users > 0) return;
    const name = await postgresTemplate.name;
    postgresTemplate = undefined;
    await adminQuery(url, `drop database if exists ${name}`);
  };
}
