import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailPreferences, UpdateMailPreferencesBody } from '#shared/contracts/mail.ts';
import { apiRequest } from '#web/lib/api-client.ts';

export const mailKeys = {
  preferences: () => ['me', 'mail-preferences'] as const,
};

export const mailPreferencesQuery = () =>
  queryOptions({
    queryKey: mailKeys.preferences(),
    queryFn: ({ signal }) => apiRequest<MailPreferences>('/me/mail-preferences', { signal }),
  });

export function useMailPreferences() {
  return useQuery(mailPreferencesQuery());
}

export function useSaveMailPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMailPreferencesBody) => apiRequest<MailPreferences>('/me/mail-preferences', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(mailKeys.preferences(), saved),
  });
}
