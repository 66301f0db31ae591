/**
 * The page's first script: its own small entry, loaded `async` ahead of the
 * app (vite.config.ts puts it first in index.html). It starts the GET requests
 * of the page the app opens on, so the server can answer while the browser
 * still loads and starts the app (about half a second on a first visit). It
 * imports no module of the app's, so it runs as soon as it has arrived; the
 * API client takes each answer once (lib/early-requests.ts).
 */
import type { EarlyRequests } from '#web/lib/early-requests.ts';
import { firstApiPaths } from './early-paths.ts';

const early: EarlyRequests = (globalThis.samlaEarlyRequests ??= { appAsked: false, pending: new Map() });
if (!early.appAsked) {
  for (const path of firstApiPaths(window.location.pathname)) {
    const response = fetch(`/api/v1${path}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    // The app may never take it (it may not get to that page): never an unhandled rejection.
    response.catch(() => undefined);
    early.pending.set(path, response);
  }
}
