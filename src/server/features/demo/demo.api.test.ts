import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

/**
 * The demo merger as someone trying Samla meets it: three real neighbouring
 * municipalities, an inventory with overlap (so Samla has suggestions),
 * veivalg, tasks under way, risks and benefits, and a clear demo mark.
 * One demo is made for the whole file; the tests only read it.
 */
let t: TestApp;
let created: {
  merger: { id: string; name: string; mergerDate: string; isDemo: boolean; municipalities: Array<{ number: string; name: string }> };
  counts: Record<string, number>;
};
let base: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-27T10:00:00Z') });
  const response = await t.owner.inject({ method: 'POST', url: '/api/v1/demo-merger', payload: {} });
  expect(response.statusCode, response.body).toBe(201);
  created = response.json();
  base = `/api/v1/mergers/${created.merger.id}`;
});
afterAll(async () => {
  await t.close();
});

describe('the demo merger', () => {
  it('is three neighbouring municipalities from the register, marked as demo, merging on the 1 January about two years ahead', async () => {
    expect(created.merger.municipalities.map((m) => m.name)).toEqual(['Gjøvik', 'Østre Toten', 'Vestre Toten']);
    expect(created.merger.municipalities.map((m) => m.number)).toEqual(['3407', '3442', '3443']);
    expect(created.merger.isDemo).toBe(true);
    expect(created.merger.name).toMatch(/Demo/);
    expect(created.merger.mergerDate).toBe('2029-01-01');
    // The caller owns it and sees it, marked, in their list.
    const detail = (await t.owner.inject(base)).json();
    expect(detail).toMatchObject({ isDemo: true, myRole: 'owner' });
    const list = (await t.owner.inject('/api/v1/mergers')).json().mergers;
    expect(list).toEqual([expect.objectContaining({ id: created.merger.id, isDemo: true })]);
  });

  it('has a plausible inventory in every municipality: 25–40 systems, contracts, integrations to national common solutions and the other registers', async () => {
    for (const municipality of ['3407', '3442', '3443']) {
      const systems = (await t.owner.inject(`${base}/inventory/systems?municipality=${municipality}&limit=1000`)).json();
      expect(systems.total, municipality).toBeGreaterThanOrEqual(25);
      expect(systems.total, municipality).toBeLessThanOrEqual(40);
      expect(new Set(systems.items.map((system: { solutionAreaId: string }) => system.solutionAreaId)).size).toBeGreaterThanOrEqual(15);
      for (const kind of ['contracts', 'archives', 'infrastructure', 'it-organisation', 'intermunicipal-cooperation', 'digital-services']) {
        const rows = (await t.owner.inject(`${base}/inventory/${kind}?municipality=${municipality}`)).json();
        expect(rows.total, `${kind} in ${municipality}`).toBeGreaterThan(0);
      }
      const toFolkeregisteret = (await t.owner.inject(`${base}/inventory/integrations?municipality=${municipality}&commonSolution=folkeregisteret`)).json();
      expect(toFolkeregisteret.total, municipality).toBeGreaterThan(0);
    }
    const systems = (await t.owner.inject(`${base}/inventory/systems?limit=1000`)).json().total;
    expect(created.counts.systems).toBe(systems);
  });

  it('has suggestions because the same products run in two or three municipalities', async () => {
    const overview = (await t.owner.inject(`${base}/decisions`)).json();
    const areas = overview.sectors.flatMap((sector: { areas: Array<{ id: string; suggestionCount: number }> }) => sector.areas);
    expect(areas.filter((area: { suggestionCount: number }) => area.suggestionCount > 0).length).toBeGreaterThanOrEqual(5);
    const kindergarten = (await t.owner.inject(`${base}/decisions/omrade-system-for-barnehageadministrasjon`)).json();
    expect(kindergarten.suggestions[0]).toMatchObject({ basis: 'product', municipalities: ['3407', '3442', '3443'] });
  });

  it('has adopted and proposed veivalg, and the adopted ones put their tasks in the plan', async () => {
    const overview = (await t.owner.inject(`${base}/decisions`)).json();
    const decisions = overview.sectors
      .flatMap((sector: { areas: Array<{ decision: { state: string } | null }> }) => sector.areas)
      .filter((area: { decision: unknown }) => area.decision !== null)
      .map((area: { decision: { state: string } }) => area.decision.state);
    expect(decisions.filter((state: string) => state === 'adopted').length).toBeGreaterThanOrEqual(1);
    expect(decisions.filter((state: string) => state === 'proposed').length).toBeGreaterThanOrEqual(1);
    const economy = (await t.owner.inject(`${base}/decisions/omrade-okonomi-og-regnskapssystem`)).json();
    expect(economy.decision).toMatchObject({ outcome: 'continue', state: 'adopted', targetSystemName: 'Visma Enterprise Økonomi' });
    expect(economy.plannedTasks.length).toBeGreaterThan(0);
    expect(economy.integrationsToReestablish.length).toBeGreaterThan(0);
  });

  it('has checklist tasks done and in progress', async () => {
    const tasks = (await t.owner.inject(`${base}/tasks`)).json().tasks as Array<{ status: string; responsible: string | null }>;
    expect(tasks.filter((task) => task.status === 'done').length).toBeGreaterThan(5);
    expect(tasks.filter((task) => task.status === 'in_progress').length).toBeGreaterThan(0);
  });

  it('has risks, some accepted from Samla’s starter suggestions, with mitigations', async () => {
    const { risks } = (await t.owner.inject(`${base}/risks`)).json() as {
      risks: Array<{ suggestionKey: string | null; status: string; inherent: unknown; mitigations: unknown[] }>;
    };
    expect(risks.length).toBeGreaterThanOrEqual(5);
    expect(risks.filter((risk) => risk.suggestionKey !== null).length).toBeGreaterThanOrEqual(3);
    expect(risks.some((risk) => risk.status === 'accepted')).toBe(true);
    expect(risks.some((risk) => risk.mitigations.length > 0)).toBe(true);
    expect(risks.every((risk) => risk.inherent !== null)).toBe(true);
    // Accepted suggestions are not offered again.
    const offered = (await t.owner.inject(`${base}/risk-suggestions`)).json().suggestions as Array<{ key: string }>;
    const accepted = new Set(risks.map((risk) => risk.suggestionKey));
    expect(offered.filter((suggestion) => accepted.has(suggestion.key))).toEqual([]);
  });

  it('has benefits with an indicator and measurements', async () => {
    const { benefits } = (await t.owner.inject(`${base}/benefits`)).json() as { benefits: Array<{ id: string; indicatorCount: number }> };
    expect(benefits.length).toBeGreaterThanOrEqual(2);
    for (const benefit of benefits) {
      const detail = (await t.owner.inject(`${base}/benefits/${benefit.id}`)).json();
      expect(detail.indicators).toHaveLength(1);
      expect(detail.indicators[0].measurements.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('was made through the services: every row has its history, by the person who made the demo', async () => {
    const entries = (await t.owner.inject(`${base}/audit?entity=system`)).json().entries as Array<{ action: string; actor: { userId: string } }>;
    expect(entries.length).toBe(created.counts.systems);
    expect(entries.every((entry) => entry.action === 'create' && entry.actor.userId === t.owner.id)).toBe(true);
    const merger = (await t.owner.inject(`${base}/audit?entity=merger`)).json().entries;
    expect(merger[0].changes).toEqual(expect.arrayContaining([{ field: 'isDemo', old: null, new: true }]));
  });

  it('gives a second, separate demo when asked again, and belongs only to the one who asked', async () => {
    const other = await t.createUser('Ola Annen');
    expect((await other.inject(base)).statusCode).toBe(404);
    const second = await t.owner.inject({ method: 'POST', url: '/api/v1/demo-merger' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().merger.id).not.toBe(created.merger.id);
    const list = (await t.owner.inject('/api/v1/mergers')).json().mergers;
    expect(list).toHaveLength(2);
    expect((await other.inject('/api/v1/mergers')).json().mergers).toEqual([]);
  });

  it('refuses a body with fields it does not know', async () => {
    const response = await t.owner.inject({ method: 'POST', url: '/api/v1/demo-merger', payload: { municipalities: ['0301'] } });
    expect(response.statusCode).toBe(400);
  });

  it('is for signed-in users only', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/demo-merger' })).statusCode).toBe(401);
  });
});
