import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ArchiveMergerBody,
  CreateMergerBody,
  DeleteMergerBody,
  Merger,
  MergerChangePreview,
  MergerChangePreviewBody,
  MergerDeletion,
  MergerDetail,
  MergerSummary,
  UpdateMergerBody,
} from '#shared/contracts/mergers.ts';
import { apiRequest } from '#web/lib/api-client.ts';

/**
 * Query keys are made one way: each feature's *.api.ts has a key factory, and every key of
 * a merger's data starts with `mergerKeys.detail(mergerId)`, so invalidating that refreshes
 * everything shown about the merger (its progress moves with tasks, veivalg, risks …).
 */
export const mergerKeys = {
  list: () => ['mergers'] as const,
  detail: (mergerId: string) => ['mergers', mergerId] as const,
  deletions: () => ['merger-deletions'] as const,
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

const mergerUrl = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}`;

/**
 * A change to the merger itself (basics, archive state): everything shown about it may
 * change with it (a new date moves the plan, archiving drops the edit rights), so all of
 * the merger's queries and the list are refreshed.
 */
function useMergerChange<B, R>(mergerId: string, send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: mergerKeys.detail(mergerId) }),
        queryClient.invalidateQueries({ queryKey: mergerKeys.list(), exact: true }),
      ]);
    },
  });
}

export function useUpdateMerger(mergerId: string) {
  return useMergerChange(mergerId, (body: UpdateMergerBody) => apiRequest<Merger>(mergerUrl(mergerId), { method: 'PATCH', body }));
}

/** What a change would move and delete; writes nothing. */
export function usePreviewMergerChange(mergerId: string) {
  return useMutation({
    mutationFn: (body: MergerChangePreviewBody) => apiRequest<MergerChangePreview>(`${mergerUrl(mergerId)}/change-preview`, { method: 'POST', body }),
  });
}

export function useSetArchived(mergerId: string) {
  return useMergerChange(mergerId, (body: ArchiveMergerBody) => apiRequest<Merger>(`${mergerUrl(mergerId)}/archived`, { method: 'PUT', body }));
}

export function useDeleteMerger(mergerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeleteMergerBody) => apiRequest<MergerDeletion>(mergerUrl(mergerId), { method: 'DELETE', body }),
    onSuccess: async () => {
      // The merger's own queries would only answer 404 now.
      queryClient.removeQueries({ queryKey: mergerKeys.detail(mergerId) });
      await queryClient.invalidateQueries({ queryKey: mergerKeys.list(), exact: true });
    },
  });
}

export const mergerDeletionsQuery = () =>
  queryOptions({
    queryKey: mergerKeys.deletions(),
    queryFn: ({ signal }) => apiRequest<{ deletions: MergerDeletion[] }>('/merger-deletions', { signal }).then((body) => body.deletions),
  });

/** The instance's deletion log, for administrators. */
export function useMergerDeletions(enabled: boolean) {
  return useQuery({ ...mergerDeletionsQuery(), enabled });
}
