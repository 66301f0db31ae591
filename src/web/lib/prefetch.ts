import type { FetchQueryOptions, QueryClient } from '@tanstack/react-query';

/**
 * How long a route's loader waits for answers it does not have yet. With them in the
 * cache the page is built once, with its content, instead of first as «Laster …» and
 * then again: on the large merger's start page that brought the figures on screen
 * ~70 ms sooner (bench/fixes.md, fifth pass). Short, so a slow answer costs no more
 * than this before the page shows its own loading state.
 */
export const loaderWaitsForDataMs = 150;

/**
 * The `staleTime` of a query asked for anew on every visit. Not 0: the route's loader
 * asks a moment before the page mounts, and with 0 the page would ask again at once.
 * The second lets the loader's answer count as this visit's.
 */
export const freshForThisVisitMs = 1_000;

// Each entry is a different feature's query, with its own data and key types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the list holds many features' queries
export type AnyQuery = FetchQueryOptions<any, any, any, any>;

/**
 * What a route asks for: queries, or queries known only later (one that needs the
 * merger's answer first, or a feature's query definitions loaded with its page's code).
 */
export type RouteQueries = ReadonlyArray<AnyQuery | Promise<readonly AnyQuery[]>>;

/**
 * Starts a route's queries (what is fresh in the cache is not asked for again) and
 * resolves when those not yet in the cache have answered, or `waitMs` after the call
 * (also for queries known only later). Never rejects: the page shows a failed query's
 * error itself, with «Prøv igjen».
 */
export async function prefetch(queryClient: QueryClient, queries: RouteQueries, waitMs = loaderWaitsForDataMs): Promise<null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise((resolve) => (timer = setTimeout(resolve, waitMs)));
  const start = (query: AnyQuery) => {
    const started = queryClient.prefetchQuery(query);
    return queryClient.getQueryData(query.queryKey) === undefined ? started : undefined;
  };
  const answered = Promise.all(
    queries.map((entry) =>
      entry instanceof Promise
        ? entry.then(
            (later) => Promise.all(later.map(start)),
            () => undefined,
          )
        : start(entry),
    ),
  );
  await Promise.race([answered, waited]);
  clearTimeout(timer);
  return null;
}
