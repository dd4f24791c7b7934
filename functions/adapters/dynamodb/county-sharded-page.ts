import { XINZHOU_AREAS } from '../../../domain/kernel/area.js';
import { ValidationFailed } from '../../../domain/kernel/errors.js';
import { decodeCursor, encodeCursor, type SortKeyCondition } from './cursor.js';
import type { Page, Store } from './store.js';

/**
 * The shard of a regulator view for records whose enterprise's county is unknown (a complaint filed without
 * one, an organisation's sync record): never an area code nor the city-wide tag `ALL`, so no county EMB's
 * session reaches it (ACL-4) and the city-wide ones read it like any county's partition.
 */
export const NO_COUNTY = 'NONE';

/** The counties a city-wide view reads, one partition each (SCOPE-5's areas). */
export const VIEW_COUNTIES: readonly string[] = XINZHOU_AREAS.map((area) => area.code as string);

type Filter = Parameters<Store['page']>[0]['filter'];

export interface CountyShardedQuery {
  /** The view's key prefix (`REG#HAZARD`): a city-wide cursor is bound to `<view>#*`, no partition of its own. */
  readonly view: string;
  readonly index?: 'GSI1' | 'GSI2' | 'GSI3' | 'GSI4';
  /** The partition of one county's shard (keys.ts). */
  readonly partitionOf: (county: string) => string;
  /** One county's partition only (a county EMB's, or the one a city-wide caller names). */
  readonly county?: string;
  /** Besides the counties, the shards a city-wide listing reads (e.g. {@link NO_COUNTY}). */
  readonly extraShards?: readonly string[];
  readonly limit: number;
  readonly cursor?: string;
  readonly withTotal?: boolean;
  readonly newestFirst?: boolean;
  readonly sortKey?: SortKeyCondition;
  readonly filter?: Filter;
}

/**
 * ACL-4 (issue 21): one page of a regulator view keyed by county (`<view>#<county>`), read through the regulator
 * session of the caller's scope. With a county: that county's partition alone (a county EMB's session can reach
 * no other: IAM refuses). Without: county by county, in the order the one partition sorted by `<county>#…` used
 * to give (descending when newest first), the cursor naming the shard it stopped in and the shard's own cursor —
 * sealed like any cursor, so it cannot be steered to a shard the listing did not reach. The total is the sum of
 * every shard's count.
 */
export async function countyShardedPage<T>(store: Store, query: CountyShardedQuery): Promise<Page<T>> {
  const shard = (county: string, limit: number, cursor: string | undefined, withTotal: boolean) =>
    store.page<T>({
      index: query.index,
      partition: query.partitionOf(county),
      limit,
      cursor,
      withTotal,
      newestFirst: query.newestFirst,
      sortKey: query.sortKey,
      filter: query.filter,
    });
  // A cursor from another county (or forged) is refused by the store as one this listing did not issue (400).
  if (query.county !== undefined) return shard(query.county, query.limit, query.cursor, query.withTotal === true && !query.cursor);

  const order = [...VIEW_COUNTIES, ...(query.extraShards ?? [])].sort();
  if (query.newestFirst) order.reverse();
  const bound = { name: 'view', value: `${query.view}#*` } as const;
  let from = 0;
  let inner: string | undefined;
  if (query.cursor) {
    const at = decodeCursor(query.cursor, bound) ?? {};
    from = order.indexOf(at.county ?? '');
    if (from < 0) throw new ValidationFailed([{ field: 'cursor', message: 'cursor is not one this listing issued' }]);
    inner = at.inner === '' ? undefined : at.inner;
  }
  const total =
    query.withTotal === true && !query.cursor
      ? Promise.all(
          order.map((county) => store.count({ index: query.index, partition: query.partitionOf(county), sortKey: query.sortKey, filter: query.filter })),
        ).then((counts) => counts.reduce((sum, count) => sum + count, 0))
      : undefined;
  total?.catch(() => undefined);
  const items: T[] = [];
  let nextCursor: string | undefined;
  for (let index = from; index < order.length; index += 1) {
    const county = order[index] as string;
    const page = await shard(county, query.limit - items.length, inner, false);
    inner = undefined;
    items.push(...page.items);
    const next = page.nextCursor ? { county, inner: page.nextCursor } : items.length >= query.limit ? { county: order[index + 1], inner: '' } : undefined;
    if (next) {
      nextCursor = next.county === undefined ? undefined : encodeCursor({ view: bound.value, county: next.county, inner: next.inner }, bound);
      break;
    }
  }
  return { items, ...(nextCursor ? { nextCursor } : {}), ...(total ? { total: await total } : {}) };
}
