import type {} from '#web/lib/early-responses.ts';

/**
 * The first requests of a visit, sent while the app's code is still on its way.
 *
 * index.html loads this script on its own, ahead of the app: the app's modules
 * take a few hundred milliseconds to load and evaluate before React can ask for
 * anything, and on the merger's start page those are the dashboard's figures'
 * longest wait. It has no imports (beyond types), so it runs as soon as it
 * arrives; the answers wait in `window.samlaEarlyResponses` for the API client
 * (lib/early-responses.ts), which uses each once.
 */

const mergerStartPage = /^\/sammenslainger\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/** The API URLs the page at `pathname` asks for first: the session always, and the merger's start page its merger and dashboard. */
export function earlyRequestUrls(pathname: string): string[] {
  const urls = ['/api/v1/auth/session'];
  const mergerId = mergerStartPage.exec(pathname)?.[1];
  if (mergerId) urls.push(`/api/v1/mergers/${mergerId}`, `/api/v1/mergers/${mergerId}/dashboard`);
  return urls;
}

if (typeof window !== 'undefined' && typeof fetch === 'function') {
  // The same request the API client would make (lib/api-client.ts `send`).
  const init: RequestInit = { headers: { accept: 'application/json' }, credentials: 'same-origin' };
  window.samlaEarlyResponses = new Map(earlyRequestUrls(window.location.pathname).map((url) => [url, fetch(url, init)]));
}
