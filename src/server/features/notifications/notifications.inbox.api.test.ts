import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifications } from '#server/platform/db/schema/index.ts';
import { createTestApp, type TestApp, type TestUser } from '#server/test/test-app.ts';
import { scanDueTasks } from './notifications.events.service.ts';
import { notify } from './notifications.service.ts';

let t: TestApp;
let mergerId: string;
let base: string;
let mona: TestUser;
let knut: TestUser;
let now = new Date('2027-03-01T09:00:00Z');

beforeEach(async () => {
  now = new Date('2027-03-01T09:00:00Z');
  t = await createTestApp({ now: () => now });
  mergerId = await t.createMerger({ name: 'Varsler' });
  base = `/api/v1/mergers/${mergerId}`;
  [mona, knut] = await Promise.all([t.createUser('Mona Medlem'), t.createUser('Knut Kollega')]);
  await t.addMember(mergerId, mona, 'member');
  await t.addMember(mergerId, knut, 'member');
});
afterEach(async () => {
  await t.close();
});

async function tasks(): Promise<Array<{ id: string; title: string; version: number }>> {
  return (await t.owner.inject(`${base}/tasks`)).json().tasks;
}

async function setTask(id: string, version: number, changes: object) {
  const response = await t.owner.inject({ method: 'PATCH', url: `${base}/tasks/${id}`, payload: { version, ...changes } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function mine(user: TestUser, query = '') {
  const response = await user.inject(`/api/v1/me/notifications${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const unread = async (user: TestUser) => (await user.inject('/api/v1/me/notifications/unread-count')).json().unread as number;

describe('the daily look at due dates', () => {
  it('tells the responsible member once that a task is due soon, and once that it is overdue', async () => {
    const [soon, later, done] = await tasks();
    await setTask(soon!.id, soon!.version, { responsibleUserId: mona.id, dueDate: '2027-03-05' });
    await setTask(later!.id, later!.version, { responsibleUserId: mona.id, dueDate: '2027-03-20' });
    await setTask(done!.id, done!.version, { responsibleUserId: mona.id, dueDate: '2027-02-01', status: 'done' });

    // Being made responsible was told already; what the scan finds comes on top.
    await mona.inject({ method: 'POST', url: '/api/v1/me/notifications/read-all' });
    expect(await scanDueTasks(t.database.db, now)).toBe(1);
    expect(await scanDueTasks(t.database.db, now)).toBe(0);
    const first = await mine(mona, '?unread=true');
    expect(first.notifications).toEqual([
      expect.objectContaining({
        kind: 'due_soon',
        subjectKind: 'task',
        subjectTitle: expect.stringContaining(soon!.title),
        actorName: null,
        mergerName: 'Varsler',
      }),
    ]);
    expect(first.notifications[0].link).toBe(`/sammenslainger/${mergerId}/oppgaver/${soon!.id}`);

    // The next week: the first is overdue, the second due soon; each told once however often Samla looks.
    const nextWeek = new Date('2027-03-14T09:00:00Z');
    expect(await scanDueTasks(t.database.db, nextWeek)).toBe(2);
    expect(await scanDueTasks(t.database.db, new Date('2027-03-15T09:00:00Z'))).toBe(0);
    const kinds = (await mine(mona)).notifications
      .filter((n: { kind: string }) => n.kind !== 'assigned')
      .map((n: { kind: string; subjectTitle: string }) => `${n.kind}:${n.subjectTitle.startsWith(soon!.title) ? 'soon' : 'later'}`);
    expect(kinds.sort()).toEqual(['due_soon:later', 'due_soon:soon', 'overdue:soon']);
    expect(await mine(knut)).toMatchObject({ notifications: [], unreadCount: 0 });
  });
});

describe('a veivalg adopted', () => {
  it('tells the members responsible for tasks in its area', async () => {
    const area = 'omrade-okonomi-og-regnskapssystem';
    const decide = (payload: object) => t.owner.inject({ method: 'PUT', url: `${base}/decisions/${area}`, payload });
    const adopted = await decide({ outcome: 'retire', timing: 'before_merger', state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02' });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const placed = adopted.json().plannedTasks[0];
    const task = (await t.owner.inject(`${base}/tasks/${placed.id}`)).json();
    await setTask(task.id, task.version, { responsibleUserId: knut.id });
    await knut.inject({ method: 'POST', url: '/api/v1/me/notifications/read-all' });
    expect((await decide({ outcome: 'retire', timing: 'before_merger', state: 'proposed', version: 1 })).statusCode).toBe(200);
    expect(await unread(knut)).toBe(0);

    expect(
      (await decide({ outcome: 'retire', timing: 'before_merger', state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02', version: 2 }))
        .statusCode,
    ).toBe(200);
    const told = (await mine(knut, '?unread=true')).notifications;
    expect(told).toEqual([
      expect.objectContaining({ kind: 'decision_adopted', subjectKind: 'decision', subjectTitle: 'Økonomi- og regnskapssystem', actorName: 'Eva Eier' }),
    ]);
    expect(told[0].link).toBe(`/sammenslainger/${mergerId}/veivalg/${area}`);
    expect(await unread(mona)).toBe(0);
  });
});

describe('«Varsler»', () => {
  async function tell(user: TestUser, count: number) {
    for (let i = 0; i < count; i++) {
      await notify(t.database.db, [
        {
          kind: 'comment',
          recipientUserId: user.id,
          mergerId,
          subject: { kind: 'task', id: '00000000-0000-4000-8000-0000000000aa', title: `Oppgave ${i + 1}` },
          link: `/sammenslainger/${mergerId}`,
          actor: { userId: t.owner.id, name: t.owner.name },
        },
      ]);
      // Rows get their time from the database; keep them apart so «newest first» is testable.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('lists my own newest first, pages, counts the unread and marks them read', async () => {
    await tell(mona, 3);
    await tell(knut, 1);
    expect(await unread(mona)).toBe(3);

    const page = await mine(mona, '?limit=2');
    expect(page.notifications.map((n: { subjectTitle: string }) => n.subjectTitle)).toEqual(['Oppgave 3', 'Oppgave 2']);
    expect(page).toMatchObject({ unreadCount: 3, hasMore: true });
    expect((await mine(mona, '?limit=2&offset=2')).notifications.map((n: { subjectTitle: string }) => n.subjectTitle)).toEqual(['Oppgave 1']);

    const newest = page.notifications[0].id;
    expect((await knut.inject({ method: 'POST', url: `/api/v1/me/notifications/${newest}/read` })).statusCode).toBe(404);
    expect((await mona.inject({ method: 'POST', url: `/api/v1/me/notifications/${newest}/read` })).statusCode).toBe(204);
    expect(await unread(mona)).toBe(2);
    const onlyUnread = await mine(mona, '?unread=true');
    expect(onlyUnread.notifications.map((n: { subjectTitle: string }) => n.subjectTitle)).toEqual(['Oppgave 2', 'Oppgave 1']);
    expect((await mine(mona)).notifications[0].readAt).not.toBeNull();

    const all = await mona.inject({ method: 'POST', url: '/api/v1/me/notifications/read-all' });
    expect(all.json()).toEqual({ marked: 2 });
    expect(await unread(mona)).toBe(0);
    expect(await unread(knut)).toBe(1);
  });

  it('stops showing a merger’s notifications to someone who has left it', async () => {
    await tell(mona, 1);
    expect(await unread(mona)).toBe(1);
    const removed = await t.owner.inject({ method: 'DELETE', url: `${base}/members/${mona.id}` });
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await unread(mona)).toBe(0);
    expect((await mine(mona)).notifications).toEqual([]);
    expect(await t.database.db.select().from(notifications)).toHaveLength(1);
  });

  it('keeps an index of each person’s unread, which the count reads', async () => {
    const indexes = (await t.database.rawQuery(`select indexdef from pg_indexes where tablename = 'notifications'`)) as Array<{ indexdef: string }>;
    expect(indexes.map((row) => row.indexdef)).toContainEqual(expect.stringMatching(/\(user_id\) WHERE \(read_at IS NULL\)/));
  });
});
