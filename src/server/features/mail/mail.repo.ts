import { and, asc, eq, gt, inArray, isNull, lt, lte, notExists, notInArray, or, sql } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { mailedNotifications, mailOutbox, mailPreferences, mergerMembers, mergers, notifications, tasks, users } from '#server/platform/db/schema/index.ts';
import type { MailDelivery } from '#shared/contracts/mail.ts';
import type { Language } from '#shared/language.ts';

export type OutboxRow = typeof mailOutbox.$inferSelect;
export type NewOutboxRow = typeof mailOutbox.$inferInsert;
export type NotificationRow = typeof notifications.$inferSelect;

/** Each user's stored choices (kind → delivery); a user with none has no entry. */
export async function preferencesOf(db: Database, userIds: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const byUser = new Map<string, Map<string, string>>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select()
    .from(mailPreferences)
    .where(inArray(mailPreferences.userId, [...userIds]));
  for (const row of rows) {
    let choices = byUser.get(row.userId);
    if (!choices) byUser.set(row.userId, (choices = new Map()));
    choices.set(row.kind, row.delivery);
  }
  return byUser;
}

export async function savePreferences(db: Database, userId: string, choices: ReadonlyArray<{ kind: string; delivery: MailDelivery }>, at: Date): Promise<void> {
  if (choices.length === 0) return;
  await db
    .insert(mailPreferences)
    .values(choices.map((choice) => ({ userId, kind: choice.kind as never, delivery: choice.delivery, updatedAt: at })))
    .onConflictDoUpdate({
      target: [mailPreferences.userId, mailPreferences.kind],
      set: { delivery: sql`excluded.delivery`, updatedAt: sql`excluded.updated_at` },
    });
}

/** Each merger's name and målform (the language its mails are written in). */
export async function mergerNames(db: Database, mergerIds: readonly string[]): Promise<Map<string, { name: string; documentLanguage: Language }>> {
  if (mergerIds.length === 0) return new Map();
  const rows = await db
    .select({ id: mergers.id, name: mergers.name, documentLanguage: mergers.documentLanguage })
    .from(mergers)
    .where(inArray(mergers.id, [...mergerIds]));
  return new Map(rows.map((row) => [row.id, { name: row.name, documentLanguage: row.documentLanguage }]));
}

/** The language each user chose for Samla (decision 039); a user without one has no entry. */
export async function languagesOf(db: Database, userIds: readonly string[]): Promise<Map<string, Language>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, language: users.language })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  return new Map(rows.flatMap((row) => (row.language ? [[row.id, row.language] as const] : [])));
}

/**
 * Adds mails to the outbox; one whose key is already there is skipped (a
 * summary another node made first). Returns those added.
 */
export async function enqueue(db: Database, rows: NewOutboxRow[]): Promise<OutboxRow[]> {
  if (rows.length === 0) return [];
  return db.insert(mailOutbox).values(rows).onConflictDoNothing({ target: mailOutbox.dedupeKey }).returning();
}

export async function markMailed(db: Database, outboxId: string, notificationIds: readonly string[]): Promise<void> {
  if (notificationIds.length === 0) return;
  await db
    .insert(mailedNotifications)
    .values(notificationIds.map((notificationId) => ({ notificationId, outboxId })))
    .onConflictDoNothing();
}

/**
 * Takes up to `limit` due mails for this node until `leaseUntil`: rows another
 * node holds are skipped, not waited for (FOR UPDATE SKIP LOCKED), and a row
 * whose lease ran out — its node crashed — is due again.
 */
export async function claimDue(db: Database, at: Date, leaseUntil: Date, nodeId: string, limit: number): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          isNull(mailOutbox.sentAt),
          isNull(mailOutbox.droppedAt),
          lte(mailOutbox.nextAttemptAt, at),
          or(isNull(mailOutbox.lockedUntil), lt(mailOutbox.lockedUntil, at)),
        ),
      )
      .orderBy(asc(mailOutbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(mailOutbox)
      .set({ lockedUntil: leaseUntil, lockedBy: nodeId, attempts: sql`${mailOutbox.attempts} + 1` })
      .where(
        inArray(
          mailOutbox.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

/** Only the node holding the lease may settle a row: one whose lease ran out and was taken by another is left to that one. */
function heldBy(id: string, nodeId: string) {
  return and(eq(mailOutbox.id, id), eq(mailOutbox.lockedBy, nodeId), isNull(mailOutbox.sentAt));
}

export async function markSent(db: Database, id: string, nodeId: string, at: Date): Promise<void> {
  await db.update(mailOutbox).set({ sentAt: at, lockedUntil: null, lastError: null }).where(heldBy(id, nodeId));
}

export async function markFailed(db: Database, id: string, nodeId: string, error: string, nextAttemptAt: Date | null, at: Date): Promise<void> {
  await db
    .update(mailOutbox)
    .set(nextAttemptAt ? { lastError: error, nextAttemptAt, lockedUntil: null } : { lastError: error, droppedAt: at, lockedUntil: null })
    .where(heldBy(id, nodeId));
}

export async function markDropped(db: Database, id: string, nodeId: string, reason: string, at: Date): Promise<void> {
  await db.update(mailOutbox).set({ droppedAt: at, lastError: reason, lockedUntil: null }).where(heldBy(id, nodeId));
}

/** The recipient's address now, if the account is active; and of `mergerIds`, those the recipient is a member of now. */
export async function recipientNow(
  db: Database,
  userId: string,
  mergerIds: readonly string[],
): Promise<{ email: string; name: string; memberOf: Set<string> } | null> {
  const [user] = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  if (!user) return null;
  const memberships =
    mergerIds.length === 0
      ? []
      : await db
          .select({ mergerId: mergerMembers.mergerId })
          .from(mergerMembers)
          .where(and(eq(mergerMembers.userId, userId), inArray(mergerMembers.mergerId, [...mergerIds])));
  return { ...user, memberOf: new Set(memberships.map((row) => row.mergerId)) };
}

/**
 * Notifications not yet mailed, made after `since` and up to `until`, to
 * active members of the notification's merger, with the merger's name.
 */
export async function unmailedNotifications(db: Database, since: Date, until: Date) {
  return db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      mergerId: notifications.mergerId,
      mergerName: mergers.name,
      kind: notifications.kind,
      subjectTitle: notifications.subjectTitle,
      actorName: notifications.actorName,
      excerpt: notifications.excerpt,
      link: notifications.link,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .innerJoin(mergers, eq(mergers.id, notifications.mergerId))
    .innerJoin(users, and(eq(users.id, notifications.userId), isNull(users.deactivatedAt)))
    .innerJoin(mergerMembers, and(eq(mergerMembers.mergerId, notifications.mergerId), eq(mergerMembers.userId, notifications.userId)))
    .where(
      and(
        gt(notifications.createdAt, since),
        lte(notifications.createdAt, until),
        notExists(
          db
            .select({ one: sql`1` })
            .from(mailedNotifications)
            .where(eq(mailedNotifications.notificationId, notifications.id)),
        ),
      ),
    )
    .orderBy(asc(notifications.createdAt));
}

/** When each of these users' last daily summary was made. */
export async function lastDailyDigests(db: Database, userIds: readonly string[]): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: mailOutbox.recipientUserId, at: sql<string>`max(${mailOutbox.createdAt})` })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.kind, 'daily'), inArray(mailOutbox.recipientUserId, [...userIds])))
    .groupBy(mailOutbox.recipientUserId);
  return new Map(rows.map((row) => [row.userId, new Date(row.at)]));
}

/** Project leaders and owners of every merger, with active accounts. */
export async function projectLeaders(db: Database) {
  return db
    .select({ mergerId: mergerMembers.mergerId, mergerName: mergers.name, documentLanguage: mergers.documentLanguage, userId: mergerMembers.userId })
    .from(mergerMembers)
    .innerJoin(mergers, eq(mergers.id, mergerMembers.mergerId))
    .innerJoin(users, and(eq(users.id, mergerMembers.userId), isNull(users.deactivatedAt)))
    .where(inArray(mergerMembers.role, ['lead', 'owner']));
}

/** Open tasks of a merger with a due date on or before `until` (overdue ones included), earliest first. */
export async function openTasksDueBy(db: Database, mergerId: string, until: string) {
  return db
    .select({ id: tasks.id, title: tasks.title, dueDate: tasks.dueDate })
    .from(tasks)
    .where(and(eq(tasks.mergerId, mergerId), notInArray(tasks.status, ['done', 'not_relevant']), lte(tasks.dueDate, until)))
    .orderBy(asc(tasks.dueDate), asc(tasks.title));
}
