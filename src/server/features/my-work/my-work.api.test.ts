import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { notifications } from '#server/platform/db/schema/index.ts';
import { createTestApp, type TestApp, type TestUser } from '#server/test/test-app.ts';

let t: TestApp;
let now: Date;
let mergerId: string;
let mona: TestUser;

beforeEach(async () => {
  now = new Date('2027-03-01T10:00:00Z');
  t = await createTestApp({ now: () => now });
  mergerId = await t.createMerger({ name: 'Nye Bergen' });
  mona = await t.createUser('Mona Medlem');
  await t.addMember(mergerId, mona, 'member');
});
afterEach(async () => {
  await t.close();
});

const tasksOf = async (id: string) =>
  (await t.owner.inject(`/api/v1/mergers/${id}/tasks`)).json().tasks as Array<{ id: string; version: number; title: string }>;

async function patchTask(id: string, task: { id: string; version: number }, payload: object, as: TestUser = t.owner) {
  return as.inject({ method: 'PATCH', url: `/api/v1/mergers/${id}/tasks/${task.id}`, payload: { version: task.version, ...payload } });
}

const notificationsOf = (userId: string) => t.database.db.select().from(notifications).where(eq(notifications.userId, userId));

describe('«Ansvarlig» as a member of the merger', () => {
  it('assigns a task to a member: they are told (with a link to the task), history names them, and the task reads with their name', async () => {
    const [task] = await tasksOf(mergerId);
    const assigned = await patchTask(mergerId, task!, { responsibleUserId: mona.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ responsible: null, responsibleUserId: mona.id, responsibleName: 'Mona Medlem' });

    const told = await notificationsOf(mona.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: 'assigned',
      subjectKind: 'task',
      subjectId: task!.id,
      actorName: 'Eva Eier',
      link: `/sammenslainger/${mergerId}/oppgaver/${task!.id}`,
    });

    // Saving again with the same member tells nobody again.
    const again = await patchTask(mergerId, assigned.json(), { responsibleUserId: mona.id, notes: 'Mer' });
    expect(again.statusCode, again.body).toBe(200);
    expect(await notificationsOf(mona.id)).toHaveLength(1);

    const history = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?entity=task`)).json();
    const change = JSON.stringify(history);
    expect(change).toContain('Mona Medlem');
    expect(change).not.toContain(mona.id);
  });

  it('does not tell the person who assigns themselves', async () => {
    const [task] = await tasksOf(mergerId);
    const response = await patchTask(mergerId, task!, { responsibleUserId: mona.id }, mona);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().responsibleName).toBe('Mona Medlem');
    expect(await notificationsOf(mona.id)).toHaveLength(0);
  });

  it('refuses someone who is not a member, and a member and a name at once', async () => {
    const outsider = await t.createUser('Ulla Utenfor');
    const [task] = await tasksOf(mergerId);
    const refused = await patchTask(mergerId, task!, { responsibleUserId: outsider.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'RESPONSIBLE_NOT_MEMBER', details: [{ path: 'responsibleUserId' }] });
    expect(await notificationsOf(outsider.id)).toHaveLength(0);

    const both = await patchTask(mergerId, task!, { responsibleUserId: mona.id, responsible: 'Kari Konsulent' });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.code).toBe('RESPONSIBLE_AMBIGUOUS');
  });

  it('still takes free text for someone outside Samla, which replaces a member', async () => {
    const [task] = await tasksOf(mergerId);
    const member = (await patchTask(mergerId, task!, { responsibleUserId: mona.id })).json();
    const text = await patchTask(mergerId, member, { responsible: 'Kari Konsulent' });
    expect(text.statusCode, text.body).toBe(200);
    expect(text.json()).toMatchObject({ responsible: 'Kari Konsulent', responsibleUserId: null, responsibleName: 'Kari Konsulent' });

    const created = await t.owner.inject({
      method: 'POST',
      url: `/api/v1/mergers/${mergerId}/tasks`,
      payload: { activityId: 'fase-1-akt-1', title: 'Egen oppgave', responsible: 'Ola Ekstern' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ responsible: 'Ola Ekstern', responsibleUserId: null, responsibleName: 'Ola Ekstern' });
  });

  it('assigns mitigations, benefits and veivalg to members, telling them each time', async () => {
    const base = `/api/v1/mergers/${mergerId}`;
    const risk = (await t.owner.inject({ method: 'POST', url: `${base}/risks`, payload: { title: 'Datatap' } })).json();
    const mitigation = await t.owner.inject({
      method: 'POST',
      url: `${base}/risks/${risk.id}/mitigations`,
      payload: { title: 'Ta sikkerhetskopi', responsibleUserId: mona.id, deadline: '2027-04-01' },
    });
    expect(mitigation.statusCode, mitigation.body).toBe(201);
    expect(mitigation.json()).toMatchObject({ owner: null, responsibleUserId: mona.id, responsibleName: 'Mona Medlem' });

    const benefit = await t.owner.inject({
      method: 'POST',
      url: `${base}/benefits`,
      payload: { title: 'Færre systemer', type: 'economic', responsibleUserId: mona.id },
    });
    expect(benefit.statusCode, benefit.body).toBe(201);
    expect(benefit.json().benefit).toMatchObject({ responsibleUserId: mona.id, responsibleName: 'Mona Medlem' });

    const decision = await t.owner.inject({
      method: 'PUT',
      url: `${base}/decisions/omrade-okonomi-og-regnskapssystem`,
      payload: { outcome: 'retire', timing: 'before_merger', state: 'proposed', responsibleUserId: mona.id },
    });
    expect(decision.statusCode, decision.body).toBe(200);
    expect(decision.json().decision).toMatchObject({ responsible: null, responsibleUserId: mona.id, responsibleName: 'Mona Medlem' });
    // Saving the veivalg without naming the responsible leaves them as they are.
    const kept = await t.owner.inject({
      method: 'PUT',
      url: `${base}/decisions/omrade-okonomi-og-regnskapssystem`,
      payload: { outcome: 'retire', timing: 'transition', state: 'proposed', version: decision.json().decision.version },
    });
    expect(kept.json().decision.responsibleUserId).toBe(mona.id);

    const told = await notificationsOf(mona.id);
    expect(told.map((row) => row.subjectKind).sort()).toEqual(['benefit', 'decision', 'mitigation']);
    expect(told.find((row) => row.subjectKind === 'mitigation')!.link).toBe(`/sammenslainger/${mergerId}/risiko/${risk.id}`);
    expect(told.find((row) => row.subjectKind === 'decision')!.link).toBe(`/sammenslainger/${mergerId}/veivalg/omrade-okonomi-og-regnskapssystem`);

    const refused = await t.owner.inject({
      method: 'POST',
      url: `${base}/benefits`,
      payload: { title: 'Noe', type: 'economic', responsibleUserId: t.administrator.id },
    });
    expect(refused.json().error?.code).toBe('RESPONSIBLE_NOT_MEMBER');
  });

  it('keeps a member who leaves as responsible, shown by name; someone new must be a member', async () => {
    const [task, other] = await tasksOf(mergerId);
    await patchTask(mergerId, task!, { responsibleUserId: mona.id });
    const removed = await t.owner.inject({ method: 'DELETE', url: `/api/v1/mergers/${mergerId}/members/${mona.id}` });
    expect(removed.statusCode, removed.body).toBe(204);

    const after = (await t.owner.inject(`/api/v1/mergers/${mergerId}/tasks/${task!.id}`)).json();
    expect(after).toMatchObject({ responsibleUserId: mona.id, responsibleName: 'Mona Medlem' });
    // Editing something else keeps them; assigning them anew is refused.
    expect((await patchTask(mergerId, after, { notes: 'Notat', responsibleUserId: mona.id })).statusCode).toBe(200);
    expect((await patchTask(mergerId, other!, { responsibleUserId: mona.id })).json().error.code).toBe('RESPONSIBLE_NOT_MEMBER');
  });
});

describe('«Mine oppgaver»', () => {
  it('lists what I am responsible for across my mergers, overdue first then by due date, filtered by merger, status and kind', async () => {
    const second = await t.createMerger({ name: 'Nye Ålesund', municipalities: ['1508', '1580'] });
    await t.addMember(second, mona, 'member');
    const [a, b, c] = await tasksOf(mergerId);
    const [d] = await tasksOf(second);
    await patchTask(mergerId, a!, { responsibleUserId: mona.id, dueDate: '2027-06-01' });
    await patchTask(mergerId, b!, { responsibleUserId: mona.id, dueDate: '2027-02-01' }); // overdue
    await patchTask(mergerId, c!, { responsibleUserId: mona.id, status: 'done', dueDate: '2027-01-01' });
    await patchTask(second, d!, { responsibleUserId: mona.id, dueDate: '2027-04-01' });
    const risk = (await t.owner.inject({ method: 'POST', url: `/api/v1/mergers/${second}/risks`, payload: { title: 'Datatap' } })).json();
    await t.owner.inject({
      method: 'POST',
      url: `/api/v1/mergers/${second}/risks/${risk.id}/mitigations`,
      payload: { title: 'Sikkerhetskopi', responsibleUserId: mona.id },
    });
    // Someone else's task and free text do not show.
    await patchTask(mergerId, (await tasksOf(mergerId))[3]!, { responsible: 'Mona Medlem' });

    const mine = await mona.inject('/api/v1/me/tasks');
    expect(mine.statusCode, mine.body).toBe(200);
    const items = mine.json().items as Array<Record<string, unknown>>;
    expect(items.map((item) => [item.kind, item.mergerName, item.dueDate, item.overdue])).toEqual([
      ['task', 'Nye Bergen', '2027-02-01', true],
      ['task', 'Nye Ålesund', '2027-04-01', false],
      ['task', 'Nye Bergen', '2027-06-01', false],
      ['mitigation', 'Nye Ålesund', null, false],
    ]);
    expect(items[0]).toMatchObject({ id: b!.id, state: 'open', status: 'not_started', link: `/sammenslainger/${mergerId}/oppgaver/${b!.id}` });
    expect(mine.json().mergers.map((merger: { name: string }) => merger.name)).toEqual(['Nye Bergen', 'Nye Ålesund']);

    const inSecond = (await mona.inject(`/api/v1/me/tasks?mergerId=${second}`)).json().items;
    expect(inSecond.map((item: { mergerId: string }) => item.mergerId)).toEqual([second, second]);
    const done = (await mona.inject('/api/v1/me/tasks?status=done')).json().items;
    expect(done.map((item: { id: string }) => item.id)).toEqual([c!.id]);
    expect((await mona.inject('/api/v1/me/tasks?status=all')).json().items).toHaveLength(5);
    expect((await mona.inject('/api/v1/me/tasks?kind=mitigation')).json().items).toHaveLength(1);
    expect((await mona.inject('/api/v1/me/tasks?status=nothing')).statusCode).toBe(400);

    // Leaving a merger takes its items off my list (they keep my name there).
    await t.owner.inject({ method: 'DELETE', url: `/api/v1/mergers/${second}/members/${mona.id}` });
    const left = (await mona.inject('/api/v1/me/tasks')).json();
    expect(left.items.map((item: { mergerName: string }) => item.mergerName)).toEqual(['Nye Bergen', 'Nye Bergen']);
    expect(left.mergers.map((merger: { name: string }) => merger.name)).toEqual(['Nye Bergen']);

    // Someone with nothing assigned sees an empty list.
    expect((await t.owner.inject('/api/v1/me/tasks')).json().items).toEqual([]);
  });
});

describe('my personal calendar address', () => {
  it('serves my open due dates without a session until replaced or revoked; a wrong address is 404', async () => {
    const [task, doneTask] = await tasksOf(mergerId);
    await patchTask(mergerId, task!, { responsibleUserId: mona.id, dueDate: '2027-05-10' });
    await patchTask(mergerId, doneTask!, { responsibleUserId: mona.id, dueDate: '2027-05-11', status: 'done' });

    expect((await mona.inject('/api/v1/me/calendar-feed')).json()).toEqual({ exists: false, createdAt: null, lastUsedAt: null });
    const created = await mona.inject({ method: 'POST', url: '/api/v1/me/calendar-feed' });
    expect(created.statusCode, created.body).toBe(201);
    const { path } = created.json();
    expect(path).toMatch(/^\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{40,}\/mine-oppgaver\.ics$/);

    const feed = await t.app.inject(path);
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.body).toContain('DTSTART;VALUE=DATE:20270510');
    expect(feed.body).not.toContain('DTSTART;VALUE=DATE:20270511');
    expect(feed.body).toContain('Mine oppgaver i Samla – Mona Medlem');
    expect((await mona.inject('/api/v1/me/calendar-feed')).json()).toMatchObject({ exists: true, lastUsedAt: now.toISOString() });

    // Someone else's feed is their own: the owner has none.
    expect((await t.owner.inject('/api/v1/me/calendar-feed')).json().exists).toBe(false);

    const wrong = await t.app.inject('/api/v1/calendar-feeds/en-hemmelig-adresse-som-ikke-finnes/mine-oppgaver.ics');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('CALENDAR_FEED_NOT_FOUND');

    const replaced = (await mona.inject({ method: 'POST', url: '/api/v1/me/calendar-feed' })).json().path;
    expect((await t.app.inject(path)).statusCode).toBe(404);
    expect((await t.app.inject(replaced)).statusCode).toBe(200);

    expect((await mona.inject({ method: 'DELETE', url: '/api/v1/me/calendar-feed' })).statusCode).toBe(204);
    expect((await t.app.inject(replaced)).statusCode).toBe(404);
    expect((await mona.inject({ method: 'DELETE', url: '/api/v1/me/calendar-feed' })).statusCode).toBe(404);
  });

  it('speaks the person’s language: nynorsk for someone who chose it (decision 040)', async () => {
    const [task] = await tasksOf(mergerId);
    await patchTask(mergerId, task!, { responsibleUserId: mona.id, dueDate: '2027-05-10' });
    expect((await mona.inject({ method: 'PUT', url: '/api/v1/me/language', payload: { language: 'nn' } })).statusCode).toBe(200);
    const { path } = (await mona.inject({ method: 'POST', url: '/api/v1/me/calendar-feed' })).json();
    const feed = (await t.app.inject(path)).body.replaceAll('\r\n ', '');
    expect(feed).toContain('X-WR-CALNAME:Mine oppgåver i Samla – Mona Medlem');
    expect(feed).toContain('CATEGORIES:Samla,Mine oppgåver');
    expect(feed).toContain('SUMMARY:Frist: ');
  });
});

describe('«Mine oppgaver» in the reader’s language (issue 22)', () => {
  it('names a veivalg’s solution area in the reader’s language; the team’s titles stay as written', async () => {
    const base = `/api/v1/mergers/${mergerId}`;
    const decision = await t.owner.inject({
      method: 'PUT',
      url: `${base}/decisions/omrade-okonomi-og-regnskapssystem`,
      payload: { outcome: 'retire', timing: 'before_merger', state: 'proposed', responsibleUserId: t.owner.id },
    });
    expect(decision.statusCode, decision.body).toBe(200);
    const benefit = await t.owner.inject({
      method: 'POST',
      url: `${base}/benefits`,
      payload: { title: 'Færre systemer', type: 'economic', responsibleUserId: t.owner.id },
    });
    expect(benefit.statusCode, benefit.body).toBe(201);

    const titles = async (language: string) => {
      const response = await t.owner.inject({ url: '/api/v1/me/tasks', headers: { 'accept-language': language } });
      expect(response.statusCode, response.body).toBe(200);
      return Object.fromEntries((response.json().items as Array<{ kind: string; title: string }>).map((item) => [item.kind, item.title]));
    };
    expect(await titles('en')).toMatchObject({ decision: 'Finance and accounting system', benefit: 'Færre systemer' });
    expect(await titles('nn')).toMatchObject({ decision: 'Økonomi- og rekneskapssystem', benefit: 'Færre systemer' });
    expect(await titles('nb')).toMatchObject({ decision: 'Økonomi- og regnskapssystem', benefit: 'Færre systemer' });
  });
});
