import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '#server/test/test-app.ts';
import type { DatabaseHandle } from './client.ts';
import { postgresHandle } from './postgres.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('queries at once inside a transaction', () => {
  it('run one after the other on the transaction’s connection, each with its own result, without pg’s deprecation warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const results = await database.db.transaction(async (tx) =>
        Promise.all([1, 2, 3, 4, 5].map((n) => tx.execute(sql`select ${n}::int as n, pg_sleep(0.01)`))),
      );
      expect(results.map((result) => (result as { rows: Array<{ n: number }> }).rows[0]!.n)).toEqual([1, 2, 3, 4, 5]);
      // A failing query in the middle fails the transaction and only its own promise.
      await expect(
        database.db.transaction(async (tx) => {
          const settled = await Promise.allSettled([tx.execute(sql`select 1`), tx.execute(sql`select 1/0`)]);
          expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((message) => message.includes('already executing a query'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('the PostgreSQL connection pool', () => {
  /** A second pool on the test database, its connections named so they can be found in pg_stat_activity. */
  async function namedPool(applicationName: string) {
    const [row] = (await database.rawQuery('select current_database() as name')) as Array<{ name: string }>;
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    url.searchParams.set('application_name', applicationName);
    return postgresHandle(url.toString());
  }

  it('survives PostgreSQL ending an idle connection: the listener hears of it and the next query opens a new one', async () => {
    const pool = await namedPool('samla-idle-test');
    const errors: string[] = [];
    pool.onIdleConnectionError!((error) => errors.push(error.message));
    try {
      // Two connections, idle once the queries are done.
      await Promise.all([pool.rawQuery('select pg_sleep(0.05)'), pool.rawQuery('select pg_sleep(0.05)')]);
      // What a restart of PostgreSQL or an administrator does to them. Without a
      // listener on the pool, this was an uncaught exception that stopped Samla.
      await database.rawQuery("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'samla-idle-test'");
      await expect.poll(() => errors.length, { timeout: 5_000 }).toBe(2);
      expect(errors[0]).toMatch(/terminating connection due to administrator command/);
      expect(await pool.rawQuery('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await pool.close();
    }
  });
});
