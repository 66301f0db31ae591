import { PGlite } from '@electric-sql/pglite';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.ts';
import { pgliteHandle } from './pglite.ts';
import { deleteIfVersion, updateIfVersion } from './versioned-write.ts';

const notes = pgTable('notes', {
  id: uuid('id').primaryKey(),
  mergerId: uuid('merger_id').notNull(),
  body: text('body').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull(),
});

const merger = '00000000-0000-4000-8000-000000000001';
const otherMerger = '00000000-0000-4000-8000-000000000002';
const note = '00000000-0000-4000-8000-0000000000aa';

describe('version-checked writes', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = pgliteHandle(new PGlite());
    await handle.rawQuery(
      `create table notes (id uuid primary key, merger_id uuid not null, body text not null, updated_at timestamptz not null, version integer not null)`,
    );
    await handle.rawQuery(`insert into notes values ($1, $2, 'first', '2020-01-01T00:00:00Z', 1)`, [note, merger]);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('writes at the expected version, moving the version on and stamping updatedAt', async () => {
    const row = await updateIfVersion(handle.db, notes, { mergerId: merger, id: note }, 1, { body: 'second' });
    expect(row).toMatchObject({ id: note, body: 'second', version: 2 });
    expect(row!.updatedAt.getTime()).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
  });

  it('answers null and writes nothing for a stale version or another merger', async () => {
    expect(await updateIfVersion(handle.db, notes, { id: note }, 1, { body: 'stale' })).toBeNull();
    expect(await updateIfVersion(handle.db, notes, { mergerId: otherMerger, id: note }, 2, { body: 'foreign' })).toBeNull();
    expect(await handle.rawQuery(`select body, version from notes`)).toEqual([{ body: 'second', version: 2 }]);
  });

  it('refuses a key that names no row rather than writing every row at that version', async () => {
    await expect(updateIfVersion(handle.db, notes, {}, 2, { body: 'all' })).rejects.toThrow(/needs a key/);
    await expect(updateIfVersion(handle.db, notes, { id: undefined }, 2, { body: 'all' })).rejects.toThrow(/no value for id/);
  });

  it('deletes only at the expected version', async () => {
    expect(await deleteIfVersion(handle.db, notes, { id: note }, 1)).toBe(false);
    expect(await deleteIfVersion(handle.db, notes, { mergerId: merger, id: note }, 2)).toBe(true);
    expect(await handle.rawQuery(`select count(*)::int as n from notes`)).toEqual([{ n: 0 }]);
  });
});
