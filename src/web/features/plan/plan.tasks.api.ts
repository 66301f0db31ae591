import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulkUpdateTasksBody, BulkUpdateTasksResult, CreateTaskBody, Task, TaskList, UpdateTaskBody } from '#shared/contracts/plan.tasks.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import type { ChecklistFilters } from '#web/lib/paths.ts';
import { freshForThisVisitMs } from '#web/lib/prefetch.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';

const base = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}/tasks`;

export const checklistKeys = {
  all: (mergerId: string) => [...mergerKeys.detail(mergerId), 'tasks'] as const,
  list: (mergerId: string, filters: object) => [...checklistKeys.all(mergerId), 'list', filters] as const,
  one: (mergerId: string, taskId: string) => [...checklistKeys.all(mergerId), 'one', taskId] as const,
};

/** The checklist's tasks for the filters in its URL (also asked for by the route's loader). */
export function tasksQuery(mergerId: string, filters: ChecklistFilters) {
  const params = new URLSearchParams();
  if (filters.phase !== undefined) params.set('phase', String(filters.phase));
  if (filters.status !== undefined) params.set('status', filters.status);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.q) params.set('q', filters.q);
  if (filters.responsible) params.set('responsible', filters.responsible);
  if (filters.area) params.set('area', filters.area);
  if (filters.municipality) params.set('municipality', filters.municipality);
  const search = params.toString();
  return queryOptions<TaskList, Error, TaskList, ReturnType<typeof checklistKeys.list>>({
    queryKey: checklistKeys.list(mergerId, { ...filters }),
    queryFn: ({ signal }) => apiRequest<TaskList>(`${base(mergerId)}${search ? `?${search}` : ''}`, { signal }),
    // Keep the list on screen while a changed filter loads, so the page does not jump.
    placeholderData: keepPreviousData,
  });
}

/** The whole checklist as xlsx (one row per task), for a download link. */
export const checklistExportUrl = (mergerId: string) => `/api/v1${base(mergerId)}/export.xlsx`;

export function useTasks(mergerId: string, filters: ChecklistFilters) {
  return useQuery({ ...tasksQuery(mergerId, filters), select: (list: TaskList) => list.tasks });
}

/** The areas of all the merger's tasks, from the same answer as the list: what the area filter offers. */
export function useTaskAreas(mergerId: string, filters: ChecklistFilters) {
  return useQuery({ ...tasksQuery(mergerId, filters), select: (list: TaskList) => list.areas });
}

export const taskQuery = (mergerId: string, taskId: string) =>
  queryOptions({
    queryKey: checklistKeys.one(mergerId, taskId),
    queryFn: ({ signal }) => apiRequest<Task>(`${base(mergerId)}/${encodeURIComponent(taskId)}`, { signal }),
    // Asked anew on every visit; the form keeps what the person typed, as refetching behind it would only confuse.
    staleTime: freshForThisVisitMs,
  });

export function useTask(mergerId: string, taskId: string) {
  return useQuery(taskQuery(mergerId, taskId));
}

/** After any change to a task: every view of this merger's progress and tasks, and the list of mergers. */
function useRefreshMerger() {
  const queryClient = useQueryClient();
  return (mergerId: string, changed?: Task) => {
    if (changed) queryClient.setQueryData(checklistKeys.one(mergerId, changed.id), changed);
    void queryClient.invalidateQueries({ queryKey: mergerKeys.detail(mergerId) });
    void queryClient.invalidateQueries({ queryKey: mergerKeys.list(), exact: true });
  };
}

export function useUpdateTask(mergerId: string, taskId: string) {
  const refresh = useRefreshMerger();
  return useMutation({
    mutationFn: (body: UpdateTaskBody) => apiRequest<Task>(`${base(mergerId)}/${encodeURIComponent(taskId)}`, { method: 'PATCH', body }),
    onSuccess: (task) => refresh(mergerId, task),
  });
}

export function useCreateTask(mergerId: string) {
  const refresh = useRefreshMerger();
  return useMutation({
    mutationFn: (body: CreateTaskBody) => apiRequest<Task>(base(mergerId), { method: 'POST', body }),
    onSuccess: (task) => refresh(mergerId, task),
  });
}

/** The same change to many tasks; the answer says which were changed and why the others were not. */
export function useBulkUpdateTasks(mergerId: string) {
  const refresh = useRefreshMerger();
  return useMutation({
    mutationFn: (body: BulkUpdateTasksBody) => apiRequest<BulkUpdateTasksResult>(`${base(mergerId)}/bulk-update`, { method: 'POST', body }),
    onSuccess: () => refresh(mergerId),
  });
}
