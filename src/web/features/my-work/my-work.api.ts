import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedMyCalendarFeed, MyCalendarFeed, MyWork, MyWorkQuery } from '#shared/contracts/my-work.ts';
import { apiRequest } from '#web/lib/api-client.ts';

export const myWorkKeys = {
  all: () => ['me', 'work'] as const,
  list: (query: MyWorkQuery) => [...myWorkKeys.all(), query] as const,
  feed: () => ['me', 'calendar-feed'] as const,
};

export const myWorkQuery = (query: MyWorkQuery) =>
  queryOptions({
    queryKey: myWorkKeys.list(query),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams();
      if (query.mergerId) search.set('mergerId', query.mergerId);
      if (query.status) search.set('status', query.status);
      if (query.kind) search.set('kind', query.kind);
      const text = search.toString();
      return apiRequest<MyWork>(`/me/tasks${text ? `?${text}` : ''}`, { signal });
    },
    // Assignments change in other people's hands: ask again whenever the page is opened.
    staleTime: 0,
  });

export function useMyWork(query: MyWorkQuery) {
  return useQuery({ ...myWorkQuery(query), placeholderData: (previous) => previous });
}

export function useMyCalendarFeed() {
  return useQuery({ queryKey: myWorkKeys.feed(), queryFn: ({ signal }) => apiRequest<MyCalendarFeed>('/me/calendar-feed', { signal }) });
}

export function useCreateMyCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<CreatedMyCalendarFeed>('/me/calendar-feed', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myWorkKeys.feed() }),
  });
}

export function useDeleteMyCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/me/calendar-feed', { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myWorkKeys.feed() }),
  });
}
