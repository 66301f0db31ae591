import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
// Relative, not #shared: drizzle-kit loads this file outside the app's import map.
import { mitigationStatuses, riskStatuses, type Consequences, type RiskMatrix } from '../../../../shared/contracts/risks.ts';
import { users } from './access.ts';
import { tasks } from './checklist.ts';
import { integrations, systems } from './inventory.ts';
import { mergers } from './mergers.ts';

const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(', ')})`);

/**
 * ROS-analyse. The matrix is data per merger (scales, classes, grid) in one
 * jsonb document with a version; a merger without a row uses the default.
 */
export const riskMatrices = pgTable('risk_matrices', {
  mergerId: uuid('merger_id')
    .primaryKey()
    .references(() => mergers.id, { onDelete: 'cascade' }),
  matrix: jsonb('matrix').$type<RiskMatrix>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/**
 * A risk stores likelihood and a level per consequence dimension; its
 * consequence (worst dimension) and its cells (inherent, residual) are derived
 * on read from the matrix, so they can never disagree with it.
 */
export const risks = pgTable(
  'risks',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    cause: text('cause'),
    // Solution areas are catalogue data (ids in code), not rows: validated by the service.
    areaIds: text('area_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    consequences: jsonb('consequences').$type<Consequences>().notNull(),
    likelihood: integer('likelihood'),
    residualLikelihood: integer('residual_likelihood'),
    residualConsequence: integer('residual_consequence'),
    owner: text('owner'),
    status: text('status').$type<(typeof riskStatuses)[number]>().notNull().default('open'),
    // Who accepted it and when, as a name at the time (history reads the same after a rename).
    acceptedByUserId: uuid('accepted_by_user_id'),
    acceptedByName: text('accepted_by_name'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptanceReason: text('acceptance_reason'),
    nextReviewDate: date('next_review_date', { mode: 'string' }),
    // The starter suggestion this risk was made from, so it is not suggested again.
    suggestionKey: text('suggestion_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    unique('risks_merger_id_unique').on(table.mergerId, table.id),
    unique('risks_merger_suggestion_unique').on(table.mergerId, table.suggestionKey),
    index('risks_merger_idx').on(table.mergerId),
    check('risks_status_check', oneOf('status', riskStatuses)),
    check('risks_accepted_check', sql`status <> 'accepted' or (accepted_at is not null and length(trim(coalesce(acceptance_reason, ''))) > 0)`),
  ],
);

/**
 * The systems a risk concerns. A system may be deleted from the inventory
 * while risks point at it: the link goes with it (cascade), the risk stays.
 */
export const riskSystems = pgTable(
  'risk_systems',
  {
    mergerId: uuid('merger_id').notNull(),
    riskId: uuid('risk_id').notNull(),
    systemId: uuid('system_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.riskId, table.systemId] }),
    foreignKey({ name: 'risk_systems_risk_fk', columns: [table.mergerId, table.riskId], foreignColumns: [risks.mergerId, risks.id] }).onDelete('cascade'),
    foreignKey({
      name: 'risk_systems_system_fk',
      columns: [table.mergerId, table.systemId],
      foreignColumns: [systems.mergerId, systems.id],
    }).onDelete('cascade'),
    index('risk_systems_system_idx').on(table.systemId),
  ],
);

/**
 * The integrations a risk concerns. Integrations have no (merger_id, id) key,
 * so the service checks the merger; the link goes when the integration does.
 */
export const riskIntegrations = pgTable(
  'risk_integrations',
  {
    mergerId: uuid('merger_id').notNull(),
    riskId: uuid('risk_id').notNull(),
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => integrations.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.riskId, table.integrationId] }),
    foreignKey({
      name: 'risk_integrations_risk_fk',
      columns: [table.mergerId, table.riskId],
      foreignColumns: [risks.mergerId, risks.id],
    }).onDelete('cascade'),
    index('risk_integrations_integration_idx').on(table.integrationId),
  ],
);

/** Tiltak: belong to one risk; may point at a task of the merger's plan (the service checks the merger). */
export const mitigations = pgTable(
  'risk_mitigations',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    mergerId: uuid('merger_id').notNull(),
    riskId: uuid('risk_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    // «Ansvarlig»: free text in owner, or a member of the merger (id), as on tasks.
    owner: text('owner'),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id, { onDelete: 'set null' }),
    deadline: date('deadline', { mode: 'string' }),
    status: text('status').$type<(typeof mitigationStatuses)[number]>().notNull().default('planned'),
    // A deleted task leaves the mitigation without its link, not without the mitigation.
    taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    foreignKey({
      name: 'risk_mitigations_risk_fk',
      columns: [table.mergerId, table.riskId],
      foreignColumns: [risks.mergerId, risks.id],
    }).onDelete('cascade'),
    index('risk_mitigations_risk_idx').on(table.riskId),
    index('risk_mitigations_responsible_user_idx').on(table.responsibleUserId),
    check('risk_mitigations_status_check', oneOf('status', mitigationStatuses)),
  ],
);

/** Starter suggestions a merger has said no to, so they do not come back. */
export const riskSuggestionDismissals = pgTable(
  'risk_suggestion_dismissals',
  {
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    dismissedByName: text('dismissed_by_name').notNull(),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.mergerId, table.key] })],
);
