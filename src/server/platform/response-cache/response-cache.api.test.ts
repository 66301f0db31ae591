import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, exampleIndicator, type TestApp, type TestUser } from '#server/test/test-app.ts';

// Decision 019: merger reads are answered from memory while the data is
// unchanged. What users rely on is that they never see an answer older than
// the last change they (or anyone, through any node) made.

let t: TestApp;
let mergerId: string;
let base: string;
let clock: Date;

beforeEach(async () => {
  clock = new Date('2027-09-20T10:00:00Z');
  t = await createTestApp({ now: () => clock });
  mergerId = await t.createMerger({ mergerDate: '2028-01-01', municipalities: ['4601', '4626'] });
  base = `/api/v1/mergers/${mergerId}`;
});
afterEach(async () => {
  await t.close();
});

async function read(url: string, as: TestUser = t.owner, etag?: string) {
  const response = await as.inject({ url: `${base}${url}`, headers: etag ? { 'if-none-match': etag } : {} });
  expect([200, 304], response.body).toContain(response.statusCode);
  return response;
}

async function send(method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object, as: TestUser = t.owner) {
  const response = await as.inject({ method, url: `${base}${url}`, payload });
  expect([200, 201], response.body).toContain(response.statusCode);
  return response.json();
}

describe('answers to merger reads', () => {
  it('carry an ETag; the same ETag back gives 304 without a body until something changes', async () => {
    const first = await read('/tasks');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await read('/tasks', t.owner, etag);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const task = first.json().tasks[0];
    await send('PATCH', `/tasks/${task.id}`, { version: task.version, status: 'in_progress' });
    const after = await read('/tasks', t.owner, etag);
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json().tasks.find((each: { id: string }) => each.id === task.id).status).toBe('in_progress');
  });

  it('show every kind of change at once: tasks, inventory, decisions, benefits, measurements, members', async () => {
    // Read everything first, so each answer below would be a stale copy if the cache kept it.
    const urls = ['/tasks', '/inventory/systems', '/dashboard', '/benefits', '/members', '/decisions'];
    const before = new Map<string, string>();
    for (const url of urls) {
      const response = await read(url);
      expect((await read(url)).body, `${url} is stable while nothing changes`).toBe(response.body);
      before.set(url, response.body);
    }

    const system = await send('POST', '/inventory/systems', {
      municipalityNumber: '4601',
      name: 'Visma Økonomi',
      vendor: 'Visma',
      solutionAreaId: 'omrade-okonomi-og-regnskapssystem',
    });
    expect((await read('/inventory/systems')).json().items.map((s: { id: string }) => s.id)).toContain(system.id);

    await send('PUT', '/decisions/omrade-okonomi-og-regnskapssystem', {
      outcome: 'continue',
      targetSystemId: system.id,
      timing: 'before_merger',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
    });
    expect((await read('/decisions')).body).not.toBe(before.get('/decisions'));
    expect((await read('/dashboard')).body).not.toBe(before.get('/dashboard'));

    const { benefit } = await send('POST', '/benefits', { title: 'Færre manuelle søknader', type: 'time' });
    const withIndicator = await send('POST', `/benefits/${benefit.id}/indicators`, exampleIndicator);
    const indicator = withIndicator.indicators[0];
    const beforeMeasurement = (await read(`/benefits/${benefit.id}`)).body;
    // A measurement row holds no merger id: the trigger finds it through the indicator.
    await send('POST', `/benefits/${benefit.id}/indicators/${indicator.id}/measurements`, { measuredOn: '2027-07-02', value: 35 });
    const afterMeasurement = await read(`/benefits/${benefit.id}`);
    expect(afterMeasurement.body).not.toBe(beforeMeasurement);
    expect(afterMeasurement.json().indicators[0].status.latest).toMatchObject({ value: 35 });

    const colleague = await t.createUser('Kari Kollega');
    await t.addMember(mergerId, colleague, 'reader');
    expect((await read('/members')).json().members.map((m: { name: string }) => m.name)).toContain('Kari Kollega');
  });

  it('show a changed name of a person, which belongs to no merger', async () => {
    const colleague = await t.createUser('Kari Kollega');
    await t.addMember(mergerId, colleague, 'member');
    const before = await read('/members');
    // As signing in with ID-porten/Entra ID does when the name there changed.
    await t.database.rawQuery(`update users set name = 'Kari Nordmann' where id = '${colleague.id}'`);
    const after = await read('/members', t.owner, before.headers.etag as string);
    expect(after.statusCode).toBe(200);
    expect(after.json().members.map((m: { name: string }) => m.name)).toContain('Kari Nordmann');
  });

  it('are not changed by what happens in another merger', async () => {
    const other = await t.createMerger({ municipalities: ['4631', '4632'] });
    const before = await read('/tasks');
    const otherTask = (await t.owner.inject(`/api/v1/mergers/${other}/tasks`)).json().tasks[0];
    const patched = await t.owner.inject({
      method: 'PATCH',
      url: `/api/v1/mergers/${other}/tasks/${otherTask.id}`,
      payload: { version: otherTask.version, status: 'done' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await read('/tasks', t.owner, before.headers.etag as string)).statusCode).toBe(304);
  });

  it('are never shared between people or roles', async () => {
    const reader = await t.createUser('Rita Leser');
    await t.addMember(mergerId, reader, 'reader');
    const owners = await read('/tasks');
    const readers = await read('/tasks', reader, owners.headers.etag as string);
    expect(readers.statusCode).toBe(200);
    expect(readers.headers.etag).not.toBe(owners.headers.etag);
  });

  it('are kept per language: a reader who switches to nynorsk is not given the bokmål answer', async () => {
    const bokmål = await t.owner.inject({ url: `${base}/tasks`, headers: { 'accept-language': 'nb' } });
    const etag = bokmål.headers.etag as string;
    expect(bokmål.headers.vary).toContain('accept-language');
    const nynorsk = await t.owner.inject({ url: `${base}/tasks`, headers: { 'accept-language': 'nn', 'if-none-match': etag } });
    expect(nynorsk.statusCode).toBe(200);
    expect(nynorsk.headers.etag).not.toBe(etag);
    const bokmålAgain = await t.owner.inject({ url: `${base}/tasks`, headers: { 'accept-language': 'nb', 'if-none-match': etag } });
    expect(bokmålAgain.statusCode).toBe(304);
  });

  it('follow the day: a task due tomorrow is overdue two days later with no change to the data', async () => {
    const task = (await read('/tasks')).json().tasks[0];
    await send('PATCH', `/tasks/${task.id}`, { version: task.version, dueDate: '2027-09-21' });
    const today = (await read('/tasks')).json().tasks.find((each: { id: string }) => each.id === task.id);
    expect(today.overdue).toBe(false);
    clock = new Date('2027-09-22T10:00:00Z');
    const later = (await read('/tasks')).json().tasks.find((each: { id: string }) => each.id === task.id);
    expect(later.overdue).toBe(true);
  });

  it('are gzipped for a browser that accepts it and plain for a client that does not, the same JSON either way', async () => {
    const gzipped = () => t.owner.inject({ url: `${base}/tasks`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const plain = await read('/tasks');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('accept-encoding, accept-language');
    // The first gzipped answer is made anew (and kept), the second comes from memory.
    for (const response of [await gzipped(), await gzipped()]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers.vary).toBe('accept-encoding, accept-language');
      expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
      expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(gunzipSync(response.rawPayload).toString()).toBe(plain.body);
      expect(response.headers.etag).not.toBe(plain.headers.etag);
    }
    const etag = (await gzipped()).headers.etag as string;
    const unchanged = await t.owner.inject({ url: `${base}/tasks`, headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    expect(unchanged.statusCode).toBe(304);
  });

  it('are not kept for errors', async () => {
    const missing = await t.owner.inject(`${base}/benefits/00000000-0000-4000-8000-000000000000`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
  });
});

describe('the revision triggers', () => {
  it('are on every table that holds what a merger read can show', async () => {
    // Sign-in bookkeeping never appears in a merger's answers, nor does what one person is told
    // or mailed (read through /api/v1/me, which the cache does not answer, or by the mail sender).
    const personal = ['notifications', 'mail_outbox', 'mail_preferences', 'mailed_notifications', 'user_calendar_feeds'];
    const exempt = new Set(['sessions', 'api_tokens', 'login_attempts', 'user_identities', 'password_resets', ...personal]);
    const tables = (await t.database.rawQuery(`
      select c.relname as name, exists (
        select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'samla_cache_revision'
      ) as has_trigger
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`)) as Array<{ name: string; has_trigger: boolean }>;
    expect(tables.length).toBeGreaterThan(20);
    const missing = tables.filter((table) => !exempt.has(table.name) && !table.has_trigger).map((table) => table.name);
    expect(missing, 'tables whose changes would not reach the response cache (add them to a migration like 0010)').toEqual([]);
  });
});
