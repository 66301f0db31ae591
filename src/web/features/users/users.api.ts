import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, User } from '#shared/contracts/auth.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { queryKeys } from '#web/lib/query-client.ts';

export function useUsers(enabled = true) {
  return useQuery({
    enabled,
    queryKey: queryKeys.users,
    queryFn: ({ signal }) => apiRequest<{ users: User[] }>('/users', { signal }).then((body) => body.users),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => apiRequest<User>('/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
