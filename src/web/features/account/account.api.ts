import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody, EndOtherSessionsResponse, MySession, UsePasswordResetBody } from '#shared/contracts/users.ts';
import { apiRequest } from '#web/lib/api-client.ts';

export const accountKeys = {
  sessions: () => ['me', 'sessions'] as const,
};

/** «Mine økter»: where I am signed in. */
export function useMySessions() {
  return useQuery({
    queryKey: accountKeys.sessions(),
    queryFn: ({ signal }) => apiRequest<{ sessions: MySession[] }>('/me/sessions', { signal }).then((body) => body.sessions),
    // Another browser may sign in or out at any time: ask again whenever the page is shown.
    staleTime: 0,
  });
}

function useSessionsMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

export function useEndSession() {
  return useSessionsMutation((sessionId: string) => apiRequest<void>(`/me/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' }));
}

export function useEndOtherSessions() {
  return useSessionsMutation(() => apiRequest<EndOtherSessionsResponse>('/me/sessions/end-others', { method: 'POST' }));
}

/** Changing my password ends my other sessions, so the list changes too. */
export function useChangePassword() {
  return useSessionsMutation((body: ChangePasswordBody) => apiRequest<void>('/me/password', { method: 'POST', body }));
}

/** Public: a new password with the administrator's one-time code. */
export function useSetPasswordWithCode() {
  return useMutation({
    mutationFn: (body: UsePasswordResetBody) => apiRequest<void>('/auth/password-reset', { method: 'POST', body }),
  });
}
