import { useQuery } from '@tanstack/react-query';
import type { MunicipalityRegister } from '#shared/contracts/municipalities.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { queryKeys } from '#web/lib/query-client.ts';

export function useMunicipalityRegister() {
  return useQuery({
    queryKey: queryKeys.municipalities,
    queryFn: ({ signal }) => apiRequest<MunicipalityRegister>('/municipalities', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
