import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';

/**
 * The SQL of backup and restore. Everything is read from the catalog (the
 * public schema), not from a list kept by hand, so a table a later migration
 * adds is in the next backup without anyone remembering to add it.
 */

export interface CatalogTable {
  name: string;
  columns: Array<{ name: string; type: string; generated: boolean }>;
  primaryKey: string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  // Both drivers (pg and PGlite) answer execute() with { rows }.
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Timestamps written as UTC whatever the server's or session's time zone, so two backups of the same data are the same text. */
export async function useUtc(db: Database): Promise<void> {
  await db.execute(sql`set local time zone 'UTC'`);
}

export async function listTables(db: Database): Promise<CatalogTable[]> {
  const columns = await rows<{ table_name: string; column_name: string; type: string; generated: boolean; in_key: number | null }>(
    db,
    sql`select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type,
               a.attgenerated <> '' as generated, array_position(pk.conkey, a.attnum) as in_key
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        left join pg_constraint pk on pk.conrelid = c.oid and pk.contype = 'p'
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname, a.attnum`,
  );
  const tables = new Map<string, CatalogTable & { keyed: Array<[number, string]> }>();
  for (const column of columns) {
    let table = tables.get(column.table_name);
    if (!table) tables.set(column.table_name, (table = { name: column.table_name, columns: [], primaryKey: [], keyed: [] }));
    table.columns.push({ name: column.column_name, type: column.type, generated: column.generated });
    if (column.in_key !== null) table.keyed.push([Number(column.in_key), column.column_name]);
  }
  return [...tables.values()].map(({ keyed, ...table }) => ({
    ...table,
    primaryKey: keyed.sort((a, b) => a[0] - b[0]).map(([, name]) => name),
  }));
}

export async function listForeignKeys(db: Database): Promise<Array<{ from: string; to: string }>> {
  return rows(
    db,
    sql`select distinct c.relname as "from", r.relname as "to"
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        join pg_class r on r.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
}

/** The sequences that belong to a public table's column (serial, bigserial, identity), with where they stand. */
export async function listSequences(db: Database): Promise<Array<{ name: string; value: string; isCalled: boolean }>> {
  const names = await rows<{ name: string }>(
    db,
    sql`select s.relname as name
        from pg_class s
        join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
        join pg_class t on t.oid = d.refobjid
        join pg_namespace n on n.oid = t.relnamespace
        where s.relkind = 'S' and n.nspname = 'public'
        order by s.relname`,
  );
  const sequences = [];
  for (const { name } of names) {
    const [state] = await rows<{ value: string; is_called: boolean }>(db, sql.raw(`select last_value::text as value, is_called from ${quote(name)}`));
    sequences.push({ name, value: state!.value, isCalled: state!.is_called });
  }
  return sequences;
}

export async function setSequence(db: Database, name: string, value: string, isCalled: boolean): Promise<void> {
  await db.execute(sql`select setval(${quote(name)}::regclass, ${value}::bigint, ${isCalled})`);
}

/** drizzle's record of the newest migration applied: its journal timestamp. */
export async function lastAppliedMigration(db: Database): Promise<number | null> {
  const [row] = await rows<{ created_at: string | number }>(db, sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
  return row ? Number(row.created_at) : null;
}

export async function countRows(db: Database, tables: readonly string[]): Promise<Record<string, number>> {
  if (tables.length === 0) return {};
  const query = tables.map((table, index) => `select ${index} as i, count(*)::int as n from ${quote(table)}`).join(' union all ');
  const counts = await rows<{ i: number; n: number }>(db, sql.raw(query));
  return Object.fromEntries(counts.map((count) => [tables[Number(count.i)]!, Number(count.n)]));
}

/**
 * A table's rows as PostgreSQL's own JSON text, in primary-key order, read
 * through a cursor so that memory holds one batch, not the whole table.
 */
export async function* tableRowsAsJson(db: Database, table: CatalogTable, batchSize = 2000): AsyncGenerator<string[]> {
  const cursor = quote(`samla_backup_${table.name}`);
  const order = table.primaryKey.length > 0 ? ` order by ${table.primaryKey.map((column) => `samla_row.${quote(column)}`).join(', ')}` : '';
  // `alias.*`, not a bare alias: a bare name means a column if the table has one by that name.
  await db.execute(sql.raw(`declare ${cursor} no scroll cursor for select row_to_json(samla_row.*)::text as j from ${quote(table.name)} samla_row${order}`));
  for (;;) {
    const batch = await rows<{ j: string }>(db, sql.raw(`fetch forward ${batchSize} from ${cursor}`));
    if (batch.length === 0) break;
    yield batch.map((row) => row.j);
  }
  await db.execute(sql.raw(`close ${cursor}`));
}

/** Empties every listed table in one statement (so foreign keys among them do not matter) and restarts their sequences. */
export async function emptyTables(db: Database, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await db.execute(sql.raw(`truncate table ${tables.map(quote).join(', ')} restart identity`));
}

/**
 * Inserts rows given as a JSON array text (the lines of a backup joined with
 * commas): the database unpacks it, as in db/bulk-insert.ts, and no value
 * passes through a JavaScript number or Date on the way.
 */
export async function insertJsonRows(db: Database, table: CatalogTable, jsonArray: string): Promise<void> {
  const list = table.columns
    .filter((column) => !column.generated)
    .map((column) => quote(column.name))
    .join(', ');
  const name = quote(table.name);
  await db.execute(
    sql`insert into ${sql.raw(name)} (${sql.raw(list)}) overriding system value select ${sql.raw(list)} from json_populate_recordset(null::${sql.raw(name)}, ${jsonArray}::json)`,
  );
}
