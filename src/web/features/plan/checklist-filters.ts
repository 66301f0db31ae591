import type { TaskStatus } from '#shared/contracts/plan.tasks.ts';
import { checklistParam, OVERDUE_ON, type ChecklistFilters } from '#web/lib/paths.ts';

export const taskStatuses: readonly TaskStatus[] = ['not_started', 'in_progress', 'done', 'not_relevant'];

function isTaskStatus(value: string | null): value is TaskStatus {
  return value !== null && (taskStatuses as readonly string[]).includes(value);
}

/** Reads the filters from the URL; anything unknown is ignored rather than an error. */
export function filtersFromSearch(params: URLSearchParams): ChecklistFilters {
  const phaseText = params.get(checklistParam.phase);
  const phase = phaseText !== null && /^[1-6]$/.test(phaseText) ? Number(phaseText) : undefined;
  const statusText = params.get(checklistParam.status);
  return {
    phase,
    status: isTaskStatus(statusText) ? statusText : undefined,
    overdue: params.get(checklistParam.overdue) === OVERDUE_ON,
  };
}

/** The filters that hide tasks (phase only chooses which phase to show). */
export function narrowsTasks(filters: ChecklistFilters): boolean {
  return filters.status !== undefined || filters.overdue === true;
}
