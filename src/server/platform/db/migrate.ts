import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './client.ts';
import { migrationsFolder, readJournal } from './migration-journal.ts';

// Any number for pg_advisory_lock, fixed so that two app nodes starting at
// once against one PostgreSQL do not run the same migration twice.
const MIGRATION_LOCK_KEY = 7_236_001;

/**
 * Whether drizzle's bookkeeping already holds the newest migration of the
 * folder (drizzle applies exactly those newer than its latest `created_at`).
 * One read instead of the migrator's DDL and empty transaction: on PGlite each
 * first statement of a kind costs tens of milliseconds at start.
 */
async function upToDate(handle: DatabaseHandle): Promise<boolean> {
  const newest = Math.max(...readJournal().map((entry) => entry.when));
  try {
    const [row] = (await handle.rawQuery('select max(created_at) as latest from drizzle.__drizzle_migrations')) as Array<{
      latest: string | number | bigint | null;
    }>;
    return row?.latest !== null && row?.latest !== undefined && Number(row.latest) >= newest;
  } catch {
    // No bookkeeping table yet: a new database, which the migrator sets up.
    return false;
  }
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    if (await upToDate(handle)) return;
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // Loaded here, not at the top: it pulls in pg, which the embedded database does not need.
  const { migrate: migratePostgres } = await import('drizzle-orm/node-postgres/migrator');
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await migratePostgres(tx as unknown as NodePgDatabase, { migrationsFolder });
  });
}
