import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const validMerger = {
  name: 'Digital sammenslåing Nye Indre Østfold',
  newMunicipalityName: 'Nye Indre Østfold',
  mergerDate: '2028-01-01',
  municipalities: ['3118', '3101', '3105'],
};

describe('POST /api/v1/mergers', () => {
  it('creates a merger with its municipalities and every task of chapter 3.2', async () => {
    const created = await t.owner.inject({ method: 'POST', url: '/api/v1/mergers', payload: validMerger });
    expect(created.statusCode).toBe(201);
    const merger = created.json();
    expect(merger).toMatchObject({
      name: validMerger.name,
      newMunicipalityName: 'Nye Indre Østfold',
      mergerDate: '2028-01-01',
      version: 1,
    });
    expect(merger.municipalities.map((m: { number: string }) => m.number)).toEqual(['3118', '3101', '3105']);
    expect(merger.municipalities[0]).toHaveProperty('languageForm');

    const tasks = await t.owner.inject({ url: `/api/v1/mergers/${merger.id}/tasks` });
    expect(tasks.statusCode).toBe(200);
    const list = tasks.json().tasks;
    expect(list).toHaveLength(121);
    expect(list[0]).toMatchObject({ phase: 1, status: 'not_started', version: 1 });
    expect(list[0].catalogItemId).toEqual(expect.any(String));
    expect(new Set(list.map((task: { catalogItemId: string }) => task.catalogItemId)).size).toBe(121);
    // Checklist order: phases ascending.
    const phases = list.map((task: { phase: number }) => task.phase);
    expect([...phases].sort((a, b) => a - b)).toEqual(phases);
  });

  it('lists the merger with its progress, and shows it on its own', async () => {
    const { id } = (await t.owner.inject({ method: 'POST', url: '/api/v1/mergers', payload: validMerger })).json();
    const list = (await t.owner.inject({ url: '/api/v1/mergers' })).json();
    expect(list.mergers).toHaveLength(1);
    expect(list.mergers[0]).toMatchObject({ id, progress: { total: 121, done: 0, percent: 0 } });

    const detail = (await t.owner.inject({ url: `/api/v1/mergers/${id}` })).json();
    expect(detail.progress.merger.total).toBe(121);
    expect(detail.progress.phases.map((p: { name: string }) => p.name)).toEqual([
      'Før du starter',
      'Kartlegging og målbilde',
      'Planlegging og anskaffelse',
      'Gjennomføring',
      'Overgangsfase',
      'Drift',
    ]);
    const phaseTotal = detail.progress.phases.reduce((sum: number, p: { progress: { total: number } }) => sum + p.progress.total, 0);
    expect(phaseTotal).toBe(121);
  });

  it.each([
    ['fewer than two municipalities', { municipalities: ['3118'] }, 'TOO_FEW_MUNICIPALITIES', 'municipalities'],
    ['an unknown kommunenummer', { municipalities: ['3118', '9999'] }, 'UNKNOWN_MUNICIPALITY', 'municipalities.1'],
    ['a repeated kommunenummer', { municipalities: ['3118', '3101', '3118'] }, 'DUPLICATE_MUNICIPALITY', 'municipalities.2'],
    ['an impossible date', { mergerDate: '2028-02-30' }, 'VALIDATION_FAILED', 'mergerDate'],
    ['a date in the wrong form', { mergerDate: '01.01.2028' }, 'VALIDATION_FAILED', 'mergerDate'],
    ['an empty name', { name: '   ' }, 'VALIDATION_FAILED', 'name'],
    ['a malformed kommunenummer', { municipalities: ['3118', '31a1'] }, 'VALIDATION_FAILED', 'municipalities.1'],
  ])('refuses %s with 400, a code and the field', async (_label, change, code, path) => {
    const response = await t.owner.inject({ method: 'POST', url: '/api/v1/mergers', payload: { ...validMerger, ...change } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toEqual(expect.any(String));
    expect(body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    // Nothing was written.
    expect((await t.owner.inject({ url: '/api/v1/mergers' })).json().mergers).toHaveLength(0);
  });

  it('answers 400 for malformed JSON and 404 for an unknown merger, never 500', async () => {
    const malformed = await t.owner.inject({
      method: 'POST',
      url: '/api/v1/mergers',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toEqual(expect.any(String));

    const unknown = await t.owner.inject({ url: '/api/v1/mergers/6b0c7a52-4a53-4a43-9b9e-1d7f1b3a2c11' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('MERGER_NOT_FOUND');

    const badId = await t.owner.inject({ url: '/api/v1/mergers/not-a-uuid' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('reference data and the API description', () => {
  it('serves health, the register and the OpenAPI document', async () => {
    expect((await t.owner.inject({ url: '/api/v1/health' })).statusCode).toBe(200);

    const register = (await t.owner.inject({ url: '/api/v1/municipalities' })).json();
    expect(register.municipalities.length).toBeGreaterThan(300);
    expect(register.municipalities.find((m: { number: string }) => m.number === '0301')).toMatchObject({
      name: 'Oslo – Oslove',
      nameParts: ['Oslo', 'Oslove'],
    });

    const openapi = (await t.owner.inject({ url: '/api/v1/openapi.json' })).json();
    expect(openapi.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/health',
      '/api/v1/catalog',
      '/api/v1/municipalities',
      '/api/v1/mergers',
      '/api/v1/mergers/{mergerId}',
      '/api/v1/mergers/{mergerId}/tasks',
      '/api/v1/mergers/{mergerId}/tasks/{taskId}',
    ]) {
      expect(openapi.paths, path).toHaveProperty([path]);
    }
    expect(openapi.paths['/api/v1/mergers/{mergerId}/tasks/{taskId}'].patch.responses).toHaveProperty(['409']);
  });

  it('serves the whole library with priorities and low-hanging fruit marked', async () => {
    const response = await t.owner.inject({ url: '/api/v1/catalog' });
    expect(response.statusCode).toBe(200);
    const catalog = response.json();
    expect(catalog.source).toMatchObject({ publisher: 'KS', author: 'PA Consulting' });
    expect(catalog.version).toMatch(/^\d+\.\d+\.\d+$/);
    const sectorTasks = catalog.sectors.flatMap((s: { solutionAreas: Array<{ tasks: unknown[] }> }) => s.solutionAreas.flatMap((a) => a.tasks));
    expect(sectorTasks).toHaveLength(83);
    expect(sectorTasks.every((task: { priority: string }) => ['critical', 'medium'].includes(task.priority))).toBe(true);
    const opportunities = catalog.opportunities.areas.flatMap((a: { opportunities: unknown[] }) => a.opportunities);
    expect(opportunities).toHaveLength(102);
    expect(opportunities.filter((o: { lowHangingFruit: boolean }) => o.lowHangingFruit === true)).toHaveLength(33);
  });
});
