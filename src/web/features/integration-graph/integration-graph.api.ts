import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { IntegrationGraph } from '#shared/contracts/decisions.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';

export interface GraphFilters {
  /** A municipality number; undefined = all municipalities. */
  municipality?: string | undefined;
  /** A solution area id; undefined = all areas. */
  area?: string | undefined;
}

export function graphSearch(filters: GraphFilters): string {
  const params = new URLSearchParams();
  if (filters.municipality) params.set('municipality', filters.municipality);
  if (filters.area) params.set('area', filters.area);
  return params.toString();
}

export const integrationGraphKeys = {
  graph: (mergerId: string, query: string) => [...mergerKeys.detail(mergerId), 'integration-graph', query] as const,
};

/** The landscape's nodes and edges, narrowed by the server to one municipality and/or solution area. */
export function integrationGraphQuery(mergerId: string, filters: GraphFilters) {
  const query = graphSearch(filters);
  return queryOptions({
    queryKey: integrationGraphKeys.graph(mergerId, query),
    queryFn: ({ signal }) => apiRequest<IntegrationGraph>(`/mergers/${encodeURIComponent(mergerId)}/integration-graph${query ? `?${query}` : ''}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useIntegrationGraph(mergerId: string, filters: GraphFilters) {
  return useQuery(integrationGraphQuery(mergerId, filters));
}
