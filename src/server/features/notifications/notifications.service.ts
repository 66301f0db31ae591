/**
 * The one way anything in Samla tells a person something (issue 21). Features
 * call `notify` inside the transaction that made the change, so a notification
 * exists exactly when the change does. Who is told is checked here, not by
 * the caller: only active members of the merger, never the person who did it.
 */
import type { Database } from '#server/platform/db/client.ts';
import type { NotificationKind, NotificationSubjectKind } from '#shared/contracts/notifications.ts';
import { enqueueImmediateMail } from '#server/features/mail/mail.service.ts';
import { findActiveMemberIds, insertNotifications, type NotificationRow } from './notifications.repo.ts';

export interface NotificationEvent {
  kind: NotificationKind;
  recipientUserId: string;
  mergerId: string;
  subject: { kind: NotificationSubjectKind; id: string; title: string };
  /** Path in the app, e.g. `/sammenslaainger/<id>/plan/oppgaver/<taskId>`. */
  link: string;
  /** Who did it; null when Samla noticed it itself. */
  actor: { userId: string; name: string } | null;
  excerpt?: string | null;
  /** For what Samla finds by itself: told once per user and key. */
  onceKey?: string | null;
}

export async function notify(db: Database, events: readonly NotificationEvent[]): Promise<NotificationRow[]> {
  const byMerger = new Map<string, NotificationEvent[]>();
  for (const event of events) {
    if (event.actor?.userId === event.recipientUserId) continue;
    byMerger.set(event.mergerId, [...(byMerger.get(event.mergerId) ?? []), event]);
  }
  const rows = [];
  for (const [mergerId, mergerEvents] of byMerger) {
    const members = await findActiveMemberIds(db, mergerId, [...new Set(mergerEvents.map((event) => event.recipientUserId))]);
    for (const event of mergerEvents) {
      if (!members.has(event.recipientUserId)) continue;
      rows.push({
        userId: event.recipientUserId,
        mergerId,
        kind: event.kind,
        subjectKind: event.subject.kind,
        subjectId: event.subject.id,
        subjectTitle: event.subject.title,
        actorName: event.actor?.name ?? null,
        excerpt: event.excerpt ?? null,
        link: event.link,
        onceKey: event.onceKey ?? null,
      });
    }
  }
  const inserted = await insertNotifications(db, rows);
  // In the same transaction: a «straks» e-mail exists exactly when its notification does (decision 037).
  await enqueueImmediateMail(db, inserted);
  return inserted;
}
