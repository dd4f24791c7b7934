import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queryKeys } from '../api/query-keys';
import { useApi } from '../app/ServicesContext';
import { useSessionUser } from '../pages/underwriting/session';

/**
 * Issue 15 (names beside every id): enterprises' names from the register for the USCCs a page shows (an
 * insurer's complaint inbox, the regulators' escalated complaints, a complaint's facts) — the insurer through
 * its register look-up (REG-1), a regulator through its own register; one cached request per USCC, a USCC the
 * register does not know stays bare. An enterprise reads its own records and needs none.
 */
export function useEnterpriseNames(usccs: readonly string[]): (uscc: string) => string | undefined {
  const api = useApi();
  const user = useSessionUser();
  const via = user?.tenantId ? 'insurer' : user?.agency ? 'regulator' : undefined;
  const distinct = useMemo(() => [...new Set(usccs)].sort(), [usccs]);
  const answers = useQueries({
    queries: distinct.map((uscc) => ({
      queryKey: [...queryKeys.register, 'enterprise-name', uscc],
      queryFn: ({ signal }: { signal: AbortSignal }) => (via === 'insurer' ? api.policies.lookUpEnterprise(uscc, signal) : api.register.getEnterprise(uscc, signal)),
      enabled: via !== undefined,
      retry: false,
      staleTime: 10 * 60_000,
    })),
  });
  const names = answers.map((answer) => answer.data?.name ?? '').join('\u0000');
  return useMemo(() => {
    const byUscc = new Map(distinct.map((uscc, index) => [uscc, names.split('\u0000')[index] || undefined]));
    return (uscc: string) => byUscc.get(uscc);
  }, [distinct, names]);
}
