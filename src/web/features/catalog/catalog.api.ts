import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CatalogResponse } from '#catalog/catalog.schema.ts';
import { apiRequest } from '#web/lib/api-client.ts';

export const catalogKeys = {
  catalog: () => ['catalog'] as const,
};

/**
 * The read-only library in the language of the page (the server picks it the same way); it
 * changes with a new release of Samla, and with the language: the provider asks again then.
 */
export const catalogQuery = () =>
  queryOptions({
    queryKey: catalogKeys.catalog(),
    queryFn: ({ signal }) => apiRequest<CatalogResponse>('/catalog', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useCatalog() {
  return useQuery(catalogQuery());
}
