import type { z } from 'zod';
import { loadCatalog } from '#catalog/catalog.ts';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import { actorOf, type Actor, type ServiceContext } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import { invalid, notFound, versionConflict } from '#server/platform/errors.ts';
import { creationChanges, deletionChanges, diffFields } from '#server/platform/audit-trail/changes.ts';
import { recordChange } from '#server/platform/audit-trail/audit-trail.ts';
import { solutionAreaNames } from '#server/features/inventory/inventory.service.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import type {
  Benefit,
  BenefitDetail,
  BenefitList,
  createBenefitBody,
  Indicator,
  indicatorBody,
  measurementBody,
  updateBenefitBody,
  updateIndicatorBody,
} from '#shared/contracts/benefits.ts';
import { baselineDateProblem, measurementBeforeBaselineMessage, measurementDateProblem } from '#shared/contracts/benefits.ts';
import type { Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { localize, problemsIn, type LocalizedFieldProblem } from '#shared/localized-problems.ts';
import { behindTarget, benefitStatusSummary, expectedValueOn, validateIndicatorDates } from './benefits.domain.ts';
import * as repo from './benefits.repo.ts';
import { planWorkbook } from './benefits.export.ts';
import { asBuffer, madeFileRunOptions, workerPool } from '#server/platform/workers/worker-pool.ts';
import { taskLabel } from '#server/features/plan/plan.tasks.service.ts';
import { documentLanguageOf } from '#server/features/mergers/mergers.service.ts';
import { announceResponsible, checkedResponsible, namesOfResponsible, responsibleView } from '#server/features/members/members.service.ts';
import { itemLinks } from '#shared/item-links.ts';

/** A benefit's responsible in the members' terms. */
const responsibleOf = (row: Pick<repo.BenefitRow, 'responsible' | 'responsibleUserId'>) => ({ text: row.responsible, userId: row.responsibleUserId });

/** The fields history follows. Enablers are followed as lists of ids. */
const auditedBenefitFields = [
  'title',
  'description',
  'serviceArea',
  'type',
  'owner',
  'responsible',
  'plannedRealisationDate',
  'status',
  'taskIds',
  'decisionAreaIds',
  'opportunityIds',
] as const;
const auditedIndicatorFields = ['name', 'unit', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate', 'direction'] as const;
const auditedMeasurementFields = ['indicator', 'measuredOn', 'value', 'comment', 'recordedByName'] as const;

// ---------------------------------------------------------------- library look-ups

let opportunityTitles: Map<string, string> | undefined;
export function opportunityIndex(): Map<string, string> {
  opportunityTitles ??= new Map(loadCatalog().opportunities.areas.flatMap((area) => area.opportunities.map((o) => [o.id, o.title] as const)));
  return opportunityTitles;
}

const translatedOpportunityTitles = new Map<Language, ReadonlyMap<string, string>>();
/** The library's opportunity titles in `language` (Samla's translation; bokmål is KS' own). */
function opportunityTitlesIn(language: Language): ReadonlyMap<string, string> {
  let titles = translatedOpportunityTitles.get(language);
  if (!titles) {
    titles = new Map(translatedCatalog(language).opportunities.areas.flatMap((area) => area.opportunities.map((o) => [o.id, o.title] as const)));
    translatedOpportunityTitles.set(language, titles);
  }
  return titles;
}

// ---------------------------------------------------------------- views

type EnablerRows = Awaited<ReturnType<typeof repo.listEnablers>>;

/**
 * A benefit's enablers with their names: the library's (areas, opportunities, a library task's
 * area) in `language`, the reader's on a page and the målform in the plan's export; task titles
 * as stored.
 */
function enablersOf(rows: EnablerRows, benefitId: string, language: Language = 'nb'): Benefit['enablers'] & repo.Enablers {
  const catalog = translatedCatalog(language);
  const areaNames = solutionAreaNames(language);
  // Titles with their area or group: a benefit's page and export list them without the checklist around them.
  const tasks = rows.tasks.filter((row) => row.benefitId === benefitId).map((row) => ({ id: row.id, title: taskLabel(row, catalog) }));
  const decisions = rows.decisions
    .filter((row) => row.benefitId === benefitId)
    .map(({ solutionAreaId }) => ({ solutionAreaId, name: areaNames.get(solutionAreaId) ?? solutionAreaId }));
  const opportunities = rows.opportunities
    .filter((row) => row.benefitId === benefitId)
    .map(({ opportunityId }) => ({ id: opportunityId, title: opportunityTitlesIn(language).get(opportunityId) ?? opportunityId }));
  return {
    tasks,
    decisions,
    opportunities,
    taskIds: tasks.map((task) => task.id),
    decisionAreaIds: decisions.map((decision) => decision.solutionAreaId),
    opportunityIds: opportunities.map((opportunity) => opportunity.id),
  };
}

function toIndicator(row: repo.IndicatorRow, own: readonly repo.MeasurementRow[]): Indicator {
  return {
    id: row.id,
    benefitId: row.benefitId,
    name: row.name,
    unit: row.unit,
    baselineValue: row.baselineValue,
    baselineDate: row.baselineDate,
    targetValue: row.targetValue,
    targetDate: row.targetDate,
    direction: row.direction,
    measurements: own.map((measurement) => ({
      id: measurement.id,
      measuredOn: measurement.measuredOn,
      value: measurement.value,
      comment: measurement.comment,
      recordedBy: measurement.recordedByName,
      expected: expectedValueOn(row, measurement.measuredOn),
      createdAt: measurement.createdAt.toISOString(),
    })),
    status: behindTarget(row, own),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function toBenefit(row: repo.BenefitRow, enablers: Benefit['enablers'], indicators: readonly Indicator[], names: ReadonlyMap<string, string>): Benefit {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    serviceArea: row.serviceArea,
    type: row.type,
    owner: row.owner,
    responsible: row.responsible,
    ...responsibleView(responsibleOf(row), names),
    plannedRealisationDate: row.plannedRealisationDate,
    status: row.status,
    enablers: { tasks: enablers.tasks, decisions: enablers.decisions, opportunities: enablers.opportunities },
    indicatorCount: indicators.length,
    behindCount: indicators.filter((indicator) => indicator.status.behind).length,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * Every benefit of the merger with its indicators judged: what the list, the
 * export and the summary read. The list and the summary (dashboard, status
 * report) show no measurements, only whether each indicator is behind, which
 * the latest measurement decides: `measurements: 'latest'` reads only those,
 * and the indicators it returns carry only them.
 */
export async function readPlan(
  db: Database,
  mergerId: string,
  options: { measurements: 'all' | 'latest'; language?: Language } = { measurements: 'all' },
): Promise<Array<{ benefit: Benefit; indicators: Indicator[] }>> {
  const rows = await repo.listBenefits(db, mergerId);
  const ids = rows.map((row) => row.id);
  const [enablerRows, indicatorRows] = await Promise.all([repo.listEnablers(db, ids), repo.listIndicators(db, ids)]);
  const indicatorIds = indicatorRows.map((row) => row.id);
  const measurementRows =
    options.measurements === 'latest' ? await repo.listLatestMeasurements(db, indicatorIds) : await repo.listMeasurements(db, indicatorIds);
  // Grouped once: filtering every list per benefit and per indicator grows with benefits × measurements.
  const measurementsOf = groupBy(measurementRows, (row) => row.indicatorId);
  const indicatorsOf = groupBy(indicatorRows, (row) => row.benefitId);
  const names = await namesOfResponsible(db, rows);
  return rows.map((row) => {
    const indicators = (indicatorsOf.get(row.id) ?? []).map((indicator) => toIndicator(indicator, measurementsOf.get(indicator.id) ?? []));
    return { benefit: toBenefit(row, enablersOf(enablerRows, row.id, options.language), indicators, names), indicators };
  });
}

async function readBenefit(db: Database, mergerId: string, benefitId: string, language: Language | undefined): Promise<BenefitDetail> {
  const row = await repo.findBenefit(db, mergerId, benefitId);
  if (!row) throw benefitNotFound();
  const [enablerRows, indicatorRows] = await Promise.all([repo.listEnablers(db, [row.id]), repo.listIndicators(db, [row.id])]);
  const measurementsOf = groupBy(
    await repo.listMeasurements(
      db,
      indicatorRows.map((indicator) => indicator.id),
    ),
    (row) => row.indicatorId,
  );
  const indicators = indicatorRows.map((indicator) => toIndicator(indicator, measurementsOf.get(indicator.id) ?? []));
  return { benefit: toBenefit(row, enablersOf(enablerRows, row.id, language), indicators, await namesOfResponsible(db, [row])), indicators };
}

// ---------------------------------------------------------------- reading

export async function listBenefits(ctx: ServiceContext, mergerId: string): Promise<BenefitList> {
  requireMergerAccess(ctx, mergerId);
  const plan = await readPlan(ctx.db, mergerId, { measurements: 'latest', language: ctx.language });
  const benefits = plan.map((entry) => entry.benefit);
  return { benefits, summary: benefitStatusSummary(benefits) };
}

/**
 * How many benefits the merger has, and those with an indicator behind plan
 * (how many of their indicators are), in the list's order: the dashboard's
 * figure, judged by the same rule as the list from one narrow read.
 */
export async function benefitsBehind(
  ctx: ServiceContext,
  mergerId: string,
): Promise<{ total: number; behind: Array<{ id: string; title: string; behindCount: number }> }> {
  requireMergerAccess(ctx, mergerId);
  const rows = await repo.listBenefitIndicatorLatest(ctx.db, mergerId);
  const benefits = new Map<string, { id: string; title: string; behindCount: number }>();
  for (const row of rows) {
    let benefit = benefits.get(row.benefitId);
    if (!benefit) {
      benefit = { id: row.benefitId, title: row.title, behindCount: 0 };
      benefits.set(row.benefitId, benefit);
    }
    if (row.indicatorId === null) continue;
    const line = {
      baselineValue: row.baselineValue!,
      baselineDate: row.baselineDate!,
      targetValue: row.targetValue!,
      targetDate: row.targetDate!,
      direction: row.direction!,
    };
    const latest = row.measuredOn === null ? [] : [{ measuredOn: row.measuredOn, value: row.value! }];
    if (behindTarget(line, latest).behind) benefit.behindCount++;
  }
  return { total: benefits.size, behind: [...benefits.values()].filter((benefit) => benefit.behindCount > 0) };
}

export async function getBenefit(ctx: ServiceContext, mergerId: string, benefitId: string): Promise<BenefitDetail> {
  requireMergerAccess(ctx, mergerId);
  return readBenefit(ctx.db, mergerId, benefitId, ctx.language);
}

/** The whole plan; `language` names the library's enablers (the reader's for an answer, the målform for a document). */
export async function benefitPlan(ctx: ServiceContext, mergerId: string, language: Language | undefined = ctx.language) {
  requireMergerAccess(ctx, mergerId);
  return readPlan(ctx.db, mergerId, { measurements: 'all', language });
}

/** The benefit realisation plan as xlsx in the merger's målform, written in a worker thread (decision 024). */
export async function exportPlan(ctx: ServiceContext, mergerId: string): Promise<Buffer> {
  requireMergerAccess(ctx, mergerId);
  const language = await documentLanguageOf(ctx.db, mergerId);
  const plan = await benefitPlan(ctx, mergerId, language);
  const workbook = planWorkbook(plan, language);
  return asBuffer(await workerPool().run('writeTableWorkbook', workbook, madeFileRunOptions));
}

// ---------------------------------------------------------------- benefits

/** Enablers must be the merger's own tasks, areas it has decided, and opportunities of the library. */
async function checkEnablers(db: Database, mergerId: string, enablers: Partial<repo.Enablers>, language: Language | undefined): Promise<void> {
  const problems: LocalizedFieldProblem[] = [];
  if (enablers.taskIds && enablers.taskIds.length > 0) {
    const found = await repo.existingTaskIds(db, mergerId, enablers.taskIds);
    enablers.taskIds.forEach((id, index) => {
      if (!found.has(id)) {
        problems.push({
          path: `taskIds.${index}`,
          code: 'unknown',
          message: { nb: 'Oppgaven finnes ikke i planen.', nn: 'Oppgåva finst ikkje i planen.', en: 'The task is not in the plan.' },
        });
      }
    });
  }
  if (enablers.decisionAreaIds && enablers.decisionAreaIds.length > 0) {
    const decided = await repo.decidedAreaIds(db, mergerId);
    enablers.decisionAreaIds.forEach((id, index) => {
      if (!decided.has(id)) {
        problems.push({
          path: `decisionAreaIds.${index}`,
          code: 'unknown',
          message: { nb: 'Løsningsområdet har ikke noe veivalg.', nn: 'Løysingsområdet har ikkje noko vegval.', en: 'The solution area has no decision.' },
        });
      }
    });
  }
  enablers.opportunityIds?.forEach((id, index) => {
    if (!opportunityIndex().has(id)) {
      problems.push({
        path: `opportunityIds.${index}`,
        code: 'unknown',
        message: { nb: 'Muligheten finnes ikke i sjekklisten.', nn: 'Moglegheita finst ikkje i sjekklista.', en: 'The opportunity is not in the checklist.' },
      });
    }
  });
  if (problems.length > 0) throw invalid('BENEFIT_ENABLER_INVALID', problems[0]!.message, problemsIn(problems, language));
}

const unique = (ids: readonly string[] | undefined) => (ids === undefined ? undefined : [...new Set(ids)]);

/** Creates a benefit in the caller's transaction, with history; also used when an opportunity is taken up. */
export async function insertBenefitWithHistory(
  db: Database,
  actor: Actor,
  mergerId: string,
  body: z.output<typeof createBenefitBody>,
  language?: Language,
): Promise<repo.BenefitRow> {
  const enablers = { taskIds: unique(body.taskIds)!, decisionAreaIds: unique(body.decisionAreaIds)!, opportunityIds: unique(body.opportunityIds)! };
  await checkEnablers(db, mergerId, enablers, language);
  const responsible = (await checkedResponsible(db, mergerId, { text: body.responsible, userId: body.responsibleUserId }, null)) ?? {
    text: null,
    userId: null,
  };
  const created = await repo.insertBenefit(db, {
    mergerId,
    title: body.title,
    description: body.description ?? null,
    serviceArea: body.serviceArea ?? null,
    type: body.type,
    owner: body.owner ?? null,
    responsible: responsible.text,
    responsibleUserId: responsible.userId,
    plannedRealisationDate: body.plannedRealisationDate ?? null,
    status: body.status,
  });
  await repo.replaceEnablers(db, mergerId, created.id, enablers);
  const names = await announceResponsible(db, actor, {
    mergerId,
    before: null,
    after: responsible,
    subject: { kind: 'benefit', id: created.id, title: created.title },
    link: itemLinks.benefit(mergerId, created.id),
  });
  await recordChange(db, actor, {
    mergerId,
    entity: 'benefit',
    entityId: created.id,
    entityLabel: created.title,
    action: 'create',
    changes: creationChanges(
      {
        ...created,
        // The responsible by name (a member's or the free text), so history reads the same after they leave.
        responsible: names.after,
        taskIds: enablers.taskIds.length > 0 ? enablers.taskIds : null,
        decisionAreaIds: enablers.decisionAreaIds.length > 0 ? enablers.decisionAreaIds : null,
        opportunityIds: enablers.opportunityIds.length > 0 ? enablers.opportunityIds : null,
      },
      auditedBenefitFields,
    ),
  });
  return created;
}

export async function createBenefit(ctx: ServiceContext, mergerId: string, body: z.output<typeof createBenefitBody>): Promise<BenefitDetail> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const created = await insertBenefitWithHistory(tx, actor, mergerId, body, ctx.language);
    return readBenefit(tx, mergerId, created.id, ctx.language);
  });
}

export async function updateBenefit(
  ctx: ServiceContext,
  mergerId: string,
  benefitId: string,
  body: z.output<typeof updateBenefitBody>,
): Promise<BenefitDetail> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const current = await repo.findBenefit(tx, mergerId, benefitId);
    if (!current) throw benefitNotFound();
    if (current.version !== body.version) throw versionConflict(theBenefit, current.version);
    const enablers = { taskIds: unique(body.taskIds), decisionAreaIds: unique(body.decisionAreaIds), opportunityIds: unique(body.opportunityIds) };
    await checkEnablers(tx, mergerId, enablers, ctx.language);
    const { version, taskIds: _t, decisionAreaIds: _d, opportunityIds: _o, responsible: text, responsibleUserId, ...fields } = body;
    const responsible = await checkedResponsible(tx, mergerId, { text, userId: responsibleUserId }, responsibleOf(current));
    const before = enablersOf(await repo.listEnablers(tx, [benefitId]), benefitId);
    const updated = await repo.updateBenefitIfVersion(tx, benefitId, version, {
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(responsible ? { responsible: responsible.text, responsibleUserId: responsible.userId } : {}),
    });
    if (!updated) throw versionConflict(theBenefit, null);
    const names = await announceResponsible(tx, actor, {
      mergerId,
      before: responsibleOf(current),
      after: responsibleOf(updated),
      subject: { kind: 'benefit', id: updated.id, title: updated.title },
      link: itemLinks.benefit(mergerId, benefitId),
    });
    await repo.replaceEnablers(tx, mergerId, benefitId, enablers);
    const after = { ...before, ...Object.fromEntries(Object.entries(enablers).filter(([, v]) => v !== undefined)) };
    const asIds = (ids: string[]) => (ids.length > 0 ? ids : null);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'benefit',
      entityId: benefitId,
      entityLabel: updated.title,
      action: 'update',
      changes: diffFields(
        {
          ...current,
          responsible: names.before,
          taskIds: asIds(before.taskIds),
          decisionAreaIds: asIds(before.decisionAreaIds),
          opportunityIds: asIds(before.opportunityIds),
        },
        {
          ...updated,
          responsible: names.after,
          taskIds: asIds(after.taskIds),
          decisionAreaIds: asIds(after.decisionAreaIds),
          opportunityIds: asIds(after.opportunityIds),
        },
        auditedBenefitFields,
      ),
    });
    return readBenefit(tx, mergerId, benefitId, ctx.language);
  });
}

export async function deleteBenefit(ctx: ServiceContext, mergerId: string, benefitId: string): Promise<void> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const current = await repo.findBenefit(tx, mergerId, benefitId);
    if (!current) throw benefitNotFound();
    await repo.deleteBenefit(tx, benefitId);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'benefit',
      entityId: benefitId,
      entityLabel: current.title,
      action: 'delete',
      changes: deletionChanges({ ...current, responsible: responsibleView(responsibleOf(current), await namesOfResponsible(tx, [current])).responsibleName }, [
        'title',
        'description',
        'serviceArea',
        'type',
        'owner',
        'responsible',
        'plannedRealisationDate',
        'status',
      ]),
    });
  });
}

// ---------------------------------------------------------------- indicators

function checkDates(line: { baselineDate: string; targetDate: string }, language: Language | undefined) {
  const problems = validateIndicatorDates(line);
  if (problems.length > 0) {
    throw invalid(
      'INDICATOR_DATES_INVALID',
      problems[0]!.message,
      problemsIn(
        problems.map((problem) => ({ ...problem, code: 'invalid' })),
        language,
      ),
    );
  }
}

async function requireBenefit(db: Database, mergerId: string, benefitId: string): Promise<repo.BenefitRow> {
  const row = await repo.findBenefit(db, mergerId, benefitId);
  if (!row) throw benefitNotFound();
  return row;
}

async function requireIndicator(db: Database, benefitId: string, indicatorId: string): Promise<repo.IndicatorRow> {
  const row = await repo.findIndicator(db, benefitId, indicatorId);
  if (!row) throw notFound('INDICATOR_NOT_FOUND', { nb: 'Fant ikke indikatoren.', nn: 'Fann ikkje indikatoren.', en: 'The indicator was not found.' });
  return row;
}

const indicatorLabel = (benefit: repo.BenefitRow, indicator: { name: string }) => `${benefit.title}: ${indicator.name}`;

export async function createIndicator(ctx: ServiceContext, mergerId: string, benefitId: string, body: z.output<typeof indicatorBody>): Promise<BenefitDetail> {
  requireMergerAccess(ctx, mergerId);
  checkDates(body, ctx.language);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const benefit = await requireBenefit(tx, mergerId, benefitId);
    const created = await repo.insertIndicator(tx, { benefitId, ...body });
    await recordChange(tx, actor, {
      mergerId,
      entity: 'indicator',
      entityId: created.id,
      entityLabel: indicatorLabel(benefit, created),
      action: 'create',
      changes: creationChanges(created, auditedIndicatorFields),
    });
    return readBenefit(tx, mergerId, benefitId, ctx.language);
  });
}

export async function updateIndicator(
  ctx: ServiceContext,
  mergerId: string,
  benefitId: string,
  indicatorId: string,
  body: z.output<typeof updateIndicatorBody>,
): Promise<BenefitDetail> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const benefit = await requireBenefit(tx, mergerId, benefitId);
    const current = await requireIndicator(tx, benefitId, indicatorId);
    if (current.version !== body.version) throw versionConflict(theIndicator, current.version);
    const { version, ...fields } = body;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    checkDates({ baselineDate: body.baselineDate ?? current.baselineDate, targetDate: body.targetDate ?? current.targetDate }, ctx.language);
    if (body.baselineDate !== undefined && body.baselineDate > current.baselineDate) {
      const measured = await repo.listMeasurements(tx, [indicatorId]);
      const measuredOn = measured.map((row) => row.measuredOn);
      const baselineDate = body.baselineDate;
      const problem = baselineDateProblem(baselineDate, measuredOn);
      if (problem) {
        const message = localize((language) => baselineDateProblem(baselineDate, measuredOn, language)!.message);
        throw invalid('BASELINE_AFTER_MEASUREMENTS', message, problemsIn([{ path: problem.path, code: 'invalid', message }], ctx.language));
      }
    }
    const updated = await repo.updateIndicatorIfVersion(tx, indicatorId, version, changes);
    if (!updated) throw versionConflict(theIndicator, null);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'indicator',
      entityId: indicatorId,
      entityLabel: indicatorLabel(benefit, updated),
      action: 'update',
      changes: diffFields(current, updated, auditedIndicatorFields),
    });
    return readBenefit(tx, mergerId, benefitId, ctx.language);
  });
}

export async function deleteIndicator(ctx: ServiceContext, mergerId: string, benefitId: string, indicatorId: string): Promise<BenefitDetail> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const benefit = await requireBenefit(tx, mergerId, benefitId);
    const current = await requireIndicator(tx, benefitId, indicatorId);
    await repo.deleteIndicator(tx, indicatorId);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'indicator',
      entityId: indicatorId,
      entityLabel: indicatorLabel(benefit, current),
      action: 'delete',
      changes: deletionChanges(current, auditedIndicatorFields),
    });
    return readBenefit(tx, mergerId, benefitId, ctx.language);
  });
}

// ---------------------------------------------------------------- measurements

export async function recordMeasurement(
  ctx: ServiceContext,
  mergerId: string,
  benefitId: string,
  indicatorId: string,
  body: z.output<typeof measurementBody>,
): Promise<BenefitDetail> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const benefit = await requireBenefit(tx, mergerId, benefitId);
    const indicator = await requireIndicator(tx, benefitId, indicatorId);
    const problem = measurementDateProblem(body.measuredOn, indicator.baselineDate);
    if (problem) {
      const message = localize((language) => measurementBeforeBaselineMessage(indicator.baselineDate, language));
      throw invalid('MEASUREMENT_BEFORE_BASELINE', message, problemsIn([{ path: problem.path, code: 'invalid', message }], ctx.language));
    }
    const created = await repo.insertMeasurement(tx, {
      indicatorId,
      measuredOn: body.measuredOn,
      value: body.value,
      comment: body.comment ?? null,
      recordedByUserId: actor.userId,
      recordedByName: actor.name,
    });
    await recordChange(tx, actor, {
      mergerId,
      entity: 'measurement',
      entityId: created.id,
      entityLabel: indicatorLabel(benefit, indicator),
      action: 'create',
      changes: creationChanges({ ...created, indicator: indicator.name }, auditedMeasurementFields),
    });
    return readBenefit(tx, mergerId, benefitId, ctx.language);
  });
}

export async function deleteMeasurement(
  ctx: ServiceContext,
  mergerId: string,
  benefitId: string,
  indicatorId: string,
  measurementId: string,
): Promise<BenefitDetail> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const benefit = await requireBenefit(tx, mergerId, benefitId);
    const indicator = await requireIndicator(tx, benefitId, indicatorId);
    const current = await repo.findMeasurement(tx, indicatorId, measurementId);
    if (!current) throw notFound('MEASUREMENT_NOT_FOUND', { nb: 'Fant ikke målingen.', nn: 'Fann ikkje målinga.', en: 'The measurement was not found.' });
    await repo.deleteMeasurement(tx, measurementId);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'measurement',
      entityId: measurementId,
      entityLabel: indicatorLabel(benefit, indicator),
      action: 'delete',
      changes: deletionChanges({ ...current, indicator: indicator.name }, auditedMeasurementFields),
    });
    return readBenefit(tx, mergerId, benefitId, ctx.language);
  });
}

// ---------------------------------------------------------------- errors

function benefitNotFound() {
  return notFound('BENEFIT_NOT_FOUND', { nb: 'Fant ikke gevinsten.', nn: 'Fann ikkje gevinsten.', en: 'The benefit was not found.' });
}

const theBenefit: Localized = { nb: 'Gevinsten', nn: 'Gevinsten', en: 'The benefit' };
const theIndicator: Localized = { nb: 'Indikatoren', nn: 'Indikatoren', en: 'The indicator' };

/** The benefits that name each of these opportunities, for the opportunities page (decision 001: through the service). The caller checked access. */
export function benefitsOfOpportunities(db: Database, mergerId: string, opportunityIds: readonly string[]) {
  return repo.benefitsOfOpportunities(db, mergerId, opportunityIds);
}
