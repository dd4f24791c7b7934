import { describe, expect, it } from 'vitest';
import { packBucket, unpackBucket } from '../../../functions/adapters/dynamodb/monitoring.repository.js';
import { mergeReadings, type ReadingBucket } from '../../../domain/monitoring/readings.js';
import { positionRecord, zoneExceedancesOf } from '../../../domain/monitoring/positions.js';

const MINUTE = 1_765_000_020_000 - (1_765_000_020_000 % 60_000);

describe('MON-2: a stored minute packed in one string (issue 19 bench)', () => {
  it('MON-2 reads back exactly what was merged: values, late marks and kinds', () => {
    const now = MINUTE + 30 * 60_000;
    const readings = [
      { sensorId: 'ch4-1', kind: 'GAS_CH4' as const, value: 0.1 + 0.2, unit: '%', atMs: MINUTE + 5_000 },
      { sensorId: 'ch4-1', kind: 'GAS_CH4' as const, value: -1e-7, unit: '%', atMs: MINUTE + 15_001 },
      { sensorId: 'o2.b', kind: 'O2' as const, value: 20.9, unit: '%', atMs: MINUTE },
    ];
    const merged = mergeReadings(readings, new Map(), now, 10);
    expect(merged.late).toBe(3);
    const late: Record<string, readonly number[]> = {};
    for (const bucket of merged.changed) {
      const back = unpackBucket(MINUTE, packBucket(bucket));
      expect(back).toEqual({ values: bucket.values, late: bucket.late, kinds: bucket.kinds });
      Object.assign(late, back.late);
    }
    expect(late).toEqual({ 'ch4-1': [MINUTE + 5_000, MINUTE + 15_001], 'o2.b': [MINUTE] });
  });

  it('MON-1 人员定位 keeps a position’s zone and coordinates as text, and counts a zone’s persons per minute', () => {
    const positions = [
      positionRecord({ tagId: 't1', zone: 'goaf-3', x: 1.5, y: -2, z: -400, atMs: MINUTE + 1_000 }),
      positionRecord({ tagId: 't2', zone: 'goaf-3', atMs: MINUTE + 2_000 }),
      positionRecord({ tagId: 't2', zone: 'goaf-3', atMs: MINUTE + 3_000 }),
    ];
    const values = Object.assign({}, ...mergeReadings(positions, new Map(), MINUTE, 10).changed.map((bucket: ReadingBucket) => unpackBucket(MINUTE, packBucket(bucket), 'positions').values));
    expect(values).toEqual({ t1: { [MINUTE + 1_000]: 'goaf-3@1.5/-2/-400' }, t2: { [MINUTE + 2_000]: 'goaf-3', [MINUTE + 3_000]: 'goaf-3' } });
    const [over] = zoneExceedancesOf(positions, { thresholds: { 'ZONE.goaf-3': { direction: 'ABOVE', warning: 2, major: 3 } } });
    expect(over).toMatchObject({ sensorId: 'ZONE.goaf-3', kind: 'PERSONNEL_COUNT', severity: 'WARNING', peak: 2, count: 1 });
  });
});
