import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '#server/test/test-app.ts';
import type { DatabaseHandle } from './client.ts';

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
      expect(results.map((result) => ((result as { rows: Array<{ n: number }> }).rows[0]!).n)).toEqual([1, 2, 3, 4, 5]);
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
