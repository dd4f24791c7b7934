/** What every item of the one table carries besides its entity: its key, its item kind and its index entries. */
const STORAGE_ATTRIBUTES = ['PK', 'SK', 'kind', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'GSI4PK', 'GSI4SK'] as const;

/**
 * The entity a stored item holds: the item without its storage attributes and without `extra` bookkeeping
 * attributes of its own (a projection counter, a sweep's mark). The item was written from the domain value by
 * the same adapter, so it is that value again; no schema parse on the read path (a listing reads hundreds).
 *
 * @example const complaint = entityOf<Complaint>(item, ['overdueNotifiedOn']);
 */
export function entityOf<T>(item: Readonly<Record<string, unknown>>, extra: readonly string[] = []): T {
  const copy: Record<string, unknown> = { ...item };
  for (const attribute of STORAGE_ATTRIBUTES) delete copy[attribute];
  for (const attribute of extra) delete copy[attribute];
  return copy as T;
}
