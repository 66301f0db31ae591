import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';
import type { Schedule } from '#shared/contracts/plan.schedule.ts';

let t: TestApp;
let mergerId: string;
// Fixed clock: 10 March 2027, midday in Oslo. The example merger is on 1 January 2028.
const now = () => new Date('2027-03-10T11:00:00Z');

beforeEach(async () => {
  t = await createTestApp({ now });
  mergerId = await t.createMerger();
});
afterEach(async () => {
  await t.close();
});

const url = (path = '') => `/api/v1/mergers/${mergerId}${path}`;
async function schedule(): Promise<Schedule> {
  const response = await t.owner.inject(url('/schedule'));
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const patchTask = (taskId: string, payload: Record<string, unknown>) => t.owner.inject({ method: 'PATCH', url: url(`/tasks/${taskId}`), payload });
const depend = (taskId: string, dependsOnTaskId: string) =>
  t.owner.inject({ method: 'POST', url: url(`/tasks/${taskId}/dependencies`), payload: { dependsOnTaskId } });
async function history(entity: string) {
  return (await t.owner.inject(url(`/audit?entity=${entity}`))).json().entries as Array<{
    entityId: string;
    action: string;
    changes: Array<{ field: string; old: unknown; new: unknown }>;
  }>;
}

describe('GET schedule', () => {
  it('gives default phase dates, the derived milestones and every task, in one answer', async () => {
    const s = await schedule();
    expect(s.mergerDate).toBe('2028-01-01');
    expect(s.today).toBe('2027-03-10');
    expect(s.phases.map((p) => [p.number, p.start, p.end, p.isDefault, p.version])).toEqual([
      [1, '2025-10-01', '2026-03-31', true, 0],
      [2, '2026-04-01', '2026-09-30', true, 0],
      [3, '2026-10-01', '2027-03-31', true, 0],
      [4, '2027-04-01', '2027-12-31', true, 0],
      [5, '2028-01-01', '2028-12-31', true, 0],
      [6, '2029-01-01', '2029-12-31', true, 0],
    ]);
    expect(s.milestones.map((m) => [m.kind, m.date, m.derived])).toEqual([
      ['merger_date', '2028-01-01', true],
      ['transition_end', '2028-12-31', true],
    ]);
    expect(s.tasks.length).toBeGreaterThan(100);
    expect(s.tasks[0]).toMatchObject({ plannedStart: null, dueDate: null, overdue: false, dependsOn: [] });
  });
});

describe('phase dates', () => {
  it('moves a phase, with history, and the transition end follows phase 5', async () => {
    const moved = await t.owner.inject({
      method: 'PATCH',
      url: url('/schedule/phases/5'),
      payload: { version: 0, start: '2028-01-01', end: '2028-06-30' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ number: 5, end: '2028-06-30', isDefault: false, version: 1 });
    const s = await schedule();
    expect(s.milestones.find((m) => m.kind === 'transition_end')!.date).toBe('2028-06-30');
    const again = await t.owner.inject({
      method: 'PATCH',
      url: url('/schedule/phases/5'),
      payload: { version: 0, start: '2028-01-01', end: '2028-03-31' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } });
    const [entry] = await history('phase');
    expect(entry).toMatchObject({ entityId: '5', action: 'update', changes: [{ field: 'end', old: '2028-12-31', new: '2028-06-30' }] });
  });

  it('refuses an end before the start at the field', async () => {
    const response = await t.owner.inject({
      method: 'PATCH',
      url: url('/schedule/phases/4'),
      payload: { version: 0, start: '2027-06-01', end: '2027-05-31' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'PHASE_END_BEFORE_START', details: [{ path: 'end' }] });
  });
});

describe('milestones', () => {
  it('adds, changes and deletes a milestone, each in history, sorted among the derived ones', async () => {
    const created = await t.owner.inject({
      method: 'POST',
      url: url('/schedule/milestones'),
      payload: { title: 'Fellesnemndsmøte', date: '2027-05-04', kind: 'joint_committee_meeting' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await schedule()).milestones.map((m) => m.title)).toEqual(['Fellesnemndsmøte', 'Sammenslåingsdato', 'Overgangsfasen slutter']);
    const changed = await t.owner.inject({ method: 'PATCH', url: url(`/schedule/milestones/${id}`), payload: { version: 1, date: '2027-05-11' } });
    expect(changed.json()).toMatchObject({ date: '2027-05-11', version: 2 });
    const stale = await t.owner.inject({ method: 'PATCH', url: url(`/schedule/milestones/${id}`), payload: { version: 1, title: 'x' } });
    expect(stale.statusCode).toBe(409);
    expect((await t.owner.inject({ method: 'DELETE', url: url(`/schedule/milestones/${id}`) })).statusCode).toBe(204);
    expect((await schedule()).milestones).toHaveLength(2);
    expect((await history('milestone')).map((e) => e.action)).toEqual(['delete', 'update', 'create']);
  });

  it('does not store the derived kinds', async () => {
    const response = await t.owner.inject({
      method: 'POST',
      url: url('/schedule/milestones'),
      payload: { title: 'Dag én', date: '2028-01-01', kind: 'merger_date' },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('dependencies and the «ferdig» rule', () => {
  it('refuses a cycle with a Norwegian message naming the tasks', async () => {
    const [a, b, c] = (await schedule()).tasks;
    expect((await depend(b!.id, a!.id)).statusCode).toBe(201);
    expect((await depend(c!.id, b!.id)).statusCode).toBe(201);
    const cycle = await depend(a!.id, c!.id);
    expect(cycle.statusCode).toBe(400);
    const error = cycle.json().error;
    expect(error.code).toBe('DEPENDENCY_CYCLE');
    expect(error.message).toBe(
      `Avhengigheten ville gi en sirkel: «${a!.title}» → «${c!.title}» → «${b!.title}» → «${a!.title}». Fjern en av avhengighetene først.`,
    );
    expect((await depend(a!.id, a!.id)).json().error.code).toBe('DEPENDENCY_CYCLE');
    expect((await depend(b!.id, a!.id)).statusCode).toBe(409);
    expect((await schedule()).tasks[1]!.dependsOn).toEqual([a!.id]);
  });

  it('refuses «ferdig» while a task it depends on is open, and allows it with a reason kept in history', async () => {
    const [a, b] = (await schedule()).tasks;
    await depend(b!.id, a!.id);
    const refused = await patchTask(b!.id, { version: 1, status: 'done' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'DEPENDENCIES_OPEN',
      details: { openTasks: [{ id: a!.id, title: a!.title, status: 'not_started' }] },
    });
    const overridden = await patchTask(b!.id, { version: 1, status: 'done', overrideReason: 'Avklart i styringsgruppen' });
    expect(overridden.statusCode, overridden.body).toBe(200);
    const entries = (await history('task')).filter((e) => e.entityId === b!.id);
    expect(entries[0]!.changes).toContainEqual({ field: 'dependencyOverride', old: [a!.title], new: 'Avklart i styringsgruppen' });
    expect(entries[1]!.changes).toEqual([{ field: 'dependsOn', old: [], new: [a!.title] }]);
  });

  it('allows «ferdig» when what it depends on is done or not relevant, and after the dependency is removed', async () => {
    const [a, b, c] = (await schedule()).tasks;
    await depend(c!.id, a!.id);
    await depend(c!.id, b!.id);
    await patchTask(a!.id, { version: 1, status: 'done' });
    await patchTask(b!.id, { version: 1, status: 'not_relevant', notRelevantReason: 'Ikke aktuelt' });
    expect((await patchTask(c!.id, { version: 1, status: 'done' })).statusCode).toBe(200);
    expect((await t.owner.inject({ method: 'DELETE', url: url(`/tasks/${c!.id}/dependencies/${a!.id}`) })).statusCode).toBe(204);
    expect((await t.owner.inject({ method: 'DELETE', url: url(`/tasks/${c!.id}/dependencies/${a!.id}`) })).statusCode).toBe(404);
  });

  it('refuses a task of another merger', async () => {
    const otherMerger = await t.createMerger({ name: 'Annen' });
    const other = (await t.owner.inject(`/api/v1/mergers/${otherMerger}/tasks`)).json().tasks[0];
    const [a] = (await schedule()).tasks;
    const response = await depend(a!.id, other.id);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('DEPENDENCY_TASK_NOT_FOUND');
  });
});

describe('planned start', () => {
  it('is set on the task, shown in the schedule, and may not be after the due date', async () => {
    const [a] = (await schedule()).tasks;
    const set = await patchTask(a!.id, { version: 1, plannedStart: '2027-02-01', dueDate: '2027-03-01' });
    expect(set.json()).toMatchObject({ plannedStart: '2027-02-01', dueDate: '2027-03-01', overdue: true });
    expect((await schedule()).tasks[0]).toMatchObject({ plannedStart: '2027-02-01', dueDate: '2027-03-01', overdue: true });
    const bad = await patchTask(a!.id, { version: 2, plannedStart: '2027-04-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'PLANNED_START_AFTER_DUE_DATE', details: [{ path: 'plannedStart' }] });
  });
});
