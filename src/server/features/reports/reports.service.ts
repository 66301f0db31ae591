import type { z } from 'zod';
import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import { DomainError, invalid, notFound } from '#server/platform/errors.ts';
import { roleAllows } from '#server/platform/access/roles.ts';
import { recordChange } from '#server/platform/audit-trail/audit-trail.ts';
import { creationChanges } from '#server/platform/audit-trail/changes.ts';
import { listBenefits } from '#server/features/benefits/benefits.service.ts';
import { addDays, dateInOslo, startOfDayInOslo } from '#shared/calendar-dates.ts';
import { listTasks } from '#server/features/plan/plan.tasks.service.ts';
import { listContractDeadlines } from '#server/features/contract-deadlines/contract-deadlines.service.ts';
import { decisionsWithTargets, overview, readiness, recordOf } from '#server/features/decisions/decisions.service.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import { getMerger } from '#server/features/mergers/mergers.service.ts';
import { listRisks } from '#server/features/risks/risks.service.ts';
import { defaultRiskClassNames } from '#server/features/risks/risks.domain.ts';
import { getSchedule } from '#server/features/plan/plan.schedule.service.ts';
import { mergerWorkKey, shareIdenticalWork } from '#server/platform/workers/shared-work.ts';
import { asBuffer, madeFileRunOptions, workerPool } from '#server/platform/workers/worker-pool.ts';
import type { Language } from '#shared/language.ts';
import type { IssuedReport, issueReportBody, ReportList, StatusReportQuery } from '#shared/contracts/reports.ts';
import { daysBetween, decisionsAdoptedIn, formatDate, reportedDeadlines, redRisks, reportFileName, reportPeriod } from './reports.domain.ts';
import type { ReportNarrative, StatusReportData } from './reports.pdf.ts';
import * as repo from './reports.repo.ts';
import { libraryNames } from './reports.library.ts';
import { reportMessages, reportTexts } from './reports.texts.ts';
import type { Localized } from '#shared/localized.ts';
import { problemsIn } from '#shared/localized-problems.ts';
import { todayOf } from '#server/platform/clock.ts';

/**
 * A default risk class (risks.domain.ts) is named in the report's language, whichever language
 * the matrix was given in. A class the project named itself keeps its name: that is the team's text.
 */
function riskClassName(riskClass: { key: string; name: string } | null | undefined, language: Language): string {
  if (!riskClass) return '';
  const names = Object.hasOwn(defaultRiskClassNames, riskClass.key) ? defaultRiskClassNames[riskClass.key as keyof typeof defaultRiskClassNames] : undefined;
  return names && Object.values(names).includes(riskClass.name) ? names[language] : riskClass.name;
}

/** Everything the report shows, read through the features' own services. */
export async function statusReportData(
  ctx: ServiceContext,
  mergerId: string,
  query: StatusReportQuery,
  narrative: ReportNarrative | null = null,
): Promise<StatusReportData> {
  requireMergerAccess(ctx, mergerId);
  const today = todayOf(ctx);
  // «Since the previous report» is since the last one issued (decision 038).
  const checked = reportPeriod(query, today, await lastIssuedOn(ctx, mergerId));
  if (!checked.ok) throw invalid('REPORT_PERIOD_INVALID', checked.problems[0]!.message, problemsIn(checked.problems, ctx.language));
  const { period } = checked;
  const [merger, ready, decisionOverview, decisionRows, deadlines, risks, benefits, schedule, overdueTasks, doneTasks, completed] = await Promise.all([
    getMerger(ctx, mergerId),
    readiness(ctx, mergerId),
    overview(ctx, mergerId),
    decisionsWithTargets(ctx.db, mergerId),
    listContractDeadlines(ctx, mergerId),
    listRisks(ctx, mergerId, {}),
    listBenefits(ctx, mergerId),
    getSchedule(ctx, mergerId),
    listTasks(ctx, mergerId, { overdue: true }),
    listTasks(ctx, mergerId, { status: 'done' }),
    repo.tasksCompletedBetween(ctx.db, mergerId, startOfDayInOslo(period.from), startOfDayInOslo(addDays(period.to, 1))),
  ]);
  // The report is what the merger produces: in its målform, whoever downloads it (issue 22).
  const language = merger.documentLanguage;
  const { vocabulary } = reportTexts[language];
  const library = libraryNames(language);
  const doneById = new Map(doneTasks.map((task) => [task.id, task]));
  const areaNames = new Map(decisionOverview.sectors.flatMap((sector) => sector.areas.map((area) => [area.id, library.areaName(area.id, area.name)] as const)));
  const adopted = decisionsAdoptedIn(
    decisionRows.map(({ decision, targetSystemName }) => ({
      areaName: areaNames.get(decision.solutionAreaId) ?? decision.solutionAreaId,
      outcome: decision.outcome,
      targetSystemName,
      state: decision.state,
      decidedAt: decision.decidedAt?.toISOString() ?? null,
      decidedBy: decision.decidedByName,
      record: recordOf(decision),
    })),
    period,
  ).map(({ decidedAt, record, ...decision }) => ({
    ...decision,
    decidedOn: dateInOslo(decidedAt!),
    record: record && {
      // The body's name in the report's language, or the free text the team wrote for «annet».
      maker: record.decisionMaker === 'other' && record.decisionMakerOther ? record.decisionMakerOther : vocabulary.decisionMaker[record.decisionMaker],
      meetingDate: record.meetingDate,
      caseNumber: record.caseNumber,
      archiveUrl: record.archiveUrl,
    },
  }));
  const municipalityNames = new Map(merger.municipalities.map((municipality) => [municipality.number, municipality.name]));
  const phaseDates = new Map(schedule.phases.map((phase) => [phase.number, phase]));
  const red = redRisks(risks.risks, risks.matrix.classes);
  return {
    language,
    merger: {
      name: merger.name,
      newMunicipalityName: merger.newMunicipalityName,
      mergerDate: merger.mergerDate,
      municipalities: merger.municipalities.map((municipality) => municipality.name),
    },
    period,
    today,
    narrative,
    daysToMerger: daysBetween(today, merger.mergerDate),
    progress: merger.progress.merger,
    phases: merger.progress.phases.map((phase) => ({
      number: phase.number,
      name: library.phaseName(phase.number, phase.name),
      start: phaseDates.get(phase.number)?.start ?? null,
      end: phaseDates.get(phase.number)?.end ?? null,
      progress: phase.progress,
    })),
    readiness: {
      ready: ready.ready,
      total: ready.criticalTotal,
      missing: ready.missing.map((item) => ({ ...item, areaName: library.areaName(item.areaId, item.areaName) })),
      acceptedDeferrals: ready.acceptedDeferrals.map((item) => ({ ...item, areaName: library.areaName(item.areaId, item.areaName) })),
    },
    decisions: adopted,
    redClassName: riskClassName(risks.matrix.classes.at(-1), language),
    redRisks: red.map((risk) => ({
      title: risk.title,
      className: riskClassName(risk.inherent && { key: risk.inherent.classKey, name: risk.inherent.className }, language),
      likelihood: risk.likelihood,
      consequence: risk.consequence,
      residualClassName: risk.residual ? riskClassName({ key: risk.residual.classKey, name: risk.residual.className }, language) : null,
      status: risk.status,
      owner: risk.owner,
      mitigations: risk.mitigations.map((mitigation) => ({
        title: mitigation.title,
        owner: mitigation.responsibleName,
        deadline: mitigation.deadline,
        status: mitigation.status,
      })),
    })),
    deadlines: reportedDeadlines(deadlines.contracts, today).map((contract) => ({
      deadline: contract.deadline,
      daysLeft: daysBetween(today, contract.deadline),
      vendor: contract.vendor,
      subject: contract.subject,
      municipality: municipalityNames.get(contract.municipalityNumber) ?? contract.municipalityNumber,
      action: contract.action,
      legalReview: contract.legalReview,
    })),
    benefits: {
      total: benefits.summary.total,
      behind: benefits.summary.behind,
      byStatus: benefits.summary.byStatus,
      list: benefits.benefits.map((benefit) => ({
        title: benefit.title,
        status: benefit.status,
        owner: benefit.owner,
        plannedRealisationDate: benefit.plannedRealisationDate,
        indicatorCount: benefit.indicatorCount,
        behindCount: benefit.behindCount,
      })),
    },
    overdueTasks: overdueTasks.map((task) => ({
      phase: task.phase,
      // Stands without the checklist around it: the area tells same-named tasks apart.
      title: library.taskTitle(task),
      responsible: task.responsibleName,
      dueDate: task.dueDate!,
      daysOver: daysBetween(task.dueDate!, today),
    })),
    completedTasks: completed.flatMap(({ taskId, at }) => {
      const task = doneById.get(taskId);
      return task ? [{ phase: task.phase, title: library.taskTitle(task), responsible: task.responsibleName, completedOn: dateInOslo(at) }] : [];
    }),
  };
}

export async function statusReportPdf(ctx: ServiceContext, mergerId: string, query: StatusReportQuery): Promise<{ pdf: Buffer; fileName: string }> {
  requireMergerAccess(ctx, mergerId);
  // Ten people opening the report in a meeting get one read and one render (decision 024).
  const key = mergerWorkKey(ctx, mergerId, 'status-report', todayOf(ctx), query.from ?? null, query.to ?? null);
  return shareIdenticalWork(key, async () => {
    const data = await statusReportData(ctx, mergerId, query);
    // Rendering holds the CPU for hundreds of milliseconds: in a worker thread, not on the one every request shares.
    const pdf = await workerPool().run('renderStatusReport', { data }, madeFileRunOptions);
    return { pdf: asBuffer(pdf), fileName: reportFileName(data.merger.name, data.today, data.language) };
  });
}

// ---------------------------------------------------------------- issued reports (decision 038)

async function lastIssuedOn(ctx: ServiceContext, mergerId: string): Promise<string | null> {
  const last = await repo.lastIssuedAt(ctx.db, mergerId);
  return last ? dateInOslo(last) : null;
}

function toIssued(row: repo.StatusReportSummary): IssuedReport {
  return {
    id: row.id,
    period: { from: row.periodFrom, to: row.periodTo },
    overallStatus: row.overallStatus,
    statusReason: row.statusReason,
    mainPoints: row.mainPoints,
    decisionsRequested: row.decisionsRequested,
    issuedBy: row.issuedByName,
    issuedAt: row.issuedAt.toISOString(),
    fileName: row.fileName,
    size: row.size,
  };
}

/** The reports issued to the steering group, newest first, and the period the next one covers by default. */
export async function listIssuedReports(ctx: ServiceContext, mergerId: string): Promise<ReportList> {
  requireMergerAccess(ctx, mergerId);
  const [rows, last] = await Promise.all([repo.listStatusReports(ctx.db, mergerId), lastIssuedOn(ctx, mergerId)]);
  const next = reportPeriod({}, todayOf(ctx), last);
  if (!next.ok) throw new Error('the default report period is always valid');
  return { reports: rows.map(toIssued), nextPeriod: next.period };
}

export const mayNotIssue: Localized = reportMessages.mayNotIssue;
const reportNotFound: Localized = reportMessages.notFound;

/**
 * Issues the report: the PDF made from the project leader's words and the merger's facts now,
 * stored with its inputs so it downloads exactly as the steering group got it. The reads and
 * the render happen before the transaction (rendering in a worker, decision 024); only the
 * insert and its history are written together.
 */
export async function issueReport(ctx: ServiceContext, mergerId: string, body: z.output<typeof issueReportBody>): Promise<IssuedReport> {
  requireMergerAccess(ctx, mergerId);
  if (!ctx.membership || !roleAllows(ctx.membership.role, 'decide')) throw new DomainError('FORBIDDEN', 403, mayNotIssue);
  const actor = actorOf(ctx);
  const narrative: ReportNarrative = {
    overallStatus: body.overallStatus,
    statusReason: body.statusReason,
    mainPoints: body.mainPoints,
    decisionsRequested: body.decisionsRequested,
    issuedBy: actor.name,
  };
  const data = await statusReportData(ctx, mergerId, { from: body.from, to: body.to }, narrative);
  const pdf = asBuffer(await workerPool().run('renderStatusReport', { data }, madeFileRunOptions));
  return ctx.db.transaction(async (tx) => {
    const saved = await repo.insertStatusReport(tx, {
      mergerId,
      periodFrom: data.period.from,
      periodTo: data.period.to,
      overallStatus: narrative.overallStatus,
      statusReason: narrative.statusReason,
      mainPoints: narrative.mainPoints,
      decisionsRequested: narrative.decisionsRequested,
      issuedByUserId: actor.userId,
      issuedByName: actor.name,
      issuedAt: ctx.now(),
      fileName: reportFileName(data.merger.name, data.today, data.language),
      pdf,
    });
    await recordChange(tx, actor, {
      mergerId,
      entity: 'statusReport',
      entityId: saved.id,
      entityLabel: `Statusrapport ${formatDate(saved.periodFrom)}–${formatDate(saved.periodTo)}`,
      action: 'create',
      changes: creationChanges(saved, ['periodFrom', 'periodTo', 'overallStatus', 'statusReason', 'mainPoints', 'decisionsRequested'] as const),
    });
    return toIssued(saved);
  });
}

/** An issued report's PDF, byte for byte as it was issued. */
export async function issuedReportPdf(ctx: ServiceContext, mergerId: string, reportId: string): Promise<{ pdf: Buffer; fileName: string }> {
  requireMergerAccess(ctx, mergerId);
  const found = await repo.findStatusReportPdf(ctx.db, mergerId, reportId);
  if (!found) throw notFound('REPORT_NOT_FOUND', reportNotFound);
  return found;
}
