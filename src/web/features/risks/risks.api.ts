import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEntry } from '#shared/contracts/audit.ts';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import type {
  CreateMitigationBody,
  CreateRiskBody,
  Heatmap,
  MatrixMapping,
  MatrixPreview,
  Mitigation,
  Risk,
  RiskList,
  RiskMatrix,
  RiskMatrixResponse,
  RiskSuggestions,
  UpdateMitigationBody,
} from '#shared/contracts/risks.ts';
import { apiRequest, apiUrl } from '#web/lib/api-client.ts';
import { freshForThisVisitMs } from '#web/lib/prefetch.ts';
import { historyKeys } from '#web/features/history/history.api.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';
import { riskApiQuery, type RiskFilters } from './risk-view.ts';
import { taskTitleInContext } from '#shared/task-title.ts';

const merger = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}`;

export const riskKeys = {
  all: (mergerId: string) => [...mergerKeys.detail(mergerId), 'risks'] as const,
  list: (mergerId: string, filters: RiskFilters) => [...mergerKeys.detail(mergerId), 'risks', 'list', { ...filters }] as const,
  one: (mergerId: string, riskId: string) => [...mergerKeys.detail(mergerId), 'risks', 'one', riskId] as const,
  matrix: (mergerId: string) => [...mergerKeys.detail(mergerId), 'risks', 'matrix'] as const,
  heatmap: (mergerId: string) => [...mergerKeys.detail(mergerId), 'risks', 'heatmap'] as const,
  suggestions: (mergerId: string) => [...mergerKeys.detail(mergerId), 'risks', 'suggestions'] as const,
  options: (mergerId: string) => [...mergerKeys.detail(mergerId), 'risks', 'options'] as const,
};

/** After any change to risks: every risk view of the merger and its history. */
function useRefreshRisks(mergerId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: riskKeys.all(mergerId) });
    void queryClient.invalidateQueries({ queryKey: historyKeys.all(mergerId) });
  };
}

export const risksQuery = (mergerId: string, filters: RiskFilters) =>
  queryOptions({
    queryKey: riskKeys.list(mergerId, filters),
    queryFn: ({ signal }) => apiRequest<RiskList>(`${merger(mergerId)}/risks${riskApiQuery(filters)}`, { signal }),
  });

export function useRisks(mergerId: string, filters: RiskFilters) {
  return useQuery(risksQuery(mergerId, filters));
}

export const riskQuery = (mergerId: string, riskId: string) =>
  queryOptions({
    queryKey: riskKeys.one(mergerId, riskId),
    queryFn: ({ signal }) => apiRequest<Risk>(`${merger(mergerId)}/risks/${encodeURIComponent(riskId)}`, { signal }),
    // Asked anew on every visit; the form keeps what the person typed, as refetching behind it would only confuse.
    staleTime: freshForThisVisitMs,
    refetchOnWindowFocus: false,
  });

export function useRisk(mergerId: string, riskId: string | undefined) {
  return useQuery({ ...riskQuery(mergerId, riskId ?? ''), enabled: riskId !== undefined });
}

export const riskMatrixQuery = (mergerId: string) =>
  queryOptions({
    queryKey: riskKeys.matrix(mergerId),
    queryFn: ({ signal }) => apiRequest<RiskMatrixResponse>(`${merger(mergerId)}/risk-matrix`, { signal }),
  });

export function useRiskMatrix(mergerId: string) {
  return useQuery(riskMatrixQuery(mergerId));
}

export const heatmapQuery = (mergerId: string) =>
  queryOptions({
    queryKey: riskKeys.heatmap(mergerId),
    queryFn: ({ signal }) => apiRequest<Heatmap>(`${merger(mergerId)}/risk-heatmap`, { signal }),
    staleTime: freshForThisVisitMs,
  });

export function useHeatmap(mergerId: string) {
  return useQuery(heatmapQuery(mergerId));
}

export const riskSuggestionsQuery = (mergerId: string) =>
  queryOptions({
    queryKey: riskKeys.suggestions(mergerId),
    queryFn: ({ signal }) => apiRequest<RiskSuggestions>(`${merger(mergerId)}/risk-suggestions`, { signal }),
    staleTime: freshForThisVisitMs,
  });

export function useRiskSuggestions(mergerId: string) {
  return useQuery(riskSuggestionsQuery(mergerId));
}

export interface RiskOptions {
  systems: Array<{ id: string; name: string; municipalityNumber: string }>;
  integrations: Array<{ id: string; label: string; municipalityNumber: string }>;
  tasks: Array<{ id: string; title: string }>;
}

/** What a risk and its mitigations can point at: the merger's systems, integrations and plan tasks. */
export const riskOptionsQuery = (mergerId: string) =>
  queryOptions({
    queryKey: riskKeys.options(mergerId),
    queryFn: async ({ signal }): Promise<RiskOptions> => {
      type Item = Record<string, unknown> & { id: string; municipalityNumber: string };
      const [systems, integrations, tasks] = await Promise.all([
        apiRequest<{ items: Item[] }>(`${merger(mergerId)}/inventory/systems?limit=1000&sort=name`, { signal }),
        apiRequest<{ items: Item[] }>(`${merger(mergerId)}/inventory/integrations?limit=1000`, { signal }),
        apiRequest<{ tasks: Task[] }>(`${merger(mergerId)}/tasks`, { signal }),
      ]);
      return {
        systems: systems.items.map((item) => ({ id: item.id, name: String(item.name), municipalityNumber: item.municipalityNumber })),
        integrations: integrations.items.map((item) => ({
          id: item.id,
          municipalityNumber: item.municipalityNumber,
          label: `${String(item.fromSystemName ?? '')} → ${String(item.toSystemName ?? item.commonSolutionName ?? '')}`,
        })),
        tasks: tasks.tasks.map((task) => ({ id: task.id, title: taskTitleInContext(task) })),
      };
    },
  });

export function useRiskOptions(mergerId: string) {
  return useQuery(riskOptionsQuery(mergerId));
}

/** The risk's own history, under the same key prefix as the history page so a change refreshes both. */
export const riskHistoryQuery = (mergerId: string, riskId: string) =>
  queryOptions({
    queryKey: historyKeys.list(mergerId, { entity: 'risk', entityId: riskId }),
    queryFn: ({ signal }) =>
      apiRequest<{ entries: AuditEntry[] }>(`${merger(mergerId)}/audit?entity=risk&entityId=${encodeURIComponent(riskId)}`, { signal }).then(
        (body) => body.entries,
      ),
    staleTime: freshForThisVisitMs,
  });

export function useRiskHistory(mergerId: string, riskId: string) {
  return useQuery(riskHistoryQuery(mergerId, riskId));
}

export function useCreateRisk(mergerId: string) {
  const refresh = useRefreshRisks(mergerId);
  return useMutation({
    mutationFn: (body: CreateRiskBody & { suggestionKey?: string }) => apiRequest<Risk>(`${merger(mergerId)}/risks`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateRisk(mergerId: string, riskId: string) {
  const refresh = useRefreshRisks(mergerId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRiskBody & { version: number }) =>
      apiRequest<Risk>(`${merger(mergerId)}/risks/${encodeURIComponent(riskId)}`, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(riskKeys.one(mergerId, riskId), saved);
      refresh();
    },
  });
}

export function useDeleteRisk(mergerId: string) {
  const refresh = useRefreshRisks(mergerId);
  return useMutation({
    mutationFn: (risk: { id: string; version: number }) =>
      apiRequest<void>(`${merger(mergerId)}/risks/${encodeURIComponent(risk.id)}?version=${risk.version}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useCreateMitigation(mergerId: string, riskId: string) {
  const refresh = useRefreshRisks(mergerId);
  return useMutation({
    mutationFn: (body: CreateMitigationBody) =>
      apiRequest<Mitigation>(`${merger(mergerId)}/risks/${encodeURIComponent(riskId)}/mitigations`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateMitigation(mergerId: string, riskId: string) {
  const refresh = useRefreshRisks(mergerId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMitigationBody }) =>
      apiRequest<Mitigation>(`${merger(mergerId)}/risks/${encodeURIComponent(riskId)}/mitigations/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body,
      }),
    onSettled: refresh,
  });
}

export function useDeleteMitigation(mergerId: string, riskId: string) {
  const refresh = useRefreshRisks(mergerId);
  return useMutation({
    mutationFn: (mitigation: { id: string; version: number }) =>
      apiRequest<void>(
        `${merger(mergerId)}/risks/${encodeURIComponent(riskId)}/mitigations/${encodeURIComponent(mitigation.id)}?version=${mitigation.version}`,
        { method: 'DELETE' },
      ),
    onSettled: refresh,
  });
}

export function useDismissSuggestion(mergerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => apiRequest<RiskSuggestions>(`${merger(mergerId)}/risk-suggestions/dismissals`, { method: 'POST', body: { key } }),
    onSuccess: (next) => queryClient.setQueryData(riskKeys.suggestions(mergerId), next),
  });
}

export function usePreviewMatrix(mergerId: string) {
  return useMutation({
    mutationFn: (body: { matrix: RiskMatrix; mapping?: MatrixMapping }) =>
      apiRequest<MatrixPreview>(`${merger(mergerId)}/risk-matrix/preview`, { method: 'POST', body }),
  });
}

export function useSaveMatrix(mergerId: string) {
  const refresh = useRefreshRisks(mergerId);
  return useMutation({
    mutationFn: (body: { matrix: RiskMatrix; mapping?: MatrixMapping; version: number }) =>
      apiRequest<RiskMatrixResponse>(`${merger(mergerId)}/risk-matrix`, { method: 'PUT', body }),
    onSuccess: refresh,
  });
}

export function riskRegisterUrl(mergerId: string): string {
  return apiUrl(`${merger(mergerId)}/risk-register.xlsx`);
}
