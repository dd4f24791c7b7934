import { XINZHOU_AREAS, isXinzhouArea } from '../../../domain/kernel/area.js';
import { Conflict, StaleVersion, ValidationFailed } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import { registeredCountDeltas } from '../../../domain/register/register-entry.rules.js';
import type { RegisterChange, RegisterEntry, RegisteredCountDelta } from '../../../domain/register/register-entry.js';
import type { RegisterImport } from '../../../domain/register/register-import.js';
import type {
  AppliedImport,
  RegisteredCount,
  RegisterPage,
  RegisterQuery,
  RegisterRepository,
} from '../../../domain/register/register.repository.js';
import { keys } from './keys.js';
import { backoff, outboxOf, type Store, type Write } from './store.js';
import { entityOf } from './stored-item.js';

/** DynamoDB's limit of items in one TransactWriteItems. */
const MAX_TRANSACTION_ITEMS = 100;
/** How often a chunk that met a concurrent change is re-planned and retried before the import gives up. */
const MAX_REPLANS = 3;
/** Entries one Query of a name search evaluates (Store.page's `evaluate`). */
const SEARCH_EVALUATE = 500;
/** Queries one page of a city-wide name search may make: 16 counties and ~5,000 entries fit in about 26. */
const MAX_SEARCH_QUERIES = 30;

const totalOf = async (total: Promise<number> | undefined): Promise<{ total?: number }> =>
  total === undefined ? {} : { total: await total };

/** The entry carries its county listing (GSI1), so a county EMB's list is one key range of one partition. */
function toItem(entry: RegisterEntry): Record<string, unknown> & { PK: string; SK: string; version: number } {
  return {
    ...entry,
    ...keys.registerEntry(entry.uscc),
    kind: 'REGISTER_ENTRY',
    GSI1PK: keys.registerCountyListing(entry.county),
    GSI1SK: keys.registerCountySortKey(entry.industry, entry.uscc),
  };
}

function entryWrite(change: Exclude<RegisterChange, { kind: 'unchanged' }>): Write {
  const item = toItem(change.entry);
  return change.kind === 'created'
    ? { kind: 'create', item, onExists: () => new Conflict(`REG-1: enterprise ${change.entry.uscc} was registered meanwhile`, 'REG-1') }
    : { kind: 'update', item, expectedVersion: change.previous.version, entity: 'register entry' };
}

/** Counter deltas as `ADD`s: a counter item is created by its first delta, and never read to be written. */
function counterWrites(deltas: readonly RegisteredCountDelta[]): Write[] {
  return deltas.map((cell) => ({
    kind: 'add',
    key: keys.registerCounter(cell.county, cell.industry),
    add: { registered: cell.delta },
    set: { kind: 'REGISTER_COUNT', county: cell.county, industry: cell.industry },
  }));
}

type Written = Exclude<RegisterChange, { kind: 'unchanged' }>;
const written = (changes: readonly RegisterChange[]): Written[] =>
  changes.filter((change): change is Written => change.kind !== 'unchanged');

const cellOf = (entry: Pick<RegisterEntry, 'county' | 'industry'>): string => `${entry.county}#${entry.industry}`;

/** The counter cells a change moves: none for an update that stays in its county × industry. */
function cellsMovedBy(change: Written): string[] {
  if (change.kind === 'created') return [cellOf(change.entry)];
  const from = cellOf(change.previous);
  const to = cellOf(change.entry);
  return from === to ? [] : [from, to];
}

/**
 * An import's changes cut into transactions of at most 100 items: the entries plus one counter item per
 * county × industry they move. Sorted by county × industry first, so a transaction's entries share few
 * counters — about 99 entries per transaction, and ~53 transactions for 5,000 new entries.
 */
export function importTransactions(changes: readonly RegisterChange[]): Written[][] {
  const sorted = written(changes).sort((a, b) =>
    `${cellOf(a.entry)}#${a.entry.uscc}`.localeCompare(`${cellOf(b.entry)}#${b.entry.uscc}`),
  );
  const transactions: Written[][] = [];
  let current: Written[] = [];
  let cells = new Set<string>();
  for (const change of sorted) {
    const merged = new Set([...cells, ...cellsMovedBy(change)]);
    if (current.length > 0 && current.length + 1 + merged.size > MAX_TRANSACTION_ITEMS) {
      transactions.push(current);
      current = [];
      cells = new Set(cellsMovedBy(change));
    } else {
      cells = merged;
    }
    current.push(change);
  }
  if (current.length > 0) transactions.push(current);
  return transactions;
}

interface CityCursor {
  /** The area whose partition the page continues in. */
  readonly area: string;
  /** That partition's own cursor (from `Store.page`), absent at its start. */
  readonly inner?: string;
}

const encodeCityCursor = (cursor: CityCursor): string => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

function decodeCityCursor(cursor: string | undefined): CityCursor | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CityCursor>;
    if (typeof parsed.area === 'string' && isXinzhouArea(parsed.area) && (parsed.inner === undefined || typeof parsed.inner === 'string')) {
      return { area: parsed.area, ...(parsed.inner === undefined ? {} : { inner: parsed.inner }) };
    }
  } catch {
    // fall through: not a cursor this listing issued
  }
  throw new ValidationFailed([{ field: 'cursor', message: 'cursor is not one this listing issued' }]);
}

/**
 * The register (REG-1) over the one table. A single entry is one transaction: the entry, its counters and the
 * outbox event. A bulk import is a RUNNING record, then transactions of ~99 entries each with their counters,
 * then the DONE record with one event: see `functions/http/register/import-enterprises.ts` for why.
 */
export class DynamoRegisterRepository implements RegisterRepository {
  constructor(private readonly store: Store) {}

  async get(uscc: string): Promise<RegisterEntry | undefined> {
    const item = await this.store.get<Record<string, unknown>>(keys.registerEntry(uscc));
    return item ? entityOf<RegisterEntry>(item) : undefined;
  }

  async getMany(usccs: readonly string[]): Promise<Map<string, RegisterEntry>> {
    const items = await this.store.getMany<Record<string, unknown>>([...new Set(usccs)].map((uscc) => keys.registerEntry(uscc)));
    return new Map(items.map((item) => entityOf<RegisterEntry>(item)).map((entry) => [entry.uscc, entry]));
  }

  async list(query: RegisterQuery): Promise<RegisterPage> {
    const sortKey = query.industry ? { beginsWith: `${query.industry}#` } : undefined;
    // Issue 15: a name search is a contains-filter over the county partitions, each Query evaluating up to
    // SEARCH_EVALUATE entries (see Store.page's `evaluate`); the whole register is ~5,000 entries.
    const filter = query.name
      ? { FilterExpression: 'contains(#name, :name)', ExpressionAttributeNames: { '#name': 'name' }, ExpressionAttributeValues: { ':name': query.name } }
      : undefined;
    const evaluate = filter ? SEARCH_EVALUATE : undefined;
    const firstPage = query.withTotal === true && (query.cursor === undefined || query.cursor === '');
    const codes: readonly string[] = query.county !== undefined ? [query.county] : XINZHOU_AREAS.map((area) => area.code);
    const total = firstPage ? this.total(codes, query, sortKey, filter) : undefined;
    // Awaited after the page; until then a failure must not count as unhandled.
    total?.catch(() => undefined);
    if (query.county !== undefined) {
      const page = await this.store.page<Record<string, unknown>>({
        index: 'GSI1',
        partition: keys.registerCountyListing(query.county),
        sortKey,
        limit: query.limit,
        cursor: query.cursor,
        filter,
        evaluate,
      });
      return { items: page.items.map((item) => entityOf<RegisterEntry>(item)), nextCursor: page.nextCursor, ...(await totalOf(total)) };
    }
    // City-wide: the county partitions one after another, in area order. Partitions per county keep a bulk
    // import's index writes spread over 16 partitions instead of one hot one; a page may span several.
    const from = decodeCityCursor(query.cursor);
    let index = from ? codes.indexOf(from.area) : 0;
    let inner = from?.inner;
    const items: RegisterEntry[] = [];
    // A search's page stops after MAX_SEARCH_QUERIES Queries with what it has and a cursor: a bounded cost per
    // request however rare the name; the next page goes on from there.
    for (let calls = 0; index < codes.length && items.length < query.limit && calls < MAX_SEARCH_QUERIES; calls += 1) {
      const county = codes[index] as string;
      const page = await this.store.page<Record<string, unknown>>({
        index: 'GSI1',
        partition: keys.registerCountyListing(county),
        sortKey,
        limit: query.limit - items.length,
        cursor: inner,
        filter,
        evaluate,
      });
      items.push(...page.items.map((item) => entityOf<RegisterEntry>(item)));
      if (page.nextCursor !== undefined) {
        inner = page.nextCursor;
        if (items.length >= query.limit || calls + 1 >= MAX_SEARCH_QUERIES) {
          return { items, nextCursor: encodeCityCursor({ area: county, inner }), ...(await totalOf(total)) };
        }
      } else {
        index += 1;
        inner = undefined;
      }
    }
    const next = codes[index];
    return { items, ...(next === undefined ? {} : { nextCursor: encodeCityCursor({ area: next }) }), ...(await totalOf(total)) };
  }

  /**
   * Issues 14/15: without a search the total is the sum of the REG-1 counters (kept in the entries' own
   * transactions), one Query per county; a name search counts its matches with a COUNT Query per county.
   */
  private async total(
    counties: readonly string[],
    query: RegisterQuery,
    sortKey: { beginsWith: string } | undefined,
    filter: Parameters<Store['count']>[0]['filter'],
  ): Promise<number> {
    if (filter) {
      // A name search counts by evaluating every entry: one county after another, not 16 side by side — a few
      // searches at once would otherwise put hundreds of evaluating Queries on the table at the same moment
      // (the attack suite saw DynamoDB Local time out into 503s under load).
      let matches = 0;
      for (const county of counties) matches += await this.store.count({ index: 'GSI1', partition: keys.registerCountyListing(county), sortKey, filter });
      return matches;
    }
    const perCounty = await Promise.all(
      counties.map(async (county) => {
        const counts = await this.registeredCounts(county);
        return counts.filter((cell) => !query.industry || cell.industry === query.industry).reduce((sum, cell) => sum + cell.registered, 0);
      }),
    );
    return perCounty.reduce((sum, n) => sum + n, 0);
  }

  async save(change: RegisterChange, events: readonly DomainEvent[]): Promise<void> {
    if (change.kind === 'unchanged') return;
    const key = keys.registerEntry(change.entry.uscc);
    await this.store.commit(
      [entryWrite(change), ...counterWrites(registeredCountDeltas([change]))],
      events.map((event) => outboxOf(event, key)),
    );
  }

  async registeredCounts(county: string): Promise<RegisteredCount[]> {
    const page = await this.store.page<Record<string, unknown> & RegisteredCount>({
      partition: keys.registerCounters(county),
      limit: 100,
    });
    return page.items.map(({ county: itemCounty, industry, registered }) => ({ county: itemCounty, industry, registered }));
  }

  async startImport(record: RegisterImport): Promise<void> {
    await this.store.commit(
      [{ kind: 'create', item: importItem(record), onExists: () => new Conflict(`import ${record.id} exists`) }],
      [],
    );
  }

  async applyImport(
    changes: readonly RegisterChange[],
    replan: (usccs: readonly string[]) => Promise<readonly RegisterChange[]>,
  ): Promise<AppliedImport> {
    const applied = { created: 0, updated: 0 };
    await this.writeTransactions(changes, replan, applied, 0);
    return applied;
  }

  /**
   * Each transaction holds its entries and the counter deltas they cause, so a counter never disagrees with
   * the entries written, whatever stops the import. A transaction that meets an entry changed since it was
   * read (a concurrent edit or import) fails whole; its USCCs are re-planned from what is stored now.
   */
  private async writeTransactions(
    changes: readonly RegisterChange[],
    replan: (usccs: readonly string[]) => Promise<readonly RegisterChange[]>,
    applied: { created: number; updated: number },
    attempt: number,
  ): Promise<void> {
    // One after another: consecutive transactions share the counter cell at their boundary, so running them
    // side by side would mostly make them fail each other (TransactionConflict). Measured on DynamoDB Local,
    // a scheduler running only cell-disjoint transactions concurrently gained nothing; on AWS ~55 transactions
    // in sequence take a few seconds, well inside the API's 30 s.
    for (const transaction of importTransactions(changes)) {
      try {
        await this.store.commit([...transaction.map(entryWrite), ...counterWrites(registeredCountDeltas(transaction))], []);
      } catch (error) {
        if (!(error instanceof Conflict || error instanceof StaleVersion)) throw error;
        if (attempt >= MAX_REPLANS) {
          throw new Conflict('REG-1: the register kept changing during the import; import the same file again', 'REG-1');
        }
        await backoff(attempt + 1);
        await this.writeTransactions(await replan(transaction.map((change) => change.entry.uscc)), replan, applied, attempt + 1);
        continue;
      }
      for (const change of transaction) applied[change.kind] += 1;
    }
  }

  async finishImport(record: RegisterImport, events: readonly DomainEvent[]): Promise<void> {
    const key = keys.registerImport(record.id);
    await this.store.commit(
      [{ kind: 'update', item: importItem(record), expectedVersion: record.version - 1, entity: 'register import' }],
      events.map((event) => outboxOf(event, key)),
    );
  }
}

function importItem(record: RegisterImport): Record<string, unknown> & { PK: string; SK: string; version: number } {
  return { ...record, ...keys.registerImport(record.id), kind: 'REGISTER_IMPORT' };
}
