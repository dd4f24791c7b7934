import type { Clock } from '../../domain/kernel/clock.js';
import { Conflict, StaleVersion } from '../../domain/kernel/errors.js';
import type { PolicyRepository } from '../../domain/underwriting/policy.repository.js';
import type { ServiceRepository } from '../../domain/services/service.repository.js';
import type { ClaimRepository } from '../../domain/claims/claim.repository.js';
import type { ProvincialPlatform } from '../../domain/sync/provincial-platform.port.js';
import { mapClaim, mapPolicy, mapService, mapServiceOrg, type MappedRecord } from '../../domain/sync/provincial-record.js';
import type { DueSyncRecords, SyncRecordRepository } from '../../domain/sync/sync-record.repository.js';
import { answered, isDue, markSent, recordChanged } from '../../domain/sync/sync-record.js';
import { syncEvents } from '../../domain/sync/events.js';

/** What the provincial sync works with: ports of domain/ only (composition-root.ts builds them). */
export interface SyncPorts {
  readonly records: SyncRecordRepository & DueSyncRecords;
  readonly policies: Pick<PolicyRepository, 'get'>;
  readonly services: Pick<ServiceRepository, 'getService'>;
  /** SYNC-1 (理赔, CLM-1): the claims a decision or a payout changed. */
  readonly claims: Pick<ClaimRepository, 'get'>;
  /** Undefined where no provincial endpoint is configured: records then wait, PENDING. */
  readonly province: ProvincialPlatform | undefined;
  readonly clock: Clock;
  /** The first retry's wait (doubling after each failure, domain/sync/sync-record.ts `backoffMs`). */
  readonly retryBaseMs: number;
  readonly random: () => number;
}

export interface SyncEvent {
  readonly type: string;
  readonly tenantId?: string;
  readonly aggregateId: string;
}

const lostRace = (error: unknown): boolean => error instanceof StaleVersion || error instanceof Conflict;

/**
 * SYNC-1: one event of the bus. A policy or service event makes the record's newest version PENDING (read as it
 * is now, so late or repeated events change nothing more); `sync.record.pending` — raised by that, or by the
 * insurer's retry — sends it.
 */
export async function handleSyncEvent(event: SyncEvent, ports: SyncPorts): Promise<void> {
  const { tenantId } = event;
  if (!tenantId) return;
  if (event.type === syncEvents.pending.name) {
    await attempt(tenantId, event.aggregateId, ports);
    return;
  }
  const mapped: MappedRecord[] = [];
  if (event.type.startsWith('underwriting.policy.')) {
    const policy = await ports.policies.get(tenantId, event.aggregateId);
    // Only the lead's own policy: a co-insurance member's copy is the lead's upload (UW-6).
    if (policy && policy.tenantId === tenantId) mapped.push(mapPolicy(policy));
  } else if (event.type.startsWith('services.service.')) {
    const service = await ports.services.getService(tenantId, event.aggregateId);
    if (service) {
      const org = mapServiceOrg(service);
      const record = mapService(service);
      if (org) mapped.push(org);
      if (record) mapped.push(record);
    }
  } else if (event.type.startsWith('claims.claim.')) {
    const claim = await ports.claims.get(tenantId, event.aggregateId);
    const record = claim && mapClaim(claim);
    if (record) mapped.push(record);
  }
  for (const record of mapped) await pend(tenantId, record, ports);
}

/** The newest version becomes PENDING; one that is already known (or older) changes nothing. */
async function pend(tenantId: string, mapped: MappedRecord, ports: SyncPorts): Promise<void> {
  for (let round = 1; ; round += 1) {
    const existing = await ports.records.get(tenantId, mapped.record.recordId);
    const change = recordChanged(existing, mapped, tenantId, ports.clock.now());
    if (!change) return;
    try {
      await ports.records.save(change, existing);
      return;
    } catch (error) {
      if (!lostRace(error) || round >= 4) throw error;
    }
  }
}

/**
 * Sends one record if it is due. Marking it SENT is a conditional write, so of two senders (a redelivered event,
 * the sweep) only one sends a version; an answer that finds a newer version PENDING is dropped — that version
 * goes itself.
 */
export async function attempt(tenantId: string, recordId: string, ports: SyncPorts): Promise<void> {
  if (!ports.province) return;
  const record = await ports.records.get(tenantId, recordId);
  if (!record || !isDue(record, ports.clock.now())) return;
  const sent = markSent(record, ports.clock.now());
  try {
    await ports.records.save(sent, record);
  } catch (error) {
    if (lostRace(error)) return;
    throw error;
  }
  const outcome = await ports.province.submit(record.record);
  const answer = answered(sent.state, outcome, ports.clock.now(), { baseMs: ports.retryBaseMs, jitter: ports.random() });
  try {
    await ports.records.save(answer, sent.state);
  } catch (error) {
    if (!lostRace(error)) throw error;
  }
}

/** The retry clock: every record due to be (re)sent, oldest due first, `limit` a run. */
export async function sweep(ports: SyncPorts, limit = 100): Promise<number> {
  if (!ports.province) return 0;
  const due = await ports.records.due(ports.clock.now(), limit);
  for (const { tenantId, recordId } of due) await attempt(tenantId, recordId, ports);
  return due.length;
}
