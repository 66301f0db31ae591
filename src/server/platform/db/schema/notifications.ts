import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NotificationKind, NotificationSubjectKind } from '../../../../shared/contracts/notifications.ts';
import { users } from './access.ts';
import { mergers } from './mergers.ts';

/**
 * One thing one person is told, in the app («Varsler») and — by their choice
 * per kind — by e-mail. Written only by features/notifications. The texts are
 * kept as they were when it happened, like history: a renamed task does not
 * rewrite what someone was told.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind>().notNull(),
    subjectKind: text('subject_kind').$type<NotificationSubjectKind>().notNull(),
    /** The row's id; for a veivalg the solution area's id, as comments have it (decision 036). */
    subjectId: text('subject_id').notNull(),
    /** The subject's title as it was (a task's title with its area where the title alone is ambiguous). */
    subjectTitle: text('subject_title').notNull(),
    /** Who did it (their name then); null for what Samla noticed itself (due soon, overdue). */
    actorName: text('actor_name'),
    /** A short excerpt where there is one (the comment that mentioned you). */
    excerpt: text('excerpt'),
    /** The app path the notification opens, without origin (SAMLA_PUBLIC_URL is added for e-mail). */
    link: text('link').notNull(),
    /**
     * Set for what Samla finds by itself, so a daily scan tells each thing once
     * (e.g. `overdue:<taskId>:<dueDate>`); null for what a person did.
     */
    onceKey: text('once_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [
    index('notifications_user_created_idx').on(table.userId, table.createdAt),
    uniqueIndex('notifications_user_once_idx').on(table.userId, table.onceKey),
    // The header asks for the unread count on every page: an index of exactly those rows.
    index('notifications_user_unread_idx')
      .on(table.userId)
      .where(sql`${table.readAt} is null`),
    check('notifications_kind_check', sql`${table.kind} in ('assigned', 'mentioned', 'due_soon', 'overdue', 'decision_adopted', 'comment')`),
    check('notifications_subject_kind_check', sql`${table.subjectKind} in ('task', 'decision', 'risk', 'mitigation', 'benefit')`),
  ],
);
