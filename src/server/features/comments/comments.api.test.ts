import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#server/test/test-app.ts';

let t: TestApp;
let mergerId: string;
let base: string;
let lead: TestUser;
let mona: TestUser;
let knut: TestUser;
let rita: TestUser;
let outsider: TestUser;
let taskId: string;

beforeEach(async () => {
  t = await createTestApp();
  mergerId = await t.createMerger({ name: 'Kommentarer' });
  base = `/api/v1/mergers/${mergerId}`;
  [lead, mona, knut, rita, outsider] = await Promise.all([
    t.createUser('Live Leder'),
    t.createUser('Mona Medlem'),
    t.createUser('Knut Kollega'),
    t.createUser('Rita Leser'),
    t.createUser('Ulla Utenfor'),
  ]);
  await t.addMember(mergerId, lead, 'lead');
  await t.addMember(mergerId, mona, 'member');
  await t.addMember(mergerId, knut, 'member');
  await t.addMember(mergerId, rita, 'reader');
  taskId = (await t.owner.inject(`${base}/tasks`)).json().tasks[0].id;
});
afterEach(async () => {
  await t.close();
});

const mention = (user: TestUser) => `@[${user.name}](${user.id})`;

async function comment(by: TestUser, body: string, subject: { subjectKind: string; subjectId: string } = { subjectKind: 'task', subjectId: taskId }) {
  const response = await by.inject({ method: 'POST', url: `${base}/comments`, payload: { ...subject, body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function notificationsOf(user: TestUser) {
  const response = await user.inject('/api/v1/me/notifications');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().notifications as Array<{ kind: string; subjectTitle: string; link: string; excerpt: string; actorName: string }>;
}

describe('comments on a task', () => {
  it('are written by members, read by everyone in the merger, and recorded in history', async () => {
    const created = await comment(mona, 'Jeg tar kontakt med leverandøren.');
    expect(created).toMatchObject({ author: { userId: mona.id, name: 'Mona Medlem' }, edited: false, version: 1, mayEdit: true, mayDelete: true });

    const asReader = await rita.inject(`${base}/comments?subjectKind=task&subjectId=${taskId}`);
    expect(asReader.statusCode).toBe(200);
    expect(asReader.json()).toMatchObject({
      mayComment: false,
      comments: [{ id: created.id, body: 'Jeg tar kontakt med leverandøren.', mayEdit: false, mayDelete: false }],
    });
    const refused = await rita.inject({ method: 'POST', url: `${base}/comments`, payload: { subjectKind: 'task', subjectId: taskId, body: 'Kan jeg?' } });
    expect(refused.statusCode).toBe(403);
    expect((await outsider.inject(`${base}/comments?subjectKind=task&subjectId=${taskId}`)).statusCode).toBe(404);

    const history = (await t.owner.inject(`${base}/audit?entity=comment&entityId=${created.id}`)).json().entries;
    expect(history).toHaveLength(1);
    expect(history[0].display).toMatchObject({
      entity: 'Kommentar',
      action: 'Opprettet',
      changes: [{ field: 'Tekst', new: 'Jeg tar kontakt med leverandøren.' }],
    });
  });

  it('are refused for a subject that is not in the merger', async () => {
    const otherMerger = await t.createMerger({ name: 'Annen' });
    const otherTask = (await t.owner.inject(`/api/v1/mergers/${otherMerger}/tasks`)).json().tasks[0].id;
    const wrong = await mona.inject({ method: 'POST', url: `${base}/comments`, payload: { subjectKind: 'task', subjectId: otherTask, body: 'Hei' } });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('TASK_NOT_FOUND');
    const area = await mona.inject({ method: 'POST', url: `${base}/comments`, payload: { subjectKind: 'decision', subjectId: 'finnes-ikke', body: 'Hei' } });
    expect(area.json().error.code).toBe('SOLUTION_AREA_NOT_FOUND');
    const empty = await mona.inject({ method: 'POST', url: `${base}/comments`, payload: { subjectKind: 'task', subjectId: taskId, body: '   ' } });
    expect(empty.statusCode).toBe(400);
  });

  it('are edited only by their author and deleted by the author or prosjektleder and eier', async () => {
    const created = await comment(mona, 'Første utkast');
    const byOther = await knut.inject({ method: 'PATCH', url: `${base}/comments/${created.id}`, payload: { body: 'Knut skriver om', version: 1 } });
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().error.code).toBe('NOT_COMMENT_AUTHOR');
    const byLead = await lead.inject({ method: 'PATCH', url: `${base}/comments/${created.id}`, payload: { body: 'Leder skriver om', version: 1 } });
    expect(byLead.statusCode).toBe(403);

    const edited = await mona.inject({ method: 'PATCH', url: `${base}/comments/${created.id}`, payload: { body: 'Andre utkast', version: 1 } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ body: 'Andre utkast', edited: true, version: 2 });
    const stale = await mona.inject({ method: 'PATCH', url: `${base}/comments/${created.id}`, payload: { body: 'Tredje', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    expect((await knut.inject({ method: 'DELETE', url: `${base}/comments/${created.id}?version=2` })).statusCode).toBe(403);
    expect((await lead.inject({ method: 'DELETE', url: `${base}/comments/${created.id}?version=1` })).statusCode).toBe(409);
    expect((await lead.inject({ method: 'DELETE', url: `${base}/comments/${created.id}?version=2` })).statusCode).toBe(204);
    expect((await mona.inject(`${base}/comments?subjectKind=task&subjectId=${taskId}`)).json().comments).toEqual([]);

    const own = await comment(knut, 'Min egen');
    expect((await knut.inject({ method: 'DELETE', url: `${base}/comments/${own.id}?version=1` })).statusCode).toBe(204);

    const history = (await t.owner.inject(`${base}/audit?entity=comment&entityId=${created.id}`)).json().entries;
    expect(history.map((entry: { action: string }) => entry.action).sort()).toEqual(['create', 'delete', 'update']);
    const deletion = history.find((entry: { action: string }) => entry.action === 'delete');
    expect(deletion.actor.name).toBe('Live Leder');
    expect(deletion.display.changes).toEqual([{ field: 'Tekst', old: 'Andre utkast', new: null }]);
  });
});

describe('mentions', () => {
  it('tell the mentioned member, and nobody outside the merger', async () => {
    const created = await comment(lead, `Hei ${mention(mona)} og ${mention(outsider)}, se på dette.`);
    // Someone outside the merger cannot be mentioned: their name stays, as plain text.
    expect(created.body).toBe(`Hei ${mention(mona)} og @Ulla Utenfor, se på dette.`);
    expect(created.mentions).toEqual([{ userId: mona.id, name: 'Mona Medlem' }]);

    const told = await notificationsOf(mona);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: 'mentioned',
      actorName: 'Live Leder',
      excerpt: 'Hei @Mona Medlem og @Ulla Utenfor, se på dette.',
      link: `/sammenslainger/${mergerId}/oppgaver/${taskId}#kommentar-${created.id}`,
    });
    expect(await notificationsOf(outsider)).toEqual([]);
    expect(await notificationsOf(knut)).toEqual([]);
    expect(await notificationsOf(lead)).toEqual([]);
  });

  it('show the member’s name as it is now, and tell only those newly mentioned when edited', async () => {
    const created = await comment(lead, `Spør ${mention(mona)}`);
    const renamed = await t.administrator.inject({ method: 'PATCH', url: `/api/v1/users/${mona.id}`, payload: { version: 1, name: 'Mona Nynavn' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const listed = (await knut.inject(`${base}/comments?subjectKind=task&subjectId=${taskId}`)).json().comments;
    expect(listed[0].body).toBe(`Spør @[Mona Nynavn](${mona.id})`);

    await lead.inject({ method: 'PATCH', url: `${base}/comments/${created.id}`, payload: { body: `Spør ${mention(mona)} og ${mention(knut)}`, version: 1 } });
    expect((await notificationsOf(mona)).map((n) => n.kind)).toEqual(['mentioned']);
    expect((await notificationsOf(knut)).map((n) => n.kind)).toEqual(['mentioned']);
  });
});

describe('followers', () => {
  it('are told of a new comment: those who commented before and the member responsible', async () => {
    const patched = await t.owner.inject({ method: 'PATCH', url: `${base}/tasks/${taskId}`, payload: { version: 1, responsibleUserId: knut.id } });
    expect(patched.statusCode, patched.body).toBe(200);
    await comment(mona, 'Første');
    await comment(lead, `Svar, ${mention(mona)}`);

    // Mona commented before and is mentioned: told once, as mentioned.
    expect((await notificationsOf(mona)).map((n) => n.kind)).toEqual(['mentioned']);
    // Knut is the task's responsible member: told of both comments, and before them that he was made so (newest first).
    expect((await notificationsOf(knut)).map((n) => n.kind)).toEqual(['comment', 'comment', 'assigned']);
    // The lead wrote the second and was not there before the first.
    expect(await notificationsOf(lead)).toEqual([]);
    expect(await notificationsOf(rita)).toEqual([]);
  });

  it('follow veivalg by area, risks by owner and benefits by responsible', async () => {
    const area = 'omrade-okonomi-og-regnskapssystem';
    await comment(mona, 'Vi bør vente på anbudet.', { subjectKind: 'decision', subjectId: area });
    await comment(knut, 'Enig.', { subjectKind: 'decision', subjectId: area });
    const told = await notificationsOf(mona);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: 'comment',
      subjectTitle: 'Økonomi- og regnskapssystem',
      link: expect.stringContaining(`/veivalg/${area}#kommentar-`),
    });

    const risk = (await t.owner.inject({ method: 'POST', url: `${base}/risks`, payload: { title: 'Datatap', owner: 'Mona Medlem' } })).json();
    await comment(knut, 'Har vi backup?', { subjectKind: 'risk', subjectId: risk.id });
    expect((await notificationsOf(mona)).map((n) => n.subjectTitle)).toContain('Datatap');

    const benefit = (
      await t.owner.inject({ method: 'POST', url: `${base}/benefits`, payload: { title: 'Færre lisenser', type: 'economic', responsible: 'Rita Leser' } })
    ).json();
    await comment(knut, 'Tall kommer.', { subjectKind: 'benefit', subjectId: benefit.benefit.id });
    expect((await notificationsOf(rita)).map((n) => [n.kind, n.subjectTitle])).toEqual([['comment', 'Færre lisenser']]);
  });
});
