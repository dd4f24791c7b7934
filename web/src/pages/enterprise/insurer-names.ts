import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { useMemo } from 'react';
import type { Api } from '../../api';
import type { InsurerSummary } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useSessionUser } from '../underwriting/session';

type Insurers = { readonly items: readonly InsurerSummary[] };

/** How long the list of insurers is reused between pages: insurers are onboarded rarely. */
const REUSE_MS = 5 * 60_000;
const cache = new WeakMap<Api, Map<string, { readonly at: number; readonly answer: Promise<Insurers> }>>();

/**
 * The platform's insurers, fetched once for a signed-in user and reused by the next pages for a while, so
 * 我的保单 and 我的投诉 show insurer names at once instead of ids while the list loads again.
 */
function insurersFor(api: Api, userId: string): Promise<Insurers> {
  const byUser = cache.get(api) ?? new Map<string, { at: number; answer: Promise<Insurers> }>();
  cache.set(api, byUser);
  const kept = byUser.get(userId);
  if (kept && Date.now() - kept.at < REUSE_MS) return kept.answer;
  const answer = api.myComplaints.insurers();
  byUser.set(userId, { at: Date.now(), answer });
  answer.catch(() => byUser.delete(userId));
  return answer;
}

/**
 * The insurers an enterprise deals with (`/me/insurers`), and a lookup of their branch names by tenant id;
 * `enabled: false` on pages other audiences share (the lookup then answers the id).
 */
export function useMyInsurers({ enabled = true }: { readonly enabled?: boolean } = {}): { readonly insurers: readonly InsurerSummary[]; readonly nameOf: (tenantId: string) => string; readonly loading: boolean; readonly error: unknown; readonly reload: () => void } {
  const api = useApi();
  const userId = useSessionUser()?.id ?? '';
  const query = useQuery({ queryKey: [...queryKeys.complaints, `me:insurers:${userId}`], queryFn: () => insurersFor(api, userId), enabled });
  const insurers = useMemo(() => query.data?.items ?? [], [query.data]);
  const nameOf = useMemo(() => {
    const names = new Map(insurers.map((insurer) => [insurer.id, insurer.branchName || insurer.name]));
    return (tenantId: string) => names.get(tenantId) ?? tenantId;
  }, [insurers]);
  return { insurers, nameOf, loading: query.isFetching, error: query.error, reload: () => void query.refetch() };
}
