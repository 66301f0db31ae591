import { and, eq, getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './client.ts';

/**
 * A table whose rows are edited with optimistic locking (decision 005): an
 * integer `version` every write moves on, and the time of the last change.
 */
export type VersionedTable = PgTable & { version: AnyPgColumn; updatedAt: AnyPgColumn };

/**
 * Which row, as column values by field name: `{ id }`, `{ mergerId, id }`,
 * `{ mergerId, phaseNumber }` … The merger is named wherever the caller has it,
 * so a row id from another merger never matches.
 */
export type RowKey<T extends PgTable> = Partial<T['$inferSelect']>;

/** What a version-checked update may set: the table's own fields, never the version or the key's bookkeeping. */
export type RowChanges<T extends PgTable> = Partial<Omit<T['$inferInsert'], 'version' | 'updatedAt' | 'createdAt'>>;

/**
 * Writes `changes` only if the row still has `expectedVersion`, moving its
 * version on and stamping `updatedAt`: the row as written, or null when
 * someone else changed (or deleted) it first and the caller answers 409.
 */
export async function updateIfVersion<T extends VersionedTable>(
  db: Database,
  table: T,
  key: RowKey<T>,
  expectedVersion: number,
  changes: RowChanges<T>,
): Promise<T['$inferSelect'] | null> {
  // Drizzle cannot resolve `set` and `returning` through a generic table; the
  // signature above carries the table's own types, so the casts stop here.
  const rows = (await db
    .update(table as PgTable)
    .set({ ...changes, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
    .where(and(matchKey(table, key), eq(table.version, expectedVersion)))
    .returning()) as T['$inferSelect'][];
  return rows[0] ?? null;
}

/** Deletes the row only if it still has `expectedVersion`; false when someone changed or deleted it meanwhile. */
export async function deleteIfVersion<T extends VersionedTable>(db: Database, table: T, key: RowKey<T>, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .delete(table as PgTable)
    .where(and(matchKey(table, key), eq(table.version, expectedVersion)))
    .returning({ version: table.version });
  return rows.length > 0;
}

function matchKey(table: PgTable, key: Record<string, unknown>): SQL {
  const columns = getTableColumns(table);
  const conditions = Object.entries(key).map(([field, value]) => {
    const column = columns[field];
    if (!column) throw new Error(`${field} is not a column of ${getTableName(table)}`);
    // An undefined part would silently widen the write to every row at that version.
    if (value === undefined || value === null) throw new Error(`the key of ${getTableName(table)} has no value for ${field}`);
    return eq(column, value);
  });
  // Without a key the version alone would pick rows of every merger.
  if (conditions.length === 0) throw new Error(`a version-checked write to ${getTableName(table)} needs a key`);
  return and(...conditions)!;
}
