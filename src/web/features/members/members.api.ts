import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddMemberBody, Invited, Member, MembersList, MergerRoleName } from '#shared/contracts/members.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';

const base = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}/members`;

/** Members and invitations, in one request. */
export const membersQuery = (mergerId: string) =>
  queryOptions({
    queryKey: memberKeys.list(mergerId),
    queryFn: ({ signal }) => apiRequest<MembersList>(base(mergerId), { signal }),
  });

function useMembersList<T>(mergerId: string, select: (list: MembersList) => T) {
  return useQuery({ ...membersQuery(mergerId), select });
}

const selectMembers = (list: MembersList) => list.members;
const selectInvitations = (list: MembersList) => list.invitations;

export const memberKeys = {
  list: (mergerId: string) => [...mergerKeys.detail(mergerId), 'members'] as const,
};

export function useMembers(mergerId: string) {
  return useMembersList(mergerId, selectMembers);
}

/** Addresses invited and not yet signed in: they come with the members, in one request. */
export function useInvitations(mergerId: string) {
  return useMembersList(mergerId, selectInvitations);
}

/** The answer to «add»: a member (an administrator adding an existing user) or an invitation. */
export function isInvited(answer: Member | Invited): answer is Invited {
  return 'status' in answer && answer.status === 'invited';
}

/** After a change in membership: the list, the history, and my own role (I may have changed it). */
function useRefreshMembers(mergerId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: mergerKeys.detail(mergerId) });
}

export function useAddMember(mergerId: string) {
  const refresh = useRefreshMembers(mergerId);
  return useMutation({
    mutationFn: (body: AddMemberBody) => apiRequest<Member | Invited>(base(mergerId), { method: 'POST', body }),
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

export function useWithdrawInvitation(mergerId: string) {
  const refresh = useRefreshMembers(mergerId);
  return useMutation({
    mutationFn: (email: string) => apiRequest<void>(`/mergers/${encodeURIComponent(mergerId)}/invitations/${encodeURIComponent(email)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
