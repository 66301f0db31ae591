import { useQuery } from '@tanstack/react-query';
import type { MunicipalityRegister } from '#shared/contracts/municipalities.ts';
import { apiRequest } from '#web/lib/api-client.ts';

export const municipalityKeys = {
  municipalities: () => ['municipalities'] as const,
};

export function useMunicipalityRegister() {
  return useQuery({
    queryKey: municipalityKeys.municipalities(),
    queryFn: ({ signal }) => apiRequest<MunicipalityRegister>('/municipalities', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
