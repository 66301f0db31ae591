import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DatabaseHandle } from '#server/platform/db/client.ts';
import { migrateDatabase } from '#server/platform/db/migrate.ts';
import { pgliteHandle } from '#server/platform/db/pglite.ts';
import { postgresHandle } from '#server/platform/db/postgres.ts';

/**
 * A fresh, migrated database per test, on the engine the run was asked for:
 * PGlite by default, PostgreSQL when DATABASE_URL is set (npm run test:pg).
 * The API tier's global setup (global-setup.ts) migrates once per run, and
 * the tests start from copies of that: on PGlite one instance per worker
 * (Vitest runs the tier's files one after another in a worker that keeps its
 * modules), emptied after each test; on PostgreSQL a new database per test,
 * made from the migrated template.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a migrated PGlite data folder, for `new PGlite({ loadDataDir })`. */
    samlaPgliteDataDir?: string;
    /** A migrated database on DATABASE_URL's server, for `create database … template`. */
    samlaPostgresTemplate?: string;
  }
}

/**
 * What the global setup made, when this runs under Vitest with it. Read
 * lazily: the import-bench uses this harness outside Vitest, and then
 * migrates for itself.
 */
async function provided<K extends 'samlaPgliteDataDir' | 'samlaPostgresTemplate'>(key: K): Promise<string | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import('vitest');
  return inject(key);
}

/**
 * A new PGlite with every migration applied. From the global setup's copy when
 * there is one (a second instead of initdb's several), else migrated here.
 */
export async function newMigratedPglite(): Promise<PGlite> {
  const dataDir = await provided('samlaPgliteDataDir');
  const client = dataDir ? new PGlite({ loadDataDir: new Blob([await readFile(dataDir)]) }) : new PGlite();
  // On the copy only a check that it is current (a migration added while `vitest` watches is applied here).
  await migrateDatabase(pgliteHandle(client));
  return client;
}

let sharedPglite: Promise<DatabaseHandle> | undefined;
let postgresTemplate: Promise<string> | undefined;

/**
 * Empties every table of the app's schema (Drizzle's own bookkeeping lives
 * elsewhere). Only the tables that hold rows: a test writes to a handful of
 * the schema's tables, and truncating one costs PGlite new files for it and
 * its indexes, while asking whether it has a row costs next to nothing.
 */
async function emptyAllTables(handle: DatabaseHandle): Promise<void> {
  const tables = ((await handle.rawQuery(`select tablename from pg_tables where schemaname = 'public'`)) as Array<{ tablename: string }>).map(
    (row) => `"${row.tablename}"`,
  );
  if (tables.length === 0) return;
  const filled = (await handle.rawQuery(
    tables.map((table) => `select '${table.replaceAll("'", "''")}' as name where exists (select from ${table})`).join(' union all '),
  )) as Array<{ name: string }>;
  if (filled.length === 0) return;
  await handle.rawQuery(`truncate table ${filled.map((row) => row.name).join(', ')} cascade`);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function migratedPostgresTemplate(url: string): Promise<string> {
  const name = `samla_template_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(url, `create database ${name}`);
  const handle = postgresHandle(withDatabase(url, name));
  await migrateDatabase(handle);
  // CREATE DATABASE … TEMPLATE needs the template to have no open connections.
  await handle.close();
  return name;
}

/**
 * Empties the worker's PGlite if a test file opened it: the API tier's setup
 * calls this after every file, so that a file which did not close its app
 * (or failed before it could) leaves nothing behind for the next file.
 */
export async function emptySharedPglite(): Promise<void> {
  if (sharedPglite) await emptyAllTables(await sharedPglite);
}

export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // Starting PGlite costs a second even from a copy; emptying its tables
    // costs milliseconds. One instance per worker, emptied after each test.
    sharedPglite ??= newMigratedPglite().then((client) => pgliteHandle(client));
    const handle = await sharedPglite;
    return { ...handle, close: () => emptyAllTables(handle) };
  }
  postgresTemplate ??= provided('samlaPostgresTemplate').then((template) => template ?? migratedPostgresTemplate(url));
  const template = await postgresTemplate;
  const name = `samla_test_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(url, `create database ${name} template ${template}`);
  const handle = postgresHandle(withDatabase(url, name));
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(url, `drop database if exists ${name}`);
    },
  };
}
