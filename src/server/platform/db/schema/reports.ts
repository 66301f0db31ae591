import { sql } from 'drizzle-orm';
import { check, customType, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Relative, not #shared: drizzle-kit loads this file outside the app's import map.
import type { OverallStatus } from '../../../../shared/contracts/reports.ts';
import { mergers } from './mergers.ts';

/** PostgreSQL's bytea as a Buffer: pg gives a Buffer, PGlite a Uint8Array. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A status report as the steering group got it (decision 038): the project leader's
 * words, the period, who issued it and when, and the PDF's bytes exactly as issued, so
 * it downloads the same after the merger's data has moved on. Never changed once written.
 */
export const statusReports = pgTable(
  'status_reports',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    overallStatus: text('overall_status').$type<OverallStatus>().notNull(),
    statusReason: text('status_reason').notNull(),
    mainPoints: jsonb('main_points').$type<string[]>().notNull(),
    decisionsRequested: jsonb('decisions_requested').$type<string[]>().notNull(),
    // Who issued it, as names at the time (the list reads the same after a rename).
    issuedByUserId: uuid('issued_by_user_id'),
    issuedByName: text('issued_by_name').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    fileName: text('file_name').notNull(),
    pdf: bytea('pdf').notNull(),
  },
  (table) => [
    index('status_reports_merger_issued_idx').on(table.mergerId, table.issuedAt),
    check('status_reports_overall_status_check', sql`overall_status in ('green', 'yellow', 'red')`),
    check('status_reports_period_check', sql`period_from <= period_to`),
  ],
);
