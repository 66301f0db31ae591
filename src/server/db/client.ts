import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
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

// pg returns `date` columns as JS Dates in local time by default; Samla treats
// them as calendar dates, exactly as PGlite and the API do.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

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

/**
 * Inside a transaction every query goes over one connection, and services read
 * with Promise.all there too (the demo merger composes whole services in one
 * transaction). pg queues such queries itself but warns that pg 9 will stop
 * doing so; this client keeps the same order explicitly, one query after the
 * other, so nothing changes when pg does.
 */
class QueueingClient extends pg.Client {
  #tail: Promise<unknown> = Promise.resolve();

  // pg's overloads (callback, submittable, promise) are many; only the promise form is queued here.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof last === 'function' || typeof first?.submit === 'function') {
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const run = this.#tail.then(() => (super.query as (...a: unknown[]) => Promise<unknown>)(...args));
    this.#tail = run.catch(() => undefined);
    return run as never;
  }
}

export function postgresHandle(url: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10, Client: QueueingClient });
  const db = drizzlePostgres(pool, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    rawQuery: async (sql, params) => (await pool.query(sql, params)).rows,
    close: () => pool.end(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (config.kind === 'postgres') {
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
