import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '#server/platform/db/client.ts';
import {
  integrations,
  mitigations,
  riskIntegrations,
  riskMatrices,
  risks,
  riskSuggestionDismissals,
  riskSystems,
  systems,
  tasks,
} from '#server/platform/db/schema/index.ts';
import { deleteIfVersion, updateIfVersion } from '#server/platform/db/versioned-write.ts';
import type { Consequences, RiskMatrix } from '#shared/contracts/risks.ts';

export type RiskRow = typeof risks.$inferSelect;
export type NewRiskRow = typeof risks.$inferInsert;
export type MitigationRow = typeof mitigations.$inferSelect;
export type NewMitigationRow = typeof mitigations.$inferInsert;

// ---------------------------------------------------------------- matrix

export async function findMatrix(db: Database, mergerId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(riskMatrices).where(eq(riskMatrices.mergerId, mergerId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function insertMatrix(db: Database, mergerId: string, matrix: RiskMatrix) {
  const [row] = await db.insert(riskMatrices).values({ mergerId, matrix }).onConflictDoNothing().returning();
  return row;
}

export async function updateMatrixIfVersion(db: Database, mergerId: string, expectedVersion: number, matrix: RiskMatrix) {
  return updateIfVersion(db, riskMatrices, { mergerId }, expectedVersion, { matrix });
}

// ---------------------------------------------------------------- risks

export async function listRisks(db: Database, mergerId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(risks).where(eq(risks.mergerId, mergerId)).orderBy(asc(risks.createdAt), asc(risks.id));
  return options.lock ? query.for('update') : query;
}

/**
 * How many of the merger's risks stand at each set of stored levels: the
 * heatmap places these groups in the matrix, not every risk with its texts.
 * As one JSON list in one row, which PGlite returns in about half the time of
 * a row per group (bench/fixes.md).
 */
export async function countRisksByLevels(db: Database, mergerId: string): Promise<RiskLevelGroup[]> {
  const groups = db
    .select({
      likelihood: risks.likelihood,
      consequences: risks.consequences,
      residualLikelihood: risks.residualLikelihood,
      residualConsequence: risks.residualConsequence,
      count: count().as('count'),
    })
    .from(risks)
    .where(eq(risks.mergerId, mergerId))
    .groupBy(risks.likelihood, risks.consequences, risks.residualLikelihood, risks.residualConsequence)
    .as('groups');
  const [row] = await db
    .select({
      groups: sql<RiskLevelGroup[]>`coalesce(json_agg(json_build_object(
        'likelihood', ${groups.likelihood}, 'consequences', ${groups.consequences},
        'residualLikelihood', ${groups.residualLikelihood}, 'residualConsequence', ${groups.residualConsequence},
        'count', ${groups.count}
      )), '[]'::json)`,
    })
    .from(groups);
  return row?.groups ?? [];
}

export interface RiskLevelGroup {
  likelihood: number | null;
  consequences: Consequences;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  count: number;
}

export async function findRisk(db: Database, mergerId: string, riskId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select()
    .from(risks)
    .where(and(eq(risks.mergerId, mergerId), eq(risks.id, riskId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function insertRisk(db: Database, row: NewRiskRow): Promise<RiskRow> {
  const [inserted] = await db.insert(risks).values(row).returning();
  if (!inserted) throw new Error('insert into risks returned no row');
  return inserted;
}

export async function updateRiskIfVersion(
  db: Database,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<NewRiskRow, 'id' | 'mergerId' | 'version'>>,
): Promise<RiskRow | null> {
  return updateIfVersion(db, risks, { id }, expectedVersion, changes);
}

/** Levels only, for remapping: the risk's version still moves, so an open form gets 409. */
export async function setRiskLevels(
  db: Database,
  id: string,
  levels: Pick<NewRiskRow, 'likelihood' | 'residualLikelihood' | 'residualConsequence' | 'consequences'>,
) {
  // Not updateIfVersion: the matrix change that remaps has the risks locked and checked no version of theirs.
  await db
    .update(risks)
    .set({ ...levels, version: sql`${risks.version} + 1`, updatedAt: sql`now()` })
    .where(eq(risks.id, id));
}

export async function deleteRiskIfVersion(db: Database, id: string, expectedVersion: number): Promise<boolean> {
  return deleteIfVersion(db, risks, { id }, expectedVersion);
}

export async function countRisks(db: Database, mergerId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(risks)
    .where(eq(risks.mergerId, mergerId));
  return row?.count ?? 0;
}

// ---------------------------------------------------------------- links

export async function linkedSystems(db: Database, riskIds: readonly string[]) {
  if (riskIds.length === 0) return [];
  return db
    .select({ riskId: riskSystems.riskId, id: systems.id, name: systems.name, municipalityNumber: systems.municipalityNumber })
    .from(riskSystems)
    .innerJoin(systems, eq(systems.id, riskSystems.systemId))
    .where(inArray(riskSystems.riskId, [...riskIds]))
    .orderBy(asc(systems.municipalityNumber), asc(sql`lower(${systems.name})`));
}

export async function linkedIntegrations(db: Database, riskIds: readonly string[]) {
  if (riskIds.length === 0) return [];
  const from = alias(systems, 'from_system');
  const to = alias(systems, 'to_system');
  return db
    .select({
      riskId: riskIntegrations.riskId,
      id: integrations.id,
      fromName: from.name,
      toName: to.name,
      commonSolutionId: integrations.commonSolutionId,
    })
    .from(riskIntegrations)
    .innerJoin(integrations, eq(integrations.id, riskIntegrations.integrationId))
    .innerJoin(from, eq(from.id, integrations.fromSystemId))
    .leftJoin(to, eq(to.id, integrations.toSystemId))
    .where(inArray(riskIntegrations.riskId, [...riskIds]));
}

export async function replaceLinks(
  db: Database,
  mergerId: string,
  riskId: string,
  systemIds: readonly string[] | undefined,
  integrationIds: readonly string[] | undefined,
) {
  if (systemIds !== undefined) {
    await db.delete(riskSystems).where(eq(riskSystems.riskId, riskId));
    if (systemIds.length > 0) await db.insert(riskSystems).values(systemIds.map((systemId) => ({ mergerId, riskId, systemId })));
  }
  if (integrationIds !== undefined) {
    await db.delete(riskIntegrations).where(eq(riskIntegrations.riskId, riskId));
    if (integrationIds.length > 0) {
      await db.insert(riskIntegrations).values(integrationIds.map((integrationId) => ({ mergerId, riskId, integrationId })));
    }
  }
}

/** Which of these ids are systems of the merger. */
export async function existingSystemIds(db: Database, mergerId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: systems.id })
    .from(systems)
    .where(and(eq(systems.mergerId, mergerId), inArray(systems.id, [...ids])));
  return new Set(rows.map((row) => row.id));
}

export async function existingIntegrationIds(db: Database, mergerId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: integrations.id })
    .from(integrations)
    .where(and(eq(integrations.mergerId, mergerId), inArray(integrations.id, [...ids])));
  return new Set(rows.map((row) => row.id));
}

export async function findTask(db: Database, mergerId: string, taskId: string) {
  const [row] = await db
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.mergerId, mergerId), eq(tasks.id, taskId)));
  return row;
}

// ---------------------------------------------------------------- mitigations

export async function listMitigations(db: Database, riskIds: readonly string[]) {
  if (riskIds.length === 0) return [];
  return db
    .select({ mitigation: mitigations, taskTitle: tasks.title })
    .from(mitigations)
    .leftJoin(tasks, eq(tasks.id, mitigations.taskId))
    .where(inArray(mitigations.riskId, [...riskIds]))
    .orderBy(asc(mitigations.createdAt), asc(mitigations.id));
}

export async function findMitigation(db: Database, mergerId: string, riskId: string, mitigationId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select()
    .from(mitigations)
    .where(and(eq(mitigations.mergerId, mergerId), eq(mitigations.riskId, riskId), eq(mitigations.id, mitigationId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function insertMitigation(db: Database, row: NewMitigationRow): Promise<MitigationRow> {
  const [inserted] = await db.insert(mitigations).values(row).returning();
  if (!inserted) throw new Error('insert into risk_mitigations returned no row');
  return inserted;
}

export async function updateMitigationIfVersion(
  db: Database,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<NewMitigationRow, 'id' | 'mergerId' | 'riskId' | 'version'>>,
): Promise<MitigationRow | null> {
  return updateIfVersion(db, mitigations, { id }, expectedVersion, changes);
}

export async function deleteMitigationIfVersion(db: Database, id: string, expectedVersion: number): Promise<boolean> {
  return deleteIfVersion(db, mitigations, { id }, expectedVersion);
}

// ---------------------------------------------------------------- suggestions

export async function hiddenSuggestionKeys(db: Database, mergerId: string) {
  const [dismissed, accepted] = await Promise.all([
    db.select({ key: riskSuggestionDismissals.key }).from(riskSuggestionDismissals).where(eq(riskSuggestionDismissals.mergerId, mergerId)),
    db
      .select({ key: risks.suggestionKey })
      .from(risks)
      .where(and(eq(risks.mergerId, mergerId), sql`${risks.suggestionKey} is not null`)),
  ]);
  return { dismissed: dismissed.map((row) => row.key), accepted: accepted.map((row) => row.key!) };
}

export async function insertDismissal(db: Database, mergerId: string, key: string, dismissedByName: string) {
  const [row] = await db.insert(riskSuggestionDismissals).values({ mergerId, key, dismissedByName }).onConflictDoNothing().returning();
  return row;
}

export async function listStarterSystems(db: Database, mergerId: string) {
  return db
    .select({
      id: systems.id,
      name: systems.name,
      municipalityNumber: systems.municipalityNumber,
      solutionAreaId: systems.solutionAreaId,
      archiveWorthy: systems.archiveWorthy,
    })
    .from(systems)
    .where(eq(systems.mergerId, mergerId))
    .orderBy(asc(systems.municipalityNumber), asc(sql`lower(${systems.name})`), asc(systems.id));
}

export async function listCommonSolutionIntegrations(db: Database, mergerId: string) {
  return db
    .select({
      id: integrations.id,
      fromSystemId: integrations.fromSystemId,
      toSystemId: integrations.toSystemId,
      commonSolutionId: integrations.commonSolutionId,
    })
    .from(integrations)
    .where(and(eq(integrations.mergerId, mergerId), sql`${integrations.commonSolutionId} is not null`))
    .orderBy(asc(integrations.municipalityNumber), asc(integrations.id));
}
