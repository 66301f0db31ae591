import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
// Relative, not #shared: drizzle-kit loads this file outside the app's import map.
import {
  archiveLocations,
  changeClauses,
  cooperationForms,
  hostings,
  infrastructureCategories,
  integrationDirections,
  integrationMethods,
} from '../../../../shared/contracts/inventory.ts';
import { mergerMunicipalities } from './mergers.ts';

/**
 * The inventory (kartlegging): eight registers per municipality of a merger.
 * Every row belongs to one of the merger's municipalities through a foreign
 * key on (merger_id, municipality_number), so no writer can file a row under a
 * municipality outside the merger, and removing a merger removes its inventory.
 */
const inventoryColumns = () => ({
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  mergerId: uuid('merger_id').notNull(),
  municipalityNumber: text('municipality_number').notNull(),
  notes: text('notes'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

type InventoryBase = { mergerId: AnyPgColumn; municipalityNumber: AnyPgColumn };

/** The municipality key and the index every list query starts from. */
const belongsToMunicipality = (name: string, table: InventoryBase) => [
  foreignKey({
    name: `${name}_municipality_fk`,
    columns: [table.mergerId, table.municipalityNumber],
    foreignColumns: [mergerMunicipalities.mergerId, mergerMunicipalities.municipalityNumber],
  }).onDelete('cascade'),
  index(`${name}_merger_municipality_idx`).on(table.mergerId, table.municipalityNumber),
];

/** A reference to a system of the same merger: the key includes merger_id, so a system of another merger cannot be named. */
const sameMergerSystem = (name: string, mergerId: AnyPgColumn, systemId: AnyPgColumn) =>
  foreignKey({ name, columns: [mergerId, systemId], foreignColumns: [systems.mergerId, systems.id] });

const oneOf = (column: AnyPgColumn, values: readonly string[]): SQL => sql`${column} in (${sql.raw(values.map((value) => `'${value}'`).join(', '))})`;

const nameIndex = (name: string, table: { mergerId: AnyPgColumn }, column: AnyPgColumn) => index(name).on(table.mergerId, sql`lower(${column})`);

export const systems = pgTable(
  'inventory_systems',
  {
    ...inventoryColumns(),
    name: text('name').notNull(),
    vendor: text('vendor'),
    product: text('product'),
    // The installed release; `version` is the row's own version for concurrent edits.
    productVersion: text('product_version'),
    solutionAreaId: text('solution_area_id'),
    serviceArea: text('service_area'),
    hosting: text('hosting').$type<(typeof hostings)[number]>(),
    userCount: integer('user_count'),
    systemOwner: text('system_owner'),
    archiveWorthy: boolean('archive_worthy'),
  },
  (table) => [
    ...belongsToMunicipality('inventory_systems', table),
    unique('inventory_systems_merger_id_unique').on(table.mergerId, table.id),
    index('inventory_systems_merger_area_idx').on(table.mergerId, table.solutionAreaId),
    nameIndex('inventory_systems_merger_name_idx', table, table.name),
    nameIndex('inventory_systems_merger_vendor_idx', table, table.vendor),
    check('inventory_systems_hosting_check', oneOf(table.hosting, hostings)),
    check('inventory_systems_user_count_check', sql`${table.userCount} >= 0`),
  ],
);

export const digitalServices = pgTable(
  'inventory_digital_services',
  {
    ...inventoryColumns(),
    name: text('name').notNull(),
    vendor: text('vendor'),
    productVersion: text('product_version'),
    channel: text('channel'),
    systemId: uuid('system_id'),
  },
  (table) => [
    ...belongsToMunicipality('inventory_digital_services', table),
    sameMergerSystem('inventory_digital_services_system_fk', table.mergerId, table.systemId),
    index('inventory_digital_services_system_idx').on(table.systemId),
    nameIndex('inventory_digital_services_merger_name_idx', table, table.name),
  ],
);

export const contracts = pgTable(
  'inventory_contracts',
  {
    ...inventoryColumns(),
    vendor: text('vendor').notNull(),
    type: text('type'),
    subject: text('subject'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    noticePeriodMonths: integer('notice_period_months'),
    terminationClause: text('termination_clause'),
    changeClause: text('change_clause'),
    annualCost: numeric('annual_cost', { precision: 15, scale: 2, mode: 'number' }),
  },
  (table) => [
    ...belongsToMunicipality('inventory_contracts', table),
    unique('inventory_contracts_merger_id_unique').on(table.mergerId, table.id),
    nameIndex('inventory_contracts_merger_vendor_idx', table, table.vendor),
    index('inventory_contracts_merger_end_idx').on(table.mergerId, table.endDate),
    check('inventory_contracts_change_clause_check', oneOf(table.changeClause, changeClauses)),
    check('inventory_contracts_dates_check', sql`${table.endDate} >= ${table.startDate}`),
    check('inventory_contracts_notice_check', sql`${table.noticePeriodMonths} >= 0`),
    check('inventory_contracts_cost_check', sql`${table.annualCost} >= 0`),
  ],
);

/** The systems a contract covers: both ends in the same merger, by key. */
export const contractSystems = pgTable(
  'inventory_contract_systems',
  {
    mergerId: uuid('merger_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    systemId: uuid('system_id').notNull(),
    // The order the systems were given in, so a contract reads back as it was written.
    position: integer('position').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.contractId, table.systemId] }),
    foreignKey({
      name: 'inventory_contract_systems_contract_fk',
      columns: [table.mergerId, table.contractId],
      foreignColumns: [contracts.mergerId, contracts.id],
    }).onDelete('cascade'),
    sameMergerSystem('inventory_contract_systems_system_fk', table.mergerId, table.systemId),
    index('inventory_contract_systems_system_idx').on(table.systemId),
  ],
);

export const integrations = pgTable(
  'inventory_integrations',
  {
    ...inventoryColumns(),
    fromSystemId: uuid('from_system_id').notNull(),
    toSystemId: uuid('to_system_id'),
    // An id from the shipped register of national common solutions (not a table: it is data in the code).
    commonSolutionId: text('common_solution_id'),
    direction: text('direction'),
    method: text('method'),
  },
  (table) => [
    ...belongsToMunicipality('inventory_integrations', table),
    sameMergerSystem('inventory_integrations_from_fk', table.mergerId, table.fromSystemId),
    sameMergerSystem('inventory_integrations_to_fk', table.mergerId, table.toSystemId),
    index('inventory_integrations_from_idx').on(table.fromSystemId),
    index('inventory_integrations_to_idx').on(table.toSystemId),
    index('inventory_integrations_merger_common_idx').on(table.mergerId, table.commonSolutionId),
    // Exactly one target: another system or a national common solution.
    check('inventory_integrations_target_check', sql`num_nonnulls(${table.toSystemId}, ${table.commonSolutionId}) = 1`),
    check('inventory_integrations_direction_check', oneOf(table.direction, integrationDirections)),
    check('inventory_integrations_method_check', oneOf(table.method, integrationMethods)),
  ],
);

export const archives = pgTable(
  'inventory_archives',
  {
    ...inventoryColumns(),
    name: text('name').notNull(),
    description: text('description'),
    locationKind: text('location_kind'),
    systemId: uuid('system_id'),
    noark5: boolean('noark5'),
    volume: text('volume'),
    periodFrom: integer('period_from'),
    periodTo: integer('period_to'),
    accessNeeded: text('access_needed'),
  },
  (table) => [
    ...belongsToMunicipality('inventory_archives', table),
    sameMergerSystem('inventory_archives_system_fk', table.mergerId, table.systemId),
    index('inventory_archives_system_idx').on(table.systemId),
    nameIndex('inventory_archives_merger_name_idx', table, table.name),
    check('inventory_archives_location_check', oneOf(table.locationKind, archiveLocations)),
    check('inventory_archives_period_check', sql`${table.periodTo} >= ${table.periodFrom}`),
  ],
);

export const infrastructure = pgTable(
  'inventory_infrastructure',
  {
    ...inventoryColumns(),
    category: text('category').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    location: text('location'),
  },
  (table) => [
    ...belongsToMunicipality('inventory_infrastructure', table),
    nameIndex('inventory_infrastructure_merger_name_idx', table, table.name),
    check('inventory_infrastructure_category_check', oneOf(table.category, infrastructureCategories)),
  ],
);

export const itOrganisation = pgTable(
  'inventory_it_organisation',
  {
    ...inventoryColumns(),
    role: text('role').notNull(),
    competence: text('competence'),
    fte: numeric('fte', { precision: 8, scale: 2, mode: 'number' }),
  },
  (table) => [...belongsToMunicipality('inventory_it_organisation', table), check('inventory_it_organisation_fte_check', sql`${table.fte} >= 0`)],
);

export const intermunicipalCooperation = pgTable(
  'inventory_intermunicipal_cooperation',
  {
    ...inventoryColumns(),
    name: text('name').notNull(),
    scope: text('scope'),
    form: text('form'),
    partners: text('partners'),
    archive: text('archive'),
  },
  (table) => [
    ...belongsToMunicipality('inventory_intermunicipal_cooperation', table),
    nameIndex('inventory_intermunicipal_cooperation_merger_name_idx', table, table.name),
    check('inventory_intermunicipal_cooperation_form_check', oneOf(table.form, cooperationForms)),
  ],
);
