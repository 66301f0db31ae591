import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { DatabaseConfig } from '#server/config.ts';
import * as schema from './schema/index.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { migrateDatabase } from './migrate.ts';

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
}

/** Wraps an open PGlite instance (used directly by tests that clone a template). */
export function pgliteHandle(client: PGlite, onClose?: () => void): DatabaseHandle {
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    rawQuery: async (sql, params) => (await client.query(sql, params)).rows,
    close: async () => {
      await client.close();
      onClose?.();
    },
  };
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (config.kind === 'postgres') {
    // db/postgres.ts loads pg: only here, so the embedded database never pays for it.
    const { postgresHandle } = await import('./postgres.ts');
    handle = postgresHandle(config.url);
  } else if (config.kind === 'pglite-memory') {
    handle = pgliteHandle(new PGlite());
  } else {
    const lock: DataDirLock = acquireDataDirLock(config.dataDir);
    try {
      const client = new PGlite(`${config.dataDir}/pgdata`);
      await client.waitReady;
      handle = pgliteHandle(client, () => lock.release());
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
