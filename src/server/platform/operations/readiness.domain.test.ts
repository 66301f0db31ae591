import { describe, expect, it } from 'vitest';
import { readinessFromMigrations } from './readiness.domain.ts';

const journal = [
  { tag: '0000_initial', when: 100 },
  { tag: '0001_access', when: 200 },
  { tag: '0002_inventory', when: 300 },
];

describe('readiness from migrations', () => {
  it('is ready when every migration of this version is applied', () => {
    expect(readinessFromMigrations(journal, [100, 200, 300])).toEqual({ ready: true, migrations: 3 });
  });

  it('names the migrations the database lacks, in order', () => {
    const readiness = readinessFromMigrations(journal, [100]);
    expect(readiness).toMatchObject({ ready: false, code: 'MIGRATIONS_PENDING', missing: ['0001_access', '0002_inventory'] });
    expect(readiness.ready === false && readiness.message).toContain('mangler 2 av 3 migreringer (0001_access, 0002_inventory)');
  });

  it('stays ready when a newer version has already migrated further (a rolling upgrade)', () => {
    expect(readinessFromMigrations(journal, [100, 200, 300, 400])).toEqual({ ready: true, migrations: 3 });
  });

  it('is not ready on a database that was never migrated', () => {
    expect(readinessFromMigrations(journal, [])).toMatchObject({ ready: false, missing: journal.map((entry) => entry.tag) });
  });
});
