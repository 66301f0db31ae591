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
  const municipality = params.get(checklistParam.municipality);
  return {
    phase,
    status: isTaskStatus(statusText) ? statusText : undefined,
    overdue: params.get(checklistParam.overdue) === OVERDUE_ON,
    q: textParam(params.get(checklistParam.q)),
    responsible: textParam(params.get(checklistParam.responsible)),
    area: textParam(params.get(checklistParam.area)),
    municipality: municipality !== null && /^\d{4}$/.test(municipality) ? municipality : undefined,
  };
}

/** A text filter: trimmed, no longer than the API takes; empty is no filter. */
function textParam(value: string | null): string | undefined {
  const text = value?.trim().slice(0, 200);
  return text ? text : undefined;
}

/** The filters that hide tasks (phase only chooses which phase to show). */
export function narrowsTasks(filters: ChecklistFilters): boolean {
  return (
    filters.status !== undefined ||
    filters.overdue === true ||
    filters.q !== undefined ||
    filters.responsible !== undefined ||
    filters.area !== undefined ||
    filters.municipality !== undefined
  );
}

/**
 * The selection after the list changed: only tasks still shown stay selected, so a
 * change never reaches a task the person can no longer see.
 */
export function visibleSelection(selected: ReadonlySet<string>, visibleIds: readonly string[]): Set<string> {
  const visible = new Set(visibleIds);
  return new Set([...selected].filter((id) => visible.has(id)));
}
