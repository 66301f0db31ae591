import type { z } from 'zod';
import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import { conflict, DomainError, invalid, notFound, versionConflict } from '#server/platform/errors.ts';
import { creationChanges, diffFields } from '#server/platform/audit-trail/changes.ts';
import { roleAllows } from '#server/platform/access/roles.ts';
import { recordChange } from '#server/platform/audit-trail/audit-trail.ts';
import { placeDecisionTasks, tasksOfLibraryItems } from '#server/features/plan/plan.tasks.service.ts';
import { notifyDecisionAdopted } from '#server/features/notifications/notifications.events.service.ts';
import { dateInOslo } from '#shared/calendar-dates.ts';
import { findCommonSolution, loadCommonSolutions } from '#server/features/common-solutions/common-solutions.domain.ts';
import { solutionAreas } from '#server/features/inventory/inventory.service.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import { documentLanguageOf, mergerDateOf, municipalitiesOfMerger } from '#server/features/mergers/mergers.service.ts';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import type { SolutionAreaView } from '#shared/contracts/inventory.ts';
import type { Language } from '#shared/language.ts';
import { textIn, type Localized } from '#shared/localized.ts';
import { problemsIn, type LocalizedFieldProblem } from '#shared/localized-problems.ts';
import type {
  AreaDecision,
  Decision,
  DecisionRecord,
  DecisionOverview,
  DecisionTiming,
  deferralAcceptanceBody,
  graphQuery,
  IntegrationGraph,
  IntegrationImpact,
  Readiness,
  saveDecisionBody,
  SystemFate,
} from '#shared/contracts/decisions.ts';
import {
  dayOneReadiness,
  decisionTaskPlan,
  defaultTiming,
  defersDayOne,
  priorityRankOfArea,
  suggestCandidates,
  systemFates,
  validateDecision,
} from './decisions.domain.ts';
import * as repo from './decisions.repo.ts';
import { announceResponsible, checkedResponsible, namesOfResponsible, responsibleView } from '#server/features/members/members.service.ts';
import { itemLinks } from '#shared/item-links.ts';
import { decisionLogWorkbook } from './decisions.export.ts';
import { asBuffer, madeFileRunOptions, workerPool } from '#server/platform/workers/worker-pool.ts';
import { todayOf } from '#server/platform/clock.ts';

/** The fields history follows on a decision, the accepted deferral (who and why) included. */
const auditedDecisionFields = [
  'outcome',
  'targetSystemId',
  'timing',
  'rationale',
  'responsible',
  'state',
  'decidedByName',
  'decisionMaker',
  'decisionMakerOther',
  'meetingDate',
  'caseNumber',
  'archiveUrl',
  'deferralAcceptedByName',
  'deferralReason',
] as const;

/**
 * Deciding on the project's behalf (adopting a veivalg, changing an adopted one, accepting a
 * deferral) belongs to prosjektleder and eier (decision 025). The route lets members save
 * proposals, so the service checks the role for what the body asks.
 */
function requireDecider(ctx: ServiceContext, message: Localized): void {
  if (!ctx.membership || !roleAllows(ctx.membership.role, 'decide')) throw new DomainError('FORBIDDEN', 403, message);
}
export const mayNotAdopt: Localized = {
  nb: 'Bare prosjektleder og eier kan vedta veivalg.',
  nn: 'Berre prosjektleiar og eigar kan vedta vegval.',
  en: 'Only the project manager and the owner can adopt a decision.',
};
export const mayNotChangeAdopted: Localized = {
  nb: 'Bare prosjektleder og eier kan endre et vedtatt veivalg.',
  nn: 'Berre prosjektleiar og eigar kan endre eit vedteke vegval.',
  en: 'Only the project manager and the owner can change an adopted decision.',
};
export const mayNotAcceptDeferral: Localized = {
  nb: 'Bare prosjektleder og eier kan godta at et kritisk område utsettes.',
  nn: 'Berre prosjektleiar og eigar kan godta at eit kritisk område blir utsett.',
  en: 'Only the project manager and the owner can accept that a critical area is deferred.',
};
const theDecision: Localized = { nb: 'Veivalget', nn: 'Vegvalet', en: 'The decision' };

/** An accepted deferral as the contract has it, or null. */
function deferralOf(row: Pick<repo.DecisionRow, 'deferralAcceptedByName' | 'deferralAcceptedAt' | 'deferralReason'>) {
  if (!row.deferralAcceptedAt || !row.deferralReason) return null;
  return {
    acceptedBy: row.deferralAcceptedByName ?? '',
    acceptedAt: row.deferralAcceptedAt.toISOString(),
    acceptedOn: dateInOslo(row.deferralAcceptedAt),
    reason: row.deferralReason,
  };
}

// ---------------------------------------------------------------- areas

interface AreaFacts {
  view: SolutionAreaView;
  tasks: Array<{ id: string; title: string; priority: 'critical' | 'medium' }>;
  rank: number;
}

const cachedAreas = new Map<Language, Map<string, AreaFacts>>();
/**
 * Every solution area with its checklist tasks (4.2) and its place in 4.1's priority list, named
 * in `language`: the reader's for what a page shows (decision 041), bokmål for what is recorded.
 */
function areaFacts(language: Language = 'nb'): Map<string, AreaFacts> {
  let facts = cachedAreas.get(language);
  if (!facts) {
    const catalogAreas = new Map(
      translatedCatalog(language)
        .sectors.flatMap((sector) => sector.solutionAreas)
        .map((area) => [area.id, area]),
    );
    facts = new Map(
      solutionAreas(language).map((view) => [
        view.id,
        { view, tasks: catalogAreas.get(view.id)?.tasks.map((task) => ({ ...task })) ?? [], rank: priorityRankOfArea(view.id) },
      ]),
    );
    cachedAreas.set(language, facts);
  }
  return facts;
}

function requireArea(areaId: string, language: Language = 'nb'): AreaFacts {
  const area = areaFacts(language).get(areaId);
  if (!area)
    throw notFound('SOLUTION_AREA_NOT_FOUND', { nb: 'Fant ikke løsningsområdet.', nn: 'Fann ikkje løysingsområdet.', en: 'The solution area was not found.' });
  return area;
}

/** Checklist task id → its solution area, for the tasks a decision put in the plan. */
function areaOfTask(): Map<string, string> {
  return new Map([...areaFacts().values()].flatMap((area) => area.tasks.map((task) => [task.id, area.view.id] as const)));
}

/** A veivalg's responsible in the members' terms. */
const responsibleOf = (row: Pick<repo.DecisionRow, 'responsible' | 'responsibleUserId'>) => ({ text: row.responsible, userId: row.responsibleUserId });

function toDecision(
  row: repo.DecisionRow,
  targetSystemName: string | null,
  areaPriority: 'critical' | 'medium' | null,
  names: ReadonlyMap<string, string>,
): Decision {
  return {
    id: row.id,
    solutionAreaId: row.solutionAreaId,
    outcome: row.outcome,
    targetSystemId: row.targetSystemId,
    targetSystemName,
    timing: row.timing,
    rationale: row.rationale,
    responsible: row.responsible,
    ...responsibleView(responsibleOf(row), names),
    state: row.state,
    decidedBy: row.decidedByName,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    record: recordOf(row),
    defersDayOne: defersDayOne(areaPriority, row),
    deferral: defersDayOne(areaPriority, row) ? deferralOf(row) : null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The decision on record, for an adopted veivalg that has one (one adopted before decision 038 may not). */
export function recordOf(
  row: Pick<repo.DecisionRow, 'state' | 'decisionMaker' | 'decisionMakerOther' | 'meetingDate' | 'caseNumber' | 'archiveUrl'>,
): DecisionRecord | null {
  if (row.state !== 'adopted' || row.decisionMaker === null || row.meetingDate === null) return null;
  return {
    decisionMaker: row.decisionMaker,
    decisionMakerOther: row.decisionMakerOther,
    meetingDate: row.meetingDate,
    caseNumber: row.caseNumber,
    archiveUrl: row.archiveUrl,
  };
}

/**
 * What an adopted veivalg must say to be on record (decision 038): who decided (named, for
 * «annet») and the meeting date, not after today. Case number and archive link are optional:
 * the case may not be journaled yet, and a project leader's decision has none.
 */
function recordProblems(body: z.output<typeof saveDecisionBody>, today: string): LocalizedFieldProblem[] {
  const problems: LocalizedFieldProblem[] = [];
  if (body.decisionMaker === null) {
    problems.push({
      path: 'decisionMaker',
      code: 'required',
      message: { nb: 'Velg hvem som vedtok veivalget.', nn: 'Vel kven som vedtok vegvalet.', en: 'Choose who adopted the decision.' },
    });
  }
  if (body.decisionMaker === 'other' && body.decisionMakerOther === null) {
    problems.push({
      path: 'decisionMakerOther',
      code: 'required',
      message: { nb: 'Skriv hvem som vedtok veivalget.', nn: 'Skriv kven som vedtok vegvalet.', en: 'Write who adopted the decision.' },
    });
  }
  if (body.meetingDate === null) {
    problems.push({
      path: 'meetingDate',
      code: 'required',
      message: {
        nb: 'Oppgi datoen for møtet der veivalget ble vedtatt.',
        nn: 'Oppgi datoen for møtet der vegvalet vart vedteke.',
        en: 'Give the date of the meeting where the decision was adopted.',
      },
    });
  } else if (body.meetingDate > today) {
    problems.push({
      path: 'meetingDate',
      code: 'in_future',
      message: {
        nb: 'Møtedatoen kan ikke være etter i dag.',
        nn: 'Møtedatoen kan ikkje vere etter i dag.',
        en: 'The meeting date cannot be later than today.',
      },
    });
  }
  return problems;
}

/** The record's columns as the body gives them for an adopted veivalg; all empty for a proposal. */
function recordColumns(body: z.output<typeof saveDecisionBody>) {
  if (body.state !== 'adopted') return { decisionMaker: null, decisionMakerOther: null, meetingDate: null, caseNumber: null, archiveUrl: null };
  return {
    decisionMaker: body.decisionMaker,
    decisionMakerOther: body.decisionMaker === 'other' ? body.decisionMakerOther : null,
    meetingDate: body.meetingDate,
    caseNumber: body.caseNumber,
    archiveUrl: body.archiveUrl,
  };
}

// ---------------------------------------------------------------- fates

export interface FateOfSystem {
  fate: SystemFate;
  timing: DecisionTiming | null;
  state: Decision['state'] | null;
}

/** What a decision contributes to fates and readiness, as the narrow read and the full row both have it. */
type DecisionFacts = Pick<
  repo.DecisionRow,
  'solutionAreaId' | 'outcome' | 'targetSystemId' | 'timing' | 'state' | 'rationale' | 'deferralAcceptedByName' | 'deferralAcceptedAt' | 'deferralReason'
>;

/**
 * A system's fate from its area's decision alone: the fate of one system does
 * not depend on the area's other systems, so nothing but the decisions (one
 * per area, a few dozen rows) has to be read to answer it for any system.
 */
function fateResolver(decisionRows: readonly DecisionFacts[]) {
  const byArea = new Map(decisionRows.map((decision) => [decision.solutionAreaId, decision]));
  return (systemId: string, areaId: string | null): FateOfSystem => {
    const decision = areaId === null ? undefined : byArea.get(areaId);
    const fate = systemFates(decision && { outcome: decision.outcome, targetSystemId: decision.targetSystemId }, [systemId]);
    return {
      fate: fate.get(systemId) ?? 'undecided',
      timing: decision?.timing ?? null,
      state: decision?.state ?? null,
    };
  };
}

/** What any system of the merger faces, from its id and area: reads the decisions only, not the inventory. */
export async function systemFateResolver(db: Database, mergerId: string): Promise<(systemId: string, areaId: string | null) => FateOfSystem> {
  return fateResolver(await repo.listDecisionFacts(db, mergerId));
}

/**
 * The merger's decisions read once for a summary that needs both what each
 * system faces and day-one readiness (the dashboard): the fate resolver, and
 * readiness from tasks the caller has read.
 */
export async function decisionSummary(ctx: ServiceContext, mergerId: string) {
  requireMergerAccess(ctx, mergerId);
  const decisionRows = await repo.listDecisionFacts(ctx.db, mergerId);
  return {
    fateOf: fateResolver(decisionRows),
    readiness: (tasks: readonly ReadinessTask[], mergerDate: string) => readinessOf(decisionRows, tasks, mergerDate, todayOf(ctx), ctx.language ?? 'nb'),
  };
}

/** What each system of the merger faces under its area's decision (undecided without one), with its name. */
export async function fatesOfMerger(db: Database, mergerId: string): Promise<Map<string, FateOfSystem & { name: string }>> {
  const [decisionRows, systems] = await Promise.all([repo.listDecisionFacts(db, mergerId), repo.listSystemNodes(db, mergerId)]);
  const fateOf = fateResolver(decisionRows);
  return new Map(systems.map((system) => [system.id, { name: system.name, ...fateOf(system.id, system.solutionAreaId) }]));
}

// ---------------------------------------------------------------- reading

export async function overview(ctx: ServiceContext, mergerId: string): Promise<DecisionOverview> {
  requireMergerAccess(ctx, mergerId);
  const [mergerDate, municipalities, counts, decisionRows, facts] = await Promise.all([
    mergerDateOf(ctx.db, mergerId),
    municipalitiesOfMerger(ctx.db, mergerId),
    repo.countSystemsByArea(ctx.db, mergerId),
    repo.listDecisions(ctx.db, mergerId),
    repo.listSystemFacts(ctx.db, mergerId),
  ]);
  const countsByArea = new Map<string, Record<string, number>>();
  for (const row of counts) {
    if (row.solutionAreaId === null) continue;
    const byMunicipality = countsByArea.get(row.solutionAreaId) ?? {};
    byMunicipality[row.municipalityNumber] = Number(row.systems);
    countsByArea.set(row.solutionAreaId, byMunicipality);
  }
  const factsByArea = new Map<string, typeof facts>();
  for (const system of facts) {
    if (system.solutionAreaId !== null) factsByArea.set(system.solutionAreaId, [...(factsByArea.get(system.solutionAreaId) ?? []), system]);
  }
  const decisionsByArea = new Map(decisionRows.map((row) => [row.decision.solutionAreaId, row]));
  const sectors: DecisionOverview['sectors'] = [];
  for (const { view, rank } of areaFacts(ctx.language).values()) {
    let sector = sectors.find((candidate) => candidate.id === view.sectorId);
    if (!sector) {
      sector = { id: view.sectorId, name: view.sector, areas: [] };
      sectors.push(sector);
    }
    const decided = decisionsByArea.get(view.id);
    sector.areas.push({
      id: view.id,
      name: view.name,
      priority: view.priority,
      rank,
      systemsByMunicipality: countsByArea.get(view.id) ?? {},
      suggestionCount: suggestCandidates(factsByArea.get(view.id) ?? []).length,
      decision: decided
        ? {
            outcome: decided.decision.outcome,
            state: decided.decision.state,
            timing: decided.decision.timing,
            targetSystemName: decided.targetSystemName,
            deferral: defersDayOne(view.priority, decided.decision) ? (deferralOf(decided.decision) ? 'accepted' : 'not_accepted') : null,
          }
        : null,
    });
  }
  return { mergerDate, municipalities, sectors };
}

export async function areaDecision(ctx: ServiceContext, mergerId: string, areaId: string): Promise<AreaDecision> {
  requireMergerAccess(ctx, mergerId);
  return readAreaDecision(ctx.db, mergerId, requireArea(areaId, ctx.language));
}

async function readAreaDecision(db: Database, mergerId: string, area: AreaFacts): Promise<AreaDecision> {
  const [mergerDate, systems, decisionRows, plannedTasks] = await Promise.all([
    mergerDateOf(db, mergerId),
    repo.listSystemFacts(db, mergerId, area.view.id),
    repo.listDecisions(db, mergerId),
    tasksOfLibraryItems(
      db,
      mergerId,
      area.tasks.map((task) => task.id),
    ),
  ]);
  const decided = decisionRows.find(({ decision }) => decision.solutionAreaId === area.view.id);
  const names = await namesOfResponsible(db, decided ? [decided.decision] : []);
  const resolve = fateResolver(decisionRows.map((row) => row.decision));
  const fateOf = (id: string, areaId: string | null): SystemFate => resolve(id, areaId).fate;
  const edges = await repo.listIntegrationsTouching(
    db,
    mergerId,
    systems.map((system) => system.id),
  );
  const register = loadCommonSolutions();
  const breaking = (fate: SystemFate) => fate === 'migrated' || fate === 'retired';
  const inArea = new Set(systems.map((system) => system.id));
  // Every integration of this area's migrated or retired systems: each must be re-established.
  const integrationsToReestablish: IntegrationImpact[] = edges
    .filter(
      (edge) =>
        (inArea.has(edge.fromSystemId) && breaking(fateOf(edge.fromSystemId, edge.fromAreaId))) ||
        (edge.toSystemId !== null && inArea.has(edge.toSystemId) && breaking(fateOf(edge.toSystemId, edge.toAreaId))),
    )
    .map((edge) => ({
      integrationId: edge.id,
      municipalityNumber: edge.municipalityNumber,
      fromSystem: { id: edge.fromSystemId, name: edge.fromName, fate: fateOf(edge.fromSystemId, edge.fromAreaId) },
      toSystem: edge.toSystemId ? { id: edge.toSystemId, name: edge.toName ?? '', fate: fateOf(edge.toSystemId, edge.toAreaId) } : null,
      commonSolution: edge.commonSolutionId
        ? { id: edge.commonSolutionId, name: findCommonSolution(register, edge.commonSolutionId)?.name ?? edge.commonSolutionId }
        : null,
      direction: edge.direction,
      method: edge.method,
    }));
  return {
    area: {
      id: area.view.id,
      name: area.view.name,
      sector: area.view.sector,
      priority: area.view.priority,
      rank: area.rank,
      defaultTiming: defaultTiming(area.view.priority ?? 'medium'),
      tasks: area.tasks,
    },
    mergerDate,
    systems: systems.map(({ solutionAreaId: _area, ...system }) => ({ ...system, fate: fateOf(system.id, area.view.id) })),
    suggestions: suggestCandidates(systems).map((suggestion) => ({
      key: suggestion.key,
      basis: suggestion.basis,
      label: suggestion.label,
      municipalities: suggestion.municipalities,
      systemIds: suggestion.systems.map((system) => system.id),
      totals: suggestion.totals,
      earliestContractEnd: suggestion.earliestContractEnd,
      hostings: suggestion.hostings,
      recommendedSystemId: suggestion.recommendedSystemId,
    })),
    decision: decided ? toDecision(decided.decision, decided.targetSystemName, area.view.priority, names) : null,
    plannedTasks: plannedTasks.map((task) => ({
      id: task.id,
      catalogItemId: task.catalogItemId!,
      title: task.title,
      phaseId: task.phaseId,
      status: task.status,
    })),
    integrationsToReestablish,
  };
}

// ---------------------------------------------------------------- deciding

export async function saveDecision(ctx: ServiceContext, mergerId: string, areaId: string, body: z.output<typeof saveDecisionBody>): Promise<AreaDecision> {
  requireMergerAccess(ctx, mergerId);
  const area = requireArea(areaId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const systems = await repo.listSystemFacts(tx, mergerId, areaId);
    const problems = validateDecision(
      { outcome: body.outcome, targetSystemId: body.targetSystemId },
      systems.map((system) => ({ id: system.id, name: system.name, municipalityNumber: system.municipalityNumber })),
    );
    if (body.targetSystemId !== null && problems.length === 0 && !(await repo.systemExists(tx, mergerId, body.targetSystemId))) {
      problems.push({
        path: ['targetSystemId'],
        message: {
          nb: 'Målsystemet finnes ikke i kartleggingen.',
          nn: 'Målsystemet finst ikkje i kartlegginga.',
          en: 'The target system is not in the inventory.',
        },
      });
    }
    if (problems.length > 0) {
      throw invalid(
        'DECISION_INVALID',
        problems[0]!.message,
        problems.map((problem) => ({ path: problem.path.join('.'), code: 'invalid', message: textIn(problem.message, ctx.language ?? 'nb') })),
      );
    }
    const current = await repo.findDecision(tx, mergerId, areaId, { lock: true });
    // Members propose; adopting, and changing what is adopted, is the project's decision.
    if (current?.state === 'adopted') requireDecider(ctx, mayNotChangeAdopted);
    if (body.state === 'adopted') {
      requireDecider(ctx, mayNotAdopt);
      const missing = recordProblems(body, todayOf(ctx));
      if (missing.length > 0) throw invalid('DECISION_RECORD_INVALID', missing[0]!.message, problemsIn(missing, ctx.language));
    }
    const adoptedNow = body.state === 'adopted' && current?.state !== 'adopted';
    const decided =
      body.state === 'adopted'
        ? adoptedNow
          ? { decidedByUserId: actor.userId, decidedByName: actor.name, decidedAt: ctx.now() }
          : {}
        : { decidedByUserId: null, decidedByName: null, decidedAt: null };
    // An accepted deferral was about this veivalg deferring the area; once it no longer does
    // (timing changed, or no longer adopted), the acceptance goes, and history shows it going.
    const acceptanceLapses = current?.deferralAcceptedAt != null && !defersDayOne(area.view.priority, body);
    const responsible = await checkedResponsible(
      tx,
      mergerId,
      { text: body.responsible, userId: body.responsibleUserId },
      current ? responsibleOf(current) : null,
    );
    const values = {
      outcome: body.outcome,
      targetSystemId: body.targetSystemId,
      timing: body.timing,
      rationale: body.rationale,
      state: body.state,
      ...recordColumns(body),
      ...decided,
      ...(acceptanceLapses ? noAcceptance : {}),
      ...(responsible ? { responsible: responsible.text, responsibleUserId: responsible.userId } : {}),
    };
    const announce = (saved: repo.DecisionRow) =>
      announceResponsible(tx, actor, {
        mergerId,
        before: current ? responsibleOf(current) : null,
        after: responsibleOf(saved),
        subject: { kind: 'decision', id: saved.id, title: area.view.name },
        link: itemLinks.decision(mergerId, area.view.id),
      });
    let saved: repo.DecisionRow;
    if (!current) {
      if (body.version !== undefined) throw versionConflict(theDecision, null, { pronoun: 'det' });
      saved = await repo.insertDecision(tx, { mergerId, solutionAreaId: areaId, ...values });
      const names = await announce(saved);
      await recordChange(tx, actor, {
        mergerId,
        entity: 'decision',
        entityId: saved.id,
        entityLabel: area.view.name,
        action: 'create',
        // The responsible by name (a member's or the free text), so history reads the same after they leave.
        changes: creationChanges({ ...saved, responsible: names.after }, auditedDecisionFields),
      });
    } else {
      if (body.version === undefined || body.version !== current.version) throw versionConflict(theDecision, current.version, { pronoun: 'det' });
      const updated = await repo.updateDecisionIfVersion(tx, current.id, body.version, values);
      if (!updated) throw versionConflict(theDecision, null, { pronoun: 'det' });
      saved = updated;
      const names = await announce(saved);
      await recordChange(tx, actor, {
        mergerId,
        entity: 'decision',
        entityId: saved.id,
        entityLabel: area.view.name,
        action: 'update',
        changes: diffFields({ ...current, responsible: names.before }, { ...saved, responsible: names.after }, auditedDecisionFields),
      });
    }
    // The plan follows an adopted decision; a proposal plans nothing yet.
    if (saved.state === 'adopted') {
      const planned = decisionTaskPlan({ id: area.view.id, priority: area.view.priority, tasks: area.tasks }, saved.timing);
      await placeDecisionTasks(tx, mergerId, planned, actor);
    }
    // Everyone with a task in the area is told it was decided (issue 21), in this change.
    if (adoptedNow) {
      const areaTasks = await tasksOfLibraryItems(
        tx,
        mergerId,
        area.tasks.map((task) => task.id),
      );
      await notifyDecisionAdopted(tx, { mergerId, areaId, areaName: area.view.name, areaTaskIds: areaTasks.map((task) => task.id), actor });
    }
    return readAreaDecision(tx, mergerId, requireArea(areaId, ctx.language));
  });
}

const noAcceptance = { deferralAcceptedByUserId: null, deferralAcceptedByName: null, deferralAcceptedAt: null, deferralReason: null };

/**
 * The project accepts (or withdraws its acceptance) that a critical area waits for the
 * transition phase: who, when and why, in history. Only for an adopted veivalg that defers
 * a critical area; the acceptance is what makes such an area count as ready for day one.
 */
export async function setDeferralAcceptance(
  ctx: ServiceContext,
  mergerId: string,
  areaId: string,
  body: z.output<typeof deferralAcceptanceBody>,
): Promise<AreaDecision> {
  requireMergerAccess(ctx, mergerId);
  requireDecider(ctx, mayNotAcceptDeferral);
  const area = requireArea(areaId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const current = await repo.findDecision(tx, mergerId, areaId, { lock: true });
    if (!current)
      throw notFound('DECISION_NOT_FOUND', {
        nb: 'Området har ikke noe veivalg ennå.',
        nn: 'Området har ikkje noko vegval enno.',
        en: 'The area has no decision yet.',
      });
    if (body.version !== current.version) throw versionConflict(theDecision, current.version, { pronoun: 'det' });
    const reason = body.reason?.trim() ?? '';
    let changes: Partial<repo.NewDecisionRow> | null;
    if (body.accepted) {
      if (!defersDayOne(area.view.priority, current)) {
        throw conflict('DEFERRAL_NOT_APPLICABLE', {
          nb: 'Bare et vedtatt veivalg som utsetter et kritisk område til overgangsfasen, kan få utsettelsen godtatt.',
          nn: 'Berre eit vedteke vegval som utset eit kritisk område til overgangsfasen, kan få utsetjinga godteken.',
          en: 'Only an adopted decision that defers a critical area to the transition phase can have its deferral accepted.',
        });
      }
      if (reason === '') {
        const message: Localized = {
          nb: 'Skriv hvorfor prosjektet godtar utsettelsen.',
          nn: 'Skriv kvifor prosjektet godtek utsetjinga.',
          en: 'Write why the project accepts the deferral.',
        };
        throw invalid('DEFERRAL_REASON_REQUIRED', message, problemsIn([{ path: 'reason', code: 'required', message }], ctx.language));
      }
      changes =
        current.deferralAcceptedAt && current.deferralReason === reason
          ? null
          : { deferralAcceptedByUserId: actor.userId, deferralAcceptedByName: actor.name, deferralAcceptedAt: ctx.now(), deferralReason: reason };
    } else {
      changes = current.deferralAcceptedAt ? noAcceptance : null;
    }
    if (changes) {
      const saved = await repo.updateDecisionIfVersion(tx, current.id, body.version, changes);
      if (!saved) throw versionConflict(theDecision, null, { pronoun: 'det' });
      await recordChange(tx, actor, {
        mergerId,
        entity: 'decision',
        entityId: saved.id,
        entityLabel: area.view.name,
        action: 'update',
        changes: diffFields(current, saved, auditedDecisionFields),
      });
    }
    return readAreaDecision(tx, mergerId, requireArea(areaId, ctx.language));
  });
}

// ---------------------------------------------------------------- day one

export async function readiness(ctx: ServiceContext, mergerId: string): Promise<Readiness> {
  requireMergerAccess(ctx, mergerId);
  const [mergerDate, decisionRows, tasks] = await Promise.all([
    mergerDateOf(ctx.db, mergerId),
    repo.listDecisionFacts(ctx.db, mergerId),
    tasksOfLibraryItems(ctx.db, mergerId, [...areaOfTask().keys()]),
  ]);
  return readinessOf(decisionRows, tasks, mergerDate, todayOf(ctx), ctx.language ?? 'nb');
}

/** A task as readiness counts it: the library task it was copied from, its phase and its status. */
export interface ReadinessTask {
  catalogItemId: string | null;
  phaseId: string;
  status: string;
}

/** Readiness from the decisions and the merger's tasks (any of them: those of no area's library tasks are left out here). */
function readinessOf(
  decisionRows: readonly DecisionFacts[],
  tasks: readonly ReadinessTask[],
  mergerDate: string,
  today: string,
  language: Language,
): Readiness {
  const areas = areaFacts(language);
  const critical = [...areas.values()].filter((area) => area.view.priority === 'critical');
  const taskArea = areaOfTask();
  const tasksByArea = new Map<string, Array<{ phaseId: string; status: 'not_started' | 'in_progress' | 'done' | 'not_relevant' }>>();
  for (const task of tasks) {
    const areaId = task.catalogItemId === null ? undefined : taskArea.get(task.catalogItemId);
    if (areaId === undefined) continue;
    const list = tasksByArea.get(areaId);
    const fact = { phaseId: task.phaseId, status: task.status as 'done' };
    if (list) list.push(fact);
    else tasksByArea.set(areaId, [fact]);
  }
  const result = dayOneReadiness({
    criticalAreaIds: critical.map((area) => area.view.id),
    decisions: new Map(
      decisionRows.map((decision) => [
        decision.solutionAreaId,
        { state: decision.state, timing: decision.timing, rationale: decision.rationale, deferral: deferralOf(decision) },
      ]),
    ),
    tasksByArea,
    mergerDate,
    today,
  });
  return {
    mergerDate,
    daysLeft: result.daysLeft,
    criticalTotal: result.criticalTotal,
    ready: result.ready,
    missing: result.missing.map((item) => ({ ...item, areaName: areas.get(item.areaId)!.view.name })),
    acceptedDeferrals: result.acceptedDeferrals.map((item) => ({
      ...item,
      areaName: areas.get(item.areaId)!.view.name,
      acceptedOn: dateInOslo(item.acceptedAt),
    })),
  };
}

// ---------------------------------------------------------------- the landscape

export async function integrationGraph(ctx: ServiceContext, mergerId: string, query: z.output<typeof graphQuery>): Promise<IntegrationGraph> {
  requireMergerAccess(ctx, mergerId);
  if (query.area !== undefined) requireArea(query.area);
  const [systems, edges, decisionRows] = await Promise.all([
    repo.listSystemNodes(ctx.db, mergerId),
    repo.listIntegrationEdges(ctx.db, mergerId),
    repo.listDecisions(ctx.db, mergerId),
  ]);
  const resolve = fateResolver(decisionRows.map((row) => row.decision));
  const fates = new Map(systems.map((system) => [system.id, resolve(system.id, system.solutionAreaId)]));
  const register = loadCommonSolutions();
  const wanted = (system: { municipalityNumber: string; solutionAreaId: string | null }) =>
    (query.municipality === undefined || system.municipalityNumber === query.municipality) &&
    (query.area === undefined || system.solutionAreaId === query.area);
  const byId = new Map(systems.map((system) => [system.id, system]));
  const nodes = new Map<string, IntegrationGraph['nodes'][number]>();
  const systemNode = (id: string) => {
    const system = byId.get(id)!;
    if (!nodes.has(id)) {
      nodes.set(id, {
        id,
        kind: 'system',
        label: system.name,
        municipalityNumber: system.municipalityNumber,
        solutionAreaId: system.solutionAreaId,
        fate: fates.get(id)?.fate ?? 'undecided',
      });
    }
    return id;
  };
  for (const system of systems) if (wanted(system)) systemNode(system.id);
  const breaking = (id: string) => ['migrated', 'retired'].includes(fates.get(id)?.fate ?? 'undecided');
  const graphEdges: IntegrationGraph['edges'] = [];
  for (const edge of edges) {
    const from = byId.get(edge.fromSystemId);
    const to = edge.toSystemId ? byId.get(edge.toSystemId) : undefined;
    // An integration is shown when either end is among the systems asked for; the other end comes along.
    if (!from || (!wanted(from) && !(to && wanted(to)))) continue;
    let target: string;
    if (to) target = systemNode(to.id);
    else {
      target = `cs:${edge.commonSolutionId}`;
      if (!nodes.has(target)) {
        nodes.set(target, {
          id: target,
          kind: 'commonSolution',
          label: findCommonSolution(register, edge.commonSolutionId ?? '')?.name ?? String(edge.commonSolutionId),
          municipalityNumber: null,
          solutionAreaId: null,
          fate: null,
        });
      }
    }
    graphEdges.push({
      id: edge.id,
      from: systemNode(from.id),
      to: target,
      direction: edge.direction,
      method: edge.method,
      breaks: breaking(from.id) || (to !== undefined && breaking(to.id)),
    });
  }
  return { nodes: [...nodes.values()], edges: graphEdges };
}

/**
 * The veivalg log as xlsx: every area with a veivalg, in the catalogue's order, with the decision
 * on record. Written in a worker thread (decision 024).
 */
export async function exportDecisionLog(ctx: ServiceContext, mergerId: string): Promise<Buffer> {
  requireMergerAccess(ctx, mergerId);
  const [rows, language] = await Promise.all([repo.listDecisions(ctx.db, mergerId), documentLanguageOf(ctx.db, mergerId)]);
  const byArea = new Map(rows.map((row) => [row.decision.solutionAreaId, row]));
  // The library's sectors and areas in the merger's language; an area Samla adds beyond the library keeps its name.
  const { sectors } = translatedCatalog(language);
  const sectorNames = new Map(sectors.map((sector) => [sector.id, sector.name]));
  const areaNames = new Map(sectors.flatMap((sector) => sector.solutionAreas.map((area) => [area.id, area.name])));
  const entries = [...areaFacts().values()].flatMap(({ view }) => {
    const found = byArea.get(view.id);
    return found
      ? [
          {
            sector: sectorNames.get(view.sectorId) ?? view.sector,
            areaName: areaNames.get(view.id) ?? view.name,
            row: found.decision,
            targetSystemName: found.targetSystemName,
            record: recordOf(found.decision),
          },
        ]
      : [];
  });
  const workbook = decisionLogWorkbook(entries, language);
  return asBuffer(await workerPool().run('writeTableWorkbook', workbook, madeFileRunOptions));
}

/** Every veivalg of the merger with its target system's name, for reports (decision 001: through the service). The caller checked access. */
export function decisionsWithTargets(db: Database, mergerId: string) {
  return repo.listDecisions(db, mergerId);
}
