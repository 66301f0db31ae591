import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

let t: TestApp;
let mergerId: string;
beforeEach(async () => {
  t = await createTestApp();
  mergerId = await t.createMerger({ name: 'Historikk' });
});
afterEach(async () => {
  await t.close();
});

describe('history (Historikk)', () => {
  it('records who changed which task field from what to what, newest first', async () => {
    const task = (await t.owner.inject(`/api/v1/mergers/${mergerId}/tasks`)).json().tasks[0];
    const member = await t.createUser('Mia Medarbeider');
    await t.addMember(mergerId, member, 'member');

    await t.owner.inject({
      method: 'PATCH',
      url: `/api/v1/mergers/${mergerId}/tasks/${task.id}`,
      payload: { version: 1, status: 'in_progress', responsible: 'Kari' },
    });
    await member.inject({
      method: 'PATCH',
      url: `/api/v1/mergers/${mergerId}/tasks/${task.id}`,
      payload: { version: 2, status: 'not_relevant', notRelevantReason: 'Dekkes av IKS', responsible: 'Kari' },
    });

    const entries = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?entity=task&entityId=${task.id}`)).json().entries;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actor: { name: 'Mia Medarbeider', email: member.email },
      entity: 'task',
      entityId: task.id,
      entityLabel: task.title,
      action: 'update',
      changes: [
        { field: 'status', old: 'in_progress', new: 'not_relevant' },
        { field: 'notRelevantReason', old: null, new: 'Dekkes av IKS' },
      ],
    });
    expect(entries[1]).toMatchObject({
      actor: { name: 'Eva Eier' },
      changes: [
        { field: 'status', old: 'not_started', new: 'in_progress' },
        { field: 'responsible', old: null, new: 'Kari' },
      ],
    });
  });

  it('keeps the merger’s creation and membership changes, and filters by actor and action', async () => {
    const reader = await t.createUser('Rolf Leser');
    await t.addMember(mergerId, reader, 'reader');
    const all = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit`)).json().entries;
    // The owner's invitation, then the membership made when the reader signed in (issue 17).
    expect(all.map((e: { entity: string; action: string }) => `${e.entity}:${e.action}`)).toEqual(['member:create', 'member:create', 'merger:create']);
    expect(all[2].changes).toContainEqual({ field: 'municipalities', old: null, new: ['4601', '4626'] });

    const byOwner = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?actor=${t.owner.id}&action=create`)).json().entries;
    expect(byOwner).toHaveLength(2);
    const byReader = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?actor=${reader.id}`)).json().entries;
    expect(byReader.map((e: { entityId: string }) => e.entityId)).toEqual([reader.id]);
  });

  it('records nothing for a failed or empty change', async () => {
    const task = (await t.owner.inject(`/api/v1/mergers/${mergerId}/tasks`)).json().tasks[0];
    await t.owner.inject({ method: 'PATCH', url: `/api/v1/mergers/${mergerId}/tasks/${task.id}`, payload: { version: 1, status: 'not_relevant' } });
    await t.owner.inject({ method: 'PATCH', url: `/api/v1/mergers/${mergerId}/tasks/${task.id}`, payload: { version: 1, status: 'not_started' } });
    const entries = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?entity=task`)).json().entries;
    expect(entries).toHaveLength(0);
  });

  it('has no API that changes or deletes history', async () => {
    const spec = (await t.owner.inject('/api/v1/openapi.json')).json();
    const auditMethods = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.includes('/audit'))
      .flatMap(([, methods]) => Object.keys(methods));
    expect(new Set(auditMethods)).toEqual(new Set(['get']));
  });

  it('exports the history as a real xlsx workbook and as CSV', async () => {
    const task = (await t.owner.inject(`/api/v1/mergers/${mergerId}/tasks`)).json().tasks[0];
    await t.owner.inject({
      method: 'PATCH',
      url: `/api/v1/mergers/${mergerId}/tasks/${task.id}`,
      payload: { version: 1, notes: '=SUM(A1) «æøå»; "sitat"' },
    });

    const xlsx = await t.owner.inject(`/api/v1/mergers/${mergerId}/audit/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Historikk')!;
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toContain('Felt');
    expect(values).toContain('notes');
    expect(values).toContain('=SUM(A1) «æøå»; "sitat"');

    const csv = await t.owner.inject(`/api/v1/mergers/${mergerId}/audit/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFTidspunkt;Hvem;')).toBe(true);
    // Quoted, escaped, and never a live formula in a spreadsheet.
    expect(csv.body).toContain(`"'=SUM(A1) «æøå»; ""sitat"""`);
  });
});
