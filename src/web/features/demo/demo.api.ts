import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DemoMergerCreated } from '#shared/contracts/demo.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { queryKeys } from '#web/lib/query-client.ts';

export function useCreateDemoMerger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<DemoMergerCreated>('/demo-merger', { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.mergers, exact: true }),
  });
}
