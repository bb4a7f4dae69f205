import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MarkAllRead,
  Notification,
  NotificationPage,
} from '../../../common/notifications/notifications.schema';
import { api } from '../api/client';
import { notificationKeys } from '../api/query-keys';

/** The caller's newest notifications and the unread count; asked again every few minutes. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => api<NotificationPage>('/api/notifications', { query: { pageSize: 10 }, signal }),
    refetchInterval: 5 * 60_000,
  });
}

/** A page of the inbox: all, or the unread only. */
export function useInbox(params: { page: number; unread: boolean }) {
  return useQuery({
    queryKey: notificationKeys.page(params),
    queryFn: ({ signal }) =>
      api<NotificationPage>('/api/notifications', {
        query: { page: params.page, pageSize: 20, unread: params.unread || undefined },
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<MarkAllRead>('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
