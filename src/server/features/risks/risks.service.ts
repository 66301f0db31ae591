import type { z } from 'zod';
import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import { conflict, DomainError, invalid, notFound, versionConflict } from '#server/platform/errors.ts';
import { creationChanges, deletionChanges, diffFields } from '#server/platform/audit-trail/changes.ts';
import { roleAllows } from '#server/platform/access/roles.ts';
import { recordChange } from '#server/platform/audit-trail/audit-trail.ts';
import { findCommonSolution, loadCommonSolutions } from '#server/features/common-solutions/common-solutions.domain.ts';
import { fatesOfMerger } from '#server/features/decisions/decisions.service.ts';
import { solutionAreaNames, solutionAreas } from '#server/features/inventory/inventory.service.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import { documentLanguageOf, municipalitiesOfMerger } from '#server/features/mergers/mergers.service.ts';
import type { Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { problemsIn, type LocalizedFieldProblem } from '#shared/localized-problems.ts';
import type { ErrorCode } from '#shared/error-codes.ts';
import type {
  createMitigationBody,
  createRiskBody,
  Heatmap,
  matrixPreviewBody,
  MatrixPreview,
  Mitigation,
  Risk,
  RiskList,
  RiskListQuery,
  RiskMatrix,
  RiskMatrixResponse,
  RiskSuggestions,
  saveMatrixBody,
  updateMitigationBody,
  updateRiskBody,
} from '#shared/contracts/risks.ts';
import {
  defaultMatrix,
  fullConsequences,
  heatmapCounts,
  identityMapping,
  mappingProblems,
  mappingRequired,
  matrixProblems,
  placeRisk,
  remapRisk,
  riskProblems,
  touchesAcceptance,
  starterRisks,
  worstConsequence,
} from './risks.domain.ts';
import { asBuffer, madeFileRunOptions, workerPool } from '#server/platform/workers/worker-pool.ts';
import { riskRegisterWorkbook } from './risks.export.ts';
import * as repo from './risks.repo.ts';
import { announceResponsible, checkedResponsible, namesOfResponsible, responsibleView } from '#server/features/members/members.service.ts';
import { itemLinks } from '#shared/item-links.ts';

/**
 * Accepting a risk and changing the matrix are decisions for prosjektleder and eier
 * (decision 025); members edit the risks' content. The routes for risks let members in,
 * so the service checks what the body asks.
 */
function requireDecider(ctx: ServiceContext, message: Localized): void {
  if (!ctx.membership || !roleAllows(ctx.membership.role, 'decide')) throw new DomainError('FORBIDDEN', 403, message);
}
const mayNotAccept: Localized = {
  nb: 'Bare prosjektleder og eier kan akseptere en risiko eller endre akseptansen.',
  nn: 'Berre prosjektleiar og eigar kan akseptere ein risiko eller endre akseptansen.',
  en: 'Only the project manager and the owner can accept a risk or change its acceptance.',
};
const mayNotChangeMatrix: Localized = {
  nb: 'Bare prosjektleder og eier kan endre risikomatrisen.',
  nn: 'Berre prosjektleiar og eigar kan endre risikomatrisa.',
  en: 'Only the project manager and the owner can change the risk matrix.',
};
const riskNotFound: Localized = { nb: 'Fant ikke risikoen.', nn: 'Fann ikkje risikoen.', en: 'The risk was not found.' };
const mitigationNotFound: Localized = { nb: 'Fant ikke tiltaket.', nn: 'Fann ikkje tiltaket.', en: 'The measure was not found.' };
const theRisk: Localized = { nb: 'Risikoen', nn: 'Risikoen', en: 'The risk' };
const theMitigation: Localized = { nb: 'Tiltaket', nn: 'Tiltaket', en: 'The measure' };
const theMatrix: Localized = { nb: 'Risikomatrisen', nn: 'Risikomatrisa', en: 'The risk matrix' };

// ---------------------------------------------------------------- helpers

/** Refuses with the first problem as the message; the details list them all in the reader's language. */
function fail(code: ErrorCode, problems: LocalizedFieldProblem[], language: Language | undefined): never {
  throw invalid(code, problems[0]!.message, problemsIn(problems, language));
}

/**
 * The merger's matrix: the one the team saved (their text, as written), else the default in
 * the merger's målform, so the matrix page, the register and the report speak it.
 */
async function currentMatrix(db: Database, mergerId: string, options: { lock?: boolean } = {}): Promise<{ matrix: RiskMatrix; version: number }> {
  const row = await repo.findMatrix(db, mergerId, options);
  return row ? { matrix: row.matrix, version: row.version } : { matrix: defaultMatrix(await documentLanguageOf(db, mergerId)), version: 0 };
}

let criticalAreas: Set<string> | undefined;
/** The solution areas that must work on day one (the checklist's 4.2). */
function isCriticalArea(areaId: string): boolean {
  criticalAreas ??= new Set(solutionAreas().flatMap((area) => (area.priority === 'critical' ? [area.id] : [])));
  return criticalAreas.has(areaId);
}

/** The fields history follows on a risk (links as id lists). */
const auditedRiskFields = [
  'title',
  'description',
  'cause',
  'systemIds',
  'areaIds',
  'integrationIds',
  'consequences',
  'likelihood',
  'residualLikelihood',
  'residualConsequence',
  'owner',
  'status',
  'acceptedByName',
  'acceptanceReason',
  'nextReviewDate',
] as const;
const auditedMitigationFields = ['title', 'description', 'owner', 'deadline', 'status', 'taskId'] as const;

type RiskSnapshot = Record<(typeof auditedRiskFields)[number], unknown>;
function snapshot(row: repo.RiskRow, systemIds: readonly string[], integrationIds: readonly string[]): RiskSnapshot {
  return {
    title: row.title,
    description: row.description,
    cause: row.cause,
    systemIds: [...systemIds].sort(),
    areaIds: row.areaIds,
    integrationIds: [...integrationIds].sort(),
    consequences: row.consequences,
    likelihood: row.likelihood,
    residualLikelihood: row.residualLikelihood,
    residualConsequence: row.residualConsequence,
    owner: row.owner,
    status: row.status,
    acceptedByName: row.acceptedByName,
    acceptanceReason: row.acceptanceReason,
    nextReviewDate: row.nextReviewDate,
  };
}

/** A mitigation's responsible in the members' terms: the free text is its owner. */
const responsibleOf = (row: Pick<repo.MitigationRow, 'owner' | 'responsibleUserId'>) => ({ text: row.owner, userId: row.responsibleUserId });

function toMitigation(row: repo.MitigationRow, taskTitle: string | null, names: ReadonlyMap<string, string>): Mitigation {
  return {
    id: row.id,
    riskId: row.riskId,
    title: row.title,
    description: row.description,
    owner: row.owner,
    ...responsibleView(responsibleOf(row), names),
    deadline: row.deadline,
    status: row.status,
    taskId: row.taskId,
    taskTitle,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Risks as the API shows them: with their links, mitigations and cells in the merger's matrix; the library's area names in `language`. */
async function assemble(db: Database, matrix: RiskMatrix, rows: readonly repo.RiskRow[], language: Language): Promise<Risk[]> {
  const areaNames = solutionAreaNames(language);
  const ids = rows.map((row) => row.id);
  const [systemLinks, integrationLinks, mitigationRows] = await Promise.all([
    repo.linkedSystems(db, ids),
    repo.linkedIntegrations(db, ids),
    repo.listMitigations(db, ids),
  ]);
  const names = await namesOfResponsible(
    db,
    mitigationRows.map((row) => row.mitigation),
  );
  const register = loadCommonSolutions();
  const group = <T extends { riskId: string }>(items: readonly T[]) => {
    const byRisk = new Map<string, T[]>();
    for (const item of items) byRisk.set(item.riskId, [...(byRisk.get(item.riskId) ?? []), item]);
    return byRisk;
  };
  const systemsByRisk = group(systemLinks);
  const integrationsByRisk = group(integrationLinks);
  const mitigationsByRisk = group(mitigationRows.map((row) => ({ riskId: row.mitigation.riskId, ...row })));
  return rows.map((row) => {
    const placed = placeRisk(matrix, row);
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      cause: row.cause,
      systems: (systemsByRisk.get(row.id) ?? []).map(({ id, name, municipalityNumber }) => ({ id, name, municipalityNumber })),
      areas: row.areaIds.map((id) => ({ id, name: areaNames.get(id) ?? id })),
      integrations: (integrationsByRisk.get(row.id) ?? []).map((link) => ({
        id: link.id,
        label: `${link.fromName} → ${link.toName ?? (link.commonSolutionId ? (findCommonSolution(register, link.commonSolutionId)?.name ?? link.commonSolutionId) : '')}`,
      })),
      consequences: fullConsequences(row.consequences),
      consequence: worstConsequence(row.consequences),
      likelihood: row.likelihood,
      inherent: placed.inherent,
      residualLikelihood: row.residualLikelihood,
      residualConsequence: row.residualConsequence,
      residual: placed.residual,
      owner: row.owner,
      status: row.status,
      acceptedBy: row.acceptedByName,
      acceptedAt: row.acceptedAt?.toISOString() ?? null,
      acceptanceReason: row.acceptanceReason,
      nextReviewDate: row.nextReviewDate,
      suggestionKey: row.suggestionKey,
      mitigations: (mitigationsByRisk.get(row.id) ?? []).map(({ mitigation, taskTitle }) => toMitigation(mitigation, taskTitle, names)),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    };
  });
}

// ---------------------------------------------------------------- matrix

export async function getMatrix(ctx: ServiceContext, mergerId: string): Promise<RiskMatrixResponse> {
  requireMergerAccess(ctx, mergerId);
  const [{ matrix, version }, riskCount] = await Promise.all([currentMatrix(ctx.db, mergerId), repo.countRisks(ctx.db, mergerId)]);
  return { matrix, version, riskCount };
}

interface MatrixPlan {
  problems: LocalizedFieldProblem[];
  mappingRequired: boolean;
  moves: MatrixPreview['moves'];
  remapped: Array<{ row: repo.RiskRow; levels: repo.RiskRow }>;
}

/** What a new matrix would do to the merger's risks: every risk's cells before and after, or why it cannot be applied. */
function planMatrix(before: RiskMatrix, after: RiskMatrix, rows: readonly repo.RiskRow[], mapping: z.output<typeof saveMatrixBody>['mapping']): MatrixPlan {
  const problems = matrixProblems(after).map((problem) => ({ ...problem, path: `matrix.${problem.path}` }));
  const required = mappingRequired(before, after, rows.length);
  const sameSize = before.likelihood.length === after.likelihood.length && before.consequence.length === after.consequence.length;
  let used = mapping;
  if (!used && sameSize) used = identityMapping(before);
  if (!used && rows.length > 0) {
    problems.push({
      path: 'mapping',
      code: 'required',
      message: {
        nb: 'Velg hvilket nytt nivå hvert gammelt nivå skal bli, for begge aksene.',
        nn: 'Vel kva nytt nivå kvart gamle nivå skal bli, for begge aksane.',
        en: 'Choose which new level each old level becomes, on both axes.',
      },
    });
  }
  if (used) problems.push(...mappingProblems(before, after, used));
  const remapped: MatrixPlan['remapped'] = [];
  const moves: MatrixPreview['moves'] = [];
  if (problems.length === 0) {
    for (const row of rows) {
      const levels = used ? { ...row, ...remapRisk(row, used) } : row;
      const rule = riskProblems(after, { ...levels, consequence: null, status: 'open', acceptanceReason: null });
      if (rule.length > 0) {
        const why = rule[0]!.message;
        problems.push({
          path: 'mapping',
          code: 'risk',
          message: { nb: `«${row.title}»: ${why.nb}`, nn: `«${row.title}»: ${why.nn}`, en: `“${row.title}”: ${why.en}` },
        });
        continue;
      }
      remapped.push({ row, levels: levels as repo.RiskRow });
      const was = placeRisk(before, row);
      const will = placeRisk(after, levels);
      moves.push({
        riskId: row.id,
        title: row.title,
        inherentBefore: was.inherent,
        inherentAfter: will.inherent,
        residualBefore: was.residual,
        residualAfter: will.residual,
      });
    }
  }
  return { problems, mappingRequired: required, moves, remapped };
}

export async function previewMatrix(ctx: ServiceContext, mergerId: string, body: z.output<typeof matrixPreviewBody>): Promise<MatrixPreview> {
  requireMergerAccess(ctx, mergerId);
  const [{ matrix }, rows] = await Promise.all([currentMatrix(ctx.db, mergerId), repo.listRisks(ctx.db, mergerId)]);
  const plan = planMatrix(matrix, body.matrix, rows, body.mapping);
  return { mappingRequired: plan.mappingRequired, problems: problemsIn(plan.problems, ctx.language), moves: plan.moves };
}

/** Saves the matrix and moves every risk by the mapping, all or nothing. */
export async function saveMatrix(ctx: ServiceContext, mergerId: string, body: z.output<typeof saveMatrixBody>): Promise<RiskMatrixResponse> {
  requireMergerAccess(ctx, mergerId);
  requireDecider(ctx, mayNotChangeMatrix);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const current = await currentMatrix(tx, mergerId, { lock: true });
    if (body.version !== current.version) throw versionConflict(theMatrix, current.version);
    const rows = await repo.listRisks(tx, mergerId, { lock: true });
    const plan = planMatrix(current.matrix, body.matrix, rows, body.mapping);
    if (plan.problems.length > 0) fail('RISK_MATRIX_INVALID', plan.problems, ctx.language);
    const saved =
      current.version === 0 ? await repo.insertMatrix(tx, mergerId, body.matrix) : await repo.updateMatrixIfVersion(tx, mergerId, current.version, body.matrix);
    if (!saved) throw versionConflict(theMatrix, null);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'riskMatrix',
      entityId: mergerId,
      entityLabel: 'Risikomatrise',
      action: current.version === 0 ? 'create' : 'update',
      changes: diffFields({ matrix: current.matrix }, { matrix: body.matrix }, ['matrix']),
    });
    for (const { row, levels } of plan.remapped) {
      const changes = diffFields(row, levels, ['likelihood', 'consequences', 'residualLikelihood', 'residualConsequence']);
      if (changes.length === 0) continue;
      await repo.setRiskLevels(tx, row.id, {
        likelihood: levels.likelihood,
        consequences: fullConsequences(levels.consequences),
        residualLikelihood: levels.residualLikelihood,
        residualConsequence: levels.residualConsequence,
      });
      await recordChange(tx, actor, { mergerId, entity: 'risk', entityId: row.id, entityLabel: row.title, action: 'update', changes });
    }
    return { matrix: saved.matrix, version: saved.version, riskCount: rows.length };
  });
}

// ---------------------------------------------------------------- risks

/** The register; `language` names the library's solution areas (the reader's for an answer, the målform for a document). */
export async function listRisks(ctx: ServiceContext, mergerId: string, query: RiskListQuery, language: Language = ctx.language ?? 'nb'): Promise<RiskList> {
  requireMergerAccess(ctx, mergerId);
  const [{ matrix }, rows] = await Promise.all([currentMatrix(ctx.db, mergerId), repo.listRisks(ctx.db, mergerId)]);
  const all = await assemble(ctx.db, matrix, rows, language);
  const residual = query.residual === 'true';
  const risks = all.filter((risk) => {
    const cell = residual ? risk.residual : risk.inherent;
    if (query.status !== undefined && risk.status !== query.status) return false;
    if (query.level !== undefined && cell?.classKey !== query.level) return false;
    if (query.cell !== undefined && (!cell || `${cell.likelihood}-${cell.consequence}` !== query.cell)) return false;
    return true;
  });
  return { risks, matrix };
}

async function readRisk(db: Database, mergerId: string, riskId: string, language: Language | undefined): Promise<Risk> {
  const row = await repo.findRisk(db, mergerId, riskId);
  if (!row) throw notFound('RISK_NOT_FOUND', riskNotFound);
  const { matrix } = await currentMatrix(db, mergerId);
  return (await assemble(db, matrix, [row], language ?? 'nb'))[0]!;
}

export async function getRisk(ctx: ServiceContext, mergerId: string, riskId: string): Promise<Risk> {
  requireMergerAccess(ctx, mergerId);
  return readRisk(ctx.db, mergerId, riskId, ctx.language);
}

/** The links point into this merger: systems and integrations of it, areas of the catalogue. */
async function linkProblems(
  db: Database,
  mergerId: string,
  links: { systemIds?: string[] | undefined; integrationIds?: string[] | undefined; areaIds?: string[] | undefined },
) {
  const problems: LocalizedFieldProblem[] = [];
  const [systemIds, integrationIds] = await Promise.all([
    repo.existingSystemIds(db, mergerId, links.systemIds ?? []),
    repo.existingIntegrationIds(db, mergerId, links.integrationIds ?? []),
  ]);
  (links.systemIds ?? []).forEach((id, index) => {
    if (!systemIds.has(id)) {
      problems.push({
        path: `systemIds.${index}`,
        code: 'not_found',
        message: { nb: 'Systemet finnes ikke i kartleggingen.', nn: 'Systemet finst ikkje i kartlegginga.', en: 'The system is not in the inventory.' },
      });
    }
  });
  (links.integrationIds ?? []).forEach((id, index) => {
    if (!integrationIds.has(id)) {
      problems.push({
        path: `integrationIds.${index}`,
        code: 'not_found',
        message: {
          nb: 'Integrasjonen finnes ikke i kartleggingen.',
          nn: 'Integrasjonen finst ikkje i kartlegginga.',
          en: 'The integration is not in the inventory.',
        },
      });
    }
  });
  (links.areaIds ?? []).forEach((id, index) => {
    if (!solutionAreaNames('nb').has(id)) {
      problems.push({
        path: `areaIds.${index}`,
        code: 'not_found',
        message: { nb: 'Fant ikke løsningsområdet.', nn: 'Fann ikkje løysingsområdet.', en: 'The solution area was not found.' },
      });
    }
  });
  return problems;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

export async function createRisk(ctx: ServiceContext, mergerId: string, body: z.output<typeof createRiskBody>): Promise<Risk> {
  requireMergerAccess(ctx, mergerId);
  if (touchesAcceptance(null, { status: body.status, acceptanceReason: body.acceptanceReason })) requireDecider(ctx, mayNotAccept);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { matrix } = await currentMatrix(tx, mergerId);
    const systemIds = unique(body.systemIds);
    const integrationIds = unique(body.integrationIds);
    const areaIds = unique(body.areaIds);
    const problems = [...riskProblems(matrix, { ...body, consequence: null }), ...(await linkProblems(tx, mergerId, { systemIds, integrationIds, areaIds }))];
    if (problems.length > 0) fail('RISK_INVALID', problems, ctx.language);
    if (body.suggestionKey !== undefined) {
      const hidden = await repo.hiddenSuggestionKeys(tx, mergerId);
      if (hidden.accepted.includes(body.suggestionKey)) {
        throw conflict('SUGGESTION_ALREADY_ACCEPTED', {
          nb: 'Forslaget er allerede lagt til som risiko.',
          nn: 'Forslaget er alt lagt til som risiko.',
          en: 'The suggestion has already been added as a risk.',
        });
      }
    }
    const accepted = body.status === 'accepted' ? { acceptedByUserId: actor.userId, acceptedByName: actor.name, acceptedAt: ctx.now() } : {};
    const row = await repo.insertRisk(tx, {
      mergerId,
      title: body.title,
      description: body.description,
      cause: body.cause,
      areaIds,
      consequences: fullConsequences(body.consequences),
      likelihood: body.likelihood,
      residualLikelihood: body.residualLikelihood,
      residualConsequence: body.residualConsequence,
      owner: body.owner,
      status: body.status,
      acceptanceReason: body.status === 'accepted' ? body.acceptanceReason : null,
      nextReviewDate: body.nextReviewDate,
      suggestionKey: body.suggestionKey ?? null,
      ...accepted,
    });
    await repo.replaceLinks(tx, mergerId, row.id, systemIds, integrationIds);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'risk',
      entityId: row.id,
      entityLabel: row.title,
      action: 'create',
      changes: creationChanges(snapshot(row, systemIds, integrationIds), auditedRiskFields).filter(
        (change) => !(Array.isArray(change.new) && change.new.length === 0),
      ),
    });
    return readRisk(tx, mergerId, row.id, ctx.language);
  });
}

export async function updateRisk(ctx: ServiceContext, mergerId: string, riskId: string, body: z.output<typeof updateRiskBody>): Promise<Risk> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const current = await repo.findRisk(tx, mergerId, riskId, { lock: true });
    if (!current) throw notFound('RISK_NOT_FOUND', riskNotFound);
    if (body.version !== current.version) throw versionConflict(theRisk, current.version);
    const { matrix } = await currentMatrix(tx, mergerId);
    const [systemLinks, integrationLinks] = await Promise.all([repo.linkedSystems(tx, [riskId]), repo.linkedIntegrations(tx, [riskId])]);
    const before = snapshot(
      current,
      systemLinks.map((link) => link.id),
      integrationLinks.map((link) => link.id),
    );
    const systemIds = body.systemIds && unique(body.systemIds);
    const integrationIds = body.integrationIds && unique(body.integrationIds);
    const areaIds = body.areaIds && unique(body.areaIds);
    const next = {
      title: body.title ?? current.title,
      description: body.description === undefined ? current.description : body.description,
      cause: body.cause === undefined ? current.cause : body.cause,
      areaIds: areaIds ?? current.areaIds,
      consequences: body.consequences === undefined ? current.consequences : fullConsequences({ ...current.consequences, ...body.consequences }),
      likelihood: body.likelihood === undefined ? current.likelihood : body.likelihood,
      residualLikelihood: body.residualLikelihood === undefined ? current.residualLikelihood : body.residualLikelihood,
      residualConsequence: body.residualConsequence === undefined ? current.residualConsequence : body.residualConsequence,
      owner: body.owner === undefined ? current.owner : body.owner,
      status: body.status ?? current.status,
      acceptanceReason: body.acceptanceReason === undefined ? current.acceptanceReason : body.acceptanceReason,
      nextReviewDate: body.nextReviewDate === undefined ? current.nextReviewDate : body.nextReviewDate,
    };
    if (touchesAcceptance(current, next)) requireDecider(ctx, mayNotAccept);
    const problems = [...riskProblems(matrix, { ...next, consequence: null }), ...(await linkProblems(tx, mergerId, { systemIds, integrationIds, areaIds }))];
    if (problems.length > 0) fail('RISK_INVALID', problems, ctx.language);
    // Acceptance records who and when; leaving «akseptert» clears it (history keeps it).
    const acceptance =
      next.status === 'accepted'
        ? current.status === 'accepted'
          ? {}
          : { acceptedByUserId: actor.userId, acceptedByName: actor.name, acceptedAt: ctx.now() }
        : { acceptedByUserId: null, acceptedByName: null, acceptedAt: null, acceptanceReason: null };
    const saved = await repo.updateRiskIfVersion(tx, riskId, body.version, { ...next, ...acceptance });
    if (!saved) throw versionConflict(theRisk, null);
    await repo.replaceLinks(tx, mergerId, riskId, systemIds, integrationIds);
    const after = snapshot(saved, systemIds ?? (before.systemIds as string[]), integrationIds ?? (before.integrationIds as string[]));
    await recordChange(tx, actor, {
      mergerId,
      entity: 'risk',
      entityId: riskId,
      entityLabel: saved.title,
      action: 'update',
      changes: diffFields(before, after, auditedRiskFields),
    });
    return readRisk(tx, mergerId, riskId, ctx.language);
  });
}

export async function deleteRisk(ctx: ServiceContext, mergerId: string, riskId: string, version: number): Promise<void> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const current = await repo.findRisk(tx, mergerId, riskId, { lock: true });
    if (!current) throw notFound('RISK_NOT_FOUND', riskNotFound);
    if (version !== current.version) throw versionConflict(theRisk, current.version);
    const [systemLinks, integrationLinks] = await Promise.all([repo.linkedSystems(tx, [riskId]), repo.linkedIntegrations(tx, [riskId])]);
    const deleted = await repo.deleteRiskIfVersion(tx, riskId, version);
    if (!deleted) throw versionConflict(theRisk, null);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'risk',
      entityId: riskId,
      entityLabel: current.title,
      action: 'delete',
      changes: deletionChanges(
        snapshot(
          current,
          systemLinks.map((l) => l.id),
          integrationLinks.map((l) => l.id),
        ),
        auditedRiskFields,
      ),
    });
  });
}

// ---------------------------------------------------------------- mitigations

async function requireTask(db: Database, mergerId: string, taskId: string | null | undefined, language: Language | undefined) {
  if (!taskId) return null;
  const task = await repo.findTask(db, mergerId, taskId);
  if (!task) {
    const message = { nb: 'Oppgaven finnes ikke i planen.', nn: 'Oppgåva finst ikkje i planen.', en: 'The task is not in the plan.' };
    fail('MITIGATION_INVALID', [{ path: 'taskId', code: 'not_found', message }], language);
  }
  return task;
}

export async function createMitigation(
  ctx: ServiceContext,
  mergerId: string,
  riskId: string,
  body: z.output<typeof createMitigationBody>,
): Promise<Mitigation> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const risk = await repo.findRisk(tx, mergerId, riskId);
    if (!risk) throw notFound('RISK_NOT_FOUND', riskNotFound);
    const task = await requireTask(tx, mergerId, body.taskId, ctx.language);
    const { responsibleUserId, ...fields } = body;
    const responsible = (await checkedResponsible(tx, mergerId, { text: body.owner, userId: responsibleUserId }, null, 'owner')) ?? {
      text: null,
      userId: null,
    };
    const row = await repo.insertMitigation(tx, { mergerId, riskId, ...fields, owner: responsible.text, responsibleUserId: responsible.userId });
    const names = await announceResponsible(tx, actor, {
      mergerId,
      before: null,
      after: responsible,
      subject: { kind: 'mitigation', id: row.id, title: `${row.title} (${risk.title})` },
      link: itemLinks.mitigation(mergerId, riskId),
    });
    await recordChange(tx, actor, {
      mergerId,
      entity: 'mitigation',
      entityId: row.id,
      entityLabel: `${row.title} (${risk.title})`,
      action: 'create',
      // The responsible by name (a member's or the free text), so history reads the same after they leave.
      changes: creationChanges({ ...row, owner: names.after }, auditedMitigationFields),
    });
    return toMitigation(row, task?.title ?? null, await namesOfResponsible(tx, [row]));
  });
}

export async function updateMitigation(
  ctx: ServiceContext,
  mergerId: string,
  riskId: string,
  mitigationId: string,
  body: z.output<typeof updateMitigationBody>,
): Promise<Mitigation> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const current = await repo.findMitigation(tx, mergerId, riskId, mitigationId, { lock: true });
    if (!current) throw notFound('MITIGATION_NOT_FOUND', mitigationNotFound);
    if (body.version !== current.version) throw versionConflict(theMitigation, current.version);
    const { version, owner, responsibleUserId, ...changes } = body;
    const taskId = changes.taskId === undefined ? current.taskId : changes.taskId;
    const task = await requireTask(tx, mergerId, taskId, ctx.language);
    const responsible = await checkedResponsible(tx, mergerId, { text: owner, userId: responsibleUserId }, responsibleOf(current), 'owner');
    const saved = await repo.updateMitigationIfVersion(tx, mitigationId, version, {
      ...changes,
      ...(responsible ? { owner: responsible.text, responsibleUserId: responsible.userId } : {}),
    });
    if (!saved) throw versionConflict(theMitigation, null);
    const risk = await repo.findRisk(tx, mergerId, riskId);
    const names = await announceResponsible(tx, actor, {
      mergerId,
      before: responsibleOf(current),
      after: responsibleOf(saved),
      subject: { kind: 'mitigation', id: saved.id, title: `${saved.title} (${risk?.title ?? ''})` },
      link: itemLinks.mitigation(mergerId, riskId),
    });
    await recordChange(tx, actor, {
      mergerId,
      entity: 'mitigation',
      entityId: mitigationId,
      entityLabel: `${saved.title} (${risk?.title ?? ''})`,
      action: 'update',
      changes: diffFields({ ...current, owner: names.before }, { ...saved, owner: names.after }, auditedMitigationFields),
    });
    return toMitigation(saved, task?.title ?? null, await namesOfResponsible(tx, [saved]));
  });
}

export async function deleteMitigation(ctx: ServiceContext, mergerId: string, riskId: string, mitigationId: string, version: number): Promise<void> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const current = await repo.findMitigation(tx, mergerId, riskId, mitigationId, { lock: true });
    if (!current) throw notFound('MITIGATION_NOT_FOUND', mitigationNotFound);
    if (version !== current.version) throw versionConflict(theMitigation, current.version);
    if (!(await repo.deleteMitigationIfVersion(tx, mitigationId, version))) throw versionConflict(theMitigation, null);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'mitigation',
      entityId: mitigationId,
      entityLabel: current.title,
      action: 'delete',
      changes: deletionChanges(
        { ...current, owner: responsibleView(responsibleOf(current), await namesOfResponsible(tx, [current])).responsibleName },
        auditedMitigationFields,
      ),
    });
  });
}

// ---------------------------------------------------------------- starter risks

/** The starter risks in the merger's målform: a suggestion taken up becomes a risk with its texts, a document's content. */
async function computeSuggestions(db: Database, mergerId: string, hidden: ReadonlySet<string>) {
  const [systems, integrations, fates, municipalities, language] = await Promise.all([
    repo.listStarterSystems(db, mergerId),
    repo.listCommonSolutionIntegrations(db, mergerId),
    fatesOfMerger(db, mergerId),
    municipalitiesOfMerger(db, mergerId),
    documentLanguageOf(db, mergerId),
  ]);
  const register = loadCommonSolutions();
  const areaNames = solutionAreaNames(language);
  const municipalityName = new Map(municipalities.map((municipality) => [municipality.number, municipality.name]));
  return starterRisks({
    systems: systems.map((system) => {
      return {
        id: system.id,
        name: system.name,
        municipalityName: municipalityName.get(system.municipalityNumber) ?? system.municipalityNumber,
        solutionAreaId: system.solutionAreaId,
        areaName: system.solutionAreaId ? (areaNames.get(system.solutionAreaId) ?? null) : null,
        critical: system.solutionAreaId !== null && isCriticalArea(system.solutionAreaId),
        fate: fates.get(system.id)?.fate ?? 'undecided',
        archiveWorthy: system.archiveWorthy,
      };
    }),
    integrations: integrations.map((integration) => ({
      ...integration,
      commonSolutionName: integration.commonSolutionId ? (findCommonSolution(register, integration.commonSolutionId)?.name ?? null) : null,
    })),
    hidden,
    language,
  });
}

export async function suggestions(ctx: ServiceContext, mergerId: string): Promise<RiskSuggestions> {
  requireMergerAccess(ctx, mergerId);
  const hidden = await repo.hiddenSuggestionKeys(ctx.db, mergerId);
  const list = await computeSuggestions(ctx.db, mergerId, new Set([...hidden.dismissed, ...hidden.accepted]));
  return { suggestions: list, dismissedCount: hidden.dismissed.length };
}

/** Says no to a suggestion for good: it is remembered per merger and not suggested again. */
export async function dismissSuggestion(ctx: ServiceContext, mergerId: string, key: string): Promise<RiskSuggestions> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const offered = await computeSuggestions(tx, mergerId, new Set());
    if (!offered.some((suggestion) => suggestion.key === key))
      throw notFound('SUGGESTION_NOT_FOUND', { nb: 'Fant ikke forslaget.', nn: 'Fann ikkje forslaget.', en: 'The suggestion was not found.' });
    await repo.insertDismissal(tx, mergerId, key, actor.name);
  });
  return suggestions(ctx, mergerId);
}

// ---------------------------------------------------------------- heatmap and export

export async function heatmap(ctx: ServiceContext, mergerId: string): Promise<Heatmap> {
  requireMergerAccess(ctx, mergerId);
  const [{ matrix }, groups] = await Promise.all([currentMatrix(ctx.db, mergerId), repo.countRisksByLevels(ctx.db, mergerId)]);
  return { matrix, ...heatmapCounts(matrix, groups) };
}

/** The register as xlsx in the merger's målform, the library's area names too (the team's texts as written). */
export async function exportRegister(ctx: ServiceContext, mergerId: string): Promise<Buffer> {
  requireMergerAccess(ctx, mergerId);
  const language = await documentLanguageOf(ctx.db, mergerId);
  const [{ risks, matrix }, municipalities] = await Promise.all([listRisks(ctx, mergerId, {}, language), municipalitiesOfMerger(ctx.db, mergerId)]);
  const workbook = riskRegisterWorkbook(risks, matrix, new Map(municipalities.map((m) => [m.number, m.name])), language);
  return asBuffer(await workerPool().run('writeTableWorkbook', workbook, madeFileRunOptions));
}
