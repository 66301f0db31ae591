import type { FetchQueryOptions, QueryClient } from '@tanstack/react-query';

/**
 * How long a route's loader waits for answers it does not have yet. With them in the
 * cache the page is built once, with its content, instead of first as «Laster …» and
 * then again: on the large merger's start page that brought the figures on screen
 * ~70 ms sooner (bench/fixes.md, fifth pass). Short, so a slow answer costs no more
 * than this before the page shows its own loading state.
 */
export const loaderWaitsForDataMs = 150;

// Each entry is a different feature's query, with its own data and key types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the list holds many features' queries
type AnyQuery = FetchQueryOptions<any, any, any, any>;

/**
 * Starts a route's queries (what is fresh in the cache is not asked for again) and
 * resolves when those not yet in the cache have answered, or after `waitMs`. Never
 * rejects: the page shows a failed query's error itself, with «Prøv igjen».
 */
export async function prefetch(queryClient: QueryClient, queries: readonly AnyQuery[], waitMs = loaderWaitsForDataMs): Promise<null> {
  const missing: Array<Promise<void>> = [];
  for (const query of queries) {
    const started = queryClient.prefetchQuery(query);
    if (queryClient.getQueryData(query.queryKey) === undefined) missing.push(started);
  }
  if (missing.length === 0) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([Promise.all(missing), new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
  return null;
}
