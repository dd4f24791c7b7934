import { shanghaiDateOf, type LocalDate } from '../kernel/calendar/local-date.js';
import { Conflict } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import { syncEventOf, syncEvents } from './events.js';
import type { MappedRecord, ProvincialRecord, SyncKind } from './provincial-record.js';
import type { SubmitOutcome } from './provincial-platform.port.js';

/**
 * SYNC-1: where one of our records stands with the provincial platform. PENDING: its newest version waits to
 * be sent; SENT: handed to the province, no answer yet; ACCEPTED; REJECTED: the province refused it and said
 * why (it goes again when the record changes, or on a manual retry); RETRYING: the province was down or slow,
 * and it goes again at `nextAttemptAt`, later each time.
 */
export const SYNC_STATES = ['PENDING', 'SENT', 'ACCEPTED', 'REJECTED', 'RETRYING'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface SyncRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly kind: SyncKind;
  readonly sourceId: string;
  /** The version of our record this state is about: a newer version replaces it, an older one changes nothing. */
  readonly sourceVersion: number;
  readonly label: string;
  readonly county?: string;
  readonly state: SyncState;
  /** The province's reason for a rejection, or why the last attempt failed (RETRYING). */
  readonly reason?: string;
  /** Attempts at this version. */
  readonly attempts: number;
  /** When a PENDING, SENT or RETRYING record is due to be (re)sent; absent once answered. */
  readonly nextAttemptAt?: string;
  readonly lastSentAt?: string;
  /** The day (Asia/Shanghai) of the last send: the reconciliation counts by it. */
  readonly lastSentOn?: LocalDate;
  readonly acceptedAt?: string;
  /** The province's receipt for the accepted version. */
  readonly receipt?: string;
  /** What is sent: the mapped record at `sourceVersion`, so a retry never needs our record again. */
  readonly record: ProvincialRecord;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A SENT record with no answer (the sender stopped mid-call) goes again after this long. */
export const SENT_TIMEOUT_MS = 5 * 60_000;
/** The longest wait between two attempts. */
export const MAX_BACKOFF_MS = 60 * 60_000;

/**
 * SYNC-1 retries: the wait after the `attempts`-th failed attempt, doubling from `baseMs` (30 s on AWS) up to
 * an hour, with up to a fifth more at random (`jitter` in [0, 1)) so that records failing together spread out.
 *
 * @example backoffMs(3, 30_000, 0); // 120_000
 */
export function backoffMs(attempts: number, baseMs: number, jitter: number): number {
  const wait = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(wait * (1 + 0.2 * jitter));
}

const changed = (state: SyncRecord, type: keyof typeof syncEvents): Changed<SyncRecord> => ({
  state,
  events: [syncEventOf(syncEvents[type], state)],
});

const withoutAnswer = ({ reason: _reason, receipt: _receipt, acceptedAt: _acceptedAt, ...rest }: SyncRecord) => rest;

/**
 * SYNC-1: our record changed (or was first seen). State-based, so events that come twice or out of order do
 * not send twice: a version the sync already has (or an older one) changes nothing (`undefined`); a newer one
 * is PENDING at once, whatever the older one's state — the newest version wins.
 */
export function recordChanged(existing: SyncRecord | undefined, mapped: MappedRecord, tenantId: string, now: Date): Changed<SyncRecord> | undefined {
  if (existing && existing.sourceVersion >= mapped.sourceVersion) return undefined;
  const at = now.toISOString();
  const base = existing ? withoutAnswer(existing) : undefined;
  return changed(
    {
      ...base,
      id: mapped.record.recordId,
      tenantId,
      kind: mapped.kind,
      sourceId: mapped.sourceId,
      sourceVersion: mapped.sourceVersion,
      label: mapped.label,
      ...(mapped.county === undefined ? {} : { county: mapped.county }),
      state: 'PENDING',
      attempts: 0,
      nextAttemptAt: at,
      record: mapped.record,
      version: (existing?.version ?? 0) + 1,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    },
    'pending',
  );
}

/** Whether the sender should send it now: waiting and due (a SENT one only after SENT_TIMEOUT_MS without an answer). */
export function isDue(record: SyncRecord, now: Date): boolean {
  const waiting = record.state === 'PENDING' || record.state === 'RETRYING' || record.state === 'SENT';
  return waiting && record.nextAttemptAt !== undefined && Date.parse(record.nextAttemptAt) <= now.getTime();
}

/** The send begins: SENT, one attempt more, due again only if no answer is recorded in SENT_TIMEOUT_MS. */
export function markSent(record: SyncRecord, now: Date): Changed<SyncRecord> {
  return changed(
    {
      ...record,
      state: 'SENT',
      attempts: record.attempts + 1,
      nextAttemptAt: new Date(now.getTime() + SENT_TIMEOUT_MS).toISOString(),
      lastSentAt: now.toISOString(),
      lastSentOn: shanghaiDateOf(now),
      version: record.version + 1,
      updatedAt: now.toISOString(),
    },
    'sent',
  );
}

/** The province's answer to a SENT record: accepted, rejected with its reason, or unavailable (retry later). */
export function answered(record: SyncRecord, outcome: SubmitOutcome, now: Date, retry: { baseMs: number; jitter: number }): Changed<SyncRecord> {
  const { nextAttemptAt: _next, ...rest } = withoutAnswer(record);
  const base = { ...rest, version: record.version + 1, updatedAt: now.toISOString() };
  switch (outcome.kind) {
    case 'accepted':
      return changed({ ...base, state: 'ACCEPTED', acceptedAt: now.toISOString(), receipt: outcome.receipt }, 'accepted');
    case 'rejected':
      return changed({ ...base, state: 'REJECTED', reason: outcome.reason }, 'rejected');
    case 'unavailable':
      return changed(
        {
          ...base,
          state: 'RETRYING',
          reason: outcome.detail,
          nextAttemptAt: new Date(now.getTime() + backoffMs(record.attempts, retry.baseMs, retry.jitter)).toISOString(),
        },
        'retrying',
      );
  }
}

/**
 * SYNC-1: the insurer asks for another attempt now — of a rejected record (after fixing what the province
 * objected to elsewhere, or to try again), a retrying one, or one sent without an answer. An accepted or
 * already pending record has nothing to retry (409).
 */
export function retryRequested(record: SyncRecord, now: Date): Changed<SyncRecord> {
  if (record.state === 'ACCEPTED') throw new Conflict('SYNC-1: the province has accepted this version; nothing to retry');
  if (record.state === 'PENDING') throw new Conflict('SYNC-1: the record is already waiting to be sent');
  const { nextAttemptAt: _next, ...rest } = record;
  return changed({ ...rest, state: 'PENDING', attempts: 0, nextAttemptAt: now.toISOString(), version: record.version + 1, updatedAt: now.toISOString() }, 'pending');
}
