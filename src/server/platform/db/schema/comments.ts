import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Relative, not #shared: drizzle-kit loads this file outside the app's import map.
import { commentSubjectKinds, type CommentSubjectKind } from '../../../../shared/contracts/comments.ts';
import { users } from './access.ts';
import { mergers } from './mergers.ts';

/**
 * A comment on a task, a veivalg, a risk or a benefit (issue 21, decision 036). One table
 * for every kind of subject: `subject_id` is the row's id, and for a veivalg the solution
 * area's id (the area page is the veivalg's page, and talk starts before any proposal is
 * saved). Written only by features/comments. A deleted comment is gone; its text stays in
 * history (the deletion's changes).
 */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    subjectKind: text('subject_kind').$type<CommentSubjectKind>().notNull(),
    subjectId: text('subject_id').notNull(),
    // The author as they were (a deleted account leaves the name, like history).
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    /** Mentions are kept in the text as `@[Name](userId)`, so a rename shows the new name. */
    body: text('body').notNull(),
    mentionedUserIds: uuid('mentioned_user_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('comments_subject_idx').on(table.mergerId, table.subjectKind, table.subjectId, table.createdAt),
    check('comments_subject_kind_check', sql.raw(`subject_kind in (${commentSubjectKinds.map((kind) => `'${kind}'`).join(', ')})`)),
  ],
);
