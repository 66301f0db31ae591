import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

import type { Language } from '../../../../shared/language.ts';

export const mergers = pgTable(
  'mergers',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    newMunicipalityName: text('new_municipality_name').notNull(),
    mergerDate: date('merger_date', { mode: 'string' }).notNull(),
    // The library version the checklist was copied from, so a newer library
    // can later be offered to the merger as a diff.
    catalogId: text('catalog_id').notNull(),
    catalogVersion: text('catalog_version').notNull(),
    // Made by «Prøv Samla med en demosammenslåing» with invented data: the web
    // marks it everywhere so nobody mistakes it for a real merger's inventory.
    isDemo: boolean('is_demo').notNull().default(false),
    // Set while the merger is archived: read-only for everyone (decision 033). The
    // access plugin reads it with the sign-in, so every write route refuses alike.
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    // The målform of what the merger produces — report, workbooks, CSV, calendar, e-mail
    // (issue 22, decision 040): nb, nn or en. Not the reader's UI language.
    documentLanguage: text('document_language').$type<Language>().notNull().default('nb'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [check('mergers_document_language_check', sql`${table.documentLanguage} in ('nb', 'nn', 'en')`)],
);

export const mergerMunicipalities = pgTable(
  'merger_municipalities',
  {
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    municipalityNumber: text('municipality_number').notNull(),
    // Snapshot of the register at creation: the register changes with each
    // reform, the merger must still show the names it was made with.
    name: text('name').notNull(),
    languageForm: text('language_form').notNull(),
    position: integer('position').notNull(),
  },
  (table) => [primaryKey({ columns: [table.mergerId, table.municipalityNumber] })],
);

/**
 * The instance's record of deleted mergers (decision 033), which administrators
 * read. No foreign keys: it outlives the merger and the person who deleted it,
 * so it keeps their names as they were.
 */
export const mergerDeletions = pgTable('merger_deletions', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  mergerId: uuid('merger_id').notNull(),
  mergerName: text('merger_name').notNull(),
  isDemo: boolean('is_demo').notNull(),
  deletedByUserId: uuid('deleted_by_user_id').notNull(),
  deletedByName: text('deleted_by_name').notNull(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }).notNull().defaultNow(),
  /** What went with it, by kind (tasks, systems, risks …): counts at the time. */
  counts: jsonb('counts').notNull().$type<Record<string, number>>(),
});
