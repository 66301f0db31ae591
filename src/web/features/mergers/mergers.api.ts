import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMergerBody, Merger, MergerDetail, MergerSummary } from '#shared/contracts/mergers.ts';
import { apiRequest } from '#web/lib/api-client.ts';

/**
 * Query keys are made one way: each feature's *.api.ts has a key factory, and every key of
 * a merger's data starts with `mergerKeys.detail(mergerId)`, so invalidating that refreshes
 * everything shown about the merger (its progress moves with tasks, veivalg, risks …).
 */
export const mergerKeys = {
  list: () => ['mergers'] as const,
  detail: (mergerId: string) => ['mergers', mergerId] as const,
};

export const mergersQuery = () =>
  queryOptions({
    queryKey: mergerKeys.list(),
    queryFn: ({ signal }) => apiRequest<{ mergers: MergerSummary[] }>('/mergers', { signal }).then((body) => body.mergers),
  });

export function useMergers() {
  return useQuery(mergersQuery());
}

export const mergerQuery = (mergerId: string) =>
  queryOptions({
    queryKey: mergerKeys.detail(mergerId),
    queryFn: ({ signal }) => apiRequest<MergerDetail>(`/mergers/${encodeURIComponent(mergerId)}`, { signal }),
  });

/** One merger with its progress per phase and activity (also used by the checklist pages). */
export function useMerger(mergerId: string) {
  return useQuery(mergerQuery(mergerId));
}

export function useCreateMerger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMergerBody) => apiRequest<Merger>('/mergers', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mergerKeys.list(), exact: true }),
  });
}
