/**
 * The TanStack Query keys of the console's server data, one prefix per bounded context: a change in a
 * context invalidates that prefix (`queryClient.invalidateQueries({ queryKey: queryKeys.complaints })`), which
 * refetches its lists (keyed by the list's path, filters, page size and cursor in {@link DataTable}) and its
 * detail pages (keyed by the prefix, a name and the id).
 *
 * @example useQuery({ queryKey: [...queryKeys.complaints, 'detail', id], queryFn: ({ signal }) => api.complaints.get(id, signal) })
 */
export const queryKeys = {
  platform: ['platform'],
  users: ['users'],
  complaints: ['complaints'],
  underwriting: ['underwriting'],
  register: ['register'],
  fees: ['fees'],
  services: ['services'],
  providers: ['providers'],
  supervision: ['supervision'],
  monitoring: ['monitoring'],
  claims: ['claims'],
  reports: ['reports'],
  evaluations: ['evaluations'],
} as const satisfies Record<string, readonly [string]>;

export type QueryContext = keyof typeof queryKeys;
