import { isInstant } from '../kernel/calendar/instant.js';
import { MONITORING_KINDS, type MonitoringKind } from './kinds.js';

/** MON-2: at most this many records per request (readings or device alarms). */
export const MAX_RECORDS_PER_BATCH = 500;
/** A device clock this far ahead of ours is wrong, not early: its reading is refused. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Sensor ids go into keys: the key-safe characters, never the `#` separator. */
const SENSOR_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const MESSAGE_MAX = 500;

/** One refused record of a batch: its index, the field and rule it broke, in words. */
export interface RejectedRecord {
  readonly index: number;
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export interface Reading {
  readonly sensorId: string;
  readonly kind: MonitoringKind;
  readonly value: number;
  readonly unit: string;
  /** Epoch milliseconds of the reading's instant. */
  readonly atMs: number;
}

export interface DeviceAlarm {
  readonly sensorId: string;
  readonly kind: MonitoringKind;
  readonly atMs: number;
  readonly message: string;
}

export type Checked<T> = { ok: true; record: T } | { ok: false; rejected: RejectedRecord };

/** MON-2: a batch split record by record — the good ones kept, each bad one answered with its index, field and rule. */
export function partitionChecked<T>(raws: readonly unknown[], check: (raw: unknown, index: number) => Checked<T>): { good: T[]; rejected: RejectedRecord[] } {
  const good: T[] = [];
  const rejected: RejectedRecord[] = [];
  raws.forEach((raw, index) => {
    const checked = check(raw, index);
    if (checked.ok) good.push(checked.record);
    else rejected.push(checked.rejected);
  });
  return { good, rejected };
}

export const refuse = (index: number, field: string, rule: string, message: string): Checked<never> => ({
  ok: false,
  rejected: { index, field: `${field}`, rule, message },
});

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A batch repeats its instants (a hundred sensors read at the same second) and its sensors: each string's shape
 * is checked once per container (bounded memos of strings that passed; a failing one is checked again each time).
 * Pure functions of the string, so nothing is checked less.
 */
const MEMO_MAX = 4096;
const instantMemo = new Map<string, number>();
const sensorMemo = new Set<string>();

function instantMsOf(at: unknown): number | undefined {
  if (typeof at !== 'string') return undefined;
  const known = instantMemo.get(at);
  if (known !== undefined) return known;
  if (!isInstant(at)) return undefined;
  const atMs = Date.parse(at);
  if (instantMemo.size >= MEMO_MAX) instantMemo.clear();
  instantMemo.set(at, atMs);
  return atMs;
}

/** A key-safe id (no `#` separator): letters, digits, `_`, `-`, `.`, at most 64. */
export function isSensorId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (sensorMemo.has(value)) return true;
  if (!SENSOR_ID.test(value)) return false;
  if (sensorMemo.size >= MEMO_MAX) sensorMemo.clear();
  sensorMemo.add(value);
  return true;
}

/** The fields every record has: a key-safe sensor id, a MON-1 kind and an instant with its offset (CAL-1). */
function common(raw: unknown, index: number, now: number, retentionDays: number): Checked<{ sensorId: string; kind: MonitoringKind; atMs: number }> {
  if (!isObject(raw)) return refuse(index, '', 'MON-2', 'each record must be an object');
  const { sensorId, kind, at } = raw;
  if (!isSensorId(sensorId)) {
    return refuse(index, 'sensorId', 'MON-2', 'sensorId must be 1–64 letters, digits, "_", "-" or "."');
  }
  if (typeof kind !== 'string' || !Object.hasOwn(MONITORING_KINDS, kind)) {
    return refuse(index, 'kind', 'MON-1', `kind must be one of ${Object.keys(MONITORING_KINDS).join(', ')}`);
  }
  const instant = checkAt(at, index, now, retentionDays);
  if (!instant.ok) return instant;
  return { ok: true, record: { sensorId, kind: kind as MonitoringKind, atMs: instant.record } };
}

/** A record's instant (CAL-1: with Z or an offset), neither in the future beyond a device clock's error nor older than kept. */
export function checkAt(at: unknown, index: number, now: number, retentionDays: number): Checked<number> {
  const atMs = instantMsOf(at);
  if (atMs === undefined) return refuse(index, 'at', 'CAL-1', 'at must be an ISO 8601 instant with Z or an offset');
  if (atMs > now + FUTURE_TOLERANCE_MS) return refuse(index, 'at', 'MON-2', 'at is more than 5 minutes in the future: check the device clock');
  if (atMs < now - retentionDays * 86_400_000) {
    return refuse(index, 'at', 'MON-2', `at is older than the ${retentionDays} days readings are kept`);
  }
  return { ok: true, record: atMs };
}

/**
 * MON-1, MON-2: a reading as sent, checked on its own — a bad record is refused with its index, field and rule
 * while the others of the batch are kept.
 */
export function checkReading(raw: unknown, index: number, now: number, retentionDays: number): Checked<Reading> {
  const base = common(raw, index, now, retentionDays);
  if (!base.ok) return base;
  const { value, unit } = raw as Record<string, unknown>;
  if (typeof value !== 'number' || !Number.isFinite(value)) return refuse(index, 'value', 'MON-2', 'value must be a finite number');
  const expected = MONITORING_KINDS[base.record.kind];
  if (unit !== expected) return refuse(index, 'unit', 'MON-1', `${base.record.kind} is measured in ${expected}`);
  if (base.record.kind === 'VIDEO_ALARM') return refuse(index, 'kind', 'MON-1', 'VIDEO_ALARM is a device alarm: post it to /monitoring/alarms');
  return { ok: true, record: { ...base.record, value, unit: expected } };
}

/** MON-2: a device's own alarm (a video AI detection, a sensor's local alarm), checked on its own. */
export function checkDeviceAlarm(raw: unknown, index: number, now: number, retentionDays: number): Checked<DeviceAlarm> {
  const base = common(raw, index, now, retentionDays);
  if (!base.ok) return base;
  const { message } = raw as Record<string, unknown>;
  if (typeof message !== 'string' || message.trim() === '' || message.length > MESSAGE_MAX) {
    return refuse(index, 'message', 'MON-2', `message is required, at most ${MESSAGE_MAX} characters`);
  }
  return { ok: true, record: { ...base.record, message: message.trim() } };
}

/** One minute: the unit readings are packed in when stored. */
export const minuteOf = (atMs: number): number => Math.floor(atMs / 60_000) * 60_000;

/**
 * MON-2: a source's sensors are spread over this many shards (partition keys); a shard's minute holds its
 * sensors' readings of that minute. Fewer, fuller items than one per sensor (a batch of 500 readings from 100
 * sensors is ~8 items a minute, one write call), and still several partitions per mine: a busy mine is no hot
 * partition (test/bench/monitoring.ts: 0.4 WCU/s per key at 1,000 mines; a 1,000-sensor mine read every second and
 * posting every second rewrites ~20 KB items, ~40 WCU/s per key, far below 1,000). Was 16 until the ingest bench
 * (issue 19) measured the transaction's time growing with its item count: 8 halves it.
 */
export const SHARDS_PER_SOURCE = 8;
/** The shard count readings were stored under before: a sensor's older minutes may still be there (readingsOf). */
export const FORMER_SHARDS_PER_SOURCE = 16;

/** FNV-1a of a sensor id, so a sensor always lands in the same shard. */
function sensorHash(sensorId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < sensorId.length; i += 1) {
    hash ^= sensorId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard of a sensor. */
export const shardOf = (sensorId: string): number => sensorHash(sensorId) % SHARDS_PER_SOURCE;
/** The shard a sensor's readings went to under {@link FORMER_SHARDS_PER_SOURCE} (kept until their TTL). */
export const formerShardOf = (sensorId: string): number => sensorHash(sensorId) % FORMER_SHARDS_PER_SOURCE;

/** A reading is late when it arrives more than the rule set's window after its instant (MON-2). */
export const isLate = (atMs: number, now: number, lateAfterMinutes: number): boolean => now - atMs > lateAfterMinutes * 60_000;

/**
 * What a stream stores per sensor (or person's tag) and instant: a reading's number, or a position's text
 * (positions.ts). Idempotent per (source, sensor, instant) alike.
 */
export interface StoredRecord {
  readonly sensorId: string;
  readonly kind: string;
  readonly value: number | string;
  readonly atMs: number;
}

/** A stored minute of a shard: by sensor, its values by epoch millisecond, which came late, and its kind. */
export interface ReadingBucket {
  readonly shard: number;
  readonly minute: number;
  readonly values: Readonly<Record<string, Readonly<Record<string, number | string>>>>;
  readonly late: Readonly<Record<string, readonly number[]>>;
  readonly kinds: Readonly<Record<string, string>>;
  /** 0 when not stored yet. */
  readonly version: number;
}

export interface MergeOutcome<R extends StoredRecord = Reading> {
  /** The buckets that changed, with their new contents and version. */
  readonly changed: ReadingBucket[];
  /** The records newly stored, in time order per sensor. */
  readonly accepted: R[];
  readonly duplicates: number;
  readonly late: number;
}

/** The id of a shard's minute within a source, as the merge and the store name it. */
export const bucketId = (shard: number, minute: number): string => `${shard}@${minute}`;

/** The bucket a reading goes to. */
export const bucketOf = (reading: Pick<Reading, 'sensorId' | 'atMs'>): { shard: number; minute: number } => ({
  shard: shardOf(reading.sensorId),
  minute: minuteOf(reading.atMs),
});

/**
 * MON-2: idempotent per (source, sensor, instant) — a reading already stored (or repeated in the batch) is a
 * duplicate and changes nothing, so the same batch sent twice stores once. Readings are packed into their
 * sensor's shard and minute, in time order whatever order they arrived in.
 */
export function mergeReadings<R extends StoredRecord>(
  readings: readonly R[],
  stored: ReadonlyMap<string, ReadingBucket>,
  now: number,
  lateAfterMinutes: number,
): MergeOutcome<R> {
  const buckets = new Map<
    string,
    { shard: number; minute: number; values: Record<string, Record<string, number | string>>; late: Record<string, number[]>; kinds: Record<string, string>; base: ReadingBucket | undefined; added: number }
  >();
  const accepted: R[] = [];
  let duplicates = 0;
  let late = 0;
  // Time order (so each sensor's too); a sensor's shard hashed once per batch.
  const ordered = [...readings].sort((a, b) => a.atMs - b.atMs);
  const shards = new Map<string, number>();
  for (const reading of ordered) {
    let shard = shards.get(reading.sensorId);
    if (shard === undefined) {
      shard = shardOf(reading.sensorId);
      shards.set(reading.sensorId, shard);
    }
    const minute = minuteOf(reading.atMs);
    const id = bucketId(shard, minute);
    let bucket = buckets.get(id);
    if (!bucket) {
      const base = stored.get(id);
      bucket = {
        shard,
        minute,
        values: Object.fromEntries(Object.entries(base?.values ?? {}).map(([sensor, values]) => [sensor, { ...values }])),
        late: Object.fromEntries(Object.entries(base?.late ?? {}).map(([sensor, ats]) => [sensor, [...ats]])),
        kinds: { ...base?.kinds },
        base,
        added: 0,
      };
      buckets.set(id, bucket);
    }
    const values = (bucket.values[reading.sensorId] ??= {});
    const at = String(reading.atMs);
    if (Object.hasOwn(values, at)) {
      duplicates += 1;
      continue;
    }
    values[at] = reading.value;
    bucket.kinds[reading.sensorId] ??= reading.kind;
    bucket.added += 1;
    if (isLate(reading.atMs, now, lateAfterMinutes)) {
      (bucket.late[reading.sensorId] ??= []).push(reading.atMs);
      late += 1;
    }
    accepted.push(reading);
  }
  const changed: ReadingBucket[] = [...buckets.values()]
    .filter((bucket) => bucket.added > 0)
    .map((bucket) => ({
      shard: bucket.shard,
      minute: bucket.minute,
      values: bucket.values,
      late: bucket.late,
      kinds: bucket.kinds,
      version: (bucket.base?.version ?? 0) + 1,
    }));
  return { changed, accepted, duplicates, late };
}
