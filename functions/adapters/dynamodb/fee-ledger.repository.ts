import { checkYear } from '../../../domain/fees/consistency.js';
import type { ReversalMark } from '../../../domain/fees/consistency.js';
import type { FeeLedgerRepository, LedgerEntryPage, LedgerEntryView } from '../../../domain/fees/fee-ledger.repository.js';
import { parseLedgerEntryId } from '../../../domain/fees/ledger-entry.js';
import type { ExpenseEntry, LedgerEntry, LedgerEntryKind } from '../../../domain/fees/ledger-entry.js';
import { FEE_LEDGER, POLICY_PREMIUM } from '../../../domain/fees/events.js';
import type { EntryBooked } from '../../../domain/fees/ledger.rules.js';
import type { PremiumReceived } from '../../../domain/fees/premium-receipt.rules.js';
import type { EntryReversed } from '../../../domain/fees/reversal.rules.js';
import type { PolicyReceipts, PremiumReceipt } from '../../../domain/fees/premium-receipt.js';
import { halvesOf, totalsOf } from '../../../domain/fees/year-ledger.js';
import type { YearLedger } from '../../../domain/fees/year-ledger.js';
import { Conflict, StaleVersion } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import { keys, type ItemKey } from './keys.js';
import { outboxOf, type OutboxEvent, type Store, type Write } from './store.js';
import { entityOf } from './stored-item.js';

/** Entries in one page of a full read: DynamoDB's 1 MB page limit is what actually bounds it. */
const FULL_READ_PAGE = 5000;

type Item = ItemKey & Record<string, unknown>;


// An entry's own `kind` (ACCRUAL | EXPENSE | REVERSAL) is stored as `entryKind`: the item's `kind` says what
// sort of item it is, for every item of the table alike (the relay, for one, reads it).

function entryItem(entry: LedgerEntry): Item {
  return { ...entry, ...keys.feeEntry(entry.tenantId, entry.year, entry.sequence), kind: 'FEE_ENTRY', entryKind: entry.kind };
}

function entryOf(item: Record<string, unknown>): LedgerEntry {
  const { entryKind, ...rest } = entityOf<Record<string, unknown>>(item);
  return { ...rest, kind: entryKind as LedgerEntryKind } as unknown as LedgerEntry;
}

/** The counters item: its `version` is the last sequence number, the optimistic lock of the whole ledger. */
function yearItem(ledger: YearLedger): Item & { version: number } {
  return { ...ledger, ...keys.feeYear(ledger.tenantId, ledger.year), kind: 'FEE_YEAR', version: ledger.lastSequence };
}

function receivedItem(received: PolicyReceipts): Item & { version: number } {
  return { ...received, ...keys.feePolicyReceived(received.tenantId, received.policyId), kind: 'FEE_POLICY_RECEIVED' };
}

function receiptItem(receipt: PremiumReceipt): Item {
  return { ...receipt, ...keys.premiumReceipt(receipt.tenantId, receipt.policyId, receipt.id), kind: 'FEE_RECEIPT' };
}

function markItem(tenantId: string, year: number, mark: ReversalMark): Item {
  return { ...mark, ...keys.feeReversalMark(tenantId, year, mark.sequence), kind: 'FEE_REVERSAL_MARK' };
}

/**
 * The counters move from `lastSequence − 1` to `lastSequence`: created with the year's first entry, otherwise
 * conditioned on the version read. Losing either race is `StaleVersion`, which the caller retries.
 */
function yearWrite(ledger: YearLedger): Write {
  const item = yearItem(ledger);
  return ledger.lastSequence === 1
    ? { kind: 'create', item, onExists: () => new StaleVersion('fee ledger') }
    : { kind: 'update', item, expectedVersion: ledger.lastSequence - 1, entity: 'fee ledger' };
}

function receivedWrite(received: PolicyReceipts): Write {
  const item = receivedItem(received);
  return received.version === 1
    ? { kind: 'create', item, onExists: () => new StaleVersion('policy receipts') }
    : { kind: 'update', item, expectedVersion: received.version - 1, entity: 'policy receipts' };
}

/** The entry takes its number's key; with the counters guarded it cannot exist, but a lost race is retried. */
const entryWrite = (entry: LedgerEntry): Write => ({ kind: 'create', item: entryItem(entry), onExists: () => new StaleVersion('fee ledger') });

/**
 * The domain's events in their aggregates' partitions (ARCHITECTURE.md §6): a ledger's in its year's, ordered by
 * sequence number; a policy's receipts' in the policy's received counter's.
 */
function outboxOfBooking(events: readonly DomainEvent[], at: { tenantId: string; year: number; policyId?: string }): OutboxEvent[] {
  return events.map((event) => {
    if (event.aggregate.type === FEE_LEDGER) return outboxOf(event, keys.feeYear(at.tenantId, at.year));
    if (event.aggregate.type === POLICY_PREMIUM && at.policyId !== undefined) {
      return outboxOf(event, keys.feePolicyReceived(at.tenantId, at.policyId));
    }
    throw new RangeError(`no partition for ${event.type} of ${event.aggregate.type}`);
  });
}

/**
 * The prevention-fee ledger over the one table. Every booking is one transaction: the year's counters
 * (optimistic lock = last sequence number), the entry, what else the booking touches, and its outbox events.
 */
export class DynamoFeeLedgerRepository implements FeeLedgerRepository {
  constructor(private readonly store: Store) {}

  async year(tenantId: string, year: number): Promise<YearLedger | undefined> {
    const item = await this.store.get<Record<string, unknown>>(keys.feeYear(tenantId, year));
    return item && (entityOf<YearLedger>(item, ['version']));
  }

  async policyReceipts(tenantId: string, policyId: string): Promise<PolicyReceipts | undefined> {
    const item = await this.store.get<Record<string, unknown>>(keys.feePolicyReceived(tenantId, policyId));
    return item && (entityOf<PolicyReceipts>(item));
  }

  async listReceipts(tenantId: string, policyId: string): Promise<readonly PremiumReceipt[]> {
    const items = await this.everyItem(keys.feePolicy(tenantId, policyId), keys.premiumReceiptPrefix, 1000);
    return items.map((item) => entityOf<PremiumReceipt>(item));
  }

  /** The id names the year and number (one key): the entry and its reversal mark in one BatchGetItem. */
  async entry(tenantId: string, entryId: string): Promise<LedgerEntryView | undefined> {
    const at = parseLedgerEntryId(entryId);
    if (at === undefined) return undefined;
    const entryKey = keys.feeEntry(tenantId, at.year, at.sequence);
    const markKey = keys.feeReversalMark(tenantId, at.year, at.sequence);
    const items = await this.store.getMany<Record<string, unknown>>([entryKey, markKey]);
    const stored = items.find((item) => item.SK === entryKey.SK);
    // The random tail must match too: an id with the right number but another tail is not this entry.
    if (stored === undefined || stored.id !== entryId) return undefined;
    const mark = items.find((item) => item.SK === markKey.SK) as ReversalMark | undefined;
    return {
      entry: entryOf(stored),
      ...(mark ? { reversedBy: { entryId: mark.reversalEntryId, sequence: mark.reversalSequence } } : {}),
    };
  }

  async listEntries(
    tenantId: string,
    year: number,
    page: { readonly limit: number; readonly cursor?: string; readonly newestFirst?: boolean; readonly withTotal?: boolean },
  ): Promise<LedgerEntryPage> {
    const found = await this.store.page<Record<string, unknown>>({
      partition: keys.feeLedger(tenantId, year),
      sortKey: { beginsWith: keys.feeEntryPrefix },
      limit: page.limit,
      cursor: page.cursor,
      newestFirst: page.newestFirst,
      consistent: true,
      withTotal: page.withTotal === true && !page.cursor,
    });
    return {
      items: found.items.map(entryOf),
      ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}),
      ...(found.total === undefined ? {} : { total: found.total }),
    };
  }

  async eachEntryPage(tenantId: string, year: number, visit: (entries: readonly LedgerEntry[]) => void | Promise<void>): Promise<void> {
    let cursor: string | undefined;
    do {
      const page = await this.listEntries(tenantId, year, { limit: FULL_READ_PAGE, cursor });
      await visit(page.items);
      cursor = page.nextCursor;
    } while (cursor);
  }

  async reversalMarks(tenantId: string, year: number): Promise<readonly ReversalMark[]> {
    const items = await this.everyItem(keys.feeLedger(tenantId, year), keys.feeReversalPrefix, FULL_READ_PAGE);
    return items.map((item) => entityOf<ReversalMark>(item));
  }

  /** Every item of `partition` whose sort key starts with `prefix`, page by page, each read consistent. */
  private async everyItem(partition: string, prefix: string, pageSize: number): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.page<Record<string, unknown>>({
        partition,
        sortKey: { beginsWith: prefix },
        limit: pageSize,
        cursor,
        consistent: true,
      });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  async recordReceipt(change: PremiumReceived): Promise<void> {
    const { receipt, entry, received, ledger } = change;
    await this.store.commit(
      [
        yearWrite(ledger),
        receivedWrite(received),
        entryWrite(entry),
        { kind: 'create', item: receiptItem(receipt), onExists: () => new Conflict(`receipt ${receipt.id} exists`) },
      ],
      outboxOfBooking(change.events, { tenantId: entry.tenantId, year: entry.year, policyId: receipt.policyId }),
    );
  }

  async bookExpense(change: EntryBooked<ExpenseEntry>): Promise<void> {
    const { entry, ledger } = change;
    await this.store.commit([yearWrite(ledger), entryWrite(entry)], outboxOfBooking(change.events, entry));
  }

  async reverse(change: EntryReversed): Promise<void> {
    const { entry, ledger, received } = change;
    const reversed = entry.reverses;
    const mark: ReversalMark = {
      entryId: reversed.entryId,
      sequence: reversed.sequence,
      reversalEntryId: entry.id,
      reversalSequence: entry.sequence,
    };
    await this.store.commit(
      [
        yearWrite(ledger),
        ...(received ? [receivedWrite(received)] : []),
        entryWrite(entry),
        {
          kind: 'create',
          item: markItem(entry.tenantId, entry.year, mark),
          onExists: () => new Conflict(`FEE-2: entry ${reversed.sequence} of ${entry.year} was already reversed`, 'FEE-2'),
        },
      ],
      outboxOfBooking(change.events, entry),
    );
  }

  /**
   * Loads a whole year into an empty ledger in bulk — for migrating a legacy 台账 and for benchmarks; no route
   * calls it. The entries must be the year's 1..n, every problem `checkYear` knows about absent. The counters,
   * recomputed from exactly these entries, are created first, which claims the year (it fails with
   * `Conflict` if the year has any entry) so that no booking can interleave; then the entries and the marks
   * of reversed ones go in by BatchWriteItem. No events: a migration reports nothing new.
   */
  async loadYear(tenantId: string, year: number, entries: readonly LedgerEntry[], at: string): Promise<YearLedger> {
    const marks: ReversalMark[] = entries.flatMap((entry) =>
      entry.kind === 'REVERSAL'
        ? [{ entryId: entry.reverses.entryId, sequence: entry.reverses.sequence, reversalEntryId: entry.id, reversalSequence: entry.sequence }]
        : [],
    );
    const ledger: YearLedger = { tenantId, year, updatedAt: at, ...totalsOf(entries), halves: halvesOf(entries) };
    const report = checkYear(tenantId, year, ledger, entries, marks);
    if (!report.consistent) throw new RangeError(`not a loadable ledger: ${report.problems.slice(0, 3).join('; ')}`);
    if (entries.some((entry, index) => entry.sequence !== index + 1)) throw new RangeError('entries must be given in sequence order');
    await this.store.commit(
      [{ kind: 'create', item: yearItem(ledger), onExists: () => new Conflict(`the ${year} ledger already has entries`) }],
      [],
    );
    await this.store.putMany([...entries.map(entryItem), ...marks.map((mark) => markItem(tenantId, year, mark))], 8);
    return ledger;
  }
}
