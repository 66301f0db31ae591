import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.ts';
import { pgliteHandle } from './pglite.ts';
import { quoteLiteral, rawRows } from './raw.ts';
import { newMigratedPglite } from '#server/test/test-database.ts';

describe('hand-written statements (rawRows)', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    // A copy of the migrated database: a second to start instead of initdb's several.
    handle = pgliteHandle(await newMigratedPglite());
    await handle.rawQuery(`create table people (name text primary key, role text not null)`);
    await handle.rawQuery(`insert into people values ('Ola', 'eier'), ('O''Brien', 'leser')`);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('gives the same rows named (prepared once, executed after) as unnamed, every time', async () => {
    const text = `select role from people where name = $1`;
    for (const name of ['Ola', "O'Brien", 'Ingen']) {
      const plain = await rawRows(handle.db, text, [name]);
      expect(await rawRows(handle.db, text, [name], 'people_role')).toEqual(plain);
      expect(await rawRows(handle.db, text, [name], 'people_role')).toEqual(plain);
    }
    expect(await rawRows(handle.db, text, ["O'Brien"], 'people_role')).toEqual([{ role: 'leser' }]);
  });

  it('sends a value that tries to break out of its quotes as a value', async () => {
    const attempt = "x'); delete from people; --";
    expect(await rawRows(handle.db, `select role from people where name = $1`, [attempt], 'people_role')).toEqual([]);
    expect(await handle.rawQuery(`select count(*)::int as n from people`)).toEqual([{ n: 2 }]);
  });

  it('quotes by doubling quotes and refuses NUL', () => {
    expect(quoteLiteral("O'Brien")).toBe("'O''Brien'");
    expect(quoteLiteral('\\')).toBe("'\\'");
    expect(() => quoteLiteral('a\0b')).toThrow();
  });
});
