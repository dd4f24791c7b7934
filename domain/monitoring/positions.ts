import type { Exceedance } from './alarm.js';
import { severityOf, type Threshold } from './kinds.js';
import { checkAt, isObject, minuteOf, refuse, type Checked, type StoredRecord } from './readings.js';
import type { MonitoringSource } from './source.js';

/**
 * MON-1 人员定位 (personnel positioning): where a person's tag was at an instant — the zone the mine's positioning
 * system places it in (its 分站 / 区域 id), and optionally coordinates in metres in the mine's own frame.
 */
export interface Position {
  readonly tagId: string;
  readonly zone: string;
  readonly x?: number;
  readonly y?: number;
  readonly z?: number;
  readonly atMs: number;
}

/** Coordinates are in metres; a position in another unit is refused, never converted (as readings, MON-1). */
export const POSITION_UNIT = 'm';
/** Zone ids go into keys (`ZONE.<zone>` as an alarm's sensor): key-safe, short. */
const ZONE_ID = /^[A-Za-z0-9_.-]{1,32}$/;
const TAG_ID = /^[A-Za-z0-9_.-]{1,64}$/;
/** The thresholds key of a zone's limit (persons at or above it): `ZONE.<zone>`, set per mine by the insurer. */
export const ZONE_THRESHOLD = /^ZONE\.([A-Za-z0-9_.-]{1,32})$/;
export const zoneThresholdKey = (zone: string): string => `ZONE.${zone}`;
/** The stored kind of a position (never a MON-1 reading kind: a position has no value to grade). */
export const POSITION_KIND = 'PERSONNEL_POSITION';

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * MON-1, MON-2: a position as sent, checked on its own (a bad one is refused with index, field and rule, the others
 * kept): a key-safe tag id and zone, an instant with its offset, and — when given — x and y (z optional) in metres.
 */
export function checkPosition(raw: unknown, index: number, now: number, retentionDays: number): Checked<Position> {
  if (!isObject(raw)) return refuse(index, '', 'MON-2', 'each record must be an object');
  const { tagId, zone, at, x, y, z, unit } = raw;
  if (typeof tagId !== 'string' || !TAG_ID.test(tagId)) return refuse(index, 'tagId', 'MON-2', 'tagId must be 1–64 letters, digits, "_", "-" or "."');
  if (typeof zone !== 'string' || !ZONE_ID.test(zone)) return refuse(index, 'zone', 'MON-2', 'zone must be 1–32 letters, digits, "_", "-" or "."');
  const instant = checkAt(at, index, now, retentionDays);
  if (!instant.ok) return instant;
  const located = x !== undefined || y !== undefined || z !== undefined;
  if (located) {
    for (const [field, value] of [['x', x], ['y', y]] as const) if (!finite(value)) return refuse(index, field, 'MON-2', `${field} must be a finite number (with x and y both given)`);
    if (z !== undefined && !finite(z)) return refuse(index, 'z', 'MON-2', 'z must be a finite number');
    if (unit !== POSITION_UNIT) return refuse(index, 'unit', 'MON-1', `coordinates are in ${POSITION_UNIT}`);
  } else if (unit !== undefined) return refuse(index, 'unit', 'MON-1', 'unit is for coordinates: give x and y');
  return {
    ok: true,
    record: { tagId, zone, atMs: instant.record, ...(located ? { x: x as number, y: y as number, ...(z === undefined ? {} : { z: z as number }) } : {}) },
  };
}

/** A position as stored with readings (idempotent per tag and instant): `<zone>` or `<zone>@<x>/<y>[/<z>]`. */
export function positionRecord(position: Position): StoredRecord {
  const where = position.x === undefined ? '' : `@${position.x}/${position.y}${position.z === undefined ? '' : `/${position.z}`}`;
  return { sensorId: position.tagId, kind: POSITION_KIND, value: `${position.zone}${where}`, atMs: position.atMs };
}

/** The zone of a stored position's value. */
export const zoneOfStored = (value: string): string => value.split('@')[0] as string;

/**
 * MON-2 for positions: a zone the insurer gave a limit (`ZONE.<zone>` thresholds, persons — e.g. a working face's
 * 核定人数, or 1 for a zone no one may enter) is over it when the distinct tags located in it within one minute reach
 * the limit. One exceedance per zone (its worst severity and largest count, its minutes over), so a crowded zone
 * extends ONE alarm, as a sensor's readings do; its message names the tags.
 */
export function zoneExceedancesOf(positions: readonly StoredRecord[], source: Pick<MonitoringSource, 'thresholds'>): Exceedance[] {
  const tagsByZoneMinute = new Map<string, { zone: string; tags: Set<string>; firstAtMs: number; lastAtMs: number }>();
  for (const position of positions) {
    const zone = zoneOfStored(String(position.value));
    if (source.thresholds[zoneThresholdKey(zone)] === undefined) continue;
    const key = `${zone}|${minuteOf(position.atMs)}`;
    const seen = tagsByZoneMinute.get(key) ?? { zone, tags: new Set<string>(), firstAtMs: position.atMs, lastAtMs: position.atMs };
    seen.tags.add(position.sensorId);
    seen.firstAtMs = Math.min(seen.firstAtMs, position.atMs);
    seen.lastAtMs = Math.max(seen.lastAtMs, position.atMs);
    tagsByZoneMinute.set(key, seen);
  }
  const byZone = new Map<string, Exceedance>();
  for (const { zone, tags, firstAtMs, lastAtMs } of tagsByZoneMinute.values()) {
    const threshold = source.thresholds[zoneThresholdKey(zone)] as Threshold;
    const severity = severityOf(tags.size, threshold);
    if (!severity) continue;
    const seen = byZone.get(zone);
    const peak = Math.max(seen?.peak ?? 0, tags.size);
    const named = [...tags].sort().slice(0, 20).join('、');
    byZone.set(zone, {
      sensorId: zoneThresholdKey(zone),
      kind: 'PERSONNEL_COUNT',
      unit: '人',
      severity: seen && seen.severity === 'MAJOR' ? 'MAJOR' : severity,
      firstAtMs: Math.min(seen?.firstAtMs ?? firstAtMs, firstAtMs),
      lastAtMs: Math.max(seen?.lastAtMs ?? lastAtMs, lastAtMs),
      peak,
      direction: 'ABOVE',
      count: (seen?.count ?? 0) + 1,
      message: `区域 ${zone} 内 ${tags.size} 人（${severity === 'MAJOR' ? '重大' : '预警'}限值 ${severity === 'MAJOR' ? threshold.major : threshold.warning} 人）：${named}`,
    });
  }
  return [...byZone.values()];
}
