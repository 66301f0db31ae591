import { useQuery } from '@tanstack/react-query';
import type { ContractDeadlines } from '#shared/contracts/decisions.ts';
import { apiRequest, apiUrl } from '#web/lib/api-client.ts';

const base = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}/contract-deadlines`;

export const contractDeadlineKeys = {
  list: (mergerId: string) => ['mergers', mergerId, 'contract-deadlines'] as const,
};

/** Every contract with what must happen and by when, sorted by deadline (the API's order). */
export function useContractDeadlines(mergerId: string) {
  return useQuery({
    queryKey: contractDeadlineKeys.list(mergerId),
    queryFn: ({ signal }) => apiRequest<ContractDeadlines>(base(mergerId), { signal }),
  });
}

/** The deadlines as an iCalendar file, for a link the browser downloads itself. */
export const contractDeadlinesIcsUrl = (mergerId: string) => apiUrl(`${base(mergerId)}.ics`);
