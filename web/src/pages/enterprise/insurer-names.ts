import { useMemo } from 'react';
import type { InsurerSummary } from '../../api/types';
import { useApi } from '../../app/ServicesContext';
import { useApiQuery } from '../../kit';

/** The insurers an enterprise can complain about, and a lookup of their branch names by tenant id. */
export function useMyInsurers(): { readonly insurers: readonly InsurerSummary[]; readonly nameOf: (tenantId: string) => string; readonly loading: boolean; readonly error: unknown; readonly reload: () => void } {
  const api = useApi();
  const query = useApiQuery('me:insurers', (signal) => api.myComplaints.insurers(signal));
  const insurers = useMemo(() => query.data?.items ?? [], [query.data]);
  const nameOf = useMemo(() => {
    const names = new Map(insurers.map((insurer) => [insurer.id, insurer.branchName || insurer.name]));
    return (tenantId: string) => names.get(tenantId) ?? tenantId;
  }, [insurers]);
  return { insurers, nameOf, loading: query.loading, error: query.error, reload: query.reload };
}
