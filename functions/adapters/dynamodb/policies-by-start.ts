import { addDays, type LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { keys } from './keys.js';
import type { Store } from './store.js';

/**
 * The tenant's led policies from GSI4 (`<periodStart>#<id>`), newest start first from `through`, a page of 100 at a
 * time. The caller stops at the first policy starting before its window: the key range then costs the policies in
 * it and at most one page more, as a BETWEEN would (SVC-2/4/11 reminders, the cross-policy obligations list).
 */
export async function* policiesStartedThrough(store: Store, tenantId: string, through: LocalDate): AsyncGenerator<Record<string, unknown>> {
  let cursor: string | undefined;
  do {
    const page = await store.page<Record<string, unknown>>({
      index: 'GSI4',
      partition: keys.policiesByStart(tenantId),
      sortKey: { lessThan: addDays(through, 1) },
      newestFirst: true,
      limit: 100,
      cursor,
    });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
