import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMilestoneBody, Milestone, Schedule, SchedulePhase, UpdateMilestoneBody, UpdatePhaseBody } from '#shared/contracts/plan.schedule.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';

const base = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}`;
/** Under the merger's key, so a changed task refreshes the plan too. */
export const scheduleKeys = {
  schedule: (mergerId: string) => [...mergerKeys.detail(mergerId), 'schedule'] as const,
};

export const scheduleQuery = (mergerId: string) =>
  queryOptions({
    queryKey: scheduleKeys.schedule(mergerId),
    queryFn: ({ signal }) => apiRequest<Schedule>(`${base(mergerId)}/schedule`, { signal }),
  });

export function useSchedule(mergerId: string) {
  return useQuery(scheduleQuery(mergerId));
}

function useRefresh(mergerId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: mergerKeys.detail(mergerId) });
}

export function useUpdatePhase(mergerId: string) {
  const refresh = useRefresh(mergerId);
  return useMutation({
    mutationFn: ({ phase, body }: { phase: number; body: UpdatePhaseBody }) =>
      apiRequest<SchedulePhase>(`${base(mergerId)}/schedule/phases/${phase}`, { method: 'PATCH', body }),
    onSettled: refresh,
  });
}

export function useCreateMilestone(mergerId: string) {
  const refresh = useRefresh(mergerId);
  return useMutation({
    mutationFn: (body: CreateMilestoneBody) => apiRequest<Milestone>(`${base(mergerId)}/schedule/milestones`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateMilestone(mergerId: string) {
  const refresh = useRefresh(mergerId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMilestoneBody }) =>
      apiRequest<Milestone>(`${base(mergerId)}/schedule/milestones/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSettled: refresh,
  });
}

export function useDeleteMilestone(mergerId: string) {
  const refresh = useRefresh(mergerId);
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`${base(mergerId)}/schedule/milestones/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useAddDependency(mergerId: string, taskId: string) {
  const refresh = useRefresh(mergerId);
  return useMutation({
    mutationFn: (dependsOnTaskId: string) =>
      apiRequest<unknown>(`${base(mergerId)}/tasks/${encodeURIComponent(taskId)}/dependencies`, { method: 'POST', body: { dependsOnTaskId } }),
    onSuccess: refresh,
  });
}

export function useRemoveDependency(mergerId: string, taskId: string) {
  const refresh = useRefresh(mergerId);
  return useMutation({
    mutationFn: (dependsOnTaskId: string) =>
      apiRequest<void>(`${base(mergerId)}/tasks/${encodeURIComponent(taskId)}/dependencies/${encodeURIComponent(dependsOnTaskId)}`, {
        method: 'DELETE',
      }),
    onSuccess: refresh,
  });
}
