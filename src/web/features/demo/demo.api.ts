import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DemoMergerCreated } from '#shared/contracts/demo.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';

export function useCreateDemoMerger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<DemoMergerCreated>('/demo-merger', { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mergerKeys.list(), exact: true }),
  });
}
