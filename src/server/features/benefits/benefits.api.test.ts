import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loadCatalog } from '#catalog/catalog.ts';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import { mergers } from '#server/platform/db/schema/index.ts';
import { createTestApp, exampleIndicator, type TestApp } from '#server/test/test-app.ts';

let t: TestApp;
let mergerId: string;
let base: string;

beforeEach(async () => {
  t = await createTestApp({ now: () => new Date('2027-06-01T10:00:00Z') });
  mergerId = await t.createMerger();
  base = `/api/v1/mergers/${mergerId}`;
});
afterEach(async () => {
  await t.close();
});

async function firstTaskId(): Promise<string> {
  return (await t.owner.inject(`${base}/tasks`)).json().tasks[0].id;
}

async function createBenefit(payload: object = {}) {
  const response = await t.owner.inject({
    method: 'POST',
    url: `${base}/benefits`,
    payload: { title: 'Færre manuelle søknader', type: 'time', owner: 'Kommunedirektøren', ...payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function history(entity: string) {
  return (await t.owner.inject(`${base}/audit?entity=${entity}`)).json().entries;
}

describe('benefits', () => {
  it('creates a benefit with a task as enabler, reads it back and lists it with a summary', async () => {
    const taskId = await firstTaskId();
    const created = await createBenefit({ taskIds: [taskId], opportunityIds: ['mulighet-ikt-infrastruktur-og-drift-1'], plannedRealisationDate: '2028-06-30' });
    expect(created.benefit).toMatchObject({
      title: 'Færre manuelle søknader',
      type: 'time',
      status: 'planned',
      owner: 'Kommunedirektøren',
      plannedRealisationDate: '2028-06-30',
      version: 1,
      indicatorCount: 0,
    });
    expect(created.benefit.enablers.tasks).toEqual([{ id: taskId, title: expect.any(String) }]);
    expect(created.benefit.enablers.opportunities).toEqual([{ id: 'mulighet-ikt-infrastruktur-og-drift-1', title: 'Standardisere IKT-tjenester' }]);
    const list = (await t.owner.inject(`${base}/benefits`)).json();
    expect(list.benefits).toHaveLength(1);
    expect(list.summary).toEqual({ total: 1, byStatus: { planned: 1, in_progress: 0, realised: 0, cancelled: 0 }, behind: 0 });
    const [entry] = await history('benefit');
    expect(entry).toMatchObject({ action: 'create', entityLabel: 'Færre manuelle søknader' });
    expect(entry.changes).toContainEqual({ field: 'taskIds', old: null, new: [taskId] });
  });

  it('refuses unknown enablers at the field', async () => {
    const response = await t.owner.inject({
      method: 'POST',
      url: `${base}/benefits`,
      payload: {
        title: 'X',
        type: 'other',
        taskIds: ['00000000-0000-4000-8000-000000000000'],
        decisionAreaIds: ['omrade-okonomi-og-regnskapssystem'],
        opportunityIds: ['mulighet-som-ikke-finnes'],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toEqual(['taskIds.0', 'decisionAreaIds.0', 'opportunityIds.0']);
  });

  it('links a decided solution area', async () => {
    const area = 'omrade-okonomi-og-regnskapssystem';
    const decided = await t.owner.inject({
      method: 'PUT',
      url: `${base}/decisions/${area}`,
      payload: { outcome: 'retire', timing: 'before_merger', state: 'proposed' },
    });
    expect(decided.statusCode).toBe(200);
    const created = await createBenefit({ decisionAreaIds: [area] });
    expect(created.benefit.enablers.decisions).toEqual([{ solutionAreaId: area, name: 'Økonomi- og regnskapssystem' }]);
  });

  it('updates with the version, refuses a stale one with 409 and records only what changed', async () => {
    const { benefit } = await createBenefit();
    const patch = (payload: object) => t.owner.inject({ method: 'PATCH', url: `${base}/benefits/${benefit.id}`, payload });
    const updated = await patch({ version: 1, status: 'in_progress', taskIds: [await firstTaskId()] });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().benefit).toMatchObject({ status: 'in_progress', version: 2, owner: 'Kommunedirektøren' });
    expect(updated.json().benefit.enablers.tasks).toHaveLength(1);
    const stale = await patch({ version: 1, status: 'realised' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const [latest] = await history('benefit');
    expect(latest.action).toBe('update');
    expect(latest.changes.map((c: { field: string }) => c.field)).toEqual(['status', 'taskIds']);
  });

  it('deletes a benefit with its indicators and keeps the history', async () => {
    const { benefit } = await createBenefit();
    await t.owner.inject({ method: 'POST', url: `${base}/benefits/${benefit.id}/indicators`, payload: exampleIndicator });
    expect((await t.owner.inject({ method: 'DELETE', url: `${base}/benefits/${benefit.id}` })).statusCode).toBe(204);
    expect((await t.owner.inject(`${base}/benefits/${benefit.id}`)).statusCode).toBe(404);
    expect((await history('benefit')).map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
  });

  it('is not found in another merger', async () => {
    const { benefit } = await createBenefit();
    const other = await t.createMerger({ municipalities: ['1508', '1580'] });
    expect((await t.owner.inject(`/api/v1/mergers/${other}/benefits/${benefit.id}`)).statusCode).toBe(404);
  });
});

describe('indicators and measurements', () => {
  it('records measurements, gives the expected value on each date and flags the latest when behind', async () => {
    const { benefit } = await createBenefit();
    const withIndicator = await t.owner.inject({ method: 'POST', url: `${base}/benefits/${benefit.id}/indicators`, payload: exampleIndicator });
    expect(withIndicator.statusCode, withIndicator.body).toBe(201);
    const indicator = withIndicator.json().indicators[0];
    expect(indicator.status).toEqual({ latest: null, expected: null, behind: false });
    const measure = (payload: object) =>
      t.owner.inject({ method: 'POST', url: `${base}/benefits/${benefit.id}/indicators/${indicator.id}/measurements`, payload });
    expect((await measure({ measuredOn: '2027-03-01', value: 30, comment: 'God start' })).statusCode).toBe(201);
    const second = await measure({ measuredOn: '2027-07-02', value: 35 });
    expect(second.statusCode).toBe(201);
    const judged = second.json().indicators[0];
    expect(judged.measurements.map((m: { value: number }) => m.value)).toEqual([30, 35]);
    expect(judged.measurements[0]).toMatchObject({ recordedBy: t.owner.name, comment: 'God start' });
    expect(judged.measurements[1].expected).toBeCloseTo(39.945, 2);
    expect(judged.status).toMatchObject({ latest: { measuredOn: '2027-07-02', value: 35 }, behind: true });
    expect(second.json().benefit.behindCount).toBe(1);
    expect((await t.owner.inject(`${base}/benefits`)).json().summary.behind).toBe(1);
    const measurementId = judged.measurements[1].id;
    const afterDelete = await t.owner.inject({
      method: 'DELETE',
      url: `${base}/benefits/${benefit.id}/indicators/${indicator.id}/measurements/${measurementId}`,
    });
    expect(afterDelete.statusCode).toBe(200);
    expect(afterDelete.json().indicators[0].status.behind).toBe(false);
    expect((await history('measurement')).map((e: { action: string }) => e.action)).toEqual(['delete', 'create', 'create']);
  });

  it('refuses a measurement before the baseline date at the date field and records nothing', async () => {
    const { benefit } = await createBenefit();
    const indicator = (await t.owner.inject({ method: 'POST', url: `${base}/benefits/${benefit.id}/indicators`, payload: exampleIndicator })).json()
      .indicators[0];
    const url = `${base}/benefits/${benefit.id}/indicators/${indicator.id}/measurements`;
    const early = await t.owner.inject({ method: 'POST', url, payload: { measuredOn: '2026-12-31', value: 10 } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({
      code: 'MEASUREMENT_BEFORE_BASELINE',
      details: [{ path: 'measuredOn', message: 'Dato for målingen kan ikke være før datoen for nullpunktet (01.01.2027).' }],
    });
    const read = (await t.owner.inject(`${base}/benefits/${benefit.id}`)).json();
    expect(read.indicators[0].measurements).toEqual([]);
    expect(read.indicators[0].status.behind).toBe(false);
    expect(await history('measurement')).toEqual([]);
    // On the baseline date itself is the first reading, and allowed.
    expect((await t.owner.inject({ method: 'POST', url, payload: { measuredOn: '2027-01-01', value: 20 } })).statusCode).toBe(201);
  });

  it('refuses to move the baseline date after measurements already recorded, saying how many', async () => {
    const { benefit } = await createBenefit();
    const indicator = (await t.owner.inject({ method: 'POST', url: `${base}/benefits/${benefit.id}/indicators`, payload: exampleIndicator })).json()
      .indicators[0];
    const url = `${base}/benefits/${benefit.id}/indicators/${indicator.id}`;
    for (const measuredOn of ['2027-02-01', '2027-03-01', '2027-05-01'])
      expect((await t.owner.inject({ method: 'POST', url: `${url}/measurements`, payload: { measuredOn, value: 25 } })).statusCode).toBe(201);
    const moved = await t.owner.inject({ method: 'PATCH', url, payload: { version: 1, baselineDate: '2027-04-01' } });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.code).toBe('BASELINE_AFTER_MEASUREMENTS');
    expect(moved.json().error.details[0].path).toBe('baselineDate');
    expect(moved.json().error.details[0].message).toContain('2 målinger er registrert før denne datoen (den første 01.02.2027)');
    expect((await t.owner.inject(`${base}/benefits/${benefit.id}`)).json().indicators[0]).toMatchObject({ baselineDate: '2027-01-01', version: 1 });
    // Up to the first measurement, or earlier, is fine.
    const toFirst = await t.owner.inject({ method: 'PATCH', url, payload: { version: 1, baselineDate: '2027-02-01' } });
    expect(toFirst.statusCode, toFirst.body).toBe(200);
    const earlier = await t.owner.inject({ method: 'PATCH', url, payload: { version: 2, baselineDate: '2026-06-01' } });
    expect(earlier.statusCode, earlier.body).toBe(200);
  });

  it('refuses a target date before the baseline date at the field', async () => {
    const { benefit } = await createBenefit();
    const response = await t.owner.inject({
      method: 'POST',
      url: `${base}/benefits/${benefit.id}/indicators`,
      payload: { ...exampleIndicator, targetDate: '2026-01-01' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('targetDate');
  });

  it('updates an indicator with its version and deletes it', async () => {
    const { benefit } = await createBenefit();
    const indicator = (await t.owner.inject({ method: 'POST', url: `${base}/benefits/${benefit.id}/indicators`, payload: exampleIndicator })).json()
      .indicators[0];
    const url = `${base}/benefits/${benefit.id}/indicators/${indicator.id}`;
    const updated = await t.owner.inject({ method: 'PATCH', url, payload: { version: 1, targetValue: 80 } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().indicators[0]).toMatchObject({ targetValue: 80, version: 2 });
    expect((await t.owner.inject({ method: 'PATCH', url, payload: { version: 1, targetValue: 70 } })).statusCode).toBe(409);
    const [change] = await history('indicator');
    expect(change.changes).toEqual([{ field: 'targetValue', old: 60, new: 80 }]);
    expect((await t.owner.inject({ method: 'DELETE', url })).json().indicators).toEqual([]);
  });
});

describe('export', () => {
  it('writes the plan as xlsx with Norwegian headers, numbers as numbers and formulas defused', async () => {
    const { benefit } = await createBenefit({ title: '=HYPERLINK("http://x")', owner: '@eier' });
    const indicator = (await t.owner.inject({ method: 'POST', url: `${base}/benefits/${benefit.id}/indicators`, payload: exampleIndicator })).json()
      .indicators[0];
    await t.owner.inject({
      method: 'POST',
      url: `${base}/benefits/${benefit.id}/indicators/${indicator.id}/measurements`,
      payload: { measuredOn: '2027-07-02', value: 35 },
    });
    const response = await t.owner.inject(`${base}/benefits/export.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Gevinstrealiseringsplan')!;
    const header = sheet.getRow(2).values as unknown[];
    expect(header.slice(1, 3)).toEqual(['Gevinst', 'Beskrivelse']);
    expect(header).toContain('Bak planen');
    const row = sheet.getRow(3).values as unknown[];
    expect(row[1]).toBe(`'=HYPERLINK("http://x")`);
    expect(row[5]).toBe("'@eier");
    expect(row[13]).toBe(20);
    expect(row[17]).toBe(35);
    expect(row[20]).toBe('Ja');
  });

  it('writes dates as date cells shown dd.mm.åååå, not as text', async () => {
    const { benefit } = await createBenefit({ plannedRealisationDate: '2028-06-30' });
    const indicator = (await t.owner.inject({ method: 'POST', url: `${base}/benefits/${benefit.id}/indicators`, payload: exampleIndicator })).json()
      .indicators[0];
    await t.owner.inject({
      method: 'POST',
      url: `${base}/benefits/${benefit.id}/indicators/${indicator.id}/measurements`,
      payload: { measuredOn: '2027-07-02', value: 35 },
    });
    await createBenefit({ title: 'Uten indikator og dato' });
    const response = await t.owner.inject(`${base}/benefits/export.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Gevinstrealiseringsplan')!;
    const header = (sheet.getRow(2).values as unknown[]).map(String);
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name));
    for (const [name, iso] of [
      ['Planlagt realisert', '2028-06-30'],
      ['Nullpunkt dato', '2027-01-01'],
      ['Måldato', '2028-01-01'],
      ['Siste måling dato', '2027-07-02'],
    ] as const) {
      const date = cell(3, name);
      expect(date.type, name).toBe(ExcelJS.ValueType.Date);
      expect((date.value as Date).toISOString(), name).toBe(`${iso}T00:00:00.000Z`);
      expect(date.numFmt, name).toBe('dd.mm.yyyy');
      expect(date.text, name).not.toMatch(/^\d{4}-/);
    }
    // No date is an empty cell, not an empty text.
    const empty = sheet.getRow(4);
    expect(empty.getCell(1).value).toBe('Uten indikator og dato');
    for (const name of ['Planlagt realisert', 'Nullpunkt dato', 'Måldato', 'Siste måling dato']) {
      expect(empty.getCell(header.indexOf(name)).type, name).toBe(ExcelJS.ValueType.Null);
    }
  });
});

describe('the benefit plan in the merger’s document language', () => {
  it('writes an English merger’s plan with an English sheet name and headers', async () => {
    await t.database.db.update(mergers).set({ documentLanguage: 'en' }).where(eq(mergers.id, mergerId));
    const response = await t.owner.inject(`${base}/benefits/export.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Benefit realisation plan')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Benefit realisation plan');
    const header = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 9)).toEqual([
      'Benefit',
      'Description',
      'Service area',
      'Type',
      'Benefit owner',
      'Responsible',
      'Planned realisation',
      'Status',
      'Enabled by',
    ]);
    expect(header).toContain('Behind plan');
  });
});

describe('the library’s enablers named in the right language (issue 22)', () => {
  it('names areas and opportunities in the målform in a nynorsk merger’s plan, and in the reader’s language on the page', async () => {
    const economy = 'omrade-okonomi-og-regnskapssystem';
    const opportunity = loadCatalog().opportunities.areas[0]!.opportunities[0]!;
    const inNynorsk = translatedCatalog('nn').opportunities.areas[0]!.opportunities[0]!.title;
    const inEnglish = translatedCatalog('en').opportunities.areas[0]!.opportunities[0]!.title;
    const nynorsk = await t.createMerger({ name: 'Nye Sogndal', documentLanguage: 'nn' });
    const url = `/api/v1/mergers/${nynorsk}`;
    const decided = await t.owner.inject({
      method: 'PUT',
      url: `${url}/decisions/${economy}`,
      payload: { outcome: 'retire', timing: 'before_merger', state: 'proposed' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const created = await t.owner.inject({
      method: 'POST',
      url: `${url}/benefits`,
      payload: { title: 'Færre system', type: 'economic', decisionAreaIds: [economy], opportunityIds: [opportunity.id] },
    });
    expect(created.statusCode, created.body).toBe(201);

    const page = await t.owner.inject({ url: `${url}/benefits/${created.json().benefit.id}`, headers: { 'accept-language': 'en' } });
    expect(page.json().benefit.enablers).toMatchObject({
      decisions: [{ solutionAreaId: economy, name: 'Finance and accounting system' }],
      opportunities: [{ id: opportunity.id, title: inEnglish }],
    });

    const response = await t.owner.inject({ url: `${url}/benefits/export.xlsx`, headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Gevinstrealiseringsplan')!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    const enablers = String(sheet.getRow(3).getCell(header.indexOf('Blir mogleggjord av') + 1).value);
    expect(enablers).toContain('Vegval: Økonomi- og rekneskapssystem');
    expect(enablers).toContain(`Moglegheit: ${inNynorsk}`);
    expect(enablers).not.toContain(opportunity.title);
  });
});
