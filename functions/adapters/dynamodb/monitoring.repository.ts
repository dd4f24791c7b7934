import type { AlarmStatus, MonitoringAlarm } from '../../../domain/monitoring/alarm.js';
import type { AlarmSeverity } from '../../../domain/monitoring/kinds.js';
import type { EnterpriseAlarmViews, MonitoringRepository, Page, PageRequest, ReadingStream, SourceKeys } from '../../../domain/monitoring/monitoring.repository.js';
import { bucketId, formerShardOf, minuteOf, shardOf, type ReadingBucket } from '../../../domain/monitoring/readings.js';
import type { MonitoringSource } from '../../../domain/monitoring/source.js';
import { Conflict, StaleVersion } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import { assertKeyPart, keys, ownerPrefix, type ItemKey } from './keys.js';
import { outboxOf, type Store, type Write } from './store.js';
import { entityOf } from './stored-item.js';

const tenant = (tenantId: string) => ({ kind: 'tenant', tenantId }) as const;

/** Each stream's own partitions: a sensor's reading, its device's alarm and a person's position never meet. */
const STREAM_KEYS: Readonly<Record<ReadingStream, string>> = { readings: 'MONREAD', alarms: 'MONDEV', positions: 'MONPOS' };

/**
 * MON-2's keys, beside the others of keys.ts and built from its parts (owner prefix, key-safe ids):
 * - a source `T#<t>#MONSOURCE#<id>`, listed per tenant (GSI1) and per mine (GSI3, SVC-12's "connected");
 * - a key's lookup `P#MONKEY#<prefix>`: platform data, since the request names no tenant before it is read;
 * - readings `T#<t>#MONREAD#<source>#<shard>` (devices' alarms `MONDEV`, personnel positions `MONPOS`), one item per minute (`SK` the
 *   minute's epoch ms, zero-padded) holding the readings of the shard's sensors (SHARDS_PER_SOURCE, by a hash of
 *   the sensor id): a mine's writes spread over 8 partition keys, each a few KB a post — far below a partition's
 *   1,000 WCU (test/bench/monitoring.ts);
 * - an alarm `T#<t>#MONALARM#<id>`, listed per tenant newest first (GSI1) and per mine (GSI3, ACL-5);
 * - a sensor's open-alarm pointer `T#<t>#MONALARM-OPEN#<source>#<sensor>#<kind>`: at most one open alarm each.
 */
export const monitoringKeys = {
  source: (tenantId: string, sourceId: string): ItemKey => keys.entity(tenant(tenantId), 'MONSOURCE', sourceId),
  sourceListing: (tenantId: string): string => keys.listing(tenant(tenantId), 'MONSOURCE'),
  enterpriseSources: (uscc: string): string => `ENT#${assertKeyPart(uscc, 'uscc')}#MONSOURCE`,
  apiKey: (prefix: string): ItemKey => ({ PK: `P#MONKEY#${assertKeyPart(prefix, 'key prefix')}`, SK: 'KEY' }),
  readings: (tenantId: string, sourceId: string, shard: number, stream: ReadingStream = 'readings'): string =>
    `${ownerPrefix(tenant(tenantId))}#${STREAM_KEYS[stream]}#${assertKeyPart(sourceId, 'sourceId')}#${shard}`,
  minute: (minute: number): string => `M#${String(minute).padStart(15, '0')}`,
  alarm: (tenantId: string, alarmId: string): ItemKey => keys.entity(tenant(tenantId), 'MONALARM', alarmId),
  alarmListing: (tenantId: string): string => keys.listing(tenant(tenantId), 'MONALARM'),
  enterpriseAlarms: (uscc: string): string => `ENT#${assertKeyPart(uscc, 'uscc')}#MONALARM`,
  /** MON-2, SVC-9: the alarms a service was made from (one item per alarm), so its archive can carry them. */
  serviceAlarms: (tenantId: string, serviceId: string): string => `${ownerPrefix(tenant(tenantId))}#MONALARM-SVC#${assertKeyPart(serviceId, 'serviceId')}`,
  openAlarm: (tenantId: string, sourceId: string, sensorId: string, kind: string): ItemKey => ({
    PK: `${ownerPrefix(tenant(tenantId))}#MONALARM-OPEN#${assertKeyPart(sourceId, 'sourceId')}#${assertKeyPart(sensorId, 'sensorId')}#${assertKeyPart(kind, 'kind')}`,
    SK: 'OPEN',
  }),
};

/**
 * MON-2 (issue 19 bench): a stored minute's readings as ONE string attribute, not nested maps — a map of maps of
 * numbers costs DynamoDB (and the SDK's marshalling) far more per write than the same figures in one string: the
 * ingest bench measured the transaction at about half the time. One line per sensor:
 * `<sensorId> <kind> <offset>=<value>,<offset>~<value>…` — `offset` the milliseconds after the minute, `~` marking a
 * reading that came late; values as JavaScript writes them (they read back exactly). Sensor ids and kinds are
 * key-safe (no space, comma, `=` or `~`), so the format needs no escaping.
 */
export function packBucket(bucket: Pick<ReadingBucket, 'minute' | 'values' | 'late' | 'kinds'>): string {
  const lines: string[] = [];
  for (const sensorId in bucket.values) {
    const values = bucket.values[sensorId] as Readonly<Record<string, number | string>>;
    const late = bucket.late[sensorId];
    let line = `${sensorId} ${bucket.kinds[sensorId] ?? ''} `;
    let first = true;
    for (const at in values) {
      const atMs = Number(at);
      line += `${first ? '' : ','}${atMs - bucket.minute}${late?.includes(atMs) ? '~' : '='}${values[at]}`;
      first = false;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** The inverse of {@link packBucket}. */
export function unpackBucket(minute: number, data: string, stream: ReadingStream = 'readings'): Pick<ReadingBucket, 'values' | 'late' | 'kinds'> {
  // A position's value is its text (positions.ts); every other stream's a number.
  const numeric = stream !== 'positions';
  const values: Record<string, Record<string, number | string>> = {};
  const late: Record<string, number[]> = {};
  const kinds: Record<string, string> = {};
  if (data === '') return { values, late, kinds };
  for (const line of data.split('\n')) {
    const [sensorId = '', kind = '', readings = ''] = line.split(' ');
    const sensorValues: Record<string, number | string> = {};
    for (const reading of readings.split(',')) {
      const equals = reading.indexOf('=');
      const mark = equals === -1 ? reading.indexOf('~') : equals;
      const atMs = minute + Number(reading.slice(0, mark));
      const value = reading.slice(mark + 1);
      sensorValues[atMs] = numeric ? Number(value) : value;
      if (equals === -1) (late[sensorId] ??= []).push(atMs);
    }
    values[sensorId] = sensorValues;
    kinds[sensorId] = kind;
  }
  return { values, late, kinds };
}

/** The stored item of a shard's minute (its TTL `expiresAt`, epoch seconds, `retentionDays` after the minute). */
export function readingItemOf(tenantId: string, sourceId: string, bucket: ReadingBucket, retentionDays: number, stream: ReadingStream = 'readings') {
  return {
    PK: monitoringKeys.readings(tenantId, sourceId, bucket.shard, stream),
    SK: monitoringKeys.minute(bucket.minute),
    kind: 'MONREAD',
    shard: bucket.shard,
    minute: bucket.minute,
    data: packBucket(bucket),
    version: bucket.version,
    // MON-2: readings are kept `readingRetentionDays` (rule-set data) after their minute; DynamoDB's TTL drops them.
    expiresAt: Math.floor(bucket.minute / 1000) + retentionDays * 86_400,
  };
}

/** A key's lookup id: its public prefix without the `anzm_` mark. */
const lookupIdOf = (keyPrefix: string): string => keyPrefix.replace(/^anzm_/, '');

/** TransactWriteItems takes at most 100 items: the most minutes one write call stores. */
const MAX_TRANSACT_ITEMS = 100;

const sourceItem = (source: MonitoringSource) => ({
  ...source,
  ...monitoringKeys.source(source.tenantId, source.id),
  kind: 'MONSOURCE',
  GSI1PK: monitoringKeys.sourceListing(source.tenantId),
  GSI1SK: source.id,
  GSI3PK: monitoringKeys.enterpriseSources(source.uscc),
  GSI3SK: source.id,
});

/** `kind` is the table's item kind, so an alarm's data kind is stored as `dataKind`. */
const alarmItem = (alarm: MonitoringAlarm) => ({
  ...alarm,
  dataKind: alarm.kind,
  ...monitoringKeys.alarm(alarm.tenantId, alarm.id),
  kind: 'MONALARM',
  GSI1PK: monitoringKeys.alarmListing(alarm.tenantId),
  GSI1SK: alarm.id,
  GSI3PK: monitoringKeys.enterpriseAlarms(alarm.uscc),
  GSI3SK: alarm.id,
});

const alarmOf = (item: Record<string, unknown>): MonitoringAlarm => ({
  ...entityOf<Omit<MonitoringAlarm, 'kind'>>(item, ['dataKind']),
  kind: item.dataKind as MonitoringAlarm['kind'],
});

const pageOf = <T>(
  page: { items: Record<string, unknown>[]; nextCursor?: string; total?: number },
  read: (item: Record<string, unknown>) => T = (item) => entityOf<T>(item),
): Page<T> => ({
  items: page.items.map(read),
  ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  ...(page.total === undefined ? {} : { total: page.total }),
});

function alarmFilter(query: { status?: AlarmStatus; severity?: AlarmSeverity }) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (query.status) {
    parts.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.severity) {
    parts.push('#severity = :severity');
    names['#severity'] = 'severity';
    values[':severity'] = query.severity;
  }
  return parts.length === 0
    ? undefined
    : { FilterExpression: parts.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

/**
 * MON-2 over the one table. `store` is the tenant's (tenant-scoped credentials); `platform` (the function's own
 * role) reads and writes the key lookups, which live under `P#`, and nothing else.
 */
export class DynamoMonitoringRepository implements MonitoringRepository, EnterpriseAlarmViews, SourceKeys {
  constructor(
    private readonly store: Store,
    private readonly platform: Store = store,
  ) {}

  async lookup(prefix: string): Promise<{ tenantId: string; sourceId: string } | undefined> {
    const item = await this.platform.get<{ tenantId: string; sourceId: string }>(monitoringKeys.apiKey(prefix));
    return item ? { tenantId: item.tenantId, sourceId: item.sourceId } : undefined;
  }

  /**
   * The key's lookup first (platform data, the function's own role), then the source (tenant data, the tenant
   * role only): should the second fail, the lookup leads to no source and its key — never handed out — is a 401.
   */
  async createSource(source: MonitoringSource): Promise<void> {
    await this.platform.commit([this.keyLookup(source)], []);
    await this.store.commit([{ kind: 'create', item: sourceItem(source), onExists: () => new Conflict(`source ${source.id} exists`) }], []);
  }

  private keyLookup(source: MonitoringSource): Write {
    return {
      kind: 'create',
      item: { ...monitoringKeys.apiKey(lookupIdOf(source.keyPrefix)), kind: 'MONKEY', tenantId: source.tenantId, sourceId: source.id },
      onExists: () => new Conflict('key prefix taken; retry'),
    };
  }

  async getSource(tenantId: string, sourceId: string): Promise<MonitoringSource | undefined> {
    const item = await this.store.get<Record<string, unknown>>(monitoringKeys.source(tenantId, sourceId));
    return item && entityOf<MonitoringSource>(item);
  }

  /**
   * A rotation writes the new key's lookup first (an orphan, harmless, should the source's update then fail); the
   * old lookup stays, marked retired — the source's current prefix is what a request must match.
   */
  async saveSource(source: MonitoringSource, expectedVersion: number, options: { retiredPrefix?: string } = {}): Promise<void> {
    if (options.retiredPrefix !== undefined && options.retiredPrefix !== source.keyPrefix) {
      await this.platform.commit(
        [
          this.keyLookup(source),
          { kind: 'patch', key: monitoringKeys.apiKey(lookupIdOf(options.retiredPrefix)), set: { retiredAt: new Date().toISOString() }, entity: 'api key' },
        ],
        [],
      );
    }
    await this.store.commit([{ kind: 'update', item: sourceItem(source), expectedVersion, entity: 'monitoring source' }], []);
  }

  async listSources(tenantId: string, page: PageRequest): Promise<Page<MonitoringSource>> {
    return pageOf(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI1',
        partition: monitoringKeys.sourceListing(tenantId),
        limit: page.limit,
        cursor: page.cursor,
        newestFirst: true,
        withTotal: page.withTotal === true && !page.cursor,
      }),
    );
  }

  async readBuckets(
    tenantId: string,
    sourceId: string,
    ids: readonly { shard: number; minute: number }[],
    stream: ReadingStream = 'readings',
  ): Promise<Map<string, ReadingBucket>> {
    const items = await this.store.getMany<Record<string, unknown>>(
      ids.map(({ shard, minute }) => ({ PK: monitoringKeys.readings(tenantId, sourceId, shard, stream), SK: monitoringKeys.minute(minute) })),
    );
    return new Map(
      items.map((item) => {
        const minute = item.minute as number;
        const bucket: ReadingBucket = {
          shard: item.shard as number,
          minute,
          // A minute written before the packed format (nested maps) still reads.
          ...(typeof item.data === 'string'
            ? unpackBucket(minute, item.data, stream)
            : {
                values: (item.values ?? {}) as ReadingBucket['values'],
                late: (item.late ?? {}) as ReadingBucket['late'],
                kinds: (item.kinds ?? {}) as ReadingBucket['kinds'],
              }),
          version: item.version as number,
        };
        return [bucketId(bucket.shard, bucket.minute), bucket];
      }),
    );
  }

  async writeBuckets(
    tenantId: string,
    sourceId: string,
    buckets: readonly ReadingBucket[],
    retentionDays: number,
    stream: ReadingStream = 'readings',
  ): Promise<boolean> {
    const writes: Write[] = buckets.map((bucket) => {
      const item = readingItemOf(tenantId, sourceId, bucket, retentionDays, stream);
      return bucket.version === 1
        ? { kind: 'create', item, onExists: () => new StaleVersion('reading minute') }
        : { kind: 'update', item, expectedVersion: bucket.version - 1, entity: 'reading minute' };
    });
    const chunks: Write[][] = [];
    for (let start = 0; start < writes.length; start += MAX_TRANSACT_ITEMS) chunks.push(writes.slice(start, start + MAX_TRANSACT_ITEMS));
    const outcomes = await Promise.all(
      chunks.map((chunk) =>
        this.store.commit(chunk, []).then(
          () => true,
          (error: unknown) => {
            if (error instanceof StaleVersion || error instanceof Conflict) return false;
            throw error;
          },
        ),
      ),
    );
    return outcomes.every(Boolean);
  }

  async readingsOf(tenantId: string, sourceId: string, sensorId: string, fromMs: number, toMs: number) {
    // Minutes stored before the shard count changed are read where they were written, until their TTL drops them.
    const shards = [...new Set([shardOf(sensorId), formerShardOf(sensorId)])];
    const minutes: { shard: number; minute: number }[] = [];
    for (let minute = minuteOf(fromMs); minute <= toMs; minute += 60_000) for (const shard of shards) minutes.push({ shard, minute });
    const buckets = await this.readBuckets(tenantId, sourceId, minutes);
    return [...buckets.values()]
      .flatMap((bucket) =>
        Object.entries(bucket.values[sensorId] ?? {}).flatMap(([at, value]) =>
          typeof value === 'number' ? [{ atMs: Number(at), value, late: (bucket.late[sensorId] ?? []).includes(Number(at)) }] : [],
        ),
      )
      .filter((reading) => reading.atMs >= fromMs && reading.atMs <= toMs)
      .sort((a, b) => a.atMs - b.atMs)
      // A reading re-sent across the shard change may be in both shards: once.
      .filter((reading, index, all) => index === 0 || all[index - 1]?.atMs !== reading.atMs);
  }

  async openAlarmOf(tenantId: string, sourceId: string, sensorId: string, kind: string) {
    const pointer = await this.store.get<{ alarmId?: string; open?: boolean; version: number }>(monitoringKeys.openAlarm(tenantId, sourceId, sensorId, kind));
    if (!pointer) return { alarm: undefined, pointerVersion: 0 };
    const alarm = pointer.open && pointer.alarmId ? await this.getAlarm(tenantId, pointer.alarmId) : undefined;
    return { alarm: alarm && alarm.status !== 'CLOSED' ? alarm : undefined, pointerVersion: pointer.version };
  }

  async createAlarm(alarm: MonitoringAlarm, events: readonly DomainEvent[], pointerVersion: number): Promise<void> {
    const key = monitoringKeys.openAlarm(alarm.tenantId, alarm.sourceId, alarm.sensorId, alarm.kind);
    const pointer = { ...key, kind: 'MONALARM-OPEN', alarmId: alarm.id, open: true, version: pointerVersion + 1 };
    const alarmKey = monitoringKeys.alarm(alarm.tenantId, alarm.id);
    await this.store.commit(
      [
        { kind: 'create', item: alarmItem(alarm), onExists: () => new Conflict(`alarm ${alarm.id} exists`) },
        pointerVersion === 0
          ? { kind: 'create', item: pointer, onExists: () => new StaleVersion('open alarm') }
          : { kind: 'update', item: pointer, expectedVersion: pointerVersion, entity: 'open alarm' },
      ],
      events.map((event) => outboxOf(event, alarmKey)),
    );
  }

  async saveAlarm(alarm: MonitoringAlarm, events: readonly DomainEvent[], expectedVersion: number): Promise<void> {
    const writes: Write[] = [{ kind: 'update', item: alarmItem(alarm), expectedVersion, entity: 'monitoring alarm' }];
    if (alarm.status === 'CLOSED') {
      // The sensor's next high reading opens a new alarm.
      writes.push({ kind: 'patch', key: monitoringKeys.openAlarm(alarm.tenantId, alarm.sourceId, alarm.sensorId, alarm.kind), set: { open: false }, entity: 'open alarm' });
    }
    const alarmKey = monitoringKeys.alarm(alarm.tenantId, alarm.id);
    await this.store.commit(writes, events.map((event) => outboxOf(event, alarmKey)));
  }

  /** The alarm moved to its inspection, and the service's link to it (SVC-9: its archive carries the alarm): one transaction. */
  async linkInspection(alarm: MonitoringAlarm, expectedVersion: number): Promise<void> {
    if (!alarm.serviceId) throw new Error(`alarm ${alarm.id} has no service to link`);
    await this.store.commit(
      [
        { kind: 'update', item: alarmItem(alarm), expectedVersion, entity: 'monitoring alarm' },
        {
          kind: 'create',
          item: { PK: monitoringKeys.serviceAlarms(alarm.tenantId, alarm.serviceId), SK: alarm.id, kind: 'MONALARM-SVC', alarmId: alarm.id },
          onExists: () => new Conflict(`alarm ${alarm.id} is linked to service ${alarm.serviceId} already`),
        },
      ],
      [],
    );
  }

  async alarmsOfService(tenantId: string, serviceId: string): Promise<MonitoringAlarm[]> {
    const links = await this.store.page<{ alarmId: string }>({ partition: monitoringKeys.serviceAlarms(tenantId, serviceId), limit: 100 });
    if (links.items.length === 0) return [];
    const items = await this.store.getMany<Record<string, unknown>>(links.items.map((link) => monitoringKeys.alarm(tenantId, link.alarmId)));
    return items.map(alarmOf).sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : 0));
  }

  async getAlarm(tenantId: string, alarmId: string): Promise<MonitoringAlarm | undefined> {
    const item = await this.store.get<Record<string, unknown>>(monitoringKeys.alarm(tenantId, alarmId));
    return item && alarmOf(item);
  }

  async listAlarms(tenantId: string, query: PageRequest & { status?: AlarmStatus; severity?: AlarmSeverity }): Promise<Page<MonitoringAlarm>> {
    const filter = alarmFilter(query);
    return pageOf(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI1',
        partition: monitoringKeys.alarmListing(tenantId),
        limit: query.limit,
        cursor: query.cursor,
        newestFirst: true,
        withTotal: query.withTotal === true && !query.cursor,
        ...(filter ? { filter, evaluate: 500 } : {}),
      }),
      alarmOf,
    );
  }

  async listForEnterprise(uscc: string, query: PageRequest & { status?: AlarmStatus }): Promise<Page<MonitoringAlarm>> {
    const filter = alarmFilter(query);
    return pageOf(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI3',
        partition: monitoringKeys.enterpriseAlarms(uscc),
        limit: query.limit,
        cursor: query.cursor,
        newestFirst: true,
        withTotal: query.withTotal === true && !query.cursor,
        ...(filter ? { filter, evaluate: 500 } : {}),
      }),
      alarmOf,
    );
  }

  async countForEnterprise(uscc: string, fromIso: string, toIso: string): Promise<{ connected: boolean; alarms: number }> {
    const sources = await this.store.page<Record<string, unknown>>({ index: 'GSI3', partition: monitoringKeys.enterpriseSources(uscc), limit: 1 });
    if (sources.items.length === 0) return { connected: false, alarms: 0 };
    const alarms = await this.store.count({
      index: 'GSI3',
      partition: monitoringKeys.enterpriseAlarms(uscc),
      filter: {
        FilterExpression: '#opened BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#opened': 'openedAt' },
        ExpressionAttributeValues: { ':from': fromIso, ':to': toIso },
      },
    });
    return { connected: true, alarms };
  }
}
