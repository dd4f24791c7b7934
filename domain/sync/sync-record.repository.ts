import type { Changed } from '../kernel/events.js';
import type { SyncKind } from './provincial-record.js';
import type { SyncRecord, SyncState } from './sync-record.js';

export interface SyncPage {
  readonly items: readonly SyncRecord[];
  readonly nextCursor?: string;
  /** Issue 15: the rows matching the query, on its first page. */
  readonly total?: number;
}

export interface SyncListQuery {
  readonly limit: number;
  readonly cursor?: string;
  readonly state?: SyncState;
  readonly kind?: SyncKind;
  /** Issue 15: answer the total with the first page (list routes only: it costs a count). */
  readonly withTotal?: boolean;
}

/** Per state, how many of the insurer's records stand there (kept in the same transactions as the records). */
export type SyncCounts = Readonly<Record<SyncState, number>>;

/**
 * SYNC-1: sync records live in the insurer's partition (`T#<tenantId>#SYNC#<recordId>`); each change is one
 * transaction with its `sync.record.*` event and the move of the insurer's per-state counts.
 */
export interface SyncRecordRepository {
  get(tenantId: string, recordId: string): Promise<SyncRecord | undefined>;
  /** Creates (`expectedVersion` undefined) or replaces the record at `expectedVersion` (StaleVersion otherwise). */
  save(change: Changed<SyncRecord>, previous: SyncRecord | undefined): Promise<void>;
  list(tenantId: string, query: SyncListQuery): Promise<SyncPage>;
  counts(tenantId: string): Promise<SyncCounts>;
}

/** The regulators' view across insurers (ACL-2), a county EMB's county only (ACL-4). */
export interface RegulatorSyncQuery extends SyncListQuery {
  readonly county?: string;
  readonly tenantId?: string;
}

export interface RegulatorSyncViews {
  listForRegulators(query: RegulatorSyncQuery): Promise<SyncPage>;
}

/** The sender's sweep: records due to be (re)sent, across insurers, oldest due first. */
export interface DueSyncRecords {
  due(now: Date, limit: number): Promise<readonly { readonly tenantId: string; readonly recordId: string }[]>;
}
