import type { Database } from './client.ts';

interface RawClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Per PGlite instance: the statements already prepared in its one session. */
const preparedInPglite = new WeakMap<RawClient, Set<string>>();

/**
 * One statement sent as written, rows as the driver gives them (snake_case
 * columns). For the few statements every request runs, where building them
 * through Drizzle and mapping its rows costs more than the database does;
 * everything else goes through Drizzle. Both drivers' clients (PGlite, pg's
 * Pool) answer query(text, params) with { rows }. Not inside a transaction.
 *
 * With a name, the statement is parsed and planned once and then only
 * executed: on PostgreSQL pg prepares it per connection on first use; PGlite's
 * API has no such option, so it gets a PREPARE in its one session and an
 * EXECUTE with the values as quoted literals (EXECUTE takes no parameters).
 * That halves what the sign-in statement costs on PGlite.
 */
export async function rawRows<T>(db: Database, text: string, params: string[], name?: string): Promise<T[]> {
  const client = (db as unknown as { $client?: RawClient }).$client;
  if (!client) throw new Error('rawRows needs the database itself, not a transaction');
  if (!name) return (await client.query(text, params)).rows as T[];
  if (isPgPool(client)) return (await client.query({ name, text, values: params })).rows as T[];
  let prepared = preparedInPglite.get(client);
  if (!prepared) preparedInPglite.set(client, (prepared = new Set()));
  if (!prepared.has(name)) {
    await client.query(`prepare ${name} as ${text}`);
    prepared.add(name);
  }
  return (await client.query(`execute ${name}(${params.map(quoteLiteral).join(', ')})`)).rows as T[];
}

function isPgPool(client: RawClient): boolean {
  return 'totalCount' in client;
}

/**
 * A string as an SQL literal: quotes doubled, which is all PostgreSQL needs
 * with standard_conforming_strings (on by default, and in PGlite). A NUL
 * cannot be in a PostgreSQL string at all, so it is refused outright.
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('a string with NUL cannot be sent to PostgreSQL');
  return `'${value.replaceAll("'", "''")}'`;
}
