import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MailDelivery } from '../../../../shared/contracts/mail.ts';
import type { NotificationKind } from '../../../../shared/contracts/notifications.ts';
import { users } from './access.ts';
import { notifications } from './notifications.ts';

/**
 * A person's choice of how each kind of notification reaches them by e-mail
 * (issue 21, decision 037). Only choices that differ from the default need a
 * row; written only by features/mail.
 */
export const mailPreferences = pgTable(
  'mail_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A notification kind, or `weekly_digest` for the project leader's weekly summary. */
    kind: text('kind').$type<NotificationKind | 'weekly_digest'>().notNull(),
    delivery: text('delivery').$type<MailDelivery>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.kind] }),
    check('mail_preferences_delivery_check', sql`${table.delivery} in ('immediate', 'daily', 'weekly', 'off')`),
  ],
);

/**
 * The durable outbox (decision 037): a mail is a row here from the moment it
 * is decided — in the same transaction as what caused it — until an SMTP
 * server took it. Any app node claims due rows with a lease, so a crashed node's
 * rows come back and two nodes never hold the same row at once.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** The address is read when sending: a changed address or a deactivated account is respected. */
    recipientUserId: uuid('recipient_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The mergers whose content the mail shows: the recipient must still be a member of each when it is sent. */
    mergerIds: uuid('merger_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    kind: text('kind').$type<'immediate' | 'daily' | 'weekly'>().notNull(),
    /** Makes a mail once only: `notification:<id>`, `daily:<user>:<date>`, `weekly:<user>:<merger>:<monday>`. */
    dedupeKey: text('dedupe_key').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Set when the mail will not be sent: no longer a member, deactivated, or too many failures. */
    droppedAt: timestamp('dropped_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (table) => [
    uniqueIndex('mail_outbox_dedupe_idx').on(table.dedupeKey),
    index('mail_outbox_due_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.sentAt} is null and ${table.droppedAt} is null`),
    index('mail_outbox_recipient_idx').on(table.recipientUserId, table.kind, table.createdAt),
    check('mail_outbox_kind_check', sql`${table.kind} in ('immediate', 'daily', 'weekly')`),
  ],
);

/** Which notification went out in which mail: a notification is mailed once, straks or in one daily summary. */
export const mailedNotifications = pgTable('mailed_notifications', {
  notificationId: uuid('notification_id')
    .primaryKey()
    .references(() => notifications.id, { onDelete: 'cascade' }),
  outboxId: uuid('outbox_id')
    .notNull()
    .references(() => mailOutbox.id, { onDelete: 'cascade' }),
});
