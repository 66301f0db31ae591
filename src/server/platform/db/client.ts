import fs from 'node:fs';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { DatabaseConfig } from '#server/config.ts';
import type * as schema from './schema/index.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';

export type Schema = typeof schema;
/** The one Drizzle type repositories see, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Runs one SQL statement with no ORM in between (health checks, benchmarks' floor). */
  rawQuery: (sql: string, params?: unknown[]) => Promise<unknown[]>;
  close: () => Promise<void>;
  /** PostgreSQL only: the connection pool right now (for /metrics). */
  poolStats?: () => { total: number; idle: number; waiting: number };
  /**
   * PostgreSQL only: `listener` hears of each pooled connection that broke
   * while idle (PostgreSQL restarted, a proxy or an administrator closed it).
   * The pool has already dropped it and opens a new one for the next query.
   * Returns a function that stops listening.
   */
  onIdleConnectionError?: (listener: (error: Error) => void) => () => void;
}

/**
 * PGlite's PostgreSQL compiled from its 9 MB of WebAssembly (PGlite's
 * `pgliteWasmModule` option). V8 compiles it off the main thread, about 0.1 s:
 * started first, it is done by the time PGlite needs it, instead of PGlite
 * starting it late and waiting for it.
 */
function compilePgliteWasm(): Promise<WebAssembly.Module> {
  const file = createRequire(import.meta.url).resolve('@electric-sql/pglite/pglite.wasm');
  const compiling = fs.promises.readFile(file).then((bytes) => WebAssembly.compile(bytes));
  // Awaited later; a failure meanwhile must not count as unhandled.
  compiling.catch(() => undefined);
  return compiling;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  // Drizzle, the schema (and the shared contracts it uses) and the migrator
  // are imported here rather than at the top, so that on the embedded
  // database they load while PGlite's WebAssembly compiles.
  const migrating = import('./migrate.ts');
  let handle: DatabaseHandle;
  if (config.kind === 'postgres') {
    // db/postgres.ts loads pg: only here, so the embedded database never pays for it.
    const { postgresHandle } = await import('./postgres.ts');
    handle = postgresHandle(config.url);
  } else if (config.kind === 'pglite-memory') {
    const { pgliteHandle } = await import('./pglite.ts');
    handle = pgliteHandle(new PGlite());
  } else {
    const lock: DataDirLock = acquireDataDirLock(config.dataDir);
    try {
      const compiling = compilePgliteWasm();
      const { pgliteHandle } = await import('./pglite.ts');
      const client = new PGlite(`${config.dataDir}/pgdata`, { pgliteWasmModule: await compiling });
      await client.waitReady;
      handle = pgliteHandle(client, () => lock.release());
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  try {
    const { migrateDatabase } = await migrating;
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
