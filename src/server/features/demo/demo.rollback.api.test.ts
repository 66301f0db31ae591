import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

// The last step of the demo (a benefit's measurement) fails: nothing the demo
// wrote before it may remain, or the user is left with half a demo.
vi.mock('#server/features/benefits/benefits.service.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('#server/features/benefits/benefits.service.ts')>();
  return {
    ...original,
    recordMeasurement: async () => {
      throw new Error('målingen kunne ikke lagres');
    },
  };
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-27T10:00:00Z') });
});
afterAll(async () => {
  await t.close();
});

describe('the demo merger when a step fails', () => {
  it('leaves nothing behind: no merger, no inventory, no history', async () => {
    const response = await t.owner.inject({ method: 'POST', url: '/api/v1/demo-merger', payload: {} });
    expect(response.statusCode).toBe(500);
    expect((await t.owner.inject('/api/v1/mergers')).json().mergers).toEqual([]);
    const counts = (await t.database.rawQuery(
      `select (select count(*) from mergers)::int as mergers,
              (select count(*) from inventory_systems)::int as systems,
              (select count(*) from audit_events)::int as history`,
    )) as Array<{ mergers: number; systems: number; history: number }>;
    expect(counts[0]).toEqual({ mergers: 0, systems: 0, history: 0 });
  });
});
