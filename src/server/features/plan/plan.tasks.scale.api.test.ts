import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';
import type { BulkUpdateTasksResult, Task } from '#shared/contracts/plan.tasks.ts';

// Issue 21, «the checklist at scale»: search and filters, many tasks changed at once, the plan as xlsx.
let t: TestApp;
let mergerId: string;
const url = (path = '') => `/api/v1/mergers/${mergerId}${path}`;
const economy = 'omrade-okonomi-og-regnskapssystem';

beforeEach(async () => {
  t = await createTestApp({ now: () => new Date('2027-03-10T11:00:00Z') });
  mergerId = await t.createMerger();
});
afterEach(async () => {
  await t.close();
});

async function tasks(query = ''): Promise<Task[]> {
  const response = await t.owner.inject(url(`/tasks${query}`));
  expect(response.statusCode, response.body).toBe(200);
  return response.json().tasks;
}
async function patch(task: Task, payload: Record<string, unknown>): Promise<Task> {
  const response = await t.owner.inject({ method: 'PATCH', url: url(`/tasks/${task.id}`), payload: { version: task.version, ...payload } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
async function ownTask(title: string): Promise<Task> {
  const response = await t.owner.inject({ method: 'POST', url: url('/tasks'), payload: { activityId: 'fase-1-akt-1', title } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
function bulk(payload: Record<string, unknown>) {
  return t.owner.inject({ method: 'POST', url: url('/tasks/bulk-update'), payload });
}
const ref = (task: Task) => ({ taskId: task.id, version: task.version });

describe('searching and filtering the checklist', () => {
  it('finds tasks by words in the title or the notes, in any case and with æøå', async () => {
    const all = await tasks();
    const own = await ownTask('Avklare GRØNN SKOLEPLATTFORM med leverandør');
    await patch(all[3]!, { notes: 'Møte med skoleeier om plattform i mai' });

    const byTitle = await tasks('?q=grønn%20skoleplattform');
    expect(byTitle.map((task) => task.id)).toEqual([own.id]);
    const byNotes = await tasks(`?q=${encodeURIComponent('MØTE skoleeier')}`);
    expect(byNotes.map((task) => task.id)).toEqual([all[3]!.id]);
    // Every word must be found; order in the checklist is kept.
    const both = await tasks('?q=plattform');
    expect(both.map((task) => task.id).sort()).toEqual([own.id, all[3]!.id].sort());
    expect(await tasks('?q=plattform%20finnesikke')).toEqual([]);
    // Search narrows on top of the other filters.
    expect(await tasks('?q=plattform&status=done')).toEqual([]);
  });

  it('filters by responsible (the text of «Ansvarlig»)', async () => {
    const [first, second] = await tasks();
    await patch(first!, { responsible: 'Øystein Ås' });
    await patch(second!, { responsible: 'Kari Nordmann' });
    expect((await tasks(`?responsible=${encodeURIComponent('øystein')}`)).map((task) => task.id)).toEqual([first!.id]);
    expect((await tasks('?responsible=nordmann')).map((task) => task.id)).toEqual([second!.id]);
    expect(await tasks('?responsible=ingen')).toEqual([]);
  });

  it('filters by solution area: the tasks a veivalg placed for that area', async () => {
    const decided = await t.owner.inject({
      method: 'PUT',
      url: url(`/decisions/${economy}`),
      payload: { outcome: 'procure', timing: 'before_merger', state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const inArea = await tasks(`?area=${economy}`);
    expect(inArea.length).toBeGreaterThan(0);
    expect(inArea.every((task) => task.area?.id === economy)).toBe(true);
    expect(inArea.length).toBe((await tasks()).filter((task) => task.area?.id === economy).length);
    expect(await tasks('?area=omrade-sosialsystem')).toEqual([]);
  });

  it('filters by the municipality a task concerns, set on the task and kept in history', async () => {
    const [first, second] = await tasks();
    const changed = await patch(first!, { municipalityNumber: '4626' });
    expect(changed.municipalityNumber).toBe('4626');
    expect((await tasks('?municipality=4626')).map((task) => task.id)).toEqual([first!.id]);
    expect(await tasks('?municipality=4601')).toEqual([]);
    expect((await tasks()).find((task) => task.id === second!.id)!.municipalityNumber).toBeNull();

    const refused = await t.owner.inject({ method: 'PATCH', url: url(`/tasks/${second!.id}`), payload: { version: 1, municipalityNumber: '0301' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'UNKNOWN_MUNICIPALITY', details: [{ path: 'municipalityNumber' }] });
    expect((await t.owner.inject(url('/tasks?municipality=abc'))).statusCode).toBe(400);

    const entries = (await t.owner.inject(url('/audit?entity=task'))).json().entries as Array<{ entityId: string; changes: Array<{ field: string }> }>;
    expect(entries.find((entry) => entry.entityId === first!.id)!.changes.map((change) => change.field)).toContain('municipalityNumber');
  });
});

describe('POST /mergers/{id}/tasks/bulk-update', () => {
  it('writes the tasks that pass and says why each of the others did not', async () => {
    const [ok1, ok2, stale, depends, dependedOn] = await tasks();
    // Someone else changed «stale» since the list was read.
    await patch(stale!, { notes: 'endret av en annen' });
    // «depends» waits for «dependedOn», which is open.
    expect(
      (await t.owner.inject({ method: 'POST', url: url(`/tasks/${depends!.id}/dependencies`), payload: { dependsOnTaskId: dependedOn!.id } })).statusCode,
    ).toBe(201);
    const dependsNow = (await tasks()).find((task) => task.id === depends!.id)!;
    const otherMerger = await t.createMerger({ name: 'En annen' });
    const [foreign] = (await t.owner.inject(`/api/v1/mergers/${otherMerger}/tasks`)).json().tasks as Task[];

    const response = await bulk({ tasks: [ref(ok1!), ref(stale!), ref(dependsNow), ref(foreign!), ref(ok2!)], change: { status: 'done' } });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as BulkUpdateTasksResult;
    expect(result.changed.map((task) => [task.id, task.status, task.version])).toEqual([
      [ok1!.id, 'done', 2],
      [ok2!.id, 'done', 2],
    ]);
    expect(result.notChanged.map(({ taskId, code }) => [taskId, code])).toEqual([
      [stale!.id, 'VERSION_CONFLICT'],
      [dependsNow.id, 'DEPENDENCIES_OPEN'],
      [foreign!.id, 'TASK_NOT_FOUND'],
    ]);
    expect(result.notChanged[0]!.message).toMatch(/endret av noen andre/);
    expect(result.notChanged[0]!.title).toBe(stale!.title);
    expect(result.notChanged[1]!.message).toContain(`«${dependedOn!.title}`);
    expect(result.notChanged[2]).toMatchObject({ title: null, message: 'Fant ikke oppgaven i denne sammenslåingen.' });

    // What was refused is as it was; the other merger's task was not touched.
    const after = new Map((await tasks()).map((task) => [task.id, task]));
    expect(after.get(stale!.id)).toMatchObject({ status: 'not_started', version: 2 });
    expect(after.get(dependsNow.id)).toMatchObject({ status: 'not_started' });
    expect((await t.owner.inject(`/api/v1/mergers/${otherMerger}/tasks/${foreign!.id}`)).json()).toMatchObject({ status: 'not_started', version: 1 });
    // Each change is in history, one entry per task.
    const entries = (await t.owner.inject(url('/audit?entity=task'))).json().entries as Array<{ entityId: string; changes: Array<{ field: string }> }>;
    const statusChanges = (taskId: string) => entries.filter((entry) => entry.entityId === taskId && entry.changes.some((change) => change.field === 'status'));
    expect(statusChanges(ok1!.id)).toHaveLength(1);
    expect(statusChanges(ok2!.id)).toHaveLength(1);
    expect(statusChanges(dependsNow.id)).toHaveLength(0);
  });

  it('applies the single edit rules: «ikke relevant» needs a reason, a due date not before planned start, «ferdig» with a reason', async () => {
    const [a, b, c] = await tasks();
    const notRelevant = (await bulk({ tasks: [ref(a!)], change: { status: 'not_relevant' } })).json() as BulkUpdateTasksResult;
    expect(notRelevant.changed).toEqual([]);
    expect(notRelevant.notChanged[0]).toMatchObject({ code: 'NOT_RELEVANT_REASON_REQUIRED', message: expect.stringMatching(/begrunnelse/) });
    const withReason = (await bulk({ tasks: [ref(a!)], change: { status: 'not_relevant', notRelevantReason: 'Løses av IKS' } })).json();
    expect(withReason.changed[0]).toMatchObject({ status: 'not_relevant', notRelevantReason: 'Løses av IKS' });

    const started = await patch(b!, { plannedStart: '2027-06-01' });
    const dates = (await bulk({ tasks: [ref(started), ref(c!)], change: { dueDate: '2027-05-01', responsible: 'Kari' } })).json() as BulkUpdateTasksResult;
    expect(dates.changed.map((task) => [task.id, task.dueDate, task.responsible])).toEqual([[c!.id, '2027-05-01', 'Kari']]);
    expect(dates.notChanged[0]).toMatchObject({
      taskId: b!.id,
      code: 'PLANNED_START_AFTER_DUE_DATE',
      message: 'Fristen kan ikke være før oppgavens planlagte start (01.06.2027).',
    });

    // An override reason lets «ferdig» through open dependencies, and history keeps it.
    const cNow = (await tasks()).find((task) => task.id === c!.id)!;
    await t.owner.inject({ method: 'POST', url: url(`/tasks/${cNow.id}/dependencies`), payload: { dependsOnTaskId: started.id } });
    const cWithDependency = (await tasks()).find((task) => task.id === c!.id)!;
    const overridden = (await bulk({ tasks: [ref(cWithDependency)], change: { status: 'done', overrideReason: 'Avtalt i styringsgruppen' } })).json();
    expect(overridden.changed).toHaveLength(1);
    const entries = (await t.owner.inject(url('/audit?entity=task'))).json().entries as Array<{ entityId: string; changes: Array<{ field: string }> }>;
    expect(entries.find((entry) => entry.entityId === c!.id)!.changes.map((change) => change.field)).toContain('dependencyOverride');
  });

  it('makes a member responsible for many tasks, tells them once for all, and refuses someone outside the merger', async () => {
    const [a, b] = await Promise.all([ownTask('Avklare lisenser'), ownTask('Avklare avtaler')]);
    const mona = await t.createUser('Mona Medlem');
    await t.addMember(mergerId, mona, 'member');
    const outsider = await t.createUser('Ulla Utenfor');

    const refused = (await bulk({ tasks: [ref(a!)], change: { responsibleUserId: outsider.id } })).json() as BulkUpdateTasksResult;
    expect(refused.changed).toEqual([]);
    expect(refused.notChanged).toEqual([expect.objectContaining({ taskId: a!.id, code: 'RESPONSIBLE_NOT_MEMBER' })]);

    const result = (await bulk({ tasks: [ref(a!), ref(b!)], change: { responsibleUserId: mona.id } })).json() as BulkUpdateTasksResult;
    expect(result.changed.map((task) => [task.responsibleUserId, task.responsibleName])).toEqual([
      [mona.id, 'Mona Medlem'],
      [mona.id, 'Mona Medlem'],
    ]);
    // Told once for the two, with the way to all of them in «Mine oppgaver».
    const told = (await mona.inject('/api/v1/me/notifications')).json().notifications as Array<{
      kind: string;
      subjectTitle: string;
      excerpt: string;
      link: string;
    }>;
    expect(told).toEqual([expect.objectContaining({ kind: 'assigned', subjectTitle: 'Avklare lisenser', excerpt: 'og 1 oppgave til' })]);
    expect(told[0]!.link).toBe(`/mine-oppgaver?sammenslaaing=${mergerId}`);
    expect((await tasks(`?responsibleUserId=${mona.id}`)).map((task) => task.title).sort()).toEqual(['Avklare avtaler', 'Avklare lisenser']);
  });

  it('refuses a request without a change, with the same task twice, and from a reader', async () => {
    const [a] = await tasks();
    expect((await bulk({ tasks: [ref(a!)], change: {} })).statusCode).toBe(400);
    expect((await bulk({ tasks: [ref(a!), ref(a!)], change: { status: 'done' } })).statusCode).toBe(400);
    expect((await bulk({ tasks: [], change: { status: 'done' } })).statusCode).toBe(400);
    const reader = await t.createUser('Lise Leser');
    await t.addMember(mergerId, reader, 'reader');
    const refused = await reader.inject({ method: 'POST', url: url('/tasks/bulk-update'), payload: { tasks: [ref(a!)], change: { status: 'done' } } });
    expect(refused.statusCode).toBe(403);
    expect((await tasks()).find((task) => task.id === a!.id)!.status).toBe('not_started');
  });
});

describe('GET /mergers/{id}/tasks/export.xlsx', () => {
  it('has one row per task with phase, activity, area, status, responsible, dates and dependencies, text kept as text', async () => {
    const [first, second] = await tasks();
    const formula = await ownTask('=HYPERLINK("http://x","klikk")');
    await patch(first!, { status: 'in_progress', responsible: '@Kari', plannedStart: '2027-04-01', dueDate: '2027-05-01', municipalityNumber: '4601' });
    await t.owner.inject({ method: 'POST', url: url(`/tasks/${second!.id}/dependencies`), payload: { dependsOnTaskId: first!.id } });
    await t.owner.inject({
      method: 'PUT',
      url: url(`/decisions/${economy}`),
      payload: { outcome: 'procure', timing: 'before_merger', state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02' },
    });
    const all = await tasks();

    const response = await t.owner.inject(url('/tasks/export.xlsx'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="samla-sjekkliste-.*\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Sjekkliste')!;
    const header = (sheet.getRow(2).values as unknown[]).map(String);
    for (const name of ['Fase', 'Aktivitet', 'Løsningsområde', 'Oppgave', 'Status', 'Ansvarlig', 'Planlagt start', 'Frist', 'Avhenger av']) {
      expect(header, name).toContain(name);
    }
    const column = (name: string) => header.indexOf(name);
    expect(sheet.actualRowCount).toBe(2 + all.length);

    const rowOf = (index: number) => sheet.getRow(3 + index);
    const firstRow = rowOf(all.findIndex((task) => task.id === first!.id));
    expect(firstRow.getCell(column('Fase')).value).toMatch(/^1\. /);
    expect(firstRow.getCell(column('Status')).value).toBe('Pågår');
    expect(firstRow.getCell(column('Ansvarlig')).value).toBe("'@Kari");
    expect(firstRow.getCell(column('Planlagt start')).type).toBe(ExcelJS.ValueType.Date);
    expect((firstRow.getCell(column('Frist')).value as Date).toISOString()).toBe('2027-05-01T00:00:00.000Z');
    expect(firstRow.getCell(column('Gjelder kommune')).value).toBe('Bergen');
    const secondRow = rowOf(all.findIndex((task) => task.id === second!.id));
    expect(String(secondRow.getCell(column('Avhenger av')).value)).toContain(first!.title);

    const formulaCell = rowOf(all.findIndex((task) => task.id === formula.id)).getCell(column('Oppgave'));
    expect(formulaCell.type).toBe(ExcelJS.ValueType.String);
    expect(formulaCell.value).toBe(`'=HYPERLINK("http://x","klikk")`);

    const areaRow = rowOf(all.findIndex((task) => task.area?.id === economy));
    expect(areaRow.getCell(column('Løsningsområde')).value).toBe(all.find((task) => task.area?.id === economy)!.area!.name);
  });
});
