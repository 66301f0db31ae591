import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IssuedReport, IssueReportBody, ReportList } from '#shared/contracts/reports.ts';
import { apiRequest, apiUrl } from '#web/lib/api-client.ts';
import { freshForThisVisitMs } from '#web/lib/prefetch.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';

const base = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}/reports`;

export const reportKeys = {
  issued: (mergerId: string) => [...mergerKeys.detail(mergerId), 'reports', 'issued'] as const,
};

export const issuedReportsQuery = (mergerId: string) =>
  queryOptions({
    queryKey: reportKeys.issued(mergerId),
    queryFn: ({ signal }) => apiRequest<ReportList>(base(mergerId), { signal }),
    // Another project leader may have issued one since: ask anew on every visit.
    staleTime: freshForThisVisitMs,
  });

export function useIssuedReports(mergerId: string) {
  return useQuery(issuedReportsQuery(mergerId));
}

/** Issues a report; the list and the next period change, and history has a new entry. */
export function useIssueReport(mergerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueReportBody) => apiRequest<IssuedReport>(base(mergerId), { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: mergerKeys.detail(mergerId) });
    },
  });
}

/** An issued report's PDF, exactly as issued. */
export const issuedReportUrl = (mergerId: string, reportId: string) => apiUrl(`${base(mergerId)}/${encodeURIComponent(reportId)}/pdf`);
