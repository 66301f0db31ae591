import type { ServiceContext } from '#server/context.ts';
import { listBenefits } from '#server/features/benefits/benefits.service.ts';
import { checklistProgress } from '#server/features/checklist/checklist.service.ts';
import { listContractDeadlines } from '#server/features/contract-deadlines/contract-deadlines.service.ts';
import { readiness as dayOneReadiness } from '#server/features/decisions/decisions.service.ts';
import { requireMergerAccess } from '#server/features/mergers/merger-guard.ts';
import { mergerBasics } from '#server/features/mergers/mergers.service.ts';
import { heatmap as riskHeatmap } from '#server/features/risks/risks.service.ts';
import { getSchedule } from '#server/features/schedule/schedule.service.ts';
import { BENEFITS_BEHIND_SHOWN, OVERDUE_SHOWN, READINESS_MISSING_SHOWN, type Dashboard } from '#shared/contracts/dashboard.ts';
import { daysToMerger, overdueTasks, redRisks, upcomingItems, upcomingWindow } from './dashboard.domain.ts';

/**
 * The dashboard reads through the services that own each figure, all at once:
 * a fixed number of queries whatever the merger's size, no query per row.
 */
export async function dashboard(ctx: ServiceContext, mergerId: string): Promise<Dashboard> {
  requireMergerAccess(ctx, mergerId);
  const [basics, progress, schedule, readiness, contracts, heatmap, benefits] = await Promise.all([
    mergerBasics(ctx.db, mergerId),
    checklistProgress(ctx, mergerId),
    getSchedule(ctx, mergerId),
    dayOneReadiness(ctx, mergerId),
    listContractDeadlines(ctx, mergerId),
    riskHeatmap(ctx, mergerId),
    listBenefits(ctx, mergerId),
  ]);
  const today = schedule.today;
  const window = upcomingWindow(today);
  const behind = benefits.benefits.filter((benefit) => benefit.behindCount > 0);
  return {
    merger: { id: mergerId, name: basics.name, mergerDate: basics.mergerDate },
    today,
    daysLeft: daysToMerger(today, basics.mergerDate),
    progress: {
      done: progress.merger.done,
      total: progress.merger.relevant,
      percent: progress.merger.percent,
      phases: progress.phases.map((phase) => ({
        number: phase.number,
        name: phase.name,
        done: phase.progress.done,
        total: phase.progress.relevant,
        percent: phase.progress.percent,
        overdue: phase.progress.overdue,
      })),
    },
    readiness: {
      ready: readiness.ready,
      criticalTotal: readiness.criticalTotal,
      missingCount: readiness.missing.length,
      missing: readiness.missing.slice(0, READINESS_MISSING_SHOWN),
    },
    overdue: overdueTasks(schedule.tasks, today, OVERDUE_SHOWN),
    upcoming: {
      ...window,
      items: upcomingItems({ tasks: schedule.tasks, contracts: contracts.contracts, milestones: schedule.milestones }, window),
    },
    risks: {
      matrix: heatmap.matrix,
      inherent: heatmap.inherent,
      residual: heatmap.residual,
      total: heatmap.total,
      unassessed: heatmap.unassessed,
      red: redRisks(heatmap.matrix, heatmap.inherent, heatmap.residual),
    },
    benefits: {
      total: benefits.summary.total,
      behindCount: behind.length,
      behind: behind.slice(0, BENEFITS_BEHIND_SHOWN).map(({ id, title, behindCount }) => ({ id, title, behindCount })),
    },
  };
}
