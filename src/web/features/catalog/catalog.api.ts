import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Catalog } from '#catalog/catalog.schema.ts';
import { apiRequest } from '#web/lib/api-client.ts';

export const catalogKeys = {
  catalog: () => ['catalog'] as const,
};

/** The read-only library; it only changes with a new release of Samla. */
export const catalogQuery = () =>
  queryOptions({
    queryKey: catalogKeys.catalog(),
    queryFn: ({ signal }) => apiRequest<Catalog>('/catalog', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useCatalog() {
  return useQuery(catalogQuery());
}
