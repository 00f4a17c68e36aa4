import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { NotificationDto, NotificationPage } from '@cppcc/shared';
import { api } from './client';

/** A notification and a page of them, as the server's response schemas (packages/shared) define them. */
export type NotificationItem = NotificationDto;
export type { NotificationPage };

const key = ['notifications'];

// The home page shows an unread count too.
const refresh = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: key }),
    queryClient.invalidateQueries({ queryKey: ['home'] }),
  ]);

export function useNotifications(
  params: { unreadOnly?: boolean; page?: number; pageSize?: number },
  poll = false,
) {
  return useQuery({
    queryKey: [...key, params],
    queryFn: () =>
      api<NotificationPage>('/api/notifications', {
        query: {
          unreadOnly: params.unreadOnly ? 'true' : undefined,
          page: params.page,
          pageSize: params.pageSize,
        },
      }),
    placeholderData: keepPreviousData,
    // The bell polls so that new tasks show up without a reload; background failures stay quiet.
    refetchInterval: poll ? 60_000 : false,
    meta: poll ? { silent: true } : undefined,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => refresh(queryClient),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => refresh(queryClient),
  });
}
