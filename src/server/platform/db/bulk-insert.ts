import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './client.ts';

/**
 * Inserts many rows as one JSON document per chunk:
 * `insert into t (…) select … from json_populate_recordset(null::t, $1)`.
 *
 * Why: an import writes thousands of rows and as many history entries. A
 * multi-row VALUES insert binds one parameter per cell, and building those
 * statements costs more than the database spends storing the rows (measured
 * in `npm run bench`). One JSON parameter lets PostgreSQL do the unpacking.
 * Columns no row names get their default (id, created_at, version …); a
 * column some row names is null in the rows that leave it out.
 *
 * Rows use the table's field names (camelCase, as drizzle's insert does);
 * values must be JSON-representable: strings, numbers, booleans, null, Dates
 * (sent as ISO timestamps) and plain objects for json/jsonb columns.
 */
export async function bulkInsert(db: Database, table: PgTable, rows: ReadonlyArray<Record<string, unknown>>, chunkSize = 5000): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  for (const field of fields) if (!(field in columns)) throw new Error(`bulkInsert: ${field} is not a column of ${getTableName(table)}`);
  const names = fields.map((field) => columns[field]!.name);
  const tableName = getTableName(table);
  const list = sql.raw(names.map(quoteIdentifier).join(', '));
  const typeName = sql.raw(quoteIdentifier(tableName));
  for (let at = 0; at < rows.length; at += chunkSize) {
    const document = JSON.stringify(
      rows.slice(at, at + chunkSize).map((row) => {
        const record: Record<string, unknown> = {};
        fields.forEach((field, index) => {
          const value = row[field];
          if (value !== undefined) record[names[index]!] = value;
        });
        return record;
      }),
    );
    await db.execute(sql`insert into ${typeName} (${list}) select ${list} from json_populate_recordset(null::${typeName}, ${document}::json)`);
  }
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
