import { and, asc, count, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '#server/platform/db/client.ts';
import { contracts, contractSystems, decisions, integrations, systems } from '#server/platform/db/schema/index.ts';
import { updateIfVersion } from '#server/platform/db/versioned-write.ts';

export type DecisionRow = typeof decisions.$inferSelect;
export type NewDecisionRow = typeof decisions.$inferInsert;

export async function listDecisions(db: Database, mergerId: string) {
  return db
    .select({ decision: decisions, targetSystemName: systems.name })
    .from(decisions)
    .leftJoin(systems, eq(systems.id, decisions.targetSystemId))
    .where(eq(decisions.mergerId, mergerId));
}

/** The decisions with only what fates and readiness are worked out from: no join. */
export async function listDecisionFacts(db: Database, mergerId: string) {
  return db
    .select({
      solutionAreaId: decisions.solutionAreaId,
      outcome: decisions.outcome,
      targetSystemId: decisions.targetSystemId,
      timing: decisions.timing,
      state: decisions.state,
      // Readiness shows a deferred area with the veivalg's rationale, or with who accepted the deferral and why.
      rationale: decisions.rationale,
      deferralAcceptedByName: decisions.deferralAcceptedByName,
      deferralAcceptedAt: decisions.deferralAcceptedAt,
      deferralReason: decisions.deferralReason,
    })
    .from(decisions)
    .where(eq(decisions.mergerId, mergerId));
}

export async function findDecision(db: Database, mergerId: string, areaId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select()
    .from(decisions)
    .where(and(eq(decisions.mergerId, mergerId), eq(decisions.solutionAreaId, areaId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function insertDecision(db: Database, row: NewDecisionRow): Promise<DecisionRow> {
  const [inserted] = await db.insert(decisions).values(row).returning();
  if (!inserted) throw new Error('insert into decisions returned no row');
  return inserted;
}

/** Writes only if the row is still at `expectedVersion`; null when someone else changed it first. */
export async function updateDecisionIfVersion(
  db: Database,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<NewDecisionRow, 'id' | 'mergerId' | 'solutionAreaId' | 'version'>>,
): Promise<DecisionRow | null> {
  return updateIfVersion(db, decisions, { id }, expectedVersion, changes);
}

export async function systemExists(db: Database, mergerId: string, systemId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: systems.id })
    .from(systems)
    .where(and(eq(systems.mergerId, mergerId), eq(systems.id, systemId)));
  return row !== undefined;
}

/** Systems per solution area and municipality: the overview's counts, one grouped query. */
export async function countSystemsByArea(db: Database, mergerId: string) {
  return db
    .select({ solutionAreaId: systems.solutionAreaId, municipalityNumber: systems.municipalityNumber, systems: count() })
    .from(systems)
    .where(eq(systems.mergerId, mergerId))
    .groupBy(systems.solutionAreaId, systems.municipalityNumber);
}

/**
 * The facts a decision is made on, for the systems of one area (or all,
 * without an area): three plain queries counted up here, which on 2,500
 * systems is many times faster than a subquery per system.
 */
export async function listSystemFacts(db: Database, mergerId: string, areaId?: string) {
  const rows = await db
    .select({
      id: systems.id,
      municipalityNumber: systems.municipalityNumber,
      solutionAreaId: systems.solutionAreaId,
      name: systems.name,
      vendor: systems.vendor,
      product: systems.product,
      hosting: systems.hosting,
      userCount: systems.userCount,
    })
    .from(systems)
    .where(areaId === undefined ? eq(systems.mergerId, mergerId) : and(eq(systems.mergerId, mergerId), eq(systems.solutionAreaId, areaId)))
    .orderBy(asc(systems.municipalityNumber), asc(sql`lower(${systems.name})`), asc(systems.id));
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [ends, endDates] = await Promise.all([
    db
      .select({ from: integrations.fromSystemId, to: integrations.toSystemId })
      .from(integrations)
      .where(
        and(
          eq(integrations.mergerId, mergerId),
          areaId === undefined ? undefined : or(inArray(integrations.fromSystemId, ids), inArray(integrations.toSystemId, ids)),
        ),
      ),
    db
      .select({ systemId: contractSystems.systemId, endDate: contracts.endDate })
      .from(contractSystems)
      .innerJoin(contracts, eq(contracts.id, contractSystems.contractId))
      .where(
        and(eq(contractSystems.mergerId, mergerId), isNotNull(contracts.endDate), areaId === undefined ? undefined : inArray(contractSystems.systemId, ids)),
      )
      .orderBy(asc(contracts.endDate)),
  ]);
  const integrationCounts = new Map<string, number>();
  for (const end of ends) {
    integrationCounts.set(end.from, (integrationCounts.get(end.from) ?? 0) + 1);
    if (end.to !== null && end.to !== end.from) integrationCounts.set(end.to, (integrationCounts.get(end.to) ?? 0) + 1);
  }
  const datesBySystem = new Map<string, string[]>();
  for (const { systemId, endDate } of endDates) datesBySystem.set(systemId, [...(datesBySystem.get(systemId) ?? []), endDate!]);
  return rows.map((row) => ({ ...row, integrationCount: integrationCounts.get(row.id) ?? 0, contractEndDates: datesBySystem.get(row.id) ?? [] }));
}

/** Every system with only what the landscape and the deadlines need. */
export async function listSystemNodes(db: Database, mergerId: string) {
  return db
    .select({
      id: systems.id,
      name: systems.name,
      municipalityNumber: systems.municipalityNumber,
      solutionAreaId: systems.solutionAreaId,
    })
    .from(systems)
    .where(eq(systems.mergerId, mergerId));
}

export async function listIntegrationEdges(db: Database, mergerId: string) {
  return db
    .select({
      id: integrations.id,
      municipalityNumber: integrations.municipalityNumber,
      fromSystemId: integrations.fromSystemId,
      toSystemId: integrations.toSystemId,
      commonSolutionId: integrations.commonSolutionId,
      direction: integrations.direction,
      method: integrations.method,
    })
    .from(integrations)
    .where(eq(integrations.mergerId, mergerId))
    .orderBy(asc(integrations.municipalityNumber), asc(integrations.id));
}

/** The integrations that start or end at one of these systems, with both ends' names and areas. */
export async function listIntegrationsTouching(db: Database, mergerId: string, systemIds: readonly string[]) {
  if (systemIds.length === 0) return [];
  const from = alias(systems, 'from_system');
  const to = alias(systems, 'to_system');
  return db
    .select({
      id: integrations.id,
      municipalityNumber: integrations.municipalityNumber,
      fromSystemId: integrations.fromSystemId,
      fromName: from.name,
      fromAreaId: from.solutionAreaId,
      toSystemId: integrations.toSystemId,
      toName: to.name,
      toAreaId: to.solutionAreaId,
      commonSolutionId: integrations.commonSolutionId,
      direction: integrations.direction,
      method: integrations.method,
    })
    .from(integrations)
    .innerJoin(from, eq(from.id, integrations.fromSystemId))
    .leftJoin(to, eq(to.id, integrations.toSystemId))
    .where(and(eq(integrations.mergerId, mergerId), or(inArray(integrations.fromSystemId, [...systemIds]), inArray(integrations.toSystemId, [...systemIds]))))
    .orderBy(asc(integrations.municipalityNumber), asc(from.name), asc(integrations.id));
}
