import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { firstApiPaths } from './early-paths.ts';
import { paths, routePatterns } from './lib/paths.ts';

const id = '706387c8-cf63-40c4-acee-0d1e14233613';

describe('the requests the page starts before the app', () => {
  it('asks for the merger and its dashboard on exactly the addresses the router gives the merger\'s start page', () => {
    const routes = Object.values(routePatterns).map((path) => ({ path }));
    const addresses = [
      paths.merger(id),
      `${paths.merger(id)}/`,
      paths.newMerger(),
      paths.mergers(),
      paths.checklist(id),
      paths.risks(id),
      paths.catalog(),
      paths.login(),
    ];
    for (const address of addresses) {
      const isMergerPage = matchRoutes(routes, address)?.at(-1)?.route.path === routePatterns.merger;
      expect(firstApiPaths(address).length > 1, address).toBe(isMergerPage);
    }
  });

  it('asks for what the app asks for: the session, then the merger and the dashboard by their API paths', () => {
    expect(firstApiPaths(paths.merger(id))).toEqual(['/auth/session', `/mergers/${id}`, `/mergers/${id}/dashboard`]);
    expect(firstApiPaths(paths.mergers())).toEqual(['/auth/session']);
    // An id the router would decode is encoded again, as the API client does.
    expect(firstApiPaths('/sammenslainger/a%20b')).toEqual(['/auth/session', '/mergers/a%20b', '/mergers/a%20b/dashboard']);
    expect(firstApiPaths('/sammenslainger/%E0%A4%A')).toEqual(['/auth/session']);
  });
});
