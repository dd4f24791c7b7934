import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queryKeys } from '../api/query-keys';
import { useApi } from '../app/ServicesContext';
import { useSessionUser } from '../pages/underwriting/session';

/** A user's name from the organisation's list, else undefined (another organisation's user, or not loaded yet). */
export function colleagueNameOf(names: readonly { readonly id: string; readonly displayName: string }[], userId: string): string | undefined {
  return names.find((user) => user.id === userId)?.displayName;
}

/**
 * Issue 15 (names beside every id): who recorded a ledger entry or a service record, by name — the signed-in
 * insurer user's own organisation's names (`GET /user-names`). Other readers (an enterprise, a regulator reading
 * an insurer's records) get undefined and show the record without the insurer's internal user id.
 */
export function useColleagueNames(): { readonly nameOf: (userId: string) => string | undefined; readonly own: boolean } {
  const api = useApi();
  const user = useSessionUser();
  const own = Boolean(user?.tenantId);
  const query = useQuery({ queryKey: [...queryKeys.users, 'names'], queryFn: ({ signal }) => api.users.names(signal), enabled: own, staleTime: 5 * 60_000 });
  const nameOf = useMemo(() => {
    const names = query.data?.items ?? [];
    return (userId: string) => (userId === user?.id ? user.displayName : colleagueNameOf(names, userId));
  }, [query.data, user]);
  return { nameOf, own };
}
