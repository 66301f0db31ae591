import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Relative, not #shared: drizzle-kit loads this file outside the app's import map.
import {
  benefitStatuses,
  benefitTypes,
  indicatorDirections,
  type BenefitStatus,
  type BenefitType,
  type IndicatorDirection,
} from '../../../../shared/contracts/benefits.ts';
import { users } from './access.ts';
import { tasks } from './checklist.ts';
import { decisions } from './decisions.ts';
import { mergers } from './mergers.ts';

const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(', ')})`);

/** Gevinster: what the merger is meant to achieve, with owner, status and planned date. */
export const benefits = pgTable(
  'benefits',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    serviceArea: text('service_area'),
    type: text('type').$type<BenefitType>().notNull(),
    owner: text('owner'),
    // «Ansvarlig»: a member (id) or free text for someone outside Samla, as on tasks.
    responsible: text('responsible'),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id, { onDelete: 'set null' }),
    plannedRealisationDate: date('planned_realisation_date', { mode: 'string' }),
    status: text('status').$type<BenefitStatus>().notNull().default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('benefits_merger_idx').on(table.mergerId),
    index('benefits_responsible_user_idx').on(table.responsibleUserId),
    check('benefits_type_check', oneOf('type', benefitTypes)),
    check('benefits_status_check', oneOf('status', benefitStatuses)),
  ],
);

/** A task of the plan that enables a benefit; goes with the task or the benefit. */
export const benefitTasks = pgTable(
  'benefit_tasks',
  {
    benefitId: uuid('benefit_id')
      .notNull()
      .references(() => benefits.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.benefitId, table.taskId] }), index('benefit_tasks_task_idx').on(table.taskId)],
);

/** A veivalg (one per solution area of the merger) that enables a benefit; goes with the decision or the benefit. */
export const benefitDecisions = pgTable(
  'benefit_decisions',
  {
    benefitId: uuid('benefit_id')
      .notNull()
      .references(() => benefits.id, { onDelete: 'cascade' }),
    mergerId: uuid('merger_id').notNull(),
    solutionAreaId: text('solution_area_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.benefitId, table.solutionAreaId] }),
    foreignKey({
      name: 'benefit_decisions_decision_fk',
      columns: [table.mergerId, table.solutionAreaId],
      foreignColumns: [decisions.mergerId, decisions.solutionAreaId],
    }).onDelete('cascade'),
  ],
);

/** An opportunity of the library (chapter 5), by its id, that enables a benefit. */
export const benefitOpportunities = pgTable(
  'benefit_opportunities',
  {
    benefitId: uuid('benefit_id')
      .notNull()
      .references(() => benefits.id, { onDelete: 'cascade' }),
    opportunityId: text('opportunity_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.benefitId, table.opportunityId] })],
);

/** How a benefit is measured: a straight line from the baseline (nullpunkt) to the target. */
export const indicators = pgTable(
  'benefit_indicators',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    benefitId: uuid('benefit_id')
      .notNull()
      .references(() => benefits.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unit: text('unit').notNull().default(''),
    baselineValue: doublePrecision('baseline_value').notNull(),
    baselineDate: date('baseline_date', { mode: 'string' }).notNull(),
    targetValue: doublePrecision('target_value').notNull(),
    targetDate: date('target_date', { mode: 'string' }).notNull(),
    direction: text('direction').$type<IndicatorDirection>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('benefit_indicators_benefit_idx').on(table.benefitId),
    check('benefit_indicators_direction_check', oneOf('direction', indicatorDirections)),
    check('benefit_indicators_dates_check', sql`target_date >= baseline_date`),
  ],
);

/** One reading of an indicator, with who recorded it (the name at the time). */
export const measurements = pgTable(
  'benefit_measurements',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    comment: text('comment'),
    recordedByUserId: uuid('recorded_by_user_id'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('benefit_measurements_indicator_idx').on(table.indicatorId, table.measuredOn)],
);
