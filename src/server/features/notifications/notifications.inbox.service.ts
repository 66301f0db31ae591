/**
 * «Varsler»: the signed-in person's own notifications (issue 21). Only their own, and only
 * from mergers they are still a member of.
 */
import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import { notFound } from '#server/platform/errors.ts';
import { errorMessages } from '#shared/error-messages.ts';
import type { Notification, NotificationList, notificationListQuery } from '#shared/contracts/notifications.ts';
import type { z } from 'zod';
import * as repo from './notifications.inbox.repo.ts';

type Row = Awaited<ReturnType<typeof repo.listNotifications>>[number];

function toNotification({ notification: row, mergerName }: Row): Notification {
  return {
    id: row.id,
    kind: row.kind,
    mergerId: row.mergerId,
    mergerName,
    subjectKind: row.subjectKind,
    subjectTitle: row.subjectTitle,
    actorName: row.actorName,
    excerpt: row.excerpt,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export async function listMyNotifications(ctx: ServiceContext, query: z.output<typeof notificationListQuery>): Promise<NotificationList> {
  const actor = actorOf(ctx);
  // One more than asked says whether there is a next page without counting them all.
  const [rows, unreadCount] = await Promise.all([
    repo.listNotifications(ctx.db, actor.userId, { unreadOnly: query.unread === true, limit: query.limit + 1, offset: query.offset }),
    repo.countUnread(ctx.db, actor.userId),
  ]);
  return { notifications: rows.slice(0, query.limit).map(toNotification), unreadCount, hasMore: rows.length > query.limit };
}

export async function unreadCount(ctx: ServiceContext): Promise<{ unread: number }> {
  return { unread: await repo.countUnread(ctx.db, actorOf(ctx).userId) };
}

export async function markRead(ctx: ServiceContext, notificationId: string): Promise<void> {
  const marked = await repo.markRead(ctx.db, actorOf(ctx).userId, notificationId, ctx.now());
  // Someone else's notification does not exist as far as this person can tell.
  if (!marked) throw notFound('NOTIFICATION_NOT_FOUND', errorMessages.NOTIFICATION_NOT_FOUND);
}

export async function markAllRead(ctx: ServiceContext): Promise<{ marked: number }> {
  return { marked: await repo.markAllRead(ctx.db, actorOf(ctx).userId, ctx.now()) };
}
