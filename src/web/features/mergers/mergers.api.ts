import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMergerBody, Merger, MergerDetail, MergerSummary } from '#shared/contracts/mergers.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { queryKeys } from '#web/lib/query-client.ts';

export function useMergers() {
  return useQuery({
    queryKey: queryKeys.mergers,
    queryFn: ({ signal }) => apiRequest<{ mergers: MergerSummary[] }>('/mergers', { signal }).then((body) => body.mergers),
  });
}

export const mergerQuery = (mergerId: string) =>
  queryOptions({
    queryKey: queryKeys.merger(mergerId),
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.mergers, exact: true }),
  });
}
