import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AreaDecision, DecisionOverview, Readiness } from '#shared/contracts/decisions.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { freshForThisVisitMs } from '#web/lib/prefetch.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';
import type { DecisionBody } from './decision-form.ts';

const base = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}/decisions`;

export const decisionKeys = {
  all: (mergerId: string) => [...mergerKeys.detail(mergerId), 'decisions'] as const,
  overview: (mergerId: string) => [...mergerKeys.detail(mergerId), 'decisions', 'overview'] as const,
  readiness: (mergerId: string) => [...mergerKeys.detail(mergerId), 'decisions', 'readiness'] as const,
  area: (mergerId: string, areaId: string) => [...mergerKeys.detail(mergerId), 'decisions', 'area', areaId] as const,
};

export const decisionOverviewQuery = (mergerId: string) =>
  queryOptions({
    queryKey: decisionKeys.overview(mergerId),
    queryFn: ({ signal }) => apiRequest<DecisionOverview>(base(mergerId), { signal }),
  });

export function useDecisionOverview(mergerId: string) {
  return useQuery(decisionOverviewQuery(mergerId));
}

export const readinessQuery = (mergerId: string) =>
  queryOptions({
    queryKey: decisionKeys.readiness(mergerId),
    queryFn: ({ signal }) => apiRequest<Readiness>(`${base(mergerId)}/readiness`, { signal }),
    // Tasks are marked done elsewhere (the checklist, the API): ask anew on every visit.
    staleTime: freshForThisVisitMs,
  });

export function useReadiness(mergerId: string) {
  return useQuery(readinessQuery(mergerId));
}

export const areaDecisionQuery = (mergerId: string, areaId: string) =>
  queryOptions({
    queryKey: decisionKeys.area(mergerId, areaId),
    queryFn: ({ signal }) => apiRequest<AreaDecision>(`${base(mergerId)}/${encodeURIComponent(areaId)}`, { signal }),
    // Asked anew on every visit; the form keeps what the person typed, as refetching behind it would only confuse.
    staleTime: freshForThisVisitMs,
    refetchOnWindowFocus: false,
  });

export function useAreaDecision(mergerId: string, areaId: string) {
  return useQuery(areaDecisionQuery(mergerId, areaId));
}

/**
 * Saves the area's decision. An adopted decision changes the plan (tasks), the merger's
 * progress, the systems' fates and the contract deadlines, so every view of the merger is refreshed.
 */
export function useSaveDecision(mergerId: string, areaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionBody) => apiRequest<AreaDecision>(`${base(mergerId)}/${encodeURIComponent(areaId)}`, { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(decisionKeys.area(mergerId, areaId), saved);
      void queryClient.invalidateQueries({
        queryKey: mergerKeys.detail(mergerId),
        predicate: (query) => query.queryKey[3] !== 'area' || query.queryKey[4] !== areaId,
      });
      void queryClient.invalidateQueries({ queryKey: mergerKeys.list(), exact: true });
    },
  });
}

export interface DeferralBody {
  accepted: boolean;
  reason?: string;
  version: number;
}

/**
 * Accepts (or withdraws the acceptance of) a critical area's deferral to the transition phase.
 * It changes day-one readiness on the dashboard, the veivalg list and the report, so the merger's
 * views are refreshed.
 */
export function useSetDeferral(mergerId: string, areaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeferralBody) =>
      apiRequest<AreaDecision>(`${base(mergerId)}/${encodeURIComponent(areaId)}/deferral-acceptance`, { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(decisionKeys.area(mergerId, areaId), saved);
      void queryClient.invalidateQueries({
        queryKey: mergerKeys.detail(mergerId),
        predicate: (query) => query.queryKey[3] !== 'area' || query.queryKey[4] !== areaId,
      });
    },
  });
}
