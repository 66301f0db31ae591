import { describe, expect, it } from 'vitest';
import {
  BodyReader,
  checkMigration,
  checkTablesMatch,
  classifyLine,
  describeRestore,
  foreignKeyOrder,
  parseHeader,
  readLines,
  refuseNonEmpty,
  type BackupHeader,
} from './backup.domain.ts';

const header: BackupHeader = {
  format: 'samla-backup',
  formatVersion: 1,
  samlaVersion: '0.1.0',
  migration: '0008_risks',
  createdAt: '2026-11-27T10:00:00.000Z',
  source: 'pglite',
  tables: [
    { name: 'users', columns: [{ name: 'id', type: 'uuid' }], rows: 2 },
    { name: 'sessions', columns: [{ name: 'id', type: 'text' }], rows: 0 },
    { name: 'mergers', columns: [{ name: 'id', type: 'uuid' }], rows: 1 },
  ],
  sequences: [{ name: 'audit_events_id_seq', value: '42', isCalled: true }],
};

const read = (lines: string[]) => {
  const reader = new BodyReader(header);
  for (const line of lines) reader.accept(classifyLine(line));
  reader.finish();
};

describe('the header', () => {
  it('reads what backup writes', () => {
    expect(parseHeader(JSON.stringify(header))).toEqual(header);
  });

  it('names a file that is not a Samla backup, and a format this Samla cannot read, in Norwegian', () => {
    expect(() => parseHeader(undefined)).toThrow('filen er tom');
    expect(() => parseHeader('PGDMP')).toThrow('ikke en lesbar sikkerhetskopi fra Samla');
    expect(() => parseHeader(JSON.stringify({ ...header, format: 'other' }))).toThrow('ikke en lesbar sikkerhetskopi');
    expect(() => parseHeader(JSON.stringify({ ...header, formatVersion: 2 }))).toThrow('Sikkerhetskopien har filformat 2, men denne Samla leser bare format 1');
    expect(() => parseHeader(JSON.stringify({ ...header, tables: [{ name: 'users; drop', columns: [], rows: 1 }] }))).toThrow('toppteksten er ugyldig');
    expect(() => parseHeader(JSON.stringify({ ...header, tables: [header.tables[0], header.tables[0]] }))).toThrow('to ganger');
  });
});

describe('which Samla may restore a backup', () => {
  const journal = ['0000_initial', '0007_schedule', '0008_risks'];

  it('accepts exactly the schema this Samla migrates to', () => {
    expect(() => checkMigration(header, journal, '0.1.0')).not.toThrow();
  });

  it('refuses a newer backup and says to upgrade to the version that made it', () => {
    expect(() => checkMigration({ migration: '0009_metrics', samlaVersion: '0.2.0' }, journal, '0.1.0')).toThrow(
      'Oppgrader Samla til versjon 0.2.0 eller nyere',
    );
  });

  it('refuses an older backup and says to restore with its version, then start this one', () => {
    expect(() => checkMigration({ migration: '0007_schedule', samlaVersion: '0.0.9' }, journal, '0.1.0')).toThrow(
      'Gjenopprett med Samla 0.0.9, start deretter denne versjonen',
    );
  });
});

describe('the tables of a backup against the database', () => {
  const target = header.tables.map(({ name, columns }) => ({ name, columns }));

  it('match when names and columns are the same', () => {
    expect(() => checkTablesMatch(header.tables, target)).not.toThrow();
  });

  it('names every difference', () => {
    const changed = [
      { name: 'users', columns: [{ name: 'id', type: 'text' }] },
      { name: 'mergers', columns: [{ name: 'id', type: 'uuid' }] },
      { name: 'risks', columns: [{ name: 'id', type: 'uuid' }] },
    ];
    expect(() => checkTablesMatch(header.tables, changed)).toThrow(
      'tabellen users har andre kolonner; tabellen sessions finnes ikke i databasen; tabellen risks mangler i kopien',
    );
  });
});

describe('foreign-key order', () => {
  it('puts every table after the tables it points to, and is the same every time', () => {
    const order = foreignKeyOrder(
      ['tasks', 'users', 'mergers', 'merger_members', 'audit_events', 'nodes'],
      [
        { from: 'tasks', to: 'mergers' },
        { from: 'merger_members', to: 'mergers' },
        { from: 'merger_members', to: 'users' },
        { from: 'nodes', to: 'nodes' },
      ],
    );
    expect(order).toEqual(['audit_events', 'mergers', 'nodes', 'tasks', 'users', 'merger_members']);
  });

  it('refuses a cycle rather than writing a file that cannot be restored', () => {
    expect(() =>
      foreignKeyOrder(
        ['a', 'b'],
        [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'a' },
        ],
      ),
    ).toThrow('peker i ring (a, b)');
  });
});

describe('reading the body', () => {
  const complete = ['@table users', '{"id":1}', '{"id":2}', '@table sessions', '@table mergers', '{"id":3}', '@end 3'];

  it('accepts the tables in the promised order with their counts', () => {
    expect(() => read(complete)).not.toThrow();
  });

  it('refuses a file cut anywhere, a missing or extra row, a table out of place, a damaged line', () => {
    for (let cut = 0; cut < complete.length; cut++) expect(() => read(complete.slice(0, cut))).toThrow('Databasen er ikke endret');
    expect(() => read(complete.filter((line) => line !== '{"id":2}'))).toThrow('tabellen users mangler rader');
    expect(() => read(['@table users', '{"id":1}', '{"id":2}', '{"id":9}'])).toThrow('flere rader');
    expect(() => read(['@table sessions'])).toThrow('står ikke der toppteksten sier');
    expect(() => read([...complete, '{"id":4}'])).toThrow('etter slutten');
    expect(() => read(['@table users', '{"id":1', '{"id":2}'])).toThrow('en linje i filen er skadet');
    expect(() => read([...complete.slice(0, -1), '@end 4'])).toThrow('antallet rader stemmer ikke');
  });
});

describe('splitting the file into lines', () => {
  const collect = async (chunks: Uint8Array[]) => {
    const lines: string[] = [];
    for await (const line of readLines(
      (async function* () {
        yield* chunks;
      })(),
    ))
      lines.push(line);
    return lines;
  };

  it('keeps a Norwegian letter whole when its bytes fall in two chunks', async () => {
    const bytes = Buffer.from('{"navn":"Ås"}\n{"navn":"Bø"}\n@end 2');
    const split = bytes.indexOf(Buffer.from('Å')) + 1;
    expect(await collect([bytes.subarray(0, split), bytes.subarray(split)])).toEqual(['{"navn":"Ås"}', '{"navn":"Bø"}', '@end 2']);
  });

  it('refuses bytes that are not text', async () => {
    await expect(collect([Buffer.from([0x7b, 0xff, 0xfe, 0x7d])])).rejects.toThrow();
  });
});

describe('what restore says', () => {
  it('refuses a database with content without --overwrite, naming what is there', () => {
    expect(() => refuseNonEmpty({ users: 0, mergers: 0 })).not.toThrow();
    expect(() => refuseNonEmpty({ users: 3, mergers: 1, sessions: 0 })).toThrow(
      'Databasen er ikke tom (4 rader, blant annet 3 i users, 1 i mergers). Gjenoppretting erstatter alt innhold. Er det det du vil, kjør kommandoen på nytt med --overwrite.',
    );
  });

  it('tells what it replaced and what it restored', () => {
    const message = describeRestore('kopi.gz', header, { users: 5, mergers: 0 });
    expect(message).toContain('Erstattet 5 rader som lå i databasen:\n  users: 5');
    expect(message).toContain('Gjenopprettet 3 rader:\n  users: 2\n  mergers: 1');
    expect(describeRestore('kopi.gz', header, { users: 0 })).toContain('Databasen var tom.');
    expect(describeRestore('kopi.gz', header, { users: 1 })).toContain('Erstattet 1 rad som lå i databasen');
  });
});
