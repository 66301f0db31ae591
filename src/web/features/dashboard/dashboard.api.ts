import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '#shared/contracts/dashboard.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { freshForThisVisitMs } from '#web/lib/prefetch.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';

export const dashboardKeys = {
  dashboard: (mergerId: string) => [...mergerKeys.detail(mergerId), 'dashboard'] as const,
};

export type DashboardQuery = ReturnType<typeof useDashboard>;

export const dashboardQuery = (mergerId: string) =>
  queryOptions({
    queryKey: dashboardKeys.dashboard(mergerId),
    queryFn: ({ signal }) => apiRequest<Dashboard>(`/mergers/${encodeURIComponent(mergerId)}/dashboard`, { signal }),
    // The figures change wherever the work happens (checklist, veivalg, risks): ask anew on every visit.
    staleTime: freshForThisVisitMs,
  });

/**
 * Call it where the merger's page starts (not in the dashboard component, which
 * mounts only once the merger is loaded), so both requests run at once.
 */
export function useDashboard(mergerId: string) {
  return useQuery(dashboardQuery(mergerId));
}
