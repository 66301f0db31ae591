import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
// Relative, not #shared: drizzle-kit loads this file outside the app's import map.
import { milestoneKinds } from '../../../../shared/contracts/plan.schedule.ts';
import { tasks } from './checklist.ts';
import { mergers } from './mergers.ts';

/**
 * A phase's own dates. No row means the defaults computed from the merger date
 * (plan.schedule.domain.ts), so moving the merger date moves every phase not set by hand.
 */
export const phaseDates = pgTable(
  'phase_dates',
  {
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    phaseNumber: integer('phase_number').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    primaryKey({ columns: [table.mergerId, table.phaseNumber] }),
    check('phase_dates_number_check', sql`${table.phaseNumber} between 1 and 6`),
    check('phase_dates_order_check', sql`${table.endDate} >= ${table.startDate}`),
  ],
);

/** «task depends on depends_on_task»: the first cannot be «ferdig» before the second, unless overridden. */
export const taskDependencies = pgTable(
  'task_dependencies',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    dependsOnTaskId: uuid('depends_on_task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('task_dependencies_unique').on(table.taskId, table.dependsOnTaskId),
    index('task_dependencies_merger_idx').on(table.mergerId),
    index('task_dependencies_depends_on_idx').on(table.dependsOnTaskId),
    check('task_dependencies_not_self_check', sql`${table.taskId} <> ${table.dependsOnTaskId}`),
  ],
);

const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(', ')})`);

/** The merger's milestones. The merger date and the end of the transition are derived, never stored. */
export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').$type<(typeof milestoneKinds)[number]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('milestones_merger_date_idx').on(table.mergerId, table.date), check('milestones_kind_check', oneOf('kind', milestoneKinds))],
);
