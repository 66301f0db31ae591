import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationList, UnreadCount } from '#shared/contracts/notifications.ts';
import { apiRequest } from '#web/lib/api-client.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  list: (filters: { unreadOnly: boolean; limit: number }) => [...notificationKeys.all, 'list', filters] as const,
};

/** The header's count: asked on every page, so it is kept a while and refreshed in the background. */
export const unreadCountQuery = () =>
  queryOptions({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => apiRequest<UnreadCount>('/me/notifications/unread-count', { signal }).then((body) => body.unread),
    staleTime: 30_000,
    refetchInterval: 120_000,
  });

export function useUnreadCount(enabled: boolean) {
  return useQuery({ ...unreadCountQuery(), enabled });
}

export const notificationsQuery = (filters: { unreadOnly: boolean; limit: number }) =>
  queryOptions({
    queryKey: notificationKeys.list(filters),
    queryFn: ({ signal }) =>
      apiRequest<NotificationList>(
        `/me/notifications?${new URLSearchParams({ limit: String(filters.limit), ...(filters.unreadOnly ? { unread: 'true' } : {}) })}`,
        {
          signal,
        },
      ),
    // «Vis flere» keeps what is shown while the longer list loads.
    placeholderData: keepPreviousData,
  });

export function useNotifications(filters: { unreadOnly: boolean; limit: number }) {
  return useQuery(notificationsQuery(filters));
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (notificationId: string) => apiRequest<void>(`/me/notifications/${encodeURIComponent(notificationId)}/read`, { method: 'POST' }),
    onSettled: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => apiRequest<{ marked: number }>('/me/notifications/read-all', { method: 'POST' }),
    onSuccess: refresh,
  });
}
