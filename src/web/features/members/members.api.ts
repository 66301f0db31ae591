import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddMemberBody, Member, MergerRoleName } from '#shared/contracts/members.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { queryKeys } from '#web/lib/query-client.ts';

const base = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}/members`;

export function useMembers(mergerId: string) {
  return useQuery({
    queryKey: queryKeys.members(mergerId),
    queryFn: ({ signal }) => apiRequest<{ members: Member[] }>(base(mergerId), { signal }).then((body) => body.members),
  });
}

/** After a change in membership: the list, the history, and my own role (I may have changed it). */
function useRefreshMembers(mergerId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.merger(mergerId) });
}

export function useAddMember(mergerId: string) {
  const refresh = useRefreshMembers(mergerId);
  return useMutation({
    mutationFn: (body: AddMemberBody) => apiRequest<Member>(base(mergerId), { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/**
 * `onChanged` runs with the mutation itself, not with the component that asked: the list
 * that refreshes after a change gives the row's role editor a new key, and callbacks given
 * to `mutate` are dropped when their component has gone by the time they would run.
 */
export function useChangeMemberRole(mergerId: string, onChanged: (saved: Member) => void) {
  const refresh = useRefreshMembers(mergerId);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: MergerRoleName }) =>
      apiRequest<Member>(`${base(mergerId)}/${encodeURIComponent(userId)}`, { method: 'PATCH', body: { role } }),
    onSuccess: (saved) => {
      onChanged(saved);
      return refresh();
    },
  });
}

export function useRemoveMember(mergerId: string) {
  const refresh = useRefreshMembers(mergerId);
  return useMutation({
    mutationFn: (userId: string) => apiRequest<void>(`${base(mergerId)}/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
