import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '#shared/contracts/audit.ts';
import { apiRequest, apiUrl } from '#web/lib/api-client.ts';
import { historyApiQuery, type HistoryFilters } from '#web/lib/history-filters.ts';
import { freshForThisVisitMs } from '#web/lib/prefetch.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';

export type HistoryQuery = HistoryFilters & { entityId?: string | undefined };

const base = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}/audit`;

export const historyKeys = {
  all: (mergerId: string) => [...mergerKeys.detail(mergerId), 'history'] as const,
  list: (mergerId: string, filters: object) => [...historyKeys.all(mergerId), filters] as const,
};

export const historyQuery = (mergerId: string, filters: HistoryQuery) =>
  queryOptions<AuditEntry[], Error, AuditEntry[], ReturnType<typeof historyKeys.list>>({
    queryKey: historyKeys.list(mergerId, { ...filters }),
    queryFn: ({ signal }) => apiRequest<{ entries: AuditEntry[] }>(`${base(mergerId)}${historyApiQuery(filters)}`, { signal }).then((body) => body.entries),
    // Keep the list on screen while a changed filter loads, so the page does not jump.
    placeholderData: keepPreviousData,
    staleTime: freshForThisVisitMs,
  });

export function useHistory(mergerId: string, filters: HistoryQuery) {
  return useQuery(historyQuery(mergerId, filters));
}

/** A link the browser downloads itself; the session cookie goes along. */
export function historyExportUrl(mergerId: string, filters: HistoryQuery, format: 'xlsx' | 'csv'): string {
  return apiUrl(`${base(mergerId)}/export${historyApiQuery(filters, { format })}`);
}
