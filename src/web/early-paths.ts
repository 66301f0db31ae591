/**
 * What the app asks for first when it opens on `pathname` (API paths without
 * /api/v1): who is signed in, and on a merger's start page the merger and its
 * dashboard. Written out here rather than taken from lib/paths.ts, to keep the
 * page's first script (early.ts) free of the app's modules; early-paths.test.ts
 * holds it to the app's own paths.
 */
export function firstApiPaths(pathname: string): string[] {
  const merger = /^\/sammenslainger\/([^/]+)\/?$/.exec(pathname);
  if (!merger || merger[1] === 'ny') return ['/auth/session'];
  let id: string;
  try {
    // As the app has it: the router decodes the address, the API client encodes the id.
    id = encodeURIComponent(decodeURIComponent(merger[1]!));
  } catch {
    return ['/auth/session'];
  }
  return ['/auth/session', `/mergers/${id}`, `/mergers/${id}/dashboard`];
}
