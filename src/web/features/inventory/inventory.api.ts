import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InventoryKindKey, SideBySide, SolutionAreaView } from '#shared/contracts/inventory.ts';
import { csvContentType, xlsxContentType, type ImportResult } from '#shared/contracts/inventory-import.ts';
import { apiRequest, apiUrl } from '#web/lib/api-client.ts';
import { freshForThisVisitMs } from '#web/lib/prefetch.ts';
import { importSearch, type ImportRequest } from './import-outcome.ts';
import { apiSegment, kindSpecs, listQuery, type RegisterFilters } from './inventory-kinds.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';

/** An item of any kind, as the generic register and form see it. */
export type AnyItem = Record<string, unknown> & { id: string; municipalityNumber: string; version: number; updatedAt: string };

const base = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}/inventory`;
const collection = (mergerId: string, kind: InventoryKindKey) => `${base(mergerId)}/${apiSegment(kind)}`;

export const inventoryKeys = {
  all: (mergerId: string) => [...mergerKeys.detail(mergerId), 'inventory'] as const,
  list: (mergerId: string, kind: InventoryKindKey, query: string) => [...mergerKeys.detail(mergerId), 'inventory', kind, 'list', query] as const,
  item: (mergerId: string, kind: InventoryKindKey, itemId: string) => [...mergerKeys.detail(mergerId), 'inventory', kind, 'one', itemId] as const,
  /** The library's lists, the same for every merger. */
  solutionAreas: () => ['solution-areas'] as const,
  commonSolutions: () => ['common-solutions'] as const,
  sideBySide: (mergerId: string) => [...mergerKeys.detail(mergerId), 'inventory', 'side-by-side'] as const,
};

export function inventoryListQuery(mergerId: string, kind: InventoryKindKey, filters: RegisterFilters) {
  const query = listQuery(kindSpecs[kind], filters);
  return queryOptions({
    queryKey: inventoryKeys.list(mergerId, kind, query),
    queryFn: ({ signal }) => apiRequest<{ items: AnyItem[]; total: number }>(`${collection(mergerId, kind)}?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInventoryList(mergerId: string, kind: InventoryKindKey, filters: RegisterFilters) {
  return useQuery(inventoryListQuery(mergerId, kind, filters));
}

/** Systems of one municipality matching a search, for the system pickers. */
export function useSystemSearch(mergerId: string, municipality: string, q: string) {
  const params = new URLSearchParams({ limit: '50', sort: 'name', municipality });
  if (q.trim() !== '') params.set('q', q.trim());
  const query = params.toString();
  return useQuery({
    queryKey: inventoryKeys.list(mergerId, 'systems', query),
    queryFn: ({ signal }) => apiRequest<{ items: AnyItem[]; total: number }>(`${collection(mergerId, 'systems')}?${query}`, { signal }),
    enabled: municipality !== '',
    placeholderData: keepPreviousData,
  });
}

export const inventoryItemQuery = (mergerId: string, kind: InventoryKindKey, itemId: string) =>
  queryOptions({
    queryKey: inventoryKeys.item(mergerId, kind, itemId),
    queryFn: ({ signal }) => apiRequest<AnyItem>(`${collection(mergerId, kind)}/${encodeURIComponent(itemId)}`, { signal }),
    staleTime: freshForThisVisitMs,
  });

export function useInventoryItem(mergerId: string, kind: InventoryKindKey, itemId: string, enabled = true) {
  return useQuery({ ...inventoryItemQuery(mergerId, kind, itemId), enabled });
}

function useRefresh(mergerId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: inventoryKeys.all(mergerId) });
}

export function useSaveItem(mergerId: string, kind: InventoryKindKey, itemId: string | undefined) {
  const refresh = useRefresh(mergerId);
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      itemId
        ? apiRequest<AnyItem>(`${collection(mergerId, kind)}/${encodeURIComponent(itemId)}`, { method: 'PATCH', body })
        : apiRequest<AnyItem>(collection(mergerId, kind), { method: 'POST', body }),
    onSuccess: () => refresh(),
  });
}

export function useDeleteItem(mergerId: string, kind: InventoryKindKey) {
  const refresh = useRefresh(mergerId);
  return useMutation({
    mutationFn: ({ itemId, version }: { itemId: string; version: number }) =>
      apiRequest<unknown>(`${collection(mergerId, kind)}/${encodeURIComponent(itemId)}?version=${version}`, { method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
}

export const solutionAreasQuery = () =>
  queryOptions({
    queryKey: inventoryKeys.solutionAreas(),
    queryFn: ({ signal }) => apiRequest<{ solutionAreas: SolutionAreaView[] }>('/solution-areas', { signal }).then((body) => body.solutionAreas),
    staleTime: Infinity,
  });

export function useSolutionAreas() {
  return useQuery(solutionAreasQuery());
}

export interface CommonSolution {
  id: string;
  name: string;
  shortName: string | null;
  owner: string;
  sector: string;
}

export function useCommonSolutions() {
  return useQuery({
    queryKey: inventoryKeys.commonSolutions(),
    queryFn: ({ signal }) => apiRequest<{ commonSolutions: CommonSolution[] }>('/common-solutions', { signal }).then((body) => body.commonSolutions),
    staleTime: Infinity,
  });
}

export const sideBySideQuery = (mergerId: string) =>
  queryOptions({
    queryKey: inventoryKeys.sideBySide(mergerId),
    queryFn: ({ signal }) => apiRequest<SideBySide>(`${base(mergerId)}/side-by-side`, { signal }),
  });

export function useSideBySide(mergerId: string) {
  return useQuery(sideBySideQuery(mergerId));
}

export function useImport(mergerId: string) {
  const refresh = useRefresh(mergerId);
  return useMutation({
    mutationFn: ({ file, ...request }: Omit<ImportRequest, 'csv'> & { file: File }) => {
      const csv = file.name.toLowerCase().endsWith('.csv');
      return apiRequest<ImportResult>(`${base(mergerId)}/import?${importSearch({ ...request, csv })}`, {
        method: 'POST',
        rawBody: { data: file, contentType: csv ? csvContentType : xlsxContentType },
      });
    },
    onSuccess: (result) => {
      if (result.committed) void refresh();
    },
  });
}

export const templateUrl = (mergerId: string) => apiUrl(`${base(mergerId)}/template.xlsx`);
export const exportXlsxUrl = (mergerId: string) => apiUrl(`${base(mergerId)}/export.xlsx`);
export const exportCsvUrl = (mergerId: string, kind: InventoryKindKey) => apiUrl(`${collection(mergerId, kind)}/export.csv`);
