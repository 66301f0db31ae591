import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

let t: TestApp;
let mergerId: string;
// Fixed clock: 10 March 2027, midday in Oslo.
const now = () => new Date('2027-03-10T11:00:00Z');

beforeEach(async () => {
  t = await createTestApp({ now });
  mergerId = await t.createMerger();
});
afterEach(async () => {
  await t.close();
});

async function tasks(query = '') {
  return (await t.owner.inject({ url: `/api/v1/mergers/${mergerId}/tasks${query}` })).json().tasks as Array<{
    id: string;
    phase: number;
    activityId: string;
    status: string;
    version: number;
    title: string;
    overdue: boolean;
    catalogItemId: string | null;
  }>;
}

function patch(taskId: string, payload: Record<string, unknown>) {
  return t.owner.inject({ method: 'PATCH', url: `/api/v1/mergers/${mergerId}/tasks/${taskId}`, payload });
}

describe('PATCH /api/v1/mergers/{id}/tasks/{taskId}', () => {
  it('sets status, responsible, due date and notes, and bumps the version', async () => {
    const [first] = await tasks();
    const response = await patch(first!.id, {
      version: 1,
      status: 'in_progress',
      responsible: 'Kari Nordmann',
      dueDate: '2027-04-01',
      notes: 'Avklares i styringsgruppen.',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'in_progress',
      responsible: 'Kari Nordmann',
      dueDate: '2027-04-01',
      notes: 'Avklares i styringsgruppen.',
      version: 2,
    });
    const reread = (await t.owner.inject({ url: `/api/v1/mergers/${mergerId}/tasks/${first!.id}` })).json();
    expect(reread).toMatchObject({ responsible: 'Kari Nordmann', version: 2 });
  });

  it('refuses a stale version with 409 and leaves the task as it was', async () => {
    const [first] = await tasks();
    expect((await patch(first!.id, { version: 1, status: 'done' })).statusCode).toBe(200);
    const stale = await patch(first!.id, { version: 1, status: 'not_started', notes: 'overskriver' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const reread = (await t.owner.inject({ url: `/api/v1/mergers/${mergerId}/tasks/${first!.id}` })).json();
    expect(reread).toMatchObject({ status: 'done', notes: null, version: 2 });
  });

  it('requires a reason for «ikke relevant»', async () => {
    const [first] = await tasks();
    const refused = await patch(first!.id, { version: 1, status: 'not_relevant' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('NOT_RELEVANT_REASON_REQUIRED');
    expect(refused.json().error.details[0].path).toBe('notRelevantReason');

    const accepted = await patch(first!.id, { version: 1, status: 'not_relevant', notRelevantReason: 'Løses av IKS' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'not_relevant', notRelevantReason: 'Løses av IKS' });
  });

  it('refuses an impossible due date, an unknown status and an unknown task', async () => {
    const [first] = await tasks();
    expect((await patch(first!.id, { version: 1, dueDate: '2027-13-01' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await patch(first!.id, { version: 1, status: 'kanskje' })).statusCode).toBe(400);
    expect((await patch(first!.id, { status: 'done' })).statusCode).toBe(400);
    const unknown = await patch('6b0c7a52-4a53-4a43-9b9e-1d7f1b3a2c11', { version: 1, status: 'done' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('TASK_NOT_FOUND');
  });

  it('keeps the titles of library tasks', async () => {
    const [first] = await tasks();
    const response = await patch(first!.id, { version: 1, title: 'Noe annet' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('CATALOG_TASK_TITLE_READONLY');
  });
});

describe('progress and filters', () => {
  it('rolls progress up per activity, phase and merger', async () => {
    const all = await tasks();
    const phaseOne = all.filter((task) => task.phase === 1);
    await patch(phaseOne[0]!.id, { version: 1, status: 'done' });
    await patch(phaseOne[1]!.id, { version: 1, status: 'done' });
    await patch(phaseOne[2]!.id, { version: 1, status: 'not_relevant', notRelevantReason: 'Ikke aktuelt hos oss' });

    const detail = (await t.owner.inject({ url: `/api/v1/mergers/${mergerId}` })).json();
    const phase = detail.progress.phases[0];
    expect(phase.progress).toMatchObject({ total: phaseOne.length, relevant: phaseOne.length - 1, done: 2 });
    expect(phase.progress.percent).toBe(Math.floor((2 * 100) / (phaseOne.length - 1)));
    expect(detail.progress.merger).toMatchObject({ total: 121, relevant: 120, done: 2, percent: 1 });
    const activity = phase.activities.find((a: { activityId: string }) => a.activityId === phaseOne[0]!.activityId);
    expect(activity.progress.done).toBeGreaterThanOrEqual(1);
  });

  it('filters by status, phase and overdue', async () => {
    const all = await tasks();
    await patch(all[0]!.id, { version: 1, status: 'done', dueDate: '2027-01-01' });
    await patch(all[1]!.id, { version: 1, dueDate: '2027-03-09' });
    await patch(all[2]!.id, { version: 1, dueDate: '2027-03-10' });

    expect((await tasks('?status=done')).map((task) => task.id)).toEqual([all[0]!.id]);
    const phaseTwo = await tasks('?phase=2');
    expect(phaseTwo.length).toBeGreaterThan(0);
    expect(phaseTwo.every((task) => task.phase === 2)).toBe(true);
    const overdue = await tasks('?overdue=true');
    expect(overdue.map((task) => task.id)).toEqual([all[1]!.id]);
    expect(overdue[0]!.overdue).toBe(true);
    const unknownPhase = await t.owner.inject({ url: `/api/v1/mergers/${mergerId}/tasks?phase=9` });
    expect(unknownPhase.statusCode).toBe(400);
  });

  it('adds the merger’s own task under an activity, after the library tasks', async () => {
    const all = await tasks();
    const activityId = all[0]!.activityId;
    const created = await t.owner.inject({
      method: 'POST',
      url: `/api/v1/mergers/${mergerId}/tasks`,
      payload: { activityId, title: 'Avklare felles IKT-leverandør', responsible: 'Ola' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ catalogItemId: null, phase: 1, status: 'not_started', version: 1 });
    const inActivity = (await tasks()).filter((task) => task.activityId === activityId);
    expect(inActivity.at(-1)!.title).toBe('Avklare felles IKT-leverandør');

    const renamed = await patch(created.json().id, { version: 1, title: 'Avklare IKT-leverandør' });
    expect(renamed.json().title).toBe('Avklare IKT-leverandør');

    const unknownActivity = await t.owner.inject({
      method: 'POST',
      url: `/api/v1/mergers/${mergerId}/tasks`,
      payload: { activityId: 'finnes-ikke', title: 'X' },
    });
    expect(unknownActivity.statusCode).toBe(400);
    expect(unknownActivity.json().error.code).toBe('ACTIVITY_NOT_FOUND');
  });
});

describe('the checklist in the reader’s language', () => {
  it('names the library’s phases in the reader’s language; the stored titles stay in the merger’s målform', async () => {
    const read = async (language: string) => {
      const headers = { 'accept-language': language };
      const list = (await t.owner.inject({ url: `/api/v1/mergers/${mergerId}/tasks`, headers })).json();
      const merger = (await t.owner.inject({ url: `/api/v1/mergers/${mergerId}`, headers })).json();
      const schedule = (await t.owner.inject({ url: `/api/v1/mergers/${mergerId}/schedule`, headers })).json();
      return { list, merger, schedule };
    };
    const bokmål = await read('nb');
    const nynorsk = await read('nn');
    const english = await read('en');
    expect(bokmål.merger.progress.phases[0].name).toBe('Før du starter');
    expect(nynorsk.merger.progress.phases[0].name).toBe('Før du startar');
    expect(english.merger.progress.phases[0].name).toBe('Before you start');
    expect(nynorsk.schedule.phases[0].name).toBe('Før du startar');
    // The titles are the merger's (bokmål here) whoever reads them.
    expect(nynorsk.list.tasks.map((task: { title: string }) => task.title)).toEqual(bokmål.list.tasks.map((task: { title: string }) => task.title));
  });
});

describe('the checklist xlsx in the merger’s document language', () => {
  it('writes an English merger’s checklist in English: sheet, title, headers, statuses and the library’s own texts', async () => {
    const all = await tasks();
    const library = all.find((task) => task.catalogItemId !== null && task.phase === 1)!;
    expect((await patch(library.id, { version: library.version, status: 'in_progress' })).statusCode).toBe(200);
    const own = await t.owner.inject({
      method: 'POST',
      url: `/api/v1/mergers/${mergerId}/tasks`,
      payload: { activityId: library.activityId, title: 'Vår egen oppgave' },
    });
    expect(own.statusCode, own.body).toBe(201);
    // Through the API, as a person changes it: the library's task titles are retitled with it (decision 040).
    const { version } = (await t.owner.inject({ url: `/api/v1/mergers/${mergerId}` })).json();
    const changed = await t.owner.inject({ method: 'PATCH', url: `/api/v1/mergers/${mergerId}`, payload: { version, documentLanguage: 'en' } });
    expect(changed.statusCode, changed.body).toBe(200);

    const response = await t.owner.inject({ url: `/api/v1/mergers/${mergerId}/tasks/export.xlsx`, headers: { 'accept-language': 'nn' } });
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Checklist')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Checklist, exported 10 Mar 2027');
    const header = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    expect(header).toEqual([
      'Phase',
      'Activity',
      'Solution area',
      'Task',
      'Status',
      'Reason not relevant',
      'Responsible',
      'Planned start',
      'Due date',
      'Overdue',
      'Depends on',
      'Applies to municipality',
      'Notes',
    ]);
    const english = translatedCatalog('en');
    const englishTitle = english.phases
      .flatMap((phase) => phase.activities.flatMap((activity) => activity.tasks))
      .find((task) => task.id === library.catalogItemId)!.title;
    const cells: string[][] = [];
    sheet.eachRow((row, number) => {
      if (number > 2) cells.push((row.values as unknown[]).slice(1).map((value) => (value === undefined || value === null ? '' : String(value))));
    });
    const libraryRow = cells.find((row) => row[3] === englishTitle);
    expect(libraryRow, englishTitle).toBeDefined();
    expect(libraryRow![0]).toBe(`1. ${english.phases[0]!.name}`);
    expect(libraryRow![4]).toBe('In progress');
    // The team's own task is as they wrote it.
    expect(cells.map((row) => row[3])).toContain('Vår egen oppgave');
  });
});
