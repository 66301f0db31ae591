import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import type { Schedule } from '#shared/contracts/plan.schedule.ts';

// Issue 18, finding 3: tasks a veivalg places say which area they belong to, and are
// dated inside their phase (moving with it until a person dates them).
let t: TestApp;
let mergerId: string;
const url = (path = '') => `/api/v1/mergers/${mergerId}${path}`;

beforeEach(async () => {
  t = await createTestApp({ now: () => new Date('2027-03-10T11:00:00Z') });
  mergerId = await t.createMerger({ mergerDate: '2028-01-01' });
});
afterEach(async () => {
  await t.close();
});

const areas = {
  journal: 'omrade-pasientjournalsystemer',
  plan: 'omrade-systemer-innen-plan-og-byggesak',
  archive: 'omrade-digitale-arkiv-og-arkivlosninger',
  economy: 'omrade-okonomi-og-regnskapssystem',
  social: 'omrade-sosialsystem',
};

async function decide(areaId: string, timing: 'before_merger' | 'transition', version?: number) {
  const response = await t.owner.inject({
    method: 'PUT',
    url: url(`/decisions/${areaId}`),
    payload: { outcome: 'procure', timing, state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02', ...(version ? { version } : {}) },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { decision: { version: number } };
}
async function tasks(query = ''): Promise<Task[]> {
  const response = await t.owner.inject(url(`/tasks${query}`));
  expect(response.statusCode, response.body).toBe(200);
  return response.json().tasks;
}
async function schedule(): Promise<Schedule> {
  return (await t.owner.inject(url('/schedule'))).json();
}
const placed = (list: Task[]) => list.filter((task) => task.catalogItemId?.startsWith('omrade-'));
async function history(taskId: string) {
  const entries = (await t.owner.inject(url(`/audit?entity=task`))).json().entries as Array<{
    entityId: string;
    entityLabel: string | null;
    changes: Array<{ field: string; old: unknown; new: unknown }>;
  }>;
  return entries.filter((entry) => entry.entityId === taskId);
}

describe('tasks placed by veivalg', () => {
  it('carry their solution area, so four «Videreføre pågående saker» read apart', async () => {
    await decide(areas.journal, 'before_merger');
    await decide(areas.plan, 'before_merger');
    await decide(areas.archive, 'before_merger');
    const same = placed(await tasks('?phase=4')).filter((task) => task.title === 'Videreføre pågående saker');
    expect(same.map((task) => task.area?.name).sort()).toEqual([
      'Digitale arkiv og arkivløsninger',
      'Pasientjournalsystemer',
      'Systemer innen plan- og byggesak',
    ]);
    expect(same.every((task) => task.area?.id.startsWith('omrade-'))).toBe(true);
    // The library's own tasks have no area.
    expect((await tasks('?phase=1')).every((task) => task.area === null)).toBe(true);
    // The schedule (the dependency picker's source) says the same.
    const scheduled = (await schedule()).tasks.filter((task) => same.some((s) => s.id === task.id));
    expect(scheduled.map((task) => task.area?.name).sort()).toEqual(same.map((task) => task.area?.name).sort());
  });

  it('are dated over their phase: before the merger in phase 4, in the transition in phase 5', async () => {
    await decide(areas.journal, 'before_merger');
    await decide(areas.social, 'transition');
    const all = placed(await tasks());
    const journal = all.filter((task) => task.area?.id === areas.journal);
    const social = all.filter((task) => task.area?.id === areas.social);
    expect(journal.length).toBeGreaterThan(0);
    expect(social.length).toBeGreaterThan(0);
    for (const task of journal) expect(task).toMatchObject({ phase: 4, plannedStart: '2027-04-01', dueDate: '2027-12-31', datesFollowPhase: true });
    for (const task of social) expect(task).toMatchObject({ phase: 5, plannedStart: '2028-01-01', dueDate: '2028-12-31', datesFollowPhase: true });
    // So they are on the timeline: the schedule has them with dates.
    const onTimeline = (await schedule()).tasks.filter((task) => journal.some((j) => j.id === task.id));
    expect(onTimeline.every((task) => task.plannedStart === '2027-04-01' && task.dueDate === '2027-12-31')).toBe(true);
    // History of the creation names the area.
    expect((await history(journal[0]!.id))[0]!.entityLabel).toBe(`${journal[0]!.title} (Pasientjournalsystemer)`);
  });

  it('move with their phase, in the same change and with history, until a person dates them', async () => {
    await decide(areas.journal, 'before_merger');
    const [first, second] = placed(await tasks());
    // A person sets the due date of one: it stops following the phase.
    const edited = await t.owner.inject({ method: 'PATCH', url: url(`/tasks/${second!.id}`), payload: { version: second!.version, dueDate: '2027-10-01' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ datesFollowPhase: false, plannedStart: '2027-04-01', dueDate: '2027-10-01' });
    // Other edits (status, owner) keep the dates following.
    const status = await t.owner.inject({
      method: 'PATCH',
      url: url(`/tasks/${first!.id}`),
      payload: { version: first!.version, status: 'in_progress', responsible: 'Kari' },
    });
    expect(status.json()).toMatchObject({ datesFollowPhase: true });

    const moved = await t.owner.inject({ method: 'PATCH', url: url('/schedule/phases/4'), payload: { version: 0, start: '2027-02-01', end: '2027-11-30' } });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = new Map(placed(await tasks()).map((task) => [task.id, task]));
    expect(after.get(first!.id)).toMatchObject({ plannedStart: '2027-02-01', dueDate: '2027-11-30', datesFollowPhase: true, status: 'in_progress' });
    expect(after.get(second!.id)).toMatchObject({ plannedStart: '2027-04-01', dueDate: '2027-10-01', datesFollowPhase: false });
    const entries = await history(first!.id);
    expect(entries[0]!.changes).toEqual([
      { field: 'plannedStart', old: '2027-04-01', new: '2027-02-01' },
      { field: 'dueDate', old: '2027-12-31', new: '2027-11-30' },
    ]);
  });

  it('take the new phase’s dates when the veivalg moves them to the transition, unless a person dated them', async () => {
    const saved = await decide(areas.economy, 'before_merger');
    const [first, second] = placed(await tasks());
    await t.owner.inject({ method: 'PATCH', url: url(`/tasks/${second!.id}`), payload: { version: second!.version, plannedStart: '2027-05-01' } });
    await decide(areas.economy, 'transition', saved.decision.version);
    const after = new Map(placed(await tasks()).map((task) => [task.id, task]));
    expect(after.get(first!.id)).toMatchObject({ phase: 5, plannedStart: '2028-01-01', dueDate: '2028-12-31', datesFollowPhase: true });
    expect(after.get(second!.id)).toMatchObject({ phase: 5, plannedStart: '2027-05-01', dueDate: '2027-12-31', datesFollowPhase: false });
  });

  it('name their area in messages about dependencies', async () => {
    await decide(areas.journal, 'before_merger');
    await decide(areas.plan, 'before_merger');
    const same = placed(await tasks()).filter((task) => task.title === 'Videreføre pågående saker');
    const [a, b] = same;
    expect((await t.owner.inject({ method: 'POST', url: url(`/tasks/${a!.id}/dependencies`), payload: { dependsOnTaskId: b!.id } })).statusCode).toBe(201);
    const cycle = await t.owner.inject({ method: 'POST', url: url(`/tasks/${b!.id}/dependencies`), payload: { dependsOnTaskId: a!.id } });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.message).toContain(`«Videreføre pågående saker (${b!.area!.name})»`);
    expect(cycle.json().error.message).toContain(`«Videreføre pågående saker (${a!.area!.name})»`);
  });
});
