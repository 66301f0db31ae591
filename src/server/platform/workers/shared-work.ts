import type { ServiceContext } from '#server/platform/context.ts';

/**
 * Identical heavy requests at the same time are made once (decision 024): when
 * ten people in a steering-group meeting open the report, the first request
 * reads the data and renders the PDF, and the other nine wait for the same
 * promise instead of queueing nine more renders in the worker pool.
 *
 * Two requests are identical when their key is: the kind of work, the merger,
 * the merger's data revision when the request began (the response cache's
 * revision, decision 019, which changes with every write to the merger and
 * its people), and whatever else shapes the result (the query, today's date).
 * Nothing is kept after the work settles: a later request makes it anew, so
 * a result can never outlive the data it was made from. A failure is shared
 * too (each waiting request answers with it), and the next request tries again.
 */
const inFlight = new Map<string, Promise<unknown>>();

export function shareIdenticalWork<T>(key: string | null, make: () => Promise<T>): Promise<T> {
  if (key === null) return make();
  const running = inFlight.get(key) as Promise<T> | undefined;
  if (running) return running;
  const started = make().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}

/**
 * The key of a merger's heavy read for `shareIdenticalWork`, or null (no
 * sharing) when the request carries no data revision: only the access
 * plugin's checked membership knows that the data has not changed.
 */
export function mergerWorkKey(ctx: ServiceContext, mergerId: string, kind: string, ...shape: unknown[]): string | null {
  const membership = ctx.membership;
  if (!membership?.dataRevision || membership.mergerId !== mergerId) return null;
  return JSON.stringify([kind, mergerId, membership.dataRevision, ...shape]);
}
