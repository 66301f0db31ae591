import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './access.ts';
import { mergers } from './mergers.ts';

/**
 * A merger's secret calendar address: a calendar program (Outlook) fetches the
 * deadlines on its own, without a session, so the address itself is the
 * credential. Only its hash is stored; making a new one replaces the old.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  mergerId: uuid('merger_id')
    .primaryKey()
    .references(() => mergers.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdByName: text('created_by_name').notNull(),
  createdByUserId: uuid('created_by_user_id'),
  createdAt: timestamp('created_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
  // When a calendar program last fetched it: owners see whether a feed is still in use.
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});

/**
 * A person's own calendar address («Mine oppgaver» as a feed): the due dates of
 * what is assigned to them, across their mergers. Like the merger's feed, the
 * address is the credential and only its hash is stored; one per user.
 */
export const userCalendarFeeds = pgTable('user_calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});
