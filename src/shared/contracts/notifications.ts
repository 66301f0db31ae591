import { z } from 'zod';

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
