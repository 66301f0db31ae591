import type { ServiceContext } from '#server/platform/context.ts';
import { benefitsBehind } from '#server/features/benefits/benefits.service.ts';
import { taskSummary } from '#server/features/plan/plan.tasks.service.ts';
import { contractDeadlinesBetween } from '#server/features/contract-deadlines/contract-deadlines.service.ts';
import { decisionSummary } from '#server/features/decisions/decisions.service.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import { mergerBasics } from '#server/features/mergers/mergers.service.ts';
import { heatmap as riskHeatmap } from '#server/features/risks/risks.service.ts';
import { milestonesBetween } from '#server/features/plan/plan.schedule.service.ts';
import { BENEFITS_BEHIND_SHOWN, OVERDUE_SHOWN, READINESS_MISSING_SHOWN, type Dashboard } from '#shared/contracts/dashboard.ts';
import { daysToMerger, overdueTasks, redRisks, upcomingItems, upcomingWindow } from './dashboard.domain.ts';
import { todayOf } from '#server/platform/clock.ts';

/**
 * The dashboard reads through the services that own each figure, each read
 * shaped to the figure and done once: the merger row, the tasks (progress,
 * overdue, the next days and readiness all count from one narrow read), the
 * decisions (readiness and the contracts' fates), the milestones and the
 * contracts that can fall in the next days, the risks grouped by levels, and
 * each benefit indicator's latest measurement. A fixed number of statements
 * whatever the merger's size, and rows that grow with what is shown, not with
 * the inventory.
 */
export async function dashboard(ctx: ServiceContext, mergerId: string): Promise<Dashboard> {
  requireMergerAccess(ctx, mergerId);
  const today = todayOf(ctx);
  const window = upcomingWindow(today);
  const basicsRead = mergerBasics(ctx.db, mergerId);
  const decisionsRead = decisionSummary(ctx, mergerId);
  // Only the schedule's dates and the contracts wait for the merger date (and the contracts for the decisions).
  const scheduleRead = basicsRead.then((basics) => milestonesBetween(ctx, mergerId, { mergerDate: basics.mergerDate, ...window }));
  const contractsRead = Promise.all([basicsRead, scheduleRead, decisionsRead]).then(([basics, schedule, decisions]) =>
    contractDeadlinesBetween(ctx, mergerId, {
      mergerDate: basics.mergerDate,
      lastDayOfTransition: schedule.lastDayOfTransition,
      fateOf: decisions.fateOf,
      range: window,
    }),
  );
  const [basics, tasks, decisions, schedule, contracts, heatmap, benefits] = await Promise.all([
    basicsRead,
    taskSummary(ctx, mergerId),
    decisionsRead,
    scheduleRead,
    contractsRead,
    riskHeatmap(ctx, mergerId),
    benefitsBehind(ctx, mergerId),
  ]);
  const progress = tasks.progress;
  const readiness = decisions.readiness(tasks.tasks, basics.mergerDate);
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
      acceptedDeferrals: readiness.acceptedDeferrals,
    },
    overdue: overdueTasks(tasks.tasks, today, OVERDUE_SHOWN),
    upcoming: {
      ...window,
      items: upcomingItems({ tasks: tasks.tasks, contracts, milestones: schedule.milestones }, window),
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
      total: benefits.total,
      behindCount: benefits.behind.length,
      behind: benefits.behind.slice(0, BENEFITS_BEHIND_SHOWN),
    },
  };
}
