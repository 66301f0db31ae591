import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/catalog.ts';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';
import type { Task } from '#shared/contracts/plan.tasks.ts';

// Issue 22, the merger's document language (decision 040): proposed from the municipalities'
// målform, changeable later, and the language the library's tasks are copied in.
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ now: () => new Date('2027-03-10T11:00:00Z') });
});
afterEach(async () => {
  await t.close();
});

/** Sogndal, Luster and Aurland write nynorsk; Halden and Sarpsborg bokmål; Bergen is neutral. */
const nynorskMunicipalities = ['4640', '4644', '4641'];
const bokmalMunicipalities = ['3101', '3105'];

const phase1Titles = (language: 'nb' | 'nn' | 'en') =>
  translatedCatalog(language)
    .phases.find((phase) => phase.number === 1)!
    .activities.flatMap((activity) => activity.tasks.map((task) => task.title));

async function tasksOf(mergerId: string): Promise<Task[]> {
  const response = await t.owner.inject(`/api/v1/mergers/${mergerId}/tasks`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().tasks;
}
async function mergerOf(mergerId: string) {
  return (await t.owner.inject(`/api/v1/mergers/${mergerId}`)).json();
}

describe('the merger’s document language', () => {
  it('is proposed from the municipalities: all nynorsk → nn, all bokmål → nb, mixed → nb unless chosen', async () => {
    expect((await mergerOf(await t.createMerger({ municipalities: nynorskMunicipalities }))).documentLanguage).toBe('nn');
    expect((await mergerOf(await t.createMerger({ municipalities: bokmalMunicipalities }))).documentLanguage).toBe('nb');
    expect((await mergerOf(await t.createMerger({ municipalities: ['4640', '3101'] }))).documentLanguage).toBe('nb');
    expect((await mergerOf(await t.createMerger({ municipalities: ['4640', '3101'], documentLanguage: 'nn' }))).documentLanguage).toBe('nn');
    expect((await mergerOf(await t.createMerger({ municipalities: nynorskMunicipalities, documentLanguage: 'en' }))).documentLanguage).toBe('en');
    const wrong = await t.owner.inject({ method: 'POST', url: '/api/v1/mergers', payload: { ...bokmalBody(), documentLanguage: 'de' } });
    expect(wrong.statusCode).toBe(400);
  });

  it('copies the checklist in the merger’s målform, and a change of målform retitles the library’s tasks but not the team’s own', async () => {
    const mergerId = await t.createMerger({ municipalities: nynorskMunicipalities });
    const nynorsk = phase1Titles('nn');
    const bokmal = phase1Titles('nb');
    expect(nynorsk).not.toEqual(bokmal);
    const phase1 = (tasks: Task[]) => tasks.filter((task) => task.phase === 1 && task.catalogItemId !== null).map((task) => task.title);
    expect(phase1(await tasksOf(mergerId))).toEqual(nynorsk);

    const activityId = loadCatalog().phases[0]!.activities[0]!.id;
    const own = await t.owner.inject({
      method: 'POST',
      url: `/api/v1/mergers/${mergerId}/tasks`,
      payload: { activityId, title: 'Vår eiga oppgåve om arkivet' },
    });
    expect(own.statusCode, own.body).toBe(201);

    const preview = await t.owner.inject({ method: 'POST', url: `/api/v1/mergers/${mergerId}/change-preview`, payload: { documentLanguage: 'nb' } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().documentLanguage).toMatchObject({ before: 'nn', after: 'nb', libraryTasks: expect.any(Number) });
    expect(preview.json().documentLanguage.libraryTasks).toBeGreaterThan(0);

    const changed = await t.owner.inject({ method: 'PATCH', url: `/api/v1/mergers/${mergerId}`, payload: { version: 1, documentLanguage: 'nb' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ documentLanguage: 'nb', version: 2 });

    const after = await tasksOf(mergerId);
    expect(phase1(after)).toEqual(bokmal);
    expect(after.find((task) => task.id === own.json().id)).toMatchObject({ title: 'Vår eiga oppgåve om arkivet', version: 1 });
    // The groups over the checklist's tasks follow too.
    const bokmalGroups = new Set(
      loadCatalog().phases.flatMap((phase) => phase.activities.flatMap((activity) => activity.tasks.map((task) => task.group ?? null))),
    );
    for (const task of after.filter((task) => task.catalogItemId !== null && task.group !== null)) expect(bokmalGroups).toContain(task.group);

    // Version-checked like the merger's other fields, and in its history.
    const stale = await t.owner.inject({ method: 'PATCH', url: `/api/v1/mergers/${mergerId}`, payload: { version: 1, documentLanguage: 'en' } });
    expect(stale.statusCode).toBe(409);
    const history = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?entity=merger`)).json().entries as Array<{
      action: string;
      changes: Array<{ field: string; old: unknown; new: unknown; display?: unknown }>;
    }>;
    expect(history.find((entry) => entry.action === 'update')!.changes).toEqual([expect.objectContaining({ field: 'documentLanguage', old: 'nn', new: 'nb' })]);
  });

  it('takes an opportunity up in the merger’s målform', async () => {
    const mergerId = await t.createMerger({ municipalities: bokmalMunicipalities, documentLanguage: 'en' });
    const opportunity = translatedCatalog('en').opportunities.areas[0]!.opportunities[0]!;
    const taken = await t.owner.inject({
      method: 'POST',
      url: `/api/v1/mergers/${mergerId}/opportunities/${opportunity.id}/take-up`,
      payload: { createBenefit: true },
    });
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json().benefit.title).toBe(opportunity.title);
    const task = (await tasksOf(mergerId)).find((candidate) => candidate.catalogItemId === opportunity.id)!;
    expect(task.title).toBe(opportunity.title);
    expect(task.title).not.toBe(loadCatalog().opportunities.areas[0]!.opportunities[0]!.title);
  });
});

function bokmalBody() {
  return { name: 'Nye Østfold', newMunicipalityName: 'Nye Østfold', mergerDate: '2028-01-01', municipalities: bokmalMunicipalities };
}
