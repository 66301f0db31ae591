import type { TaskStatus } from '#shared/contracts/checklist.ts';

/** The checklist's filters as they live in the URL, so a reload keeps them. */
export interface ChecklistFilters {
  phase?: number | undefined;
  status?: TaskStatus | undefined;
  overdue?: boolean | undefined;
}

export const checklistParam = { phase: 'fase', status: 'status', overdue: 'forfalte' } as const;
export const OVERDUE_ON = 'ja';

export function checklistSearch(filters: ChecklistFilters): string {
  const params = new URLSearchParams();
  if (filters.phase !== undefined) params.set(checklistParam.phase, String(filters.phase));
  if (filters.status !== undefined) params.set(checklistParam.status, filters.status);
  if (filters.overdue) params.set(checklistParam.overdue, OVERDUE_ON);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Every URL of the web app, in one place. */
export const paths = {
  mergers: () => '/',
  newMerger: () => '/sammenslainger/ny',
  merger: (mergerId: string) => `/sammenslainger/${mergerId}`,
  checklist: (mergerId: string, filters: ChecklistFilters = {}) =>
    `/sammenslainger/${mergerId}/sjekkliste${checklistSearch(filters)}`,
  task: (mergerId: string, taskId: string) => `/sammenslainger/${mergerId}/oppgaver/${taskId}`,
  catalog: () => '/sjekklisten',
} as const;

export const routePatterns = {
  mergers: '/',
  newMerger: '/sammenslainger/ny',
  merger: '/sammenslainger/:mergerId',
  checklist: '/sammenslainger/:mergerId/sjekkliste',
  task: '/sammenslainger/:mergerId/oppgaver/:taskId',
  catalog: '/sjekklisten',
} as const;
