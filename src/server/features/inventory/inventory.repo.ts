import { and, asc, between, count, eq, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { bulkInsert } from '#server/platform/db/bulk-insert.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  archives,
  contracts,
  contractSystems,
  decisions,
  digitalServices,
  infrastructure,
  integrations,
  intermunicipalCooperation,
  itOrganisation,
  systems,
} from '#server/platform/db/schema/index.ts';
import { deleteIfVersion, updateIfVersion, type RowChanges, type RowKey } from '#server/platform/db/versioned-write.ts';
import type { InventoryKindKey, InventoryListQuery, inventoryKinds } from '#shared/contracts/inventory.ts';
import { containsPattern } from './inventory.domain.ts';

/**
 * What every inventory table has: the generic functions below work on any of
 * the eight. Drizzle cannot infer a row type through a generic table, so the
 * casts to the table's own `$inferSelect` live here and nowhere else.
 */
export type InventoryTable = PgTable & {
  id: AnyPgColumn;
  mergerId: AnyPgColumn;
  municipalityNumber: AnyPgColumn;
  version: AnyPgColumn;
  createdAt: AnyPgColumn;
  updatedAt: AnyPgColumn;
};
export type RowOf<T extends InventoryTable> = T['$inferSelect'];
export type NewRowOf<T extends InventoryTable> = T['$inferInsert'];

export interface ListOptions {
  where: SQL[];
  orderBy: SQL[];
  limit: number;
  offset: number;
}

export async function listRows<T extends InventoryTable>(
  db: Database,
  table: T,
  mergerId: string,
  options: ListOptions,
): Promise<{ rows: RowOf<T>[]; total: number }> {
  const where = and(eq(table.mergerId, mergerId), ...options.where);
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(where)
    // The id last: equal sort values still come back in the same order on every page.
    .orderBy(...options.orderBy, asc(table.id))
    .limit(options.limit)
    .offset(options.offset);
  const [counted] = await db
    .select({ total: count() })
    .from(table as PgTable)
    .where(where);
  return { rows: rows as RowOf<T>[], total: Number(counted?.total ?? 0) };
}

export async function findRow<T extends InventoryTable>(
  db: Database,
  table: T,
  mergerId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RowOf<T> | undefined> {
  const query = db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.mergerId, mergerId), eq(table.id, id)));
  const rows = (options.lock ? await query.for('update') : await query) as RowOf<T>[];
  return rows[0];
}

export async function insertRow<T extends InventoryTable>(db: Database, table: T, values: NewRowOf<T>): Promise<RowOf<T>> {
  const rows = (await db
    .insert(table as PgTable)
    .values(values as never)
    .returning()) as RowOf<T>[];
  if (!rows[0]) throw new Error('insert into an inventory table returned no row');
  return rows[0];
}

/** Writes only if the row is still at `expectedVersion`; null when someone else changed it first. */
export async function updateRowIfVersion<T extends InventoryTable>(
  db: Database,
  table: T,
  mergerId: string,
  id: string,
  expectedVersion: number,
  changes: RowChanges<T>,
): Promise<RowOf<T> | null> {
  return updateIfVersion(db, table, { mergerId, id } as RowKey<T>, expectedVersion, changes);
}

export async function deleteRow(db: Database, table: InventoryTable, mergerId: string, id: string): Promise<void> {
  await db.delete(table).where(and(eq(table.mergerId, mergerId), eq(table.id, id)));
}

/** Deletes the row only if it still has the version read; false when someone changed or deleted it meanwhile. */
export async function deleteRowIfVersion(db: Database, table: InventoryTable, mergerId: string, id: string, expectedVersion: number): Promise<boolean> {
  return deleteIfVersion(db, table, { mergerId, id } as RowKey<InventoryTable>, expectedVersion);
}

/** Whether the merger has any row in any register: its template then gets the Samla-ID column. */
export async function hasAnyInventory(db: Database, mergerId: string): Promise<boolean> {
  for (const table of Object.values(inventoryTables)) {
    const rows = await db
      .select({ id: table.id })
      .from(table as PgTable)
      .where(eq(table.mergerId, mergerId))
      .limit(1);
    if (rows.length > 0) return true;
  }
  return false;
}

/** The systems a veivalg points at: an import that deletes rows missing from the file keeps these. */
export async function listSystemIdsInDecisions(db: Database, mergerId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: decisions.targetSystemId })
    .from(decisions)
    .where(and(eq(decisions.mergerId, mergerId), isNotNull(decisions.targetSystemId)));
  return rows.map((row) => row.id!).filter(Boolean);
}

// ---------------------------------------------------------------- systems as targets of references

export interface SystemRef {
  id: string;
  name: string;
  municipalityNumber: string;
}

/** The systems among `ids` that belong to this merger. */
export async function findSystemRefs(db: Database, mergerId: string, ids: readonly string[]): Promise<SystemRef[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: systems.id, name: systems.name, municipalityNumber: systems.municipalityNumber })
    .from(systems)
    .where(and(eq(systems.mergerId, mergerId), inArray(systems.id, [...new Set(ids)])));
}

/** How many rows of each kind point at a system; the deletion rule asks before it deletes. */
export async function countSystemUsage(db: Database, mergerId: string, systemId: string) {
  const countWhere = async (table: PgTable, condition: SQL | undefined) => Number((await db.select({ n: count() }).from(table).where(condition))[0]?.n ?? 0);
  return {
    integrations: await countWhere(
      integrations,
      and(eq(integrations.mergerId, mergerId), or(eq(integrations.fromSystemId, systemId), eq(integrations.toSystemId, systemId))),
    ),
    contracts: await countWhere(contractSystems, and(eq(contractSystems.mergerId, mergerId), eq(contractSystems.systemId, systemId))),
    digitalServices: await countWhere(digitalServices, and(eq(digitalServices.mergerId, mergerId), eq(digitalServices.systemId, systemId))),
    archives: await countWhere(archives, and(eq(archives.mergerId, mergerId), eq(archives.systemId, systemId))),
    decisions: await countWhere(decisions, and(eq(decisions.mergerId, mergerId), eq(decisions.targetSystemId, systemId))),
  };
}

// ---------------------------------------------------------------- contracts ↔ systems

/** The systems each contract covers, in the order they were given. */
export async function listContractSystemIds(db: Database, contractIds: readonly string[]): Promise<Map<string, string[]>> {
  const byContract = new Map<string, string[]>(contractIds.map((id) => [id, []]));
  if (contractIds.length === 0) return byContract;
  const rows = await db
    .select({ contractId: contractSystems.contractId, systemId: contractSystems.systemId })
    .from(contractSystems)
    .where(inArray(contractSystems.contractId, [...contractIds]))
    .orderBy(asc(contractSystems.contractId), asc(contractSystems.position));
  for (const row of rows) byContract.get(row.contractId)?.push(row.systemId);
  return byContract;
}

export async function replaceContractSystems(db: Database, mergerId: string, contractId: string, systemIds: readonly string[]): Promise<void> {
  await db.delete(contractSystems).where(eq(contractSystems.contractId, contractId));
  const unique = [...new Set(systemIds)];
  if (unique.length === 0) return;
  await db.insert(contractSystems).values(unique.map((systemId, position) => ({ mergerId, contractId, systemId, position })));
}

/** `exists` condition: the contract covers this system. */
export const contractCoversSystem = (contractId: AnyPgColumn, systemId: string): SQL =>
  sql`exists (select 1 from ${contractSystems} where ${contractSystems.contractId} = ${contractId} and ${contractSystems.systemId} = ${systemId})`;

/** A system's name as an expression, for sorting and searching rows that point at it. */
export const systemNameOf = (systemId: AnyPgColumn): SQL => sql`(select lower(${systems.name}) from ${systems} where ${systems.id} = ${systemId})`;

// ---------------------------------------------------------------- side by side

export async function listSystemsForSideBySide(db: Database, mergerId: string) {
  return db
    .select({
      id: systems.id,
      municipalityNumber: systems.municipalityNumber,
      solutionAreaId: systems.solutionAreaId,
      name: systems.name,
      vendor: systems.vendor,
      product: systems.product,
      productVersion: systems.productVersion,
      userCount: systems.userCount,
      hosting: systems.hosting,
    })
    .from(systems)
    .where(eq(systems.mergerId, mergerId));
}

// ---------------------------------------------------------------- the eight kinds as queries

export const inventoryTables = {
  systems,
  digitalServices,
  contracts,
  integrations,
  archives,
  infrastructure,
  itOrganisation,
  intermunicipalCooperation,
} as const satisfies Record<InventoryKindKey, InventoryTable>;
export type InventoryRow<K extends InventoryKindKey> = RowOf<(typeof inventoryTables)[K]>;

type CommonSortField = 'municipalityNumber' | 'createdAt' | 'updatedAt';
type OwnSortField<K extends InventoryKindKey> = Exclude<(typeof inventoryKinds)[K]['sortFields'][number], CommonSortField>;

interface KindQuery<K extends InventoryKindKey> {
  /** What `q` finds: the pattern matches anywhere in these, case-insensitively. */
  search: (pattern: string, context: SearchContext) => SQL | undefined;
  /** The expression behind each sort field the contract whitelists. */
  sort: Record<OwnSortField<K>, SQL | AnyPgColumn>;
  /** The kind's own filters; undefined entries are filters not asked for. */
  filters: (query: InventoryListQuery<K>) => Array<SQL | undefined>;
}

export interface SearchContext {
  /** National common solutions whose names match the search (the register is data, not a table). */
  commonSolutionIds: readonly string[];
}

const lower = (column: AnyPgColumn): SQL => sql`lower(${column})`;
const sameVendor = (column: AnyPgColumn, vendor: string | undefined) => (vendor === undefined ? undefined : sql`lower(${column}) = lower(${vendor})`);
const oneOf = (column: AnyPgColumn, values: readonly string[] | undefined) => (values === undefined ? undefined : inArray(column, [...values]));
const anyMatches = (pattern: string, ...columns: AnyPgColumn[]) => or(...columns.map((column) => ilike(column, pattern)));
const pointsAt = (column: AnyPgColumn, systemId: string | undefined) => (systemId === undefined ? undefined : eq(column, systemId));

const kindQueries: { [K in InventoryKindKey]: KindQuery<K> } = {
  systems: {
    search: (pattern) => anyMatches(pattern, systems.name, systems.vendor, systems.product, systems.serviceArea, systems.systemOwner),
    sort: {
      name: lower(systems.name),
      vendor: lower(systems.vendor),
      product: lower(systems.product),
      productVersion: lower(systems.productVersion),
      solutionAreaId: systems.solutionAreaId,
      serviceArea: lower(systems.serviceArea),
      hosting: systems.hosting,
      userCount: systems.userCount,
      systemOwner: lower(systems.systemOwner),
    },
    filters: (query) => [oneOf(systems.solutionAreaId, query.solutionArea), sameVendor(systems.vendor, query.vendor), oneOf(systems.hosting, query.hosting)],
  },
  digitalServices: {
    search: (pattern) => anyMatches(pattern, digitalServices.name, digitalServices.vendor, digitalServices.channel),
    sort: {
      name: lower(digitalServices.name),
      vendor: lower(digitalServices.vendor),
      productVersion: lower(digitalServices.productVersion),
      channel: lower(digitalServices.channel),
    },
    filters: (query) => [sameVendor(digitalServices.vendor, query.vendor), pointsAt(digitalServices.systemId, query.system)],
  },
  contracts: {
    search: (pattern) => anyMatches(pattern, contracts.vendor, contracts.type, contracts.subject),
    sort: {
      vendor: lower(contracts.vendor),
      type: lower(contracts.type),
      subject: lower(contracts.subject),
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      noticePeriodMonths: contracts.noticePeriodMonths,
      changeClause: contracts.changeClause,
      annualCost: contracts.annualCost,
    },
    filters: (query) => [
      sameVendor(contracts.vendor, query.vendor),
      oneOf(contracts.changeClause, query.changeClause),
      query.system === undefined ? undefined : contractCoversSystem(contracts.id, query.system),
    ],
  },
  integrations: {
    search: (pattern, context) =>
      or(
        sql`exists (select 1 from ${systems} where ${systems.id} in (${integrations.fromSystemId}, ${integrations.toSystemId}) and ${systems.name} ilike ${pattern})`,
        ilike(integrations.notes, pattern),
        context.commonSolutionIds.length > 0 ? inArray(integrations.commonSolutionId, [...context.commonSolutionIds]) : undefined,
      ),
    sort: {
      fromSystemName: systemNameOf(integrations.fromSystemId),
      toSystemName: systemNameOf(integrations.toSystemId),
      commonSolutionId: integrations.commonSolutionId,
      direction: integrations.direction,
      method: integrations.method,
    },
    filters: (query) => [
      query.system === undefined ? undefined : or(eq(integrations.fromSystemId, query.system), eq(integrations.toSystemId, query.system)),
      query.commonSolution === undefined ? undefined : eq(integrations.commonSolutionId, query.commonSolution),
      oneOf(integrations.method, query.method),
      oneOf(integrations.direction, query.direction),
    ],
  },
  archives: {
    search: (pattern) => anyMatches(pattern, archives.name, archives.description, archives.volume),
    sort: {
      name: lower(archives.name),
      locationKind: archives.locationKind,
      noark5: archives.noark5,
      periodFrom: archives.periodFrom,
      periodTo: archives.periodTo,
    },
    filters: (query) => [oneOf(archives.locationKind, query.locationKind), pointsAt(archives.systemId, query.system)],
  },
  infrastructure: {
    search: (pattern) => anyMatches(pattern, infrastructure.name, infrastructure.description, infrastructure.location),
    sort: { name: lower(infrastructure.name), category: infrastructure.category, location: lower(infrastructure.location) },
    filters: (query) => [oneOf(infrastructure.category, query.category)],
  },
  itOrganisation: {
    search: (pattern) => anyMatches(pattern, itOrganisation.role, itOrganisation.competence),
    sort: { role: lower(itOrganisation.role), fte: itOrganisation.fte },
    filters: () => [],
  },
  intermunicipalCooperation: {
    search: (pattern) => anyMatches(pattern, intermunicipalCooperation.name, intermunicipalCooperation.scope, intermunicipalCooperation.partners),
    sort: { name: lower(intermunicipalCooperation.name), form: intermunicipalCooperation.form },
    filters: (query) => [oneOf(intermunicipalCooperation.form, query.form)],
  },
};

/** One page of a kind's rows with the total, filtered, searched and sorted as the query asks. */
export async function listKind<K extends InventoryKindKey>(
  db: Database,
  kind: K,
  mergerId: string,
  query: InventoryListQuery<K>,
  context: SearchContext,
): Promise<{ rows: InventoryRow<K>[]; total: number }> {
  const table: InventoryTable = inventoryTables[kind];
  const spec = kindQueries[kind];
  const descending = query.sort.startsWith('-');
  const field = (descending ? query.sort.slice(1) : query.sort) as OwnSortField<K> | CommonSortField;
  const common: Record<CommonSortField, AnyPgColumn> = {
    municipalityNumber: table.municipalityNumber,
    createdAt: table.createdAt,
    updatedAt: table.updatedAt,
  };
  const expression = field in common ? common[field as CommonSortField] : spec.sort[field as OwnSortField<K>];
  // Empty values last in both directions: a list sorted by vendor starts with vendors.
  const order = descending ? sql`${expression} desc nulls last` : sql`${expression} asc nulls last`;
  const where = [
    query.municipality ? inArray(table.municipalityNumber, query.municipality) : undefined,
    query.q ? spec.search(containsPattern(query.q), context) : undefined,
    ...spec.filters(query),
  ].filter((condition): condition is SQL => condition !== undefined);
  return listRows(db, inventoryTables[kind], mergerId, {
    where,
    orderBy: [order],
    limit: query.limit,
    offset: query.offset,
  }) as Promise<{ rows: InventoryRow<K>[]; total: number }>;
}

// ---------------------------------------------------------------- the Excel round trip: whole kinds at once

/** Every row of a kind in a merger: the import diffs against these in memory. */
export async function listAllRows<K extends InventoryKindKey>(db: Database, kind: K, mergerId: string): Promise<InventoryRow<K>[]> {
  const table: InventoryTable = inventoryTables[kind];
  return (await db
    .select()
    .from(table as PgTable)
    .where(eq(table.mergerId, mergerId))
    .orderBy(asc(table.createdAt), asc(table.id))) as InventoryRow<K>[];
}

/** Every contract ↔ system link of a merger, in each contract's order. */
export async function listAllContractSystemIds(db: Database, mergerId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ contractId: contractSystems.contractId, systemId: contractSystems.systemId })
    .from(contractSystems)
    .where(eq(contractSystems.mergerId, mergerId))
    .orderBy(asc(contractSystems.contractId), asc(contractSystems.position));
  const byContract = new Map<string, string[]>();
  for (const row of rows) byContract.set(row.contractId, [...(byContract.get(row.contractId) ?? []), row.systemId]);
  return byContract;
}

/** Many rows in few statements (the row's id is chosen by the caller, so later rows can point at it). */
export async function insertRows(db: Database, table: InventoryTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  await bulkInsert(db, table, rows);
}

export async function insertContractSystemLinks(
  db: Database,
  links: ReadonlyArray<{ mergerId: string; contractId: string; systemId: string; position: number }>,
): Promise<void> {
  await bulkInsert(db, contractSystems, links);
}

/**
 * Every contract of the merger with the systems it covers (id, name, area), in
 * the order given: what deadlines are computed from. The systems come along
 * in the same statement, so a deadline needs no read of the whole inventory.
 * `only` keeps the contracts whose end date is in a range or whose notice
 * period is one of some month counts (those whose deadline can fall in a range).
 */
export async function listContractsWithSystems(
  db: Database,
  mergerId: string,
  only?: { endDateFrom: string; endDateTo: string; noticePeriodMonths: readonly number[] },
) {
  const candidates = only
    ? or(
        between(contracts.endDate, only.endDateFrom, only.endDateTo),
        only.noticePeriodMonths.length > 0 ? inArray(contracts.noticePeriodMonths, [...only.noticePeriodMonths]) : undefined,
      )
    : undefined;
  return db
    .select({
      id: contracts.id,
      municipalityNumber: contracts.municipalityNumber,
      vendor: contracts.vendor,
      subject: contracts.subject,
      endDate: contracts.endDate,
      noticePeriodMonths: contracts.noticePeriodMonths,
      changeClause: contracts.changeClause,
      systems: sql<Array<{ id: string; name: string; solutionAreaId: string | null }>>`coalesce((
        select json_agg(json_build_object('id', ${systems.id}, 'name', ${systems.name}, 'solutionAreaId', ${systems.solutionAreaId})
          order by ${contractSystems.position})
        from ${contractSystems} join ${systems} on ${systems.id} = ${contractSystems.systemId}
        where ${contractSystems.contractId} = ${sql.raw('"inventory_contracts"."id"')}), '[]'::json)`,
    })
    .from(contracts)
    .where(and(eq(contracts.mergerId, mergerId), candidates));
}
