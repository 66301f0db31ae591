import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#server/app.ts';
import { pgliteHandle, postgresHandle, type DatabaseHandle } from '#server/db/client.ts';
import { migrateDatabase } from '#server/db/migrate.ts';

/**
 * A fresh, migrated database per test, on the engine the run was asked for:
 * PGlite by default, PostgreSQL when DATABASE_URL is set (npm run test:pg).
 * Migrating once per file (PGlite: one instance, emptied between tests;
 * PostgreSQL: a new database from a migrated template) keeps tests fast.
 */
export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  close: () => Promise<void>;
}

let sharedPglite: Promise<DatabaseHandle> | undefined;
let postgresTemplate: Promise<string> | undefined;

async function migratedPglite(): Promise<DatabaseHandle> {
  const handle = pgliteHandle(new PGlite());
  await migrateDatabase(handle);
  return handle;
}

/** Empties every table of the app's schema (Drizzle's own bookkeeping lives elsewhere). */
async function emptyAllTables(handle: DatabaseHandle): Promise<void> {
  const rows = (await handle.rawQuery(`select tablename from pg_tables where schemaname = 'public'`)) as Array<{
    tablename: string;
  }>;
  if (rows.length === 0) return;
  await handle.rawQuery(`truncate table ${rows.map((row) => `"${row.tablename}"`).join(', ')} cascade`);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function migratedPostgresTemplate(url: string): Promise<string> {
  const name = `samla_template_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(url, `create database ${name}`);
  const handle = postgresHandle(withDatabase(url, name));
  await migrateDatabase(handle);
  // CREATE DATABASE … TEMPLATE needs the template to have no open connections.
  await handle.close();
  return name;
}

export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // Starting PGlite costs seconds and cloning one a second; emptying its
    // tables costs milliseconds. One instance per test file, emptied after each test.
    sharedPglite ??= migratedPglite();
    const handle = await sharedPglite;
    return { ...handle, close: () => emptyAllTables(handle) };
  }
  postgresTemplate ??= migratedPostgresTemplate(url);
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

export async function createTestApp(options: { now?: () => Date } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp({ database, now: options.now, webRoot: '/nonexistent' });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
