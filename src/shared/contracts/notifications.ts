import { z } from 'zod';
import { invalidId } from './common.ts';

/**
 * What a person can be told about (issue 21). Each kind is chosen per user for
 * e-mail («straks», «daglig sammendrag» or «av»); in the app all are listed.
 */
export const notificationKind = z.enum([
  'assigned', // made responsible for a task, mitigation, benefit or veivalg
  'mentioned', // @mentioned in a comment
  'due_soon', // a task of yours is due within 7 days
  'overdue', // a task of yours is past its due date
  'decision_adopted', // a veivalg adopted in an area where you have tasks
  'comment', // a comment on something you follow
]);
export type NotificationKind = z.infer<typeof notificationKind>;

/** What a notification is about: the thing its link opens. */
export const notificationSubjectKind = z.enum(['task', 'decision', 'risk', 'mitigation', 'benefit']);
export type NotificationSubjectKind = z.infer<typeof notificationSubjectKind>;

// ---------------------------------------------------------------- «Varsler»: the signed-in person's own list

export const notificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('true: bare uleste'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  offset: z.coerce.number().int().min(0).default(0),
});
export type NotificationListQuery = z.input<typeof notificationListQuery>;

export const notificationParams = z.object({ notificationId: z.uuid({ error: invalidId }) });

export const notification = z
  .object({
    id: z.uuid(),
    kind: notificationKind,
    mergerId: z.uuid(),
    mergerName: z.string(),
    subjectKind: notificationSubjectKind,
    subjectTitle: z.string(),
    actorName: z.string().nullable(),
    excerpt: z.string().nullable(),
    link: z.string().describe('Stien i Samla varselet åpner'),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notification>;

export const notificationListResponse = z.object({
  notifications: z.array(notification).describe('Nyeste først'),
  unreadCount: z.number().int(),
  hasMore: z.boolean(),
});
export type NotificationList = z.infer<typeof notificationListResponse>;

export const unreadCountResponse = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountResponse>;

export const markAllReadResponse = z.object({ marked: z.number().int() });
