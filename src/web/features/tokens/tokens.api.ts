import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, CreateApiTokenBody, CreatedApiToken } from '#shared/contracts/auth.ts';
import { apiRequest } from '#web/lib/api-client.ts';

export const tokenKeys = {
  tokens: () => ['tokens'] as const,
};

export const tokensQuery = () =>
  queryOptions({
    queryKey: tokenKeys.tokens(),
    queryFn: ({ signal }) => apiRequest<{ tokens: ApiToken[] }>('/tokens', { signal }).then((body) => body.tokens),
  });

export function useTokens() {
  return useQuery(tokensQuery());
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => apiRequest<CreatedApiToken>('/tokens', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.tokens() }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => apiRequest<void>(`/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.tokens() }),
  });
}
