/**
 * The hand-over from the page's first script (src/web/early.ts), which starts
 * the GET requests of the page the app opens on, to the API client. On the
 * global object, not in a shared module: the first script must import nothing
 * of the app's, or it would wait for the app's files.
 */
export interface EarlyRequests {
  /** Once the app has asked for anything itself, a first script that runs that late starts nothing. */
  appAsked: boolean;
  pending: Map<string, Promise<Response>>;
}

declare global {
  var samlaEarlyRequests: EarlyRequests | undefined;
}

/**
 * The early answer to a request of `path` (an API path without /api/v1), once;
 * undefined when there is none. Any request but a GET (a sign-in, a change)
 * makes every early answer stale.
 */
export function takeEarlyResponse(path: string, method: string): Promise<Response> | undefined {
  const early = (globalThis.samlaEarlyRequests ??= { appAsked: false, pending: new Map() });
  early.appAsked = true;
  if (method !== 'GET') {
    early.pending.clear();
    return undefined;
  }
  const response = early.pending.get(path);
  early.pending.delete(path);
  return response;
}
