import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database, DatabaseHandle } from './client.ts';
import * as schema from './schema/index.ts';

/** Wraps an open PGlite instance (used directly by tests that clone a template). */
export function pgliteHandle(client: PGlite, onClose?: () => void): DatabaseHandle {
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    rawQuery: async (sql, params) => (await client.query(sql, params)).rows,
    close: async () => {
      await client.close();
      onClose?.();
    },
  };
}
