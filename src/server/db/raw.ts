import type { Database } from './client.ts';

/**
 * One statement sent as written, rows as the driver gives them (snake_case
 * columns). For the few statements every request runs, where building them
 * through Drizzle and mapping its rows costs more than the database does;
 * everything else goes through Drizzle. Both drivers' clients (PGlite, pg's
 * Pool) answer query(text, params) with { rows }. Not inside a transaction.
 */
export async function rawRows<T>(db: Database, text: string, params: unknown[], name?: string): Promise<T[]> {
  const client = (db as unknown as { $client?: RawClient }).$client;
  if (!client) throw new Error('rawRows needs the database itself, not a transaction');
  // PostgreSQL: a named statement is parsed and planned once per connection
  // (pg prepares it on first use). PGlite has no such option in its API.
  if (name && isPgPool(client)) return (await client.query({ name, text, values: params })).rows as T[];
  return (await client.query(text, params)).rows as T[];
}

interface RawClient {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

function isPgPool(client: RawClient): boolean {
  return 'totalCount' in client;
}
