import { Conflict, StaleVersion } from '../../../domain/kernel/errors.js';
import { extendAlarm, openAlarm, type Exceedance } from '../../../domain/monitoring/alarm.js';
import type { MonitoringRules } from '../../../domain/monitoring/kinds.js';
import type { MonitoringRepository, ReadingStream } from '../../../domain/monitoring/monitoring.repository.js';
import { bucketId, bucketOf, mergeReadings, type RejectedRecord, type StoredRecord } from '../../../domain/monitoring/readings.js';
import type { MonitoringSource } from '../../../domain/monitoring/source.js';
import { monitoringRoot } from './composition-root.js';

/** Attempts at a merge another writer raced (the same sensor's minute written by a concurrent batch). */
const MAX_ATTEMPTS = 5;

export interface IngestAnswer {
  readonly accepted: number;
  readonly duplicates: number;
  readonly late: number;
  readonly rejected: readonly RejectedRecord[];
}

/**
 * MON-2: stores a batch's good records packed per shard of sensors and minute — read the minutes they fall in (one
 * BatchGetItem per 100), merge (a record already stored is a duplicate), write the changed minutes (one
 * TransactWriteItems per 100, each on its version) — and reads again and merges should another batch have
 * written one of those minutes first. Answers what was newly stored, for the thresholds.
 */
export async function storeRecords<R extends StoredRecord>(
  monitoring: MonitoringRepository,
  source: MonitoringSource,
  records: readonly R[],
  rules: MonitoringRules,
  now: number,
  stream: ReadingStream,
): Promise<{ accepted: R[]; duplicates: number; late: number }> {
  const minutes = new Map<string, { shard: number; minute: number }>();
  for (const record of records) {
    const bucket = bucketOf(record);
    minutes.set(bucketId(bucket.shard, bucket.minute), bucket);
  }
  for (let attempt = 1; ; attempt += 1) {
    const stored = await monitoring.readBuckets(source.tenantId, source.id, [...minutes.values()], stream);
    const outcome = mergeReadings(records, stored, now, rules.lateAfterMinutes);
    if (outcome.changed.length === 0) return outcome;
    if (await monitoring.writeBuckets(source.tenantId, source.id, outcome.changed, rules.readingRetentionDays, stream)) return outcome;
    if (attempt >= MAX_ATTEMPTS) throw new Conflict('MON-2: the same sensors were written concurrently; send the batch again (it is idempotent)');
  }
}

/** MON-2: opens the sensor's alarm, or extends the one still open — never a second open alarm per sensor and kind. */
export async function raiseAlarm(monitoring: MonitoringRepository, source: MonitoringSource, exceedance: Exceedance, rules: MonitoringRules): Promise<void> {
  const { newId, clock } = monitoringRoot();
  for (let attempt = 1; ; attempt += 1) {
    const { alarm, pointerVersion } = await monitoring.openAlarmOf(source.tenantId, source.id, exceedance.sensorId, exceedance.kind);
    try {
      if (alarm) {
        await monitoring.saveAlarm(extendAlarm(alarm, exceedance, rules), [], alarm.version);
      } else {
        const opened = openAlarm(source, exceedance, { id: newId(clock.now()), rules });
        await monitoring.createAlarm(opened.state, opened.events, pointerVersion);
      }
      return;
    } catch (error) {
      if (!(error instanceof StaleVersion || error instanceof Conflict) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
