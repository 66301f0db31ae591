import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifications } from '#server/platform/db/schema/index.ts';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';
import { notify, type NotificationEvent } from './notifications.service.ts';

let t: TestApp;
let mergerId: string;
beforeEach(async () => {
  t = await createTestApp();
  mergerId = await t.createMerger({ name: 'Varsler' });
});
afterEach(async () => {
  await t.close();
});

const subject = { kind: 'task', id: '00000000-0000-4000-8000-0000000000aa', title: 'Kartlegg fagsystemer' } as const;

function event(recipientUserId: string, overrides: Partial<NotificationEvent> = {}): NotificationEvent {
  return {
    kind: 'assigned',
    recipientUserId,
    mergerId,
    subject,
    link: `/sammenslaainger/${mergerId}`,
    actor: { userId: t.owner.id, name: t.owner.name },
    ...overrides,
  };
}

describe('notify', () => {
  it('tells members of the merger, never the person who did it nor anyone outside the merger', async () => {
    const member = await t.createUser('Mona Medlem');
    await t.addMember(mergerId, member, 'member');
    const outsider = await t.createUser('Ulla Utenfor');

    const told = await notify(t.database.db, [event(member.id), event(t.owner.id), event(outsider.id)]);

    expect(told.map((row) => row.userId)).toEqual([member.id]);
    expect(told[0]).toMatchObject({ kind: 'assigned', subjectTitle: 'Kartlegg fagsystemer', actorName: t.owner.name, readAt: null });
  });

  it('tells what Samla found by itself once per person and key', async () => {
    const member = await t.createUser('Mona Medlem');
    await t.addMember(mergerId, member, 'member');
    const overdue = event(member.id, { kind: 'overdue', actor: null, onceKey: `overdue:${subject.id}:2027-01-01` });

    expect(await notify(t.database.db, [overdue])).toHaveLength(1);
    expect(await notify(t.database.db, [overdue])).toHaveLength(0);
    expect(await t.database.db.select().from(notifications)).toHaveLength(1);
  });
});
