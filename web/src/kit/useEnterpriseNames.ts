import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queryKeys } from '../api/query-keys';
import { useApi } from '../app/ServicesContext';
import { useSessionUser } from '../pages/underwriting/session';

/**
 * Issue 15 (names beside every id): enterprises' names from the register for the USCCs a page shows (an
 * insurer's complaint inbox, the regulators' escalated complaints, a complaint's facts), through
 * `GET /register/enterprise-names` (insurers and regulators; a county EMB its county): one cached request per
 * set of USCCs; a USCC the register does not know stays bare. An enterprise reads its own records and needs none.
 */
export function useEnterpriseNames(usccs: readonly string[]): (uscc: string) => string | undefined {
  const api = useApi();
  const user = useSessionUser();
  const enabled = Boolean(user?.tenantId || user?.agency);
  const distinct = useMemo(() => [...new Set(usccs)].filter((uscc) => /^[0-9A-Z]{18}$/.test(uscc)).sort(), [usccs]);
  const answer = useQuery({
    queryKey: [...queryKeys.register, 'enterprise-names', distinct.join(',')],
    queryFn: ({ signal }) => api.register.enterpriseNames(distinct, signal),
    enabled: enabled && distinct.length > 0 && distinct.length <= 50,
    retry: false,
    staleTime: 10 * 60_000,
  });
  return useMemo(() => {
    const byUscc = new Map((answer.data?.items ?? []).map((item) => [item.uscc, item.name]));
    return (uscc: string) => byUscc.get(uscc);
  }, [answer.data]);
}
