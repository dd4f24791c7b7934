import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { useMemo } from 'react';
import type { Expert, ServiceOrg } from '../../api';
import { useApi } from '../../app/ServicesContext';

/** The registers are small (tens of organisations, a few hundred experts): one page of each is offered. */
const CHOICES = 100;

export interface ProviderChoices {
  /** REG-2 organisations ACTIVE today (SVC-6: the server also checks validity on the service day). */
  readonly orgs: readonly ServiceOrg[];
  /** REG-3 experts in the pool (ACTIVE). */
  readonly experts: readonly Expert[];
  readonly loading: boolean;
  readonly expertName: (id: string) => string;
}

/** What an insurer may name on a service or a plan line (SVC-6): registered organisations and pool experts. */
export function useProviderChoices(): ProviderChoices {
  const api = useApi();
  const orgs = useQuery({ queryKey: [...queryKeys.providers, 'providers:orgs:ACTIVE'], queryFn: ({ signal }) => api.providers.listOrgs({ limit: CHOICES, status: 'ACTIVE' }, signal) });
  const experts = useQuery({ queryKey: [...queryKeys.providers, 'providers:experts'], queryFn: ({ signal }) => api.providers.listExperts({ limit: CHOICES }, signal) });
  return useMemo(() => {
    const pool = (experts.data?.items ?? []).filter((expert) => expert.status === 'ACTIVE');
    const names = new Map((experts.data?.items ?? []).map((expert) => [expert.id, expert.name]));
    return {
      orgs: (orgs.data?.items ?? []).filter((org) => org.status === 'ACTIVE'),
      experts: pool,
      loading: orgs.isFetching || experts.isFetching,
      expertName: (id: string) => names.get(id) ?? id,
    };
  }, [orgs.data, orgs.isFetching, experts.data, experts.isFetching]);
}

export const orgOption = (org: ServiceOrg) => ({ value: org.id, label: `${org.name}（${org.registrationNumber}）` });
export const expertOption = (expert: Expert) => ({
  value: expert.id,
  label: expert.specialties.length > 0 ? `${expert.name}（${expert.specialties.join('、')}）` : expert.name,
});
