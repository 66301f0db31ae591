import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { notify, type NotificationEvent } from '#server/features/notifications/notifications.service.ts';
import type { DatabaseHandle } from '#server/platform/db/client.ts';
import { auditEvents, mailedNotifications, mailOutbox } from '#server/platform/db/schema/index.ts';
import { postgresHandle } from '#server/platform/db/postgres.ts';
import { createTestApp, type TestApp, type TestUser } from '#server/test/test-app.ts';
import { startTestSmtpServer, smtpPassword, type TestSmtpServer } from '#server/test/smtp-test-server.ts';
import { startOfDayInOslo, todayInOslo } from '#shared/calendar-dates.ts';
import type { NotificationKind } from '#shared/contracts/notifications.ts';
import { dailyDigestDue } from './mail.domain.ts';
import { claimDue } from './mail.repo.ts';

const publicUrl = 'https://samla.kommune.test/samla';
let t: TestApp;
let smtp: TestSmtpServer;
let mergerId: string;
let member: TestUser;
let taskId: string;
/** Added to the real time by the mail apps' clock: lets a test wait out a back-off or a lease. */
let clockOffsetMs = 0;
const now = () => new Date(Date.now() + clockOffsetMs);
const opened: FastifyInstance[] = [];
const extraDatabases: DatabaseHandle[] = [];

beforeEach(async () => {
  clockOffsetMs = 0;
  t = await createTestApp();
  smtp = await startTestSmtpServer();
  mergerId = await t.createMerger({ name: 'Nye Bergen & co' });
  member = await t.createUser('Mona Medlem');
  await t.addMember(mergerId, member, 'member');
  taskId = (await t.owner.inject(`/api/v1/mergers/${mergerId}/tasks`)).json().tasks[0].id;
});
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
  for (const database of extraDatabases.splice(0)) await database.close();
  await smtp.close();
  await t.close();
});

/** An app node with e-mail on. Its loop waits an hour unless told otherwise: tests run the rounds themselves. */
async function mailApp(options: { database?: DatabaseHandle; pollIntervalMs?: number; summaries?: boolean; nodeId?: string } = {}) {
  const app = await buildApp({
    database: options.database ?? t.database,
    webRoot: '/nonexistent',
    now,
    mail: {
      smtpUrl: smtp.url,
      from: 'Samla <samla@kommune.test>',
      publicUrl,
      pollIntervalMs: options.pollIntervalMs ?? 3_600_000,
      summaries: options.summaries ?? false,
      nodeId: options.nodeId,
    },
  });
  await app.ready();
  opened.push(app);
  return app;
}

async function closeApp(app: FastifyInstance) {
  opened.splice(opened.indexOf(app), 1);
  await app.close();
}

function event(kind: NotificationKind, overrides: Partial<NotificationEvent> = {}): NotificationEvent {
  return {
    kind,
    recipientUserId: member.id,
    mergerId,
    subject: { kind: 'task', id: taskId, title: 'Kartlegg <fagsystemer> & avtaler' },
    link: `/sammenslainger/${mergerId}/oppgaver/${taskId}`,
    actor: { userId: t.owner.id, name: t.owner.name },
    ...overrides,
  };
}

async function outbox() {
  return t.database.db.select().from(mailOutbox);
}

describe('e-mail when someone is made responsible or mentioned', () => {
  it('sends exactly one mail with what happened, the title, the merger and a link, in text and escaped HTML', async () => {
    const app = await mailApp({ pollIntervalMs: 50 });
    await notify(t.database.db, [event('assigned')]);

    await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(1);
    await app.mailSender!.runOnce();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    const link = `${publicUrl}/sammenslainger/${mergerId}/oppgaver/${taskId}`;
    expect(mail!.to).toEqual([member.email]);
    expect(mail!.from).toBe('samla@kommune.test');
    expect(mail!.subject).toBe('Du er ansvarlig: Kartlegg <fagsystemer> & avtaler – Nye Bergen & co');
    expect(mail!.text).toContain(`Eva Eier har gjort deg ansvarlig for «Kartlegg <fagsystemer> & avtaler» i Nye Bergen & co.`);
    expect(mail!.text).toContain(link);
    expect(mail!.html).toContain(`<a href="${link}">`);
    expect(mail!.html).toContain('Kartlegg &lt;fagsystemer&gt; &amp; avtaler');
    expect(mail!.html).not.toContain('<fagsystemer>');
    expect(mail!.raw).not.toContain(smtpPassword);
    const [row] = await outbox();
    expect(row).toMatchObject({ kind: 'immediate', attempts: 1, lastError: null });
    expect(row!.sentAt).not.toBeNull();
  });

  it('writes an English merger’s mail in English (decision 040)', async () => {
    const changed = await t.owner.inject({ method: 'PATCH', url: `/api/v1/mergers/${mergerId}`, payload: { version: 1, documentLanguage: 'en' } });
    expect(changed.statusCode, changed.body).toBe(200);
    const app = await mailApp({ pollIntervalMs: 50 });
    await notify(t.database.db, [event('assigned')]);
    await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(1);
    await app.mailSender!.runOnce();
    const [mail] = smtp.received;
    expect(mail!.subject).toBe('You are responsible: Kartlegg <fagsystemer> & avtaler – Nye Bergen & co');
    expect(mail!.text).toContain('Eva Eier has made you responsible for «Kartlegg <fagsystemer> & avtaler» in Nye Bergen & co.');
    expect(mail!.text).toContain('Open in Samla: ');
    expect(mail!.text).toContain('You receive this e-mail from Samla because you are a member of the merger.');
    expect(mail!.html).toContain('<html lang="en">');
    expect(mail!.html).not.toContain('Åpne');
  });

  it('writes the mail in the transaction of the notification: a change rolled back mails nobody', async () => {
    const app = await mailApp();
    await t.database.db
      .transaction(async (tx) => {
        await notify(tx, [event('mentioned')]);
        expect(await tx.select().from(mailOutbox)).toHaveLength(1);
        throw new Error('rulles tilbake');
      })
      .catch(() => undefined);
    expect(await outbox()).toHaveLength(0);
    expect(await app.mailSender!.runOnce()).toEqual({ sent: 0, failed: 0, dropped: 0 });
  });

  it('writes nothing to the outbox while no app in the process has SMTP configured', async () => {
    await notify(t.database.db, [event('assigned')]);
    expect(await outbox()).toHaveLength(0);
  });

  it('sends nothing for a kind the person turned off, and nothing straks for kinds that go in the daily summary', async () => {
    const app = await mailApp();
    const defaults = await app.inject({ url: '/api/v1/me/mail-preferences', headers: { authorization: `Bearer ${member.token}` } });
    expect(defaults.json()).toEqual({
      emailEnabled: true,
      deliveries: { assigned: 'immediate', mentioned: 'immediate', due_soon: 'daily', overdue: 'daily', decision_adopted: 'daily', comment: 'daily' },
      weeklyDigest: true,
    });
    const changed = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/mail-preferences',
      headers: { authorization: `Bearer ${member.token}` },
      payload: { deliveries: { assigned: 'off', comment: 'immediate' } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().deliveries).toMatchObject({ assigned: 'off', mentioned: 'immediate', comment: 'immediate' });

    await notify(t.database.db, [event('assigned'), event('due_soon', { actor: null })]);
    expect(await app.mailSender!.runOnce()).toEqual({ sent: 0, failed: 0, dropped: 0 });
    await notify(t.database.db, [event('comment')]);
    expect(await app.mailSender!.runOnce()).toMatchObject({ sent: 1 });
    expect(smtp.received.map((mail) => mail.subject)).toEqual(['Ny kommentar: Kartlegg <fagsystemer> & avtaler – Nye Bergen & co']);
  });

  it('refuses a delivery that is not one of the choices', async () => {
    const response = await member.inject({ method: 'PUT', url: '/api/v1/me/mail-preferences', payload: { deliveries: { assigned: 'hver time' } } });
    expect(response.statusCode).toBe(400);
  });

  it('says on a server without SMTP that e-mail is off', async () => {
    const response = await member.inject('/api/v1/me/mail-preferences');
    expect(response.json()).toMatchObject({ emailEnabled: false });
  });

  it('drops a mail to someone who is no longer a member when it is to be sent', async () => {
    const app = await mailApp();
    await notify(t.database.db, [event('assigned')]);
    const removed = await t.owner.inject({ method: 'DELETE', url: `/api/v1/mergers/${mergerId}/members/${member.id}` });
    expect(removed.statusCode, removed.body).toBe(204);

    expect(await app.mailSender!.runOnce()).toEqual({ sent: 0, failed: 0, dropped: 1 });
    expect(smtp.received).toHaveLength(0);
    expect((await outbox())[0]).toMatchObject({ lastError: 'ikke lenger medlem', sentAt: null });
  });
});

describe('the outbox is durable', () => {
  it('loses nothing when the app stops between writing a mail and sending it', async () => {
    const first = await mailApp();
    await notify(t.database.db, [event('assigned')]);
    await closeApp(first);
    expect(smtp.received).toHaveLength(0);

    await mailApp({ pollIntervalMs: 50 });
    await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(1);
    expect(smtp.received[0]!.to).toEqual([member.email]);
  });

  it('gives a mail held by a node that died back when its lease runs out', async () => {
    const app = await mailApp();
    await notify(t.database.db, [event('assigned')]);
    const held = await claimDue(t.database.db, now(), new Date(now().getTime() + 5 * 60_000), 'en-node-som-døde', 10);
    expect(held).toHaveLength(1);

    expect(await app.mailSender!.runOnce()).toMatchObject({ sent: 0 });
    clockOffsetMs = 5 * 60_000 + 1000;
    expect(await app.mailSender!.runOnce()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it('retries with growing waits while the SMTP server refuses, then delivers once', async () => {
    const app = await mailApp();
    smtp.failNext(2);
    await notify(t.database.db, [event('assigned')]);

    expect(await app.mailSender!.runOnce()).toMatchObject({ failed: 1 });
    const [afterFirst] = await outbox();
    expect(afterFirst).toMatchObject({ attempts: 1, sentAt: null });
    expect(afterFirst!.lastError).toMatch(/451/);
    const firstWait = afterFirst!.nextAttemptAt.getTime() - now().getTime();
    expect(firstWait).toBeGreaterThan(55_000);
    expect(firstWait).toBeLessThanOrEqual(60_000);
    // Not due yet: nothing is tried.
    expect(await app.mailSender!.runOnce()).toEqual({ sent: 0, failed: 0, dropped: 0 });

    clockOffsetMs += 61_000;
    expect(await app.mailSender!.runOnce()).toMatchObject({ failed: 1 });
    const [afterSecond] = await outbox();
    expect(afterSecond!.attempts).toBe(2);
    expect(afterSecond!.nextAttemptAt.getTime() - now().getTime()).toBeGreaterThan(115_000);

    clockOffsetMs += 61_000;
    expect(await app.mailSender!.runOnce()).toMatchObject({ sent: 0, failed: 0 });
    clockOffsetMs += 61_000;
    expect(await app.mailSender!.runOnce()).toMatchObject({ sent: 1 });
    expect(smtp.refused).toBe(2);
    expect(smtp.received).toHaveLength(1);
    expect((await outbox())[0]).toMatchObject({ attempts: 3, lastError: null });
  });

  it('two app nodes on one database send each mail once', async () => {
    // On PostgreSQL a second node has its own connection pool, as another process would;
    // PGlite is one process's database, so there the two senders share it.
    let second = t.database;
    if (process.env.DATABASE_URL) {
      const [row] = (await t.database.rawQuery('select current_database() as name')) as Array<{ name: string }>;
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${row!.name}`;
      second = postgresHandle(url.toString());
      extraDatabases.push(second);
    }
    await mailApp({ pollIntervalMs: 20, nodeId: 'node-a' });
    await mailApp({ database: second, pollIntervalMs: 20, nodeId: 'node-b' });
    const count = 30;
    await notify(
      t.database.db,
      Array.from({ length: count }, (_, index) => event('assigned', { subject: { kind: 'task', id: taskId, title: `Oppgave ${index + 1}` } })),
    );

    await expect.poll(() => smtp.received.length, { timeout: 15_000 }).toBe(count);
    // A few more rounds on both nodes: nothing is sent again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.received).toHaveLength(count);
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(count);
    const rows = await outbox();
    expect(rows.every((row) => row.sentAt !== null && row.attempts === 1)).toBe(true);
  });
});

describe('summaries', () => {
  /** A moment after 07:00 in Norway today, not in the future by more than seven hours: the daily summary is due. */
  function digestTime(): number {
    const real = new Date();
    if (dailyDigestDue(real)) return 0;
    return startOfDayInOslo(todayInOslo(real)).getTime() + 7 * 3_600_000 + 60_000 - real.getTime();
  }

  it('groups the day’s notifications into one mail per person, once, and the Monday summary goes to the project leader', async () => {
    const app = await mailApp({ summaries: true });
    const other = await t.createMerger({ name: 'Nye Molde' });
    await t.addMember(other, member, 'reader');
    await notify(t.database.db, [
      event('due_soon', { actor: null, subject: { kind: 'task', id: taskId, title: 'Frist snart-oppgave' } }),
      event('overdue', { actor: null, subject: { kind: 'task', id: taskId, title: 'Forfalt oppgave' } }),
      event('comment', { mergerId: other, subject: { kind: 'task', id: taskId, title: 'Kommentert oppgave' } }),
      event('assigned', { subject: { kind: 'task', id: taskId, title: 'Straks-oppgave' } }),
    ]);
    clockOffsetMs = digestTime();

    await app.mailSender!.runOnce();
    const toMember = smtp.received.filter((mail) => mail.to.includes(member.email));
    expect(toMember.map((mail) => mail.subject).sort()).toEqual([
      'Daglig sammendrag fra Samla: 3 varsler – Nye Bergen & co, Nye Molde',
      'Du er ansvarlig: Straks-oppgave – Nye Bergen & co',
    ]);
    const digest = toMember.find((mail) => mail.subject.startsWith('Daglig'))!;
    for (const title of ['Frist snart-oppgave', 'Forfalt oppgave', 'Kommentert oppgave']) expect(digest.text).toContain(title);
    expect(digest.text).not.toContain('Straks-oppgave');
    expect(digest.html).toContain('<h2 style="font-size:16px">Nye Bergen &amp; co</h2>');
    expect(await t.database.db.select().from(mailedNotifications)).toHaveLength(4);

    // The owner (a project leader of both) gets a summary per merger; the member, who leads none, gets none.
    const weekly = smtp.received.filter((mail) => mail.subject.startsWith('Ukesoppsummering'));
    expect(weekly.map((mail) => mail.to[0])).toEqual([t.owner.email, t.owner.email]);
    expect(weekly.map((mail) => mail.subject).sort()[0]).toMatch(/^Ukesoppsummering for Nye Bergen & co: \d+ endringer, \d+ forfalt, \d+ med frist neste uke$/);
    expect(weekly[0]!.text).toContain('Endret sist uke');

    // Later the same day, and on a second node: nothing more.
    const before = smtp.received.length;
    await app.mailSender!.runOnce();
    const second = await mailApp({ summaries: true, nodeId: 'node-b' });
    await second.mailSender!.runOnce();
    expect(smtp.received).toHaveLength(before);
    const daily = (await outbox()).filter((row) => row.kind === 'daily');
    expect(daily).toHaveLength(1);
    expect(await t.database.db.select().from(mailedNotifications).where(eq(mailedNotifications.outboxId, daily[0]!.id))).toHaveLength(3);
  });

  it('sends no weekly summary to a leader who turned it off', async () => {
    const response = await t.owner.inject({ method: 'PUT', url: '/api/v1/me/mail-preferences', payload: { weeklyDigest: false } });
    expect(response.json().weeklyDigest).toBe(false);
    const app = await mailApp({ summaries: true });
    clockOffsetMs = digestTime();
    await app.mailSender!.runOnce();
    expect(smtp.received.filter((mail) => mail.subject.startsWith('Ukesoppsummering'))).toHaveLength(0);
  });
});

describe('the weekly summary in the merger’s målform (issue 22)', () => {
  it('quotes a nynorsk merger’s history lines in nynorsk, Samla’s own labels too', async () => {
    const nynorsk = await t.createMerger({ name: 'Nye Sogndal', documentLanguage: 'nn' });
    const feed = await t.owner.inject({ method: 'POST', url: `/api/v1/mergers/${nynorsk}/calendar-feed` });
    expect(feed.statusCode, feed.body).toBe(201);
    const app = await mailApp({ summaries: true });
    const real = new Date();
    clockOffsetMs = dailyDigestDue(real) ? 0 : startOfDayInOslo(todayInOslo(real)).getTime() + 7 * 3_600_000 + 60_000 - real.getTime();
    // Last week's history: a week before the mail's clock is always in the week before its Monday.
    await t.database.db
      .update(auditEvents)
      .set({ at: new Date(now().getTime() - 7 * 24 * 3_600_000) })
      .where(eq(auditEvents.mergerId, nynorsk));

    await app.mailSender!.runOnce();
    const weekly = smtp.received.find((mail) => mail.subject.startsWith('Vekeoppsummering for Nye Sogndal'));
    expect(weekly, smtp.received.map((mail) => mail.subject).join('\n')).toBeDefined();
    expect(weekly!.text).toContain('oppretta samanslåinga «Nye Sogndal»');
    expect(weekly!.text).toContain('oppretta kalenderadresse «Kalenderadresse for fristar og milepælar»');
    expect(weekly!.text).not.toMatch(/opprettet|endret|sammenslåingen|frister og milepæler/i);
  });
});
