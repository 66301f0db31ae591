import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, User } from '#shared/contracts/auth.ts';
import type { CreatedPasswordReset, ManagedUser, UpdateUserBody } from '#shared/contracts/users.ts';
import { apiRequest } from '#web/lib/api-client.ts';

export const userKeys = {
  users: () => ['users'] as const,
};

export function useUsers(enabled = true) {
  return useQuery({
    enabled,
    queryKey: userKeys.users(),
    queryFn: ({ signal }) => apiRequest<{ users: ManagedUser[] }>('/users', { signal }).then((body) => body.users),
  });
}

const userPath = (userId: string) => `/users/${encodeURIComponent(userId)}`;

/** Every change to a user is followed by the list as the server now has it. */
function useUserMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.users() }),
  });
}

export function useCreateUser() {
  return useUserMutation((body: CreateUserBody) => apiRequest<User>('/users', { method: 'POST', body }));
}

export function useUpdateUser() {
  return useUserMutation(({ userId, body }: { userId: string; body: UpdateUserBody }) => apiRequest<ManagedUser>(userPath(userId), { method: 'PATCH', body }));
}

export function useDeactivateUser() {
  return useUserMutation((userId: string) => apiRequest<ManagedUser>(`${userPath(userId)}/deactivate`, { method: 'POST' }));
}

export function useReactivateUser() {
  return useUserMutation((userId: string) => apiRequest<ManagedUser>(`${userPath(userId)}/reactivate`, { method: 'POST' }));
}

export function useDeleteUser() {
  return useUserMutation((userId: string) => apiRequest<void>(userPath(userId), { method: 'DELETE' }));
}

/** The one-time code is in this answer only; nothing is cached. */
export function useCreatePasswordReset() {
  return useMutation({
    mutationFn: (userId: string) => apiRequest<CreatedPasswordReset>(`${userPath(userId)}/password-reset`, { method: 'POST' }),
  });
}
