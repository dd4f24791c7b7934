import { useQuery } from '@tanstack/react-query';
import { ok, type Api, type ResponseOf } from '../../../api';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';

/** Issue 14: the insurer's workbench as `GET /workbench` answers it. */
export type Workbench = ResponseOf<'/api/v1/workbench', 'get'>;
export type WorkbenchToDo = Workbench['followUps'];
export type WorkbenchItem = WorkbenchToDo['items'][number];

export const workbenchQueryKey = [...queryKeys.supervision, '/api/v1/workbench'] as const;

export const readWorkbench = (api: Api, signal?: AbortSignal): Promise<Workbench> => ok(api.client.GET('/api/v1/workbench', { signal }));

/**
 * The workbench, one cache entry shared by the page and the menu badges: read again whenever the page opens
 * (the to-dos change with work done on other pages) and each few minutes for the badges.
 */
export function useWorkbench(enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: workbenchQueryKey, queryFn: ({ signal }) => readWorkbench(api, signal), enabled, refetchInterval: 5 * 60_000 });
}

/** Where each to-do is done: the existing pages, never a typed id. */
export const workbenchPaths = {
  service: (id: string) => `/insurer/services/${id}`,
  complaint: (id: string) => `/insurer/complaints/${id}`,
  hazards: (major: boolean) => (major ? '/insurer/hazards?grade=MAJOR' : '/insurer/hazards'),
  plan: (policyId: string) => `/insurer/obligations?policyId=${encodeURIComponent(policyId)}`,
  notices: '/insurer/notices?status=ISSUED',
  services: '/insurer/services',
  complaints: '/insurer/complaints',
  obligations: '/insurer/obligations',
  fees: '/insurer/fees',
} as const;

/**
 * Menu badges (issue 14): the open 督办 to answer and the overdue items, on the menu entries where they are
 * done — from the same workbench read (insurer roles only; other roles read nothing).
 */
export function useWorkbenchBadges(enabled: boolean): Readonly<Record<string, number>> {
  const bench = useWorkbench(enabled).data;
  if (!enabled || !bench) return {};
  return {
    '/insurer/notices': bench.notices.issued,
    '/insurer/services': bench.followUps.overdue + bench.archives.overdue,
    '/insurer/hazards': bench.hazards.overdue,
    '/insurer/complaints': bench.complaints.overdue,
  };
}
