import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotent, newIdempotencyKey, ok } from '../../api';
import type { BodyOf, ResponseOf } from '../../api';
import { useApi } from '../../app/ServicesContext';

export type NotificationPage = ResponseOf<'/api/v1/me/notifications', 'get'>;
export type ConsoleNotification = NotificationPage['items'][number];
export type NotificationKind = ConsoleNotification['kind'];
export type NotificationPreferences = ResponseOf<'/api/v1/me/notification-preferences', 'get'>;
export type PreferencesRequest = BodyOf<'/api/v1/me/notification-preferences', 'put'>;

export const NOTIFICATION_KINDS: readonly NotificationKind[] = ['REMINDER_DUE', 'REMINDER_OVERDUE', 'COMPLAINT', 'SERVICE', 'SUPERVISION', 'MONITORING', 'WEBHOOK'];

/** The caller's inbox: one prefix, so a mark-read refreshes the bell and the list together. */
const INBOX = ['notifications'] as const;
const PAGE = 20;
/** The bell asks again every minute and whenever the window regains focus: a reminder shows without a reload. */
export const BELL_REFETCH_MS = 60_000;

/** The unread count of the bell (one small page; the count is the whole inbox's). */
export function useUnreadCount() {
  const api = useApi();
  return useQuery({
    queryKey: [...INBOX, 'unread'],
    queryFn: async ({ signal }) => (await ok(api.client.GET('/api/v1/me/notifications', { params: { query: { limit: 1 } }, signal }))).unread,
    refetchInterval: BELL_REFETCH_MS,
    refetchOnWindowFocus: true,
  });
}

/** The inbox, newest first, page after page. */
export function useInbox() {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: [...INBOX, 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      ok(api.client.GET('/api/v1/me/notifications', { params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    getNextPageParam: (last) => last.nextCursor,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) =>
      ok(api.client.POST('/api/v1/me/notifications/{notificationId}/read', { params: { path: { notificationId } }, headers: idempotent(newIdempotencyKey()) })),
    onSuccess: () => client.invalidateQueries({ queryKey: INBOX }),
  });
}

export function useMarkAllRead() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.client.POST('/api/v1/me/notifications/read-all', { headers: idempotent(newIdempotencyKey()) })),
    onSuccess: () => client.invalidateQueries({ queryKey: INBOX }),
  });
}

export function usePreferences() {
  const api = useApi();
  return useQuery({
    queryKey: [...INBOX, 'preferences'],
    queryFn: ({ signal }) => ok(api.client.GET('/api/v1/me/notification-preferences', { signal })),
  });
}

export function useSavePreferences() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesRequest) => ok(api.client.PUT('/api/v1/me/notification-preferences', { body })),
    onSuccess: (saved) => client.setQueryData([...INBOX, 'preferences'], saved),
  });
}
