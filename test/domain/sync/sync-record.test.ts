import { describe, expect, it } from 'vitest';
import type { MappedRecord } from '../../../domain/sync/provincial-record.js';
import { reconcile } from '../../../domain/sync/reconciliation.js';
import { answered, backoffMs, isDue, markSent, recordChanged, retryRequested, SENT_TIMEOUT_MS, type SyncRecord } from '../../../domain/sync/sync-record.js';

const T0 = new Date('2026-12-06T02:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const retry = { baseMs: 30_000, jitter: 0 };

const mapped = (version: number): MappedRecord => ({
  kind: 'POLICY',
  sourceId: 'p1',
  sourceVersion: version,
  label: 'PZAA1',
  county: '140902',
  record: { kind: 'POLICY', recordId: 'policy-p1', recordVersion: version, insurerRef: 't1', policy: {} as never },
});

const pending = (version = 1, existing?: SyncRecord): SyncRecord => {
  const change = recordChanged(existing, mapped(version), 't1', T0);
  if (!change) throw new Error('no change');
  return change.state;
};

describe('SYNC-1: a record’s upload state', () => {
  it('SYNC-1: a first version is PENDING and due now, with its sync.record.pending event', () => {
    const change = recordChanged(undefined, mapped(1), 't1', T0);
    expect(change?.state).toMatchObject({ id: 'policy-p1', state: 'PENDING', attempts: 0, sourceVersion: 1, version: 1 });
    expect(change?.events.map((event) => event.type)).toEqual(['sync.record.pending']);
    expect(isDue(change!.state, T0)).toBe(true);
  });

  it('SYNC-1: the same or an older version changes nothing (repeated or late events never send twice); a newer one wins', () => {
    const accepted = answered(markSent(pending(2), T0).state, { kind: 'accepted', receipt: 'SX-1' }, T0, retry).state;
    expect(recordChanged(accepted, mapped(2), 't1', T0)).toBeUndefined();
    expect(recordChanged(accepted, mapped(1), 't1', T0)).toBeUndefined();
    const newer = recordChanged(accepted, mapped(3), 't1', T0)?.state;
    expect(newer).toMatchObject({ state: 'PENDING', sourceVersion: 3, attempts: 0, version: accepted.version + 1 });
    expect(newer?.receipt).toBeUndefined();
  });

  it('SYNC-1: sent, then accepted (receipt), rejected (the province’s reason) or retrying later each time (backoff)', () => {
    const sent = markSent(pending(), T0).state;
    expect(sent).toMatchObject({ state: 'SENT', attempts: 1, lastSentOn: '2026-12-06' });
    expect(isDue(sent, later(SENT_TIMEOUT_MS - 1))).toBe(false);
    expect(isDue(sent, later(SENT_TIMEOUT_MS))).toBe(true);
    expect(answered(sent, { kind: 'accepted', receipt: 'SX-1' }, T0, retry).state).toMatchObject({ state: 'ACCEPTED', receipt: 'SX-1' });
    const rejected = answered(sent, { kind: 'rejected', reason: 'policy.countyCode 不正确' }, T0, retry);
    expect(rejected.state).toMatchObject({ state: 'REJECTED', reason: 'policy.countyCode 不正确' });
    expect(rejected.state.nextAttemptAt).toBeUndefined();
    expect(isDue(rejected.state, later(3_600_000))).toBe(false);
    const retrying = answered(sent, { kind: 'unavailable', detail: '省平台暂不可用（HTTP 503）' }, T0, retry).state;
    expect(retrying).toMatchObject({ state: 'RETRYING', reason: '省平台暂不可用（HTTP 503）', nextAttemptAt: later(30_000).toISOString() });
    const second = answered(markSent(retrying, later(30_000)).state, { kind: 'unavailable', detail: 'x' }, later(30_000), retry).state;
    expect(second.nextAttemptAt).toBe(later(30_000 + 60_000).toISOString());
  });

  it('SYNC-1: backoff doubles from the base up to an hour, jitter adds at most a fifth', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, 30_000, 0))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20, 30_000, 0)).toBe(3_600_000);
    expect(backoffMs(1, 30_000, 0.999)).toBeLessThan(36_000);
  });

  it('SYNC-1: a manual retry makes a rejected record pending again; an accepted or pending one is refused (409)', () => {
    const rejected = answered(markSent(pending(), T0).state, { kind: 'rejected', reason: 'r' }, T0, retry).state;
    expect(retryRequested(rejected, later(1)).state).toMatchObject({ state: 'PENDING', attempts: 0, nextAttemptAt: later(1).toISOString() });
    const accepted = answered(markSent(pending(), T0).state, { kind: 'accepted', receipt: 'SX' }, T0, retry).state;
    expect(() => retryRequested(accepted, T0)).toThrow(/SYNC-1/);
    expect(() => retryRequested(pending(), T0)).toThrow(/SYNC-1/);
  });

  it('SYNC-1: the reconciliation names what the province lacks, what it has that we do not show, and version differences', () => {
    const acceptedOn = (id: string, version: number): SyncRecord => ({
      ...answered(markSent(pending(version), T0).state, { kind: 'accepted', receipt: 'SX' }, T0, retry).state,
      id,
    });
    const report = reconcile('2026-12-06', [acceptedOn('policy-a', 1), acceptedOn('policy-b', 2)], [
      { kind: 'POLICY', recordId: 'policy-b', recordVersion: 1 },
      { kind: 'POLICY', recordId: 'policy-c', recordVersion: 1 },
    ]);
    expect(report.kinds.find((kind) => kind.kind === 'POLICY')).toEqual({
      kind: 'POLICY',
      sent: 2,
      accepted: 2,
      provinceHas: 2,
      missingAtProvince: ['policy-a'],
      unknownToUs: ['policy-c'],
      versionDiffers: ['policy-b'],
    });
  });
});
