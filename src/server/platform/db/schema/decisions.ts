import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
// Relative, not #shared: drizzle-kit loads this file outside the app's import map.
import {
  decisionMakers,
  decisionOutcomes,
  decisionStates,
  decisionTimings,
  type DecisionMaker,
  type DecisionOutcome,
  type DecisionState,
  type DecisionTiming,
} from '../../../../shared/contracts/decisions.ts';
import { users } from './access.ts';
import { systems } from './inventory.ts';
import { mergers } from './mergers.ts';

const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(', ')})`);

/**
 * Veivalg: at most one decision per solution area of a merger. The target
 * system is a system of the same merger (the key includes merger_id); a system
 * that is a decision's target cannot be deleted until the decision changes,
 * so an adopted decision never silently loses what it chose.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    solutionAreaId: text('solution_area_id').notNull(),
    outcome: text('outcome').$type<DecisionOutcome>().notNull(),
    targetSystemId: uuid('target_system_id'),
    timing: text('timing').$type<DecisionTiming>().notNull(),
    rationale: text('rationale'),
    // «Ansvarlig» for following the veivalg through: a member (id) or free text, as on tasks.
    responsible: text('responsible'),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id, { onDelete: 'set null' }),
    state: text('state').$type<DecisionState>().notNull(),
    // Who adopted it and when, as names at the time (history reads the same after a rename).
    decidedByUserId: uuid('decided_by_user_id'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    // The decision on record (decision 038): who made it, at which meeting, and where the
    // municipality's archive has it. Kept only while the veivalg is adopted.
    decisionMaker: text('decision_maker').$type<DecisionMaker>(),
    decisionMakerOther: text('decision_maker_other'),
    meetingDate: date('meeting_date', { mode: 'string' }),
    caseNumber: text('case_number'),
    archiveUrl: text('archive_url'),
    // A critical area whose veivalg waits for the transition is not ready for day one
    // until the project accepts that deferral: who, when and why (names at the time).
    // Cleared by the service when the veivalg stops deferring the area.
    deferralAcceptedByUserId: uuid('deferral_accepted_by_user_id'),
    deferralAcceptedByName: text('deferral_accepted_by_name'),
    deferralAcceptedAt: timestamp('deferral_accepted_at', { withTimezone: true }),
    deferralReason: text('deferral_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('decisions_responsible_user_idx').on(table.responsibleUserId),
    unique('decisions_merger_area_unique').on(table.mergerId, table.solutionAreaId),
    foreignKey({
      name: 'decisions_target_system_fk',
      columns: [table.mergerId, table.targetSystemId],
      foreignColumns: [systems.mergerId, systems.id],
    }),
    check('decisions_outcome_check', oneOf('outcome', decisionOutcomes)),
    check('decisions_timing_check', oneOf('timing', decisionTimings)),
    check('decisions_state_check', oneOf('state', decisionStates)),
    check('decisions_adopted_check', sql`state <> 'adopted' or decided_at is not null`),
    check('decisions_decision_maker_check', sql`decision_maker is null or ${oneOf('decision_maker', decisionMakers)}`),
    check('decisions_archive_url_check', sql`archive_url is null or archive_url like 'https://%'`),
    check('decisions_deferral_acceptance_check', sql`deferral_accepted_at is null or length(trim(coalesce(deferral_reason, ''))) > 0`),
  ],
);
