import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeed, ContractDeadlines, CreatedCalendarFeed } from '#shared/contracts/contract-deadlines.ts';
import { apiRequest, apiUrl } from '#web/lib/api-client.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';

const base = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}/contract-deadlines`;

export const contractDeadlineKeys = {
  list: (mergerId: string) => [...mergerKeys.detail(mergerId), 'contract-deadlines'] as const,
  feed: (mergerId: string) => [...mergerKeys.detail(mergerId), 'calendar-feed'] as const,
};

const feedPath = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}/calendar-feed`;

/** Whether the merger has a secret calendar address (never the address itself). */
export function useCalendarFeed(mergerId: string) {
  return useQuery({
    queryKey: contractDeadlineKeys.feed(mergerId),
    queryFn: ({ signal }) => apiRequest<CalendarFeed>(feedPath(mergerId), { signal }),
  });
}

/** Makes a new address (replacing any old one); the answer is the only time it is shown. */
export function useCreateCalendarFeed(mergerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<CreatedCalendarFeed>(feedPath(mergerId), { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: contractDeadlineKeys.feed(mergerId) }),
  });
}

export function useDeleteCalendarFeed(mergerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(feedPath(mergerId), { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: contractDeadlineKeys.feed(mergerId) }),
  });
}

/** Every contract with what must happen and by when, sorted by deadline (the API's order). */
export const contractDeadlinesQuery = (mergerId: string) =>
  queryOptions({
    queryKey: contractDeadlineKeys.list(mergerId),
    queryFn: ({ signal }) => apiRequest<ContractDeadlines>(base(mergerId), { signal }),
  });

export function useContractDeadlines(mergerId: string) {
  return useQuery(contractDeadlinesQuery(mergerId));
}

/** The deadlines as an iCalendar file, for a link the browser downloads itself. */
export const contractDeadlinesIcsUrl = (mergerId: string) => apiUrl(`${base(mergerId)}.ics`);

/** Every deadline and milestone of the merger as an iCalendar file. */
export const mergerCalendarUrl = (mergerId: string) => apiUrl(`/mergers/${encodeURIComponent(mergerId)}/calendar.ics`);
