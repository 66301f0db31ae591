import { useMutation } from '@tanstack/react-query';
import type { AuthStatus, LoginBody, SessionResponse, SetupBody } from '#shared/contracts/auth.ts';
import { apiRequest, setCsrfToken } from '#web/lib/api-client.ts';

export const authKeys = {
  session: () => ['auth', 'session'] as const,
};

/** Who is signed in; also hands the CSRF token to the API client. */
export async function fetchAuthStatus(signal?: AbortSignal): Promise<AuthStatus> {
  const status = await apiRequest<AuthStatus>('/auth/session', signal ? { signal } : {});
  setCsrfToken(status.session?.csrfToken ?? null, status.session?.user.id ?? null);
  return status;
}

export function useLogin() {
  return useMutation({
    mutationFn: (body: LoginBody) => apiRequest<SessionResponse>('/auth/login', { method: 'POST', body }),
  });
}

export function useSetup() {
  return useMutation({
    mutationFn: (body: SetupBody) => apiRequest<SessionResponse>('/auth/setup', { method: 'POST', body }),
  });
}

export function logout(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST' });
}
