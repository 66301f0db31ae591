import type { ServiceContext } from '#server/platform/context.ts';
import { invalid } from '#server/platform/errors.ts';
import { listBenefits } from '#server/features/benefits/benefits.service.ts';
import { dateInOslo } from '#shared/calendar-dates.ts';
import { listTasks } from '#server/features/plan/plan.tasks.service.ts';
import { listContractDeadlines } from '#server/features/contract-deadlines/contract-deadlines.service.ts';
import { decisionsWithTargets, overview, readiness } from '#server/features/decisions/decisions.service.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import { getMerger } from '#server/features/mergers/mergers.service.ts';
import { listRisks } from '#server/features/risks/risks.service.ts';
import { getSchedule } from '#server/features/plan/plan.schedule.service.ts';
import { mergerWorkKey, shareIdenticalWork } from '#server/platform/workers/shared-work.ts';
import { asBuffer, madeFileRunOptions, workerPool } from '#server/platform/workers/worker-pool.ts';
import type { StatusReportQuery } from '#shared/contracts/reports.ts';
import { daysBetween, decisionsAdoptedIn, reportedDeadlines, redRisks, reportFileName, reportPeriod } from './reports.domain.ts';
import type { StatusReportData } from './reports.pdf.ts';
import { taskTitleInContext } from '#shared/task-title.ts';
import { todayOf } from '#server/platform/clock.ts';

/** Everything the report shows, read through the features' own services. */
export async function statusReportData(ctx: ServiceContext, mergerId: string, query: StatusReportQuery): Promise<StatusReportData> {
  requireMergerAccess(ctx, mergerId);
  const today = todayOf(ctx);
  const checked = reportPeriod(query, today);
  if (!checked.ok) throw invalid('REPORT_PERIOD_INVALID', checked.problems[0]!.message, checked.problems);
  const { period } = checked;
  const [merger, ready, decisionOverview, decisionRows, deadlines, risks, benefits, schedule, overdueTasks] = await Promise.all([
    getMerger(ctx, mergerId),
    readiness(ctx, mergerId),
    overview(ctx, mergerId),
    decisionsWithTargets(ctx.db, mergerId),
    listContractDeadlines(ctx, mergerId),
    listRisks(ctx, mergerId, {}),
    listBenefits(ctx, mergerId),
    getSchedule(ctx, mergerId),
    listTasks(ctx, mergerId, { overdue: true }),
  ]);
  const areaNames = new Map(decisionOverview.sectors.flatMap((sector) => sector.areas.map((area) => [area.id, area.name] as const)));
  const adopted = decisionsAdoptedIn(
    decisionRows.map(({ decision, targetSystemName }) => ({
      areaName: areaNames.get(decision.solutionAreaId) ?? decision.solutionAreaId,
      outcome: decision.outcome,
      targetSystemName,
      state: decision.state,
      decidedAt: decision.decidedAt?.toISOString() ?? null,
      decidedBy: decision.decidedByName,
    })),
    period,
  ).map(({ decidedAt, ...decision }) => ({ ...decision, decidedOn: dateInOslo(decidedAt!) }));
  const municipalityNames = new Map(merger.municipalities.map((municipality) => [municipality.number, municipality.name]));
  const phaseDates = new Map(schedule.phases.map((phase) => [phase.number, phase]));
  const red = redRisks(risks.risks, risks.matrix.classes);
  return {
    merger: {
      name: merger.name,
      newMunicipalityName: merger.newMunicipalityName,
      mergerDate: merger.mergerDate,
      municipalities: merger.municipalities.map((municipality) => municipality.name),
    },
    period,
    today,
    daysToMerger: daysBetween(today, merger.mergerDate),
    progress: merger.progress.merger,
    phases: merger.progress.phases.map((phase) => ({
      number: phase.number,
      name: phase.name,
      start: phaseDates.get(phase.number)?.start ?? null,
      end: phaseDates.get(phase.number)?.end ?? null,
      progress: phase.progress,
    })),
    readiness: { ready: ready.ready, total: ready.criticalTotal, missing: ready.missing, acceptedDeferrals: ready.acceptedDeferrals },
    decisions: adopted,
    redClassName: risks.matrix.classes.at(-1)?.name ?? '',
    redRisks: red.map((risk) => ({
      title: risk.title,
      className: risk.inherent?.className ?? '',
      likelihood: risk.likelihood,
      consequence: risk.consequence,
      residualClassName: risk.residual?.className ?? null,
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
      title: taskTitleInContext(task),
      responsible: task.responsibleName,
      dueDate: task.dueDate!,
      daysOver: daysBetween(task.dueDate!, today),
    })),
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
    return { pdf: asBuffer(pdf), fileName: reportFileName(data.merger.name, data.today) };
  });
}
