import type { DatabaseHandle } from '#server/platform/db/client.ts';

/**
 * The `created_at` of every migration drizzle has applied. Bare SQL through
 * rawQuery: drizzle's bookkeeping table is not part of the app schema.
 * No table yet (a database never migrated) means nothing is applied.
 */
export async function appliedMigrationTimestamps(database: DatabaseHandle): Promise<number[]> {
  const [table] = (await database.rawQuery(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`)) as Array<{ present: boolean }>;
  if (!table?.present) return [];
  const rows = (await database.rawQuery('select created_at from drizzle.__drizzle_migrations')) as Array<{
    created_at: string | number | bigint;
  }>;
  // bigint arrives as a string from pg and as a number or bigint from PGlite.
  return rows.map((row) => Number(row.created_at));
}
