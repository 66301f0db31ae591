/**
 * Answers the app asked for before its code had loaded (src/web/early-requests.ts,
 * a tiny script of its own in index.html), by API URL. The first GET of such a
 * URL takes the answer instead of asking again: only once, only a success
 * (anything else is asked for anew, as it would have been), and only while the
 * page is starting, so an answer nobody took is never shown later in the visit.
 */
declare global {
  interface Window {
    samlaEarlyResponses?: Map<string, Promise<Response>>;
  }
}

/** Longer than loading the app takes on a slow machine; shorter than anyone would act on an old answer. */
export const earlyResponsesUsableForMs = 10_000;

export function takeEarlyResponse(url: string, now = performance.now()): Promise<Response> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.samlaEarlyResponses;
  if (!early) return undefined;
  if (now > earlyResponsesUsableForMs) {
    early.clear();
    return undefined;
  }
  const response = early.get(url);
  early.delete(url);
  return response;
}
