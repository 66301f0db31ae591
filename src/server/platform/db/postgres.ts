import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, DatabaseHandle } from './client.ts';
import * as schema from './schema/index.ts';

// The PostgreSQL side of db/client.ts, in a module of its own so that `pg` and
// Drizzle's node-postgres driver are loaded only when DATABASE_URL is set: on
// the embedded database they would add a tenth of a second to every start.

// pg returns `date` columns as JS Dates in local time by default; Samla treats
// them as calendar dates, exactly as PGlite and the API do.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

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
  const db = drizzle(pool, { schema }) as unknown as Database;
  // An idle connection PostgreSQL ends (a restart, a failover, an
  // administrator, a proxy's idle timeout) is an 'error' on the pool; with no
  // listener Node would stop the whole process for it. The pool has dropped
  // the connection already and the next query opens a new one.
  const idleErrorListeners = new Set<(error: Error) => void>();
  pool.on('error', (error) => {
    if (idleErrorListeners.size === 0) console.error(`en ledig forbindelse til PostgreSQL ble brutt: ${error.message}`);
    for (const listener of idleErrorListeners) listener(error);
  });
  return {
    db,
    kind: 'postgres',
    rawQuery: async (sql, params) => (await pool.query(sql, params)).rows,
    close: () => pool.end(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    onIdleConnectionError: (listener) => {
      idleErrorListeners.add(listener);
      return () => idleErrorListeners.delete(listener);
    },
  };
}
