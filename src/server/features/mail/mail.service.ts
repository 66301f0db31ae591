/**
 * E-mail about notifications (issue 21, decision 037). Mails are decided
 * here and written to the outbox in the transaction of what caused them; the
 * sender (mail.sender.ts) delivers them. Without SMTP configured nothing is
 * written and the settings page says that e-mail is off.
 */
import type { ServiceContext } from '#server/platform/context.ts';
import { actorOf } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import type { notifications } from '#server/platform/db/schema/index.ts';
import { addDays, dateInOslo, startOfDayInOslo, todayInOslo } from '#shared/calendar-dates.ts';
import type { AuditEntry } from '#shared/contracts/audit.ts';
import type { Language } from '#shared/language.ts';
import type { MailPreferences, UpdateMailPreferencesBody } from '#shared/contracts/mail.ts';
import { notificationKind, type NotificationKind } from '#shared/contracts/notifications.ts';
import {
  dailyDigestMail,
  deliveryFor,
  formatDate,
  notificationMail,
  wantsWeeklyDigest,
  weeklyDigestMail,
  type NotificationForMail,
  type WeeklyTask,
} from './mail.domain.ts';
import * as repo from './mail.repo.ts';

export interface MailSettings {
  /** smtp:// or smtps:// with user and password: never logged. */
  smtpUrl: string;
  from: string;
  publicUrl: string;
}

/**
 * The settings of the app(s) in this process that send mail. `notify()` is
 * called deep inside other features' transactions with only the database, so
 * whether to write mail is read here, set by the composition root (buildApp)
 * while an app with SMTP is open — like the history's reference names.
 */
const openMailApps: MailSettings[] = [];

export function useMail(settings: MailSettings): () => void {
  openMailApps.push(settings);
  return () => {
    const index = openMailApps.indexOf(settings);
    if (index >= 0) openMailApps.splice(index, 1);
  };
}

function activeSettings(): MailSettings | undefined {
  return openMailApps.at(-1);
}

// ---------------------------------------------------------------- preferences

export async function myPreferences(ctx: ServiceContext, emailEnabled: boolean): Promise<MailPreferences> {
  const me = actorOf(ctx);
  const stored = (await repo.preferencesOf(ctx.db, [me.userId])).get(me.userId) ?? new Map<string, string>();
  return {
    emailEnabled,
    deliveries: Object.fromEntries(notificationKind.options.map((kind) => [kind, deliveryFor(stored, kind)])) as MailPreferences['deliveries'],
    weeklyDigest: wantsWeeklyDigest(stored),
  };
}

/** A person's own settings: no version, since nobody else writes them and the whole choice is sent each time. */
export async function updateMyPreferences(ctx: ServiceContext, body: UpdateMailPreferencesBody, emailEnabled: boolean): Promise<MailPreferences> {
  const me = actorOf(ctx);
  const choices = [
    ...Object.entries(body.deliveries ?? {}).flatMap(([kind, delivery]) => (delivery ? [{ kind, delivery }] : [])),
    ...(body.weeklyDigest === undefined ? [] : [{ kind: 'weekly_digest', delivery: body.weeklyDigest ? ('weekly' as const) : ('off' as const) }]),
  ];
  await repo.savePreferences(ctx.db, me.userId, choices, ctx.now());
  return myPreferences(ctx, emailEnabled);
}

// ---------------------------------------------------------------- straks

type InsertedNotification = typeof notifications.$inferSelect;

/**
 * Called by `notify()` with the notifications it just wrote, in the same
 * transaction: those their recipient wants «straks» go into the outbox now,
 * so a mail exists exactly when the notification does.
 */
export async function enqueueImmediateMail(db: Database, inserted: readonly InsertedNotification[]): Promise<void> {
  const settings = activeSettings();
  if (!settings || inserted.length === 0) return;
  const preferences = await repo.preferencesOf(db, [...new Set(inserted.map((row) => row.userId))]);
  const wanted = inserted.filter((row) => deliveryFor(preferences.get(row.userId) ?? new Map(), row.kind) === 'immediate');
  if (wanted.length === 0) return;
  const names = await repo.mergerNames(db, [...new Set(wanted.map((row) => row.mergerId))]);
  for (const row of wanted) {
    // About one merger: in its målform (decision 040).
    const merger = names.get(row.mergerId);
    const message = notificationMail({ ...row, mergerName: merger?.name ?? '' }, settings.publicUrl, merger?.documentLanguage ?? 'nb');
    const [queued] = await repo.enqueue(db, [
      {
        recipientUserId: row.userId,
        mergerIds: [row.mergerId],
        kind: 'immediate',
        dedupeKey: `notification:${row.id}`,
        ...message,
        createdAt: row.createdAt,
        nextAttemptAt: row.createdAt,
      },
    ]);
    if (queued) await repo.markMailed(db, queued.id, [row.id]);
  }
}

// ---------------------------------------------------------------- summaries

/**
 * Makes each person's daily summary for `date` (once: the outbox's key is per
 * person and date) of what they chose «daglig sammendrag» for and have not been
 * mailed, since their previous summary or the last 24 hours.
 */
export async function scheduleDailyDigests(db: Database, date: string, now: Date, publicUrl: string): Promise<number> {
  const dayBefore = new Date(now.getTime() - 24 * 3_600_000);
  const candidates = await repo.unmailedNotifications(db, new Date(now.getTime() - 7 * 24 * 3_600_000), now);
  if (candidates.length === 0) return 0;
  const userIds = [...new Set(candidates.map((row) => row.userId))];
  const [preferences, previous, languages] = await Promise.all([
    repo.preferencesOf(db, userIds),
    repo.lastDailyDigests(db, userIds),
    repo.languagesOf(db, userIds),
  ]);
  let made = 0;
  for (const userId of userIds) {
    const since = previous.get(userId) ?? dayBefore;
    const chosen = preferences.get(userId) ?? new Map();
    const items = candidates.filter((row) => row.userId === userId && row.createdAt > since && deliveryFor(chosen, row.kind as NotificationKind) === 'daily');
    if (items.length === 0) continue;
    // Across mergers, so in the reader's own language, not one merger's målform (decision 040).
    const message = dailyDigestMail(date, items as NotificationForMail[], publicUrl, languages.get(userId) ?? 'nb');
    const added = await db.transaction(async (tx) => {
      const [queued] = await repo.enqueue(tx, [
        {
          recipientUserId: userId,
          mergerIds: [...new Set(items.map((item) => item.mergerId))],
          kind: 'daily',
          dedupeKey: `daily:${userId}:${date}`,
          ...message,
          createdAt: now,
          nextAttemptAt: now,
        },
      ]);
      if (queued)
        await repo.markMailed(
          tx,
          queued.id,
          items.map((item) => item.id),
        );
      return queued !== undefined;
    });
    if (added) made++;
  }
  return made;
}

/**
 * The Monday summary for each project leader (role lead or owner) of each
 * merger: what changed in the seven days before, from history; open tasks
 * that are overdue; and those due in the coming week. Once per person, merger
 * and week.
 */
/**
 * A merger's history between two instants, as the history page words it. Handed in by the
 * composition root (app.ts): the audit feature reads history with the names of every other
 * feature's things, so mail calling it directly would close a cycle through notifications.
 */
/** `language`: the mail's, so the history lines it quotes are said in it. */
export type HistoryReader = (db: Database, mergerId: string, period: { from: Date; to: Date }, language: Language) => Promise<AuditEntry[]>;

export async function scheduleWeeklyDigests(db: Database, monday: string, now: Date, publicUrl: string, readHistory: HistoryReader): Promise<number> {
  const leaders = await repo.projectLeaders(db);
  if (leaders.length === 0) return 0;
  const preferences = await repo.preferencesOf(db, [...new Set(leaders.map((row) => row.userId))]);
  const today = todayInOslo(now);
  const from = startOfDayInOslo(addDays(monday, -7));
  const to = startOfDayInOslo(monday);
  const digests = new Map<string, ReturnType<typeof weeklyDigestMail>>();
  let made = 0;
  for (const leader of leaders) {
    if (!wantsWeeklyDigest(preferences.get(leader.userId) ?? new Map())) continue;
    let message = digests.get(leader.mergerId);
    if (!message) {
      const language = leader.documentLanguage;
      const history = await readHistory(db, leader.mergerId, { from, to }, language);
      const due = await repo.openTasksDueBy(db, leader.mergerId, addDays(today, 7));
      const asTask = (task: (typeof due)[number]): WeeklyTask => ({
        title: task.title,
        dueDate: task.dueDate!,
        link: `/sammenslainger/${leader.mergerId}/oppgaver/${task.id}`,
      });
      message = weeklyDigestMail(
        monday,
        {
          mergerName: leader.mergerName,
          mergerLink: `/sammenslainger/${leader.mergerId}`,
          historyLink: `/sammenslainger/${leader.mergerId}/historikk`,
          changes: history.map(
            (entry) =>
              `${formatDate(dateInOslo(entry.at), language)} ${entry.actor.name}: ${entry.display.action.toLowerCase()} ${entry.display.entity.toLowerCase()}` +
              (entry.display.label ? ` «${entry.display.label}»` : ''),
          ),
          overdue: due.filter((task) => task.dueDate! < today).map(asTask),
          dueNextWeek: due.filter((task) => task.dueDate! >= today).map(asTask),
        },
        publicUrl,
        language,
      );
      digests.set(leader.mergerId, message);
    }
    const added = await repo.enqueue(db, [
      {
        recipientUserId: leader.userId,
        mergerIds: [leader.mergerId],
        kind: 'weekly',
        dedupeKey: `weekly:${leader.userId}:${leader.mergerId}:${monday}`,
        ...message,
        createdAt: now,
        nextAttemptAt: now,
      },
    ]);
    made += added.length;
  }
  return made;
}
