import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BenefitDetail, BenefitList } from '#shared/contracts/benefits.ts';
import type { Opportunities, TakeUp } from '#shared/contracts/opportunities.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { freshForThisVisitMs } from '#web/lib/prefetch.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';

const base = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}/benefits`;

export const benefitKeys = {
  list: (mergerId: string) => [...mergerKeys.detail(mergerId), 'benefits', 'list'] as const,
  one: (mergerId: string, benefitId: string) => [...mergerKeys.detail(mergerId), 'benefits', 'one', benefitId] as const,
  opportunities: (mergerId: string, filter: object) => [...mergerKeys.detail(mergerId), 'opportunities', filter] as const,
};

export const benefitExportUrl = (mergerId: string) => `/api/v1${base(mergerId)}/export.xlsx`;

export const benefitsQuery = (mergerId: string) =>
  queryOptions({ queryKey: benefitKeys.list(mergerId), queryFn: ({ signal }) => apiRequest<BenefitList>(base(mergerId), { signal }) });

export function useBenefits(mergerId: string) {
  return useQuery(benefitsQuery(mergerId));
}

export const benefitQuery = (mergerId: string, benefitId: string) =>
  queryOptions({
    queryKey: benefitKeys.one(mergerId, benefitId),
    queryFn: ({ signal }) => apiRequest<BenefitDetail>(`${base(mergerId)}/${encodeURIComponent(benefitId)}`, { signal }),
    staleTime: freshForThisVisitMs,
    refetchOnWindowFocus: false,
  });

export function useBenefit(mergerId: string, benefitId: string) {
  return useQuery(benefitQuery(mergerId, benefitId));
}

export interface BenefitBody {
  title?: string;
  description?: string | null;
  serviceArea?: string | null;
  type?: string;
  owner?: string | null;
  responsible?: string | null;
  responsibleUserId?: string | null;
  plannedRealisationDate?: string | null;
  status?: string;
  taskIds?: string[];
  decisionAreaIds?: string[];
  opportunityIds?: string[];
  version?: number;
}

/** Every write answers with the benefit as it now is; the list and the opportunities follow. */
function useBenefitWrite<V>(mergerId: string, request: (variables: V) => Promise<BenefitDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(benefitKeys.one(mergerId, saved.benefit.id), saved);
      void queryClient.invalidateQueries({
        queryKey: mergerKeys.detail(mergerId),
        predicate: (query) => !(query.queryKey[2] === 'benefits' && query.queryKey[3] === 'one' && query.queryKey[4] === saved.benefit.id),
      });
    },
  });
}

export function useCreateBenefit(mergerId: string) {
  return useBenefitWrite(mergerId, (body: BenefitBody) => apiRequest<BenefitDetail>(base(mergerId), { method: 'POST', body }));
}

export function useUpdateBenefit(mergerId: string, benefitId: string) {
  return useBenefitWrite(mergerId, (body: BenefitBody) =>
    apiRequest<BenefitDetail>(`${base(mergerId)}/${encodeURIComponent(benefitId)}`, { method: 'PATCH', body }),
  );
}

export function useDeleteBenefit(mergerId: string, benefitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(`${base(mergerId)}/${encodeURIComponent(benefitId)}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mergerKeys.detail(mergerId) }),
  });
}

export interface IndicatorBody {
  name: string;
  unit: string;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  direction: 'higher' | 'lower';
}

export function useAddIndicator(mergerId: string, benefitId: string) {
  return useBenefitWrite(mergerId, (body: IndicatorBody) =>
    apiRequest<BenefitDetail>(`${base(mergerId)}/${encodeURIComponent(benefitId)}/indicators`, { method: 'POST', body }),
  );
}

export function useDeleteIndicator(mergerId: string, benefitId: string) {
  return useBenefitWrite(mergerId, (indicatorId: string) =>
    apiRequest<BenefitDetail>(`${base(mergerId)}/${encodeURIComponent(benefitId)}/indicators/${encodeURIComponent(indicatorId)}`, { method: 'DELETE' }),
  );
}

export function useRecordMeasurement(mergerId: string, benefitId: string, indicatorId: string) {
  return useBenefitWrite(mergerId, (body: { measuredOn: string; value: number; comment: string | null }) =>
    apiRequest<BenefitDetail>(`${base(mergerId)}/${encodeURIComponent(benefitId)}/indicators/${encodeURIComponent(indicatorId)}/measurements`, {
      method: 'POST',
      body,
    }),
  );
}

export function useDeleteMeasurement(mergerId: string, benefitId: string, indicatorId: string) {
  return useBenefitWrite(mergerId, (measurementId: string) =>
    apiRequest<BenefitDetail>(
      `${base(mergerId)}/${encodeURIComponent(benefitId)}/indicators/${encodeURIComponent(indicatorId)}/measurements/${encodeURIComponent(measurementId)}`,
      { method: 'DELETE' },
    ),
  );
}

export interface OpportunityFilter {
  area?: string | undefined;
  lowHangingFruit?: boolean | undefined;
}

export function opportunitiesQuery(mergerId: string, filter: OpportunityFilter) {
  const params = new URLSearchParams();
  if (filter.area) params.set('area', filter.area);
  if (filter.lowHangingFruit) params.set('lowHangingFruit', 'true');
  const search = params.toString();
  return queryOptions({
    queryKey: benefitKeys.opportunities(mergerId, filter),
    queryFn: ({ signal }) => apiRequest<Opportunities>(`/mergers/${encodeURIComponent(mergerId)}/opportunities${search ? `?${search}` : ''}`, { signal }),
    // The list stays on screen while a changed filter loads.
    placeholderData: keepPreviousData,
  });
}

export function useOpportunities(mergerId: string, filter: OpportunityFilter) {
  return useQuery(opportunitiesQuery(mergerId, filter));
}

export function useTakeUp(mergerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ opportunityId, ...body }: { opportunityId: string; activityId: string; createBenefit: boolean }) =>
      apiRequest<TakeUp>(`/mergers/${encodeURIComponent(mergerId)}/opportunities/${encodeURIComponent(opportunityId)}/take-up`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: mergerKeys.detail(mergerId) });
      void queryClient.invalidateQueries({ queryKey: mergerKeys.list(), exact: true });
    },
  });
}
