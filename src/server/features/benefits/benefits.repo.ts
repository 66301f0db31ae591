import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import {
  benefitDecisions,
  benefitOpportunities,
  benefits,
  benefitTasks,
  decisions,
  indicators,
  measurements,
  tasks,
} from '#server/platform/db/schema/index.ts';
import type { IndicatorDirection } from '#shared/contracts/benefits.ts';
import { updateIfVersion } from '#server/platform/db/versioned-write.ts';

export type BenefitRow = typeof benefits.$inferSelect;
export type NewBenefitRow = typeof benefits.$inferInsert;
export type IndicatorRow = typeof indicators.$inferSelect;
export type NewIndicatorRow = typeof indicators.$inferInsert;
export type MeasurementRow = typeof measurements.$inferSelect;
export type NewMeasurementRow = typeof measurements.$inferInsert;

export interface Enablers {
  taskIds: string[];
  decisionAreaIds: string[];
  opportunityIds: string[];
}

export async function listBenefits(db: Database, mergerId: string): Promise<BenefitRow[]> {
  return db
    .select()
    .from(benefits)
    .where(eq(benefits.mergerId, mergerId))
    .orderBy(asc(sql`lower(${benefits.title})`), asc(benefits.id));
}

export async function findBenefit(db: Database, mergerId: string, benefitId: string): Promise<BenefitRow | undefined> {
  const [row] = await db
    .select()
    .from(benefits)
    .where(and(eq(benefits.mergerId, mergerId), eq(benefits.id, benefitId)));
  return row;
}

export async function insertBenefit(db: Database, row: NewBenefitRow): Promise<BenefitRow> {
  const [inserted] = await db.insert(benefits).values(row).returning();
  if (!inserted) throw new Error('insert into benefits returned no row');
  return inserted;
}

/** Writes only if the row is still at `expectedVersion`; null when someone else changed it first. */
export async function updateBenefitIfVersion(
  db: Database,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<NewBenefitRow, 'id' | 'mergerId' | 'version'>>,
): Promise<BenefitRow | null> {
  return updateIfVersion(db, benefits, { id }, expectedVersion, changes);
}

export async function deleteBenefit(db: Database, id: string): Promise<void> {
  await db.delete(benefits).where(eq(benefits.id, id));
}

/** Every enabler of these benefits, with the task titles. */
export async function listEnablers(db: Database, benefitIds: readonly string[]) {
  if (benefitIds.length === 0) return { tasks: [], decisions: [], opportunities: [] };
  const ids = [...benefitIds];
  const [taskRows, decisionRows, opportunityRows] = await Promise.all([
    db
      .select({ benefitId: benefitTasks.benefitId, id: tasks.id, title: tasks.title, catalogItemId: tasks.catalogItemId, groupName: tasks.groupName })
      .from(benefitTasks)
      .innerJoin(tasks, eq(tasks.id, benefitTasks.taskId))
      .where(inArray(benefitTasks.benefitId, ids))
      .orderBy(asc(tasks.activityPosition), asc(tasks.position)),
    db
      .select({ benefitId: benefitDecisions.benefitId, solutionAreaId: benefitDecisions.solutionAreaId })
      .from(benefitDecisions)
      .where(inArray(benefitDecisions.benefitId, ids))
      .orderBy(asc(benefitDecisions.solutionAreaId)),
    db
      .select({ benefitId: benefitOpportunities.benefitId, opportunityId: benefitOpportunities.opportunityId })
      .from(benefitOpportunities)
      .where(inArray(benefitOpportunities.benefitId, ids))
      .orderBy(asc(benefitOpportunities.opportunityId)),
  ]);
  return { tasks: taskRows, decisions: decisionRows, opportunities: opportunityRows };
}

/** Replaces the given kinds of enablers of a benefit (kinds left undefined stay as they are). */
export async function replaceEnablers(db: Database, mergerId: string, benefitId: string, enablers: Partial<Enablers>): Promise<void> {
  if (enablers.taskIds) {
    await db.delete(benefitTasks).where(eq(benefitTasks.benefitId, benefitId));
    if (enablers.taskIds.length > 0) await db.insert(benefitTasks).values(enablers.taskIds.map((taskId) => ({ benefitId, taskId })));
  }
  if (enablers.decisionAreaIds) {
    await db.delete(benefitDecisions).where(eq(benefitDecisions.benefitId, benefitId));
    if (enablers.decisionAreaIds.length > 0) {
      await db.insert(benefitDecisions).values(enablers.decisionAreaIds.map((solutionAreaId) => ({ benefitId, mergerId, solutionAreaId })));
    }
  }
  if (enablers.opportunityIds) {
    await db.delete(benefitOpportunities).where(eq(benefitOpportunities.benefitId, benefitId));
    if (enablers.opportunityIds.length > 0) {
      await db.insert(benefitOpportunities).values(enablers.opportunityIds.map((opportunityId) => ({ benefitId, opportunityId })));
    }
  }
}

/** Which of these task ids are tasks of the merger. */
export async function existingTaskIds(db: Database, mergerId: string, taskIds: readonly string[]): Promise<Set<string>> {
  if (taskIds.length === 0) return new Set();
  const rows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.mergerId, mergerId), inArray(tasks.id, [...taskIds])));
  return new Set(rows.map((row) => row.id));
}

/** The solution areas of the merger that have a decision. */
export async function decidedAreaIds(db: Database, mergerId: string): Promise<Set<string>> {
  const rows = await db.select({ id: decisions.solutionAreaId }).from(decisions).where(eq(decisions.mergerId, mergerId));
  return new Set(rows.map((row) => row.id));
}

/** Benefits of the merger that name one of these opportunities as an enabler. */
export async function benefitsOfOpportunities(db: Database, mergerId: string, opportunityIds: readonly string[]) {
  if (opportunityIds.length === 0) return [];
  return db
    .select({ opportunityId: benefitOpportunities.opportunityId, id: benefits.id, title: benefits.title })
    .from(benefitOpportunities)
    .innerJoin(benefits, eq(benefits.id, benefitOpportunities.benefitId))
    .where(and(eq(benefits.mergerId, mergerId), inArray(benefitOpportunities.opportunityId, [...opportunityIds])))
    .orderBy(asc(benefits.title));
}

// ---------------------------------------------------------------- indicators

export async function listIndicators(db: Database, benefitIds: readonly string[]): Promise<IndicatorRow[]> {
  if (benefitIds.length === 0) return [];
  return db
    .select()
    .from(indicators)
    .where(inArray(indicators.benefitId, [...benefitIds]))
    .orderBy(asc(indicators.createdAt), asc(indicators.id));
}

export async function findIndicator(db: Database, benefitId: string, indicatorId: string): Promise<IndicatorRow | undefined> {
  const [row] = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.benefitId, benefitId), eq(indicators.id, indicatorId)));
  return row;
}

export async function insertIndicator(db: Database, row: NewIndicatorRow): Promise<IndicatorRow> {
  const [inserted] = await db.insert(indicators).values(row).returning();
  if (!inserted) throw new Error('insert into benefit_indicators returned no row');
  return inserted;
}

export async function updateIndicatorIfVersion(
  db: Database,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<NewIndicatorRow, 'id' | 'benefitId' | 'version'>>,
): Promise<IndicatorRow | null> {
  return updateIfVersion(db, indicators, { id }, expectedVersion, changes);
}

export async function deleteIndicator(db: Database, id: string): Promise<void> {
  await db.delete(indicators).where(eq(indicators.id, id));
}

// ---------------------------------------------------------------- measurements

/** Measurements of these indicators, oldest first (by date, then by when they were recorded). */
export async function listMeasurements(db: Database, indicatorIds: readonly string[]): Promise<MeasurementRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(measurements)
    .where(inArray(measurements.indicatorId, [...indicatorIds]))
    .orderBy(asc(measurements.measuredOn), asc(measurements.createdAt), asc(measurements.id));
}

/**
 * Only the latest measurement of each indicator (the one latestMeasurement in
 * the domain picks: the last by date, then by when it was recorded): all that
 * judging «behind» needs, a tenth of the rows of a merger that measures monthly.
 */
export async function listLatestMeasurements(db: Database, indicatorIds: readonly string[]): Promise<MeasurementRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .selectDistinctOn([measurements.indicatorId])
    .from(measurements)
    .where(inArray(measurements.indicatorId, [...indicatorIds]))
    .orderBy(asc(measurements.indicatorId), desc(measurements.measuredOn), desc(measurements.createdAt), desc(measurements.id));
}

/**
 * Every benefit of the merger (id and title, in the list's order) with each of
 * its indicators' line and latest measurement (as `listLatestMeasurements`
 * picks it): all that counting the indicators behind plan needs. A benefit
 * without indicators comes once, with nulls. As one JSON list in one row,
 * which PGlite returns in about half the time of a row each (bench/fixes.md).
 */
export async function listBenefitIndicatorLatest(db: Database, mergerId: string): Promise<BenefitIndicatorLatestRow[]> {
  const latest = db
    .select({ measuredOn: measurements.measuredOn, value: measurements.value })
    .from(measurements)
    .where(eq(measurements.indicatorId, indicators.id))
    .orderBy(desc(measurements.measuredOn), desc(measurements.createdAt), desc(measurements.id))
    .limit(1)
    .as('latest');
  const [row] = await db
    .select({
      rows: sql<BenefitIndicatorLatestRow[]>`coalesce(json_agg(json_build_object(
        'benefitId', ${benefits.id}, 'title', ${benefits.title}, 'indicatorId', ${indicators.id},
        'baselineValue', ${indicators.baselineValue}, 'baselineDate', ${indicators.baselineDate},
        'targetValue', ${indicators.targetValue}, 'targetDate', ${indicators.targetDate}, 'direction', ${indicators.direction},
        'measuredOn', ${latest.measuredOn}, 'value', ${latest.value}
      ) order by lower(${benefits.title}), ${benefits.id}), '[]'::json)`,
    })
    .from(benefits)
    .leftJoin(indicators, eq(indicators.benefitId, benefits.id))
    .leftJoinLateral(latest, sql`true`)
    .where(eq(benefits.mergerId, mergerId));
  return row?.rows ?? [];
}

export interface BenefitIndicatorLatestRow {
  benefitId: string;
  title: string;
  indicatorId: string | null;
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  direction: IndicatorDirection | null;
  measuredOn: string | null;
  value: number | null;
}

export async function findMeasurement(db: Database, indicatorId: string, measurementId: string): Promise<MeasurementRow | undefined> {
  const [row] = await db
    .select()
    .from(measurements)
    .where(and(eq(measurements.indicatorId, indicatorId), eq(measurements.id, measurementId)));
  return row;
}

export async function insertMeasurement(db: Database, row: NewMeasurementRow): Promise<MeasurementRow> {
  const [inserted] = await db.insert(measurements).values(row).returning();
  if (!inserted) throw new Error('insert into benefit_measurements returned no row');
  return inserted;
}

export async function deleteMeasurement(db: Database, id: string): Promise<void> {
  await db.delete(measurements).where(eq(measurements.id, id));
}
