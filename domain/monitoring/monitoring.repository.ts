import type { DomainEvent } from '../kernel/events.js';
import type { AlarmStatus, MonitoringAlarm } from './alarm.js';
import type { AlarmSeverity } from './kinds.js';
import type { ReadingBucket } from './readings.js';
import type { MonitoringSource } from './source.js';

/** What a source posted: readings, its devices' own alarms, or personnel positions (idempotent each per sensor or tag and instant). */
export type ReadingStream = 'readings' | 'alarms' | 'positions';

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
  readonly total?: number;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
  readonly withTotal?: boolean;
}

/** MON-2: where an API key leads — its source, found by the key's public prefix (a platform item). */
export interface SourceKeys {
  /** The tenant and source of the key with this prefix, if one was ever issued. */
  lookup(prefix: string): Promise<{ readonly tenantId: string; readonly sourceId: string } | undefined>;
}

/** MON-2: one tenant's sources, readings and alarms (written through the tenant-scoped client, ACL-1). */
export interface MonitoringRepository {
  createSource(source: MonitoringSource): Promise<void>;
  getSource(tenantId: string, sourceId: string): Promise<MonitoringSource | undefined>;
  /** Saves a source; with `retiredPrefix` (the old key's prefix) the new key's lookup is written too (rotation). */
  saveSource(source: MonitoringSource, expectedVersion: number, options?: { readonly retiredPrefix?: string }): Promise<void>;
  listSources(tenantId: string, page: PageRequest): Promise<Page<MonitoringSource>>;

  /**
   * The stored minutes of these shards (`bucketId` → bucket); missing ones are absent. `stream` keeps device
   * alarms apart from readings (a sensor may send both at the same instant).
   */
  readBuckets(tenantId: string, sourceId: string, ids: readonly { shard: number; minute: number }[], stream?: ReadingStream): Promise<Map<string, ReadingBucket>>;
  /**
   * Writes changed minutes, each on its version (0: new); false when another writer changed one first (read
   * again and merge). `expiresAt` is the TTL, epoch seconds.
   */
  writeBuckets(tenantId: string, sourceId: string, buckets: readonly ReadingBucket[], retentionDays: number, stream?: ReadingStream): Promise<boolean>;
  /** A sensor's stored readings between two instants, in time order. */
  readingsOf(tenantId: string, sourceId: string, sensorId: string, fromMs: number, toMs: number): Promise<{ atMs: number; value: number; late: boolean }[]>;

  /** The open (not closed) alarm of a sensor and kind, if any. */
  openAlarmOf(tenantId: string, sourceId: string, sensorId: string, kind: string): Promise<{ alarm: MonitoringAlarm | undefined; pointerVersion: number }>;
  /** A new alarm, the sensor's open-alarm pointer moved to it, and its events: one transaction. */
  createAlarm(alarm: MonitoringAlarm, events: readonly DomainEvent[], pointerVersion: number): Promise<void>;
  /** A changed alarm and its events; closing also frees the sensor's pointer. */
  saveAlarm(alarm: MonitoringAlarm, events: readonly DomainEvent[], expectedVersion: number): Promise<void>;
  getAlarm(tenantId: string, alarmId: string): Promise<MonitoringAlarm | undefined>;
  /** MON-2, SVC-9: saves the alarm linked to its inspection and the service's link back to it, in one transaction. */
  linkInspection(alarm: MonitoringAlarm, expectedVersion: number): Promise<void>;
  /** SVC-9: the alarms a service was made from, oldest first (its archive carries them). */
  alarmsOfService(tenantId: string, serviceId: string): Promise<MonitoringAlarm[]>;
  listAlarms(tenantId: string, query: PageRequest & { readonly status?: AlarmStatus; readonly severity?: AlarmSeverity }): Promise<Page<MonitoringAlarm>>;
}

/** ACL-5: an enterprise's alarms across insurers, and SVC-12's counts. */
export interface EnterpriseAlarmViews {
  listForEnterprise(uscc: string, query: PageRequest & { readonly status?: AlarmStatus }): Promise<Page<MonitoringAlarm>>;
  /** Whether the mine has a data source at any insurer (SVC-12: connected), and its alarms opened in [fromMs, toMs]. */
  countForEnterprise(uscc: string, fromIso: string, toIso: string): Promise<{ readonly connected: boolean; readonly alarms: number }>;
}
