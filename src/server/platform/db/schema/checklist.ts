import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TaskStatus } from '../../../../shared/contracts/plan.tasks.ts';
import { users } from './access.ts';
import { mergers } from './mergers.ts';

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    phaseId: text('phase_id').notNull(),
    activityId: text('activity_id').notNull(),
    // The library item this task was copied from; null for the merger's own tasks.
    catalogItemId: text('catalog_item_id'),
    groupName: text('group_name'),
    title: text('title').notNull(),
    // The activity's place in the library's document order, then the task's
    // place within its activity: one index gives the checklist in seed order.
    activityPosition: integer('activity_position').notNull(),
    position: integer('position').notNull(),
    status: text('status').$type<TaskStatus>().notNull().default('not_started'),
    notRelevantReason: text('not_relevant_reason'),
    // «Ansvarlig»: a member of the merger (the id; the name is read from users) or,
    // for someone outside Samla, free text. A member who leaves keeps the id here so
    // the item still reads with their name; a deleted user leaves the free text, if any.
    responsible: text('responsible'),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    plannedStart: date('planned_start', { mode: 'string' }),
    // True while the planned start and due date are the defaults Samla gave from the
    // task's phase (tasks a veivalg places): they then move with the phase. Any edit
    // of either date by a person sets it to false for good.
    datesFollowPhase: boolean('dates_follow_phase').notNull().default(false),
    // When the task was last set to «ferdig» (the app's clock); null while it is not done.
    // The steering group's report lists the tasks done in its period by it.
    completedAt: timestamp('completed_at', { withTimezone: true }),
    notes: text('notes'),
    // The one municipality of the merger a task concerns (its number), when a person says so;
    // null for the common tasks. No key to merger_municipalities: removing a municipality must not
    // delete or block its tasks; a number no longer in the merger reads as «none» (decision 035).
    municipalityNumber: text('municipality_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('tasks_merger_order_idx').on(table.mergerId, table.activityPosition, table.position),
    index('tasks_responsible_user_idx').on(table.responsibleUserId),
    // A library item (seed task, a decision's area task, an opportunity) is in a merger's plan at most
    // once: two people taking up the same opportunity at the same moment cannot both succeed.
    uniqueIndex('tasks_merger_catalog_item_unique')
      .on(table.mergerId, table.catalogItemId)
      .where(sql`${table.catalogItemId} is not null`),
    check('tasks_status_check', sql`${table.status} in ('not_started', 'in_progress', 'done', 'not_relevant')`),
    // The rule «ikke relevant needs a reason» is enforced by the service; the
    // database holds the line too, so no other writer can break it.
    check('tasks_not_relevant_reason_check', sql`${table.status} <> 'not_relevant' or length(trim(coalesce(${table.notRelevantReason}, ''))) > 0`),
  ],
);
