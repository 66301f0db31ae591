import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

let t: TestApp;
let base: string;
const quickWin = 'mulighet-ikt-infrastruktur-og-drift-1'; // Standardisere IKT-tjenester (lavthengende)
const bigger = 'mulighet-ikt-infrastruktur-og-drift-4'; // Øke automatisering og selvbetjening

beforeEach(async () => {
  t = await createTestApp();
  base = `/api/v1/mergers/${await t.createMerger()}`;
});
afterEach(async () => {
  await t.close();
});

const takeUp = (id: string, payload: object = {}) => t.owner.inject({ method: 'POST', url: `${base}/opportunities/${id}/take-up`, payload });

describe('opportunities', () => {
  it('lists all 102 opportunities and filters by area and low-hanging fruit', async () => {
    const all = (await t.owner.inject(`${base}/opportunities`)).json();
    expect(all.areas.flatMap((a: { opportunities: unknown[] }) => a.opportunities)).toHaveLength(102);
    expect(all.defaultActivity).toEqual({ lowHangingFruit: 'fase-4-akt-7', other: 'fase-5-akt-8' });
    const filtered = (await t.owner.inject(`${base}/opportunities?area=mulighetsomrade-ikt-infrastruktur-og-drift&lowHangingFruit=true`)).json();
    expect(filtered.areas).toHaveLength(1);
    expect(filtered.areas[0].opportunities.map((o: { id: string }) => o.id)).toEqual([
      quickWin,
      'mulighet-ikt-infrastruktur-og-drift-2',
      'mulighet-ikt-infrastruktur-og-drift-3',
    ]);
    expect(filtered.allAreas.length).toBe(all.areas.length);
  });

  it('takes a low-hanging fruit up under phase 4 as a task and a benefit, and shows it as taken up', async () => {
    const response = await takeUp(quickWin, { createBenefit: true });
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result.task).toMatchObject({ title: 'Standardisere IKT-tjenester', activityId: 'fase-4-akt-7' });
    expect(result.benefit).toMatchObject({ title: 'Standardisere IKT-tjenester' });
    const task = (await t.owner.inject(`${base}/tasks/${result.task.id}`)).json();
    expect(task).toMatchObject({ catalogItemId: quickWin, phase: 4 });
    const benefit = (await t.owner.inject(`${base}/benefits/${result.benefit.id}`)).json().benefit;
    expect(benefit.enablers.tasks).toEqual([{ id: result.task.id, title: 'Standardisere IKT-tjenester' }]);
    expect(benefit.enablers.opportunities.map((o: { id: string }) => o.id)).toEqual([quickWin]);
    const listed = (await t.owner.inject(`${base}/opportunities?area=mulighetsomrade-ikt-infrastruktur-og-drift`)).json();
    const opportunity = listed.areas[0].opportunities.find((o: { id: string }) => o.id === quickWin);
    expect(opportunity.takenUp).toEqual({ task: { id: result.task.id, title: 'Standardisere IKT-tjenester' }, benefits: [result.benefit] });
    const entities = (await t.owner.inject(`${base}/audit`)).json().entries.map((e: { entity: string }) => e.entity);
    expect(entities.slice(0, 2).sort()).toEqual(['benefit', 'task']);
  });

  it('puts other opportunities under phase 5 by default, or under the chosen activity, without a benefit', async () => {
    const response = await takeUp(bigger);
    expect(response.json()).toMatchObject({ task: { activityId: 'fase-5-akt-8' }, benefit: null });
    const chosen = await takeUp('mulighet-ikt-infrastruktur-og-drift-5', { activityId: 'fase-4-akt-7' });
    expect(chosen.json().task.activityId).toBe('fase-4-akt-7');
  });

  it('refuses taking up the same opportunity twice with a Norwegian message', async () => {
    expect((await takeUp(quickWin)).statusCode).toBe(201);
    const again = await takeUp(quickWin, { createBenefit: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'OPPORTUNITY_ALREADY_TAKEN_UP' });
    expect(again.json().error.message).toContain('er allerede lagt til i planen');
    expect((await t.owner.inject(`${base}/benefits`)).json().benefits).toEqual([]);
  });

  it('lets only one of two simultaneous take-ups through, and the other gets the same 409', async () => {
    const answers = await Promise.all([takeUp(quickWin, { createBenefit: true }), takeUp(quickWin, { createBenefit: true })]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.statusCode === 409)!.json().error.code).toBe('OPPORTUNITY_ALREADY_TAKEN_UP');
    const tasks = (await t.owner.inject(`${base}/tasks`)).json().tasks.filter((task: { catalogItemId: string }) => task.catalogItemId === quickWin);
    expect(tasks).toHaveLength(1);
    expect((await t.owner.inject(`${base}/benefits`)).json().benefits).toHaveLength(1);
  });

  it('refuses an unknown activity at the field and an unknown opportunity with 404, adding nothing', async () => {
    const bad = await takeUp(quickWin, { activityId: 'fase-9-akt-1', createBenefit: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('activityId');
    expect((await takeUp('mulighet-finnes-ikke')).statusCode).toBe(404);
    const listed = (await t.owner.inject(`${base}/opportunities`)).json();
    expect(listed.areas.flatMap((a: { opportunities: Array<{ takenUp: unknown }> }) => a.opportunities).filter((o: { takenUp: unknown }) => o.takenUp)).toEqual(
      [],
    );
  });
});
