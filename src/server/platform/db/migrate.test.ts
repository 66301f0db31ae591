import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { pgliteHandle } from './pglite.ts';
import { migrateDatabase } from './migrate.ts';
import { migrationsFolder, readJournal } from './migration-journal.ts';

const journal = { entries: readJournal() };

const applied = async (client: PGlite) =>
  (await client.query<{ created_at: string }>('select created_at from drizzle.__drizzle_migrations order by created_at')).rows.map((row) =>
    Number(row.created_at),
  );

// An upgrade: a data folder from the previous release lacks the newest
// migration, and starting the new release must apply it — the quick
// «already up to date» check at start must not skip it.
describe('migrating at start', () => {
  it('applies the migrations a database from an older release lacks, and changes nothing on a second start', async () => {
    const client = new PGlite();
    const older = journal.entries.slice(0, -1);
    for (const entry of older) await client.exec(fs.readFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), 'utf8'));
    await client.exec('create schema drizzle; create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)');
    for (const entry of older) await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', ['older', entry.when]);

    const handle = pgliteHandle(client);
    await migrateDatabase(handle);
    expect(await applied(client)).toEqual(journal.entries.map((entry) => entry.when));

    await migrateDatabase(handle);
    expect(await applied(client)).toEqual(journal.entries.map((entry) => entry.when));
    await handle.close();
  }, 60_000);
});
