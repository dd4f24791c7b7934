import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';

export interface CoinsurerChoice {
  readonly id: string;
  readonly name: string;
  readonly branchName: string;
}

/** A co-insurer's name as the console shows it: the short branch name, else the legal one, else the id. */
export function coinsurerNameOf(insurers: readonly CoinsurerChoice[], tenantId: string): string | undefined {
  const insurer = insurers.find((candidate) => candidate.id === tenantId);
  return insurer ? insurer.branchName || insurer.name : undefined;
}

/**
 * UW-6 (issue 15): the other active insurers a lead may name as co-insurers (`GET /coinsurers`, names and ids
 * only) for the members picker, and their names beside the member ids of a co-insured policy.
 */
export function useCoinsurers({ enabled = true }: { readonly enabled?: boolean } = {}) {
  const api = useApi();
  const query = useQuery({
    queryKey: [...queryKeys.underwriting, 'coinsurers'],
    queryFn: ({ signal }) => api.policies.coinsurers(signal),
    enabled,
    staleTime: 5 * 60_000,
  });
  const insurers = useMemo<readonly CoinsurerChoice[]>(() => query.data?.items ?? [], [query.data]);
  const nameOf = useMemo(() => (tenantId: string) => coinsurerNameOf(insurers, tenantId), [insurers]);
  return { insurers, nameOf, loading: query.isFetching, error: query.error };
}
