import { and, asc, count, desc, eq, inArray, max, notInArray, or } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '#server/platform/db/client.ts';
import {
  archives,
  benefits,
  contracts,
  contractSystems,
  decisions,
  digitalServices,
  infrastructure,
  integrations,
  intermunicipalCooperation,
  itOrganisation,
  mergerDeletions,
  mergerMembers,
  mergerMunicipalities,
  mergers,
  milestones,
  risks,
  systems,
  tasks,
} from '#server/platform/db/schema/index.ts';
import { updateIfVersion } from '#server/platform/db/versioned-write.ts';

export type MergerRow = typeof mergers.$inferSelect;
export type MergerMunicipalityRow = typeof mergerMunicipalities.$inferSelect;

export async function insertMerger(
  db: Database,
  values: Pick<MergerRow, 'name' | 'newMunicipalityName' | 'mergerDate' | 'catalogId' | 'catalogVersion'> &
    Partial<Pick<MergerRow, 'isDemo' | 'documentLanguage'>>,
  municipalities: Array<Pick<MergerMunicipalityRow, 'municipalityNumber' | 'name' | 'languageForm'>>,
): Promise<MergerRow> {
  const [row] = await db.insert(mergers).values(values).returning();
  if (!row) throw new Error('insert into mergers returned no row');
  await db.insert(mergerMunicipalities).values(municipalities.map((municipality, position) => ({ ...municipality, mergerId: row.id, position })));
  return row;
}

export async function findMerger(db: Database, id: string): Promise<MergerRow | undefined> {
  const [row] = await db.select().from(mergers).where(eq(mergers.id, id));
  return row;
}

export async function listMergers(db: Database, ids: string[]): Promise<MergerRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(mergers).where(inArray(mergers.id, ids)).orderBy(asc(mergers.mergerDate), desc(mergers.createdAt));
}

export async function listMunicipalitiesOf(db: Database, mergerIds: string[]): Promise<MergerMunicipalityRow[]> {
  if (mergerIds.length === 0) return [];
  return db
    .select()
    .from(mergerMunicipalities)
    .where(inArray(mergerMunicipalities.mergerId, mergerIds))
    .orderBy(asc(mergerMunicipalities.mergerId), asc(mergerMunicipalities.position));
}

// ---------------------------------------------------------------- correcting, archiving, deleting (decision 033)

/** Writes only if the merger is still at `expectedVersion`; null when someone else changed it first. */
export async function updateMergerIfVersion(
  db: Database,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<MergerRow, 'name' | 'newMunicipalityName' | 'mergerDate' | 'documentLanguage' | 'archivedAt'>>,
): Promise<MergerRow | null> {
  return updateIfVersion(db, mergers, { id }, expectedVersion, changes);
}

/** Adds municipalities after those the merger has, in the given order. */
export async function addMunicipalities(
  db: Database,
  mergerId: string,
  rows: Array<Pick<MergerMunicipalityRow, 'municipalityNumber' | 'name' | 'languageForm'>>,
): Promise<void> {
  if (rows.length === 0) return;
  const [last] = await db
    .select({ position: max(mergerMunicipalities.position) })
    .from(mergerMunicipalities)
    .where(eq(mergerMunicipalities.mergerId, mergerId));
  const start = (last?.position ?? -1) + 1;
  await db.insert(mergerMunicipalities).values(rows.map((row, index) => ({ ...row, mergerId, position: start + index })));
}

/** Removes municipalities; their inventory goes with them (its key cascades). */
export async function removeMunicipalities(db: Database, mergerId: string, numbers: readonly string[]): Promise<void> {
  if (numbers.length === 0) return;
  await db.delete(mergerMunicipalities).where(and(eq(mergerMunicipalities.mergerId, mergerId), inArray(mergerMunicipalities.municipalityNumber, [...numbers])));
}

/** Each register with what names its rows (integrations have none of their own). */
const inventoryRegisters = {
  systems: { table: systems, label: systems.name },
  digitalServices: { table: digitalServices, label: digitalServices.name },
  contracts: { table: contracts, label: contracts.vendor },
  integrations: { table: integrations, label: null },
  archives: { table: archives, label: archives.name },
  infrastructure: { table: infrastructure, label: infrastructure.name },
  itOrganisation: { table: itOrganisation, label: itOrganisation.role },
  intermunicipalCooperation: { table: intermunicipalCooperation, label: intermunicipalCooperation.name },
} as const;
export type InventoryRegister = keyof typeof inventoryRegisters;

/** How many rows of each register a municipality has, with the first `namesUpTo` names (only when that is all of them). */
export async function inventoryOfMunicipality(
  db: Database,
  mergerId: string,
  municipalityNumber: string,
  namesUpTo: number,
): Promise<Array<{ kind: InventoryRegister; count: number; names: string[] }>> {
  const result: Array<{ kind: InventoryRegister; count: number; names: string[] }> = [];
  for (const [kind, { table, label }] of Object.entries(inventoryRegisters) as Array<[InventoryRegister, (typeof inventoryRegisters)[InventoryRegister]]>) {
    const where = and(eq(table.mergerId, mergerId), eq(table.municipalityNumber, municipalityNumber));
    const [counted] = await db.select({ n: count() }).from(table).where(where);
    const n = Number(counted?.n ?? 0);
    if (n === 0) continue;
    const names = label && n <= namesUpTo ? (await db.select({ name: label }).from(table).where(where).orderBy(asc(label))).map((row) => String(row.name)) : [];
    result.push({ kind, count: n, names });
  }
  return result;
}

/**
 * What outside these municipalities points at their systems: rows of the other
 * municipalities and veivalg. Their keys do not cascade, so these must go first.
 */
export async function referencesToSystemsOf(db: Database, mergerId: string, numbers: readonly string[]): Promise<Array<{ kind: string; name: string }>> {
  if (numbers.length === 0) return [];
  const ofThese = db
    .select({ id: systems.id })
    .from(systems)
    .where(and(eq(systems.mergerId, mergerId), inArray(systems.municipalityNumber, [...numbers])));
  const outside = (table: typeof digitalServices | typeof archives | typeof integrations) =>
    and(eq(table.mergerId, mergerId), notInArray(table.municipalityNumber, [...numbers]));
  const [services, archiveRows, integrationRows, contractRows, decisionRows] = await Promise.all([
    db
      .select({ name: digitalServices.name })
      .from(digitalServices)
      .where(and(outside(digitalServices), inArray(digitalServices.systemId, ofThese))),
    db
      .select({ name: archives.name })
      .from(archives)
      .where(and(outside(archives), inArray(archives.systemId, ofThese))),
    db
      .select({ name: systems.name })
      .from(integrations)
      .innerJoin(systems, eq(systems.id, integrations.fromSystemId))
      .where(and(outside(integrations), or(inArray(integrations.fromSystemId, ofThese), inArray(integrations.toSystemId, ofThese)))),
    db
      .select({ name: contracts.vendor })
      .from(contractSystems)
      .innerJoin(contracts, eq(contracts.id, contractSystems.contractId))
      .where(and(eq(contractSystems.mergerId, mergerId), notInArray(contracts.municipalityNumber, [...numbers]), inArray(contractSystems.systemId, ofThese))),
    db
      .select({ name: decisions.solutionAreaId })
      .from(decisions)
      .where(and(eq(decisions.mergerId, mergerId), inArray(decisions.targetSystemId, ofThese))),
  ]);
  return [
    ...services.map((row) => ({ kind: 'digitalServices', name: row.name })),
    ...archiveRows.map((row) => ({ kind: 'archives', name: row.name })),
    ...integrationRows.map((row) => ({ kind: 'integrations', name: row.name })),
    ...contractRows.map((row) => ({ kind: 'contracts', name: row.name })),
    ...decisionRows.map((row) => ({ kind: 'decisions', name: row.name })),
  ];
}

/** How many rows of each kind a merger holds: what its deletion takes with it. */
export async function countMergerContent(db: Database, mergerId: string): Promise<Record<string, number>> {
  const counted = async (table: PgTable & { mergerId: AnyPgColumn }) =>
    Number((await db.select({ n: count() }).from(table).where(eq(table.mergerId, mergerId)))[0]?.n ?? 0);
  const counts: Record<string, number> = {
    municipalities: await counted(mergerMunicipalities),
    members: await counted(mergerMembers),
    tasks: await counted(tasks),
    milestones: await counted(milestones),
    decisions: await counted(decisions),
    risks: await counted(risks),
    benefits: await counted(benefits),
  };
  for (const [kind, { table }] of Object.entries(inventoryRegisters)) counts[kind] = await counted(table);
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** Deletes the merger and, by cascade, everything that belongs to it. */
export async function deleteMerger(db: Database, id: string): Promise<boolean> {
  const rows = await db.delete(mergers).where(eq(mergers.id, id)).returning({ id: mergers.id });
  return rows.length > 0;
}

export type MergerDeletionRow = typeof mergerDeletions.$inferSelect;

export async function insertDeletion(db: Database, row: typeof mergerDeletions.$inferInsert): Promise<MergerDeletionRow> {
  const [inserted] = await db.insert(mergerDeletions).values(row).returning();
  if (!inserted) throw new Error('insert into merger_deletions returned no row');
  return inserted;
}

export async function listDeletions(db: Database): Promise<MergerDeletionRow[]> {
  return db.select().from(mergerDeletions).orderBy(desc(mergerDeletions.deletedAt));
}
