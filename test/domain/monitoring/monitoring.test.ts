import { describe, expect, it } from 'vitest';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { ruleSetSchema } from '../../../domain/kernel/rule-set/rule-set.js';
import { extendAlarm, moveAlarm, openAlarm } from '../../../domain/monitoring/alarm.js';
import { alarmEventPayload } from '../../../domain/monitoring/events.js';
import { deviceExceedancesOf, exceedancesOf } from '../../../domain/monitoring/evaluate.js';
import { MONITORING_DEFAULTS, monitoringRulesOf, severityOf } from '../../../domain/monitoring/kinds.js';
import { checkReading, mergeReadings, minuteOf, type Reading, type ReadingBucket } from '../../../domain/monitoring/readings.js';
import type { MonitoringSource } from '../../../domain/monitoring/source.js';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const rules = MONITORING_DEFAULTS;
const source: MonitoringSource = {
  id: 'src1',
  tenantId: 't1',
  policyId: 'p1',
  uscc: '91140902100079190P',
  enterpriseName: '忻府忻达煤业有限责任公司',
  name: '安全监控系统',
  status: 'ACTIVE',
  keyPrefix: 'anzm_0123456789abcdef',
  keyHash: 'x',
  thresholds: {},
  thresholdChanges: [],
  createdAt: '2026-12-01T00:00:00.000Z',
  createdBy: 'u1',
  version: 1,
};
const reading = (value: number, secondsAgo: number, sensorId = 'ch4-1'): Reading => ({ sensorId, kind: 'GAS_CH4', value, unit: '%', atMs: NOW - secondsAgo * 1000 });

describe('MON-2 rule-set figures', () => {
  it('RULES-1, MON-2: xinzhou-2024 carries the monitoring figures, equal to the domain defaults, and validates', () => {
    expect(XINZHOU_2024.monitoring).toEqual(MONITORING_DEFAULTS);
    expect(ruleSetSchema.safeParse(XINZHOU_2024).success).toBe(true);
    expect(monitoringRulesOf({ monitoring: undefined })).toBe(MONITORING_DEFAULTS);
  });

  it('MON-2: CH4 0.8 % is a WARNING, 1.0 % MAJOR; O2 is a limit from below', () => {
    expect(severityOf(0.79, rules.thresholds.GAS_CH4)).toBeUndefined();
    expect(severityOf(0.8, rules.thresholds.GAS_CH4)).toBe('WARNING');
    expect(severityOf(1.0, rules.thresholds.GAS_CH4)).toBe('MAJOR');
    expect(severityOf(24, rules.thresholds.CO)).toBe('MAJOR');
    expect(severityOf(19.5, rules.thresholds.O2)).toBe('WARNING');
    expect(severityOf(18, rules.thresholds.O2)).toBe('MAJOR');
    expect(severityOf(120, undefined)).toBeUndefined();
  });
});

describe('MON-2 records, one by one', () => {
  it('MON-1, MON-2: a record names its field and rule when refused', () => {
    const refused = (raw: unknown) => {
      const checked = checkReading(raw, 7, NOW, 90);
      return checked.ok ? undefined : [checked.rejected.index, checked.rejected.field, checked.rejected.rule];
    };
    const good = { sensorId: 'ch4-1', kind: 'GAS_CH4', value: 0.2, unit: '%', at: '2026-12-06T19:59:00+08:00' };
    expect(checkReading(good, 0, NOW, 90)).toMatchObject({ ok: true, record: { atMs: Date.parse('2026-12-06T11:59:00Z') } });
    expect(refused({ ...good, unit: 'ppm' })).toEqual([7, 'unit', 'MON-1']);
    expect(refused({ ...good, kind: 'VIDEO_ALARM', unit: '次' })).toEqual([7, 'kind', 'MON-1']);
    expect(refused({ ...good, at: '2026-12-06 19:59' })).toEqual([7, 'at', 'CAL-1']);
    expect(refused({ ...good, at: '2026-12-06T12:10:00Z' })).toEqual([7, 'at', 'MON-2']);
    expect(refused({ ...good, at: '2026-08-01T12:00:00Z' })).toEqual([7, 'at', 'MON-2']);
    expect(refused({ ...good, value: Number.NaN })).toEqual([7, 'value', 'MON-2']);
    expect(refused({ ...good, sensorId: 'a#b' })).toEqual([7, 'sensorId', 'MON-2']);
    expect(refused('text')).toEqual([7, '', 'MON-2']);
  });
});

describe('MON-2 packing and idempotency', () => {
  it('MON-2: a batch merged twice stores once; readings are packed per sensor minute', () => {
    const batch = [reading(0.2, 70), reading(0.3, 10), reading(0.2, 70)];
    const first = mergeReadings(batch, new Map(), NOW, rules.lateAfterMinutes);
    expect(first.accepted).toHaveLength(2);
    expect(first.duplicates).toBe(1);
    expect(first.changed.map((bucket) => bucket.minute)).toEqual([minuteOf(NOW - 70_000), minuteOf(NOW - 10_000)]);
    const stored = new Map<string, ReadingBucket>(first.changed.map((bucket) => [`${bucket.shard}@${bucket.minute}`, bucket]));
    const second = mergeReadings(batch, stored, NOW, rules.lateAfterMinutes);
    expect(second).toMatchObject({ changed: [], accepted: [], duplicates: 3 });
  });

  it('MON-2: readings out of order are accepted in time order; older than the window, marked late', () => {
    const merged = mergeReadings([reading(0.3, 5), reading(0.1, 20 * 60), reading(0.2, 30)], new Map(), NOW, 10);
    expect(merged.accepted.map((r) => r.value)).toEqual([0.1, 0.2, 0.3]);
    expect(merged.late).toBe(1);
  });
});

describe('MON-2 alarms', () => {
  it('MON-2: a stream of high readings makes one exceedance per sensor; it opens one alarm that later ones extend', () => {
    const [exceedance, ...others] = exceedancesOf([reading(0.85, 60), reading(0.5, 50), reading(1.2, 40), reading(0.9, 30)], source, rules);
    expect(others).toEqual([]);
    expect(exceedance).toMatchObject({ severity: 'MAJOR', peak: 1.2, count: 3, firstAtMs: NOW - 60_000, lastAtMs: NOW - 30_000 });
    const opened = openAlarm(source, { ...exceedance!, severity: 'WARNING', count: 1, peak: 0.85, lastAtMs: NOW - 60_000 }, { id: 'a1', rules });
    expect(opened.events.map((event) => event.type)).toEqual(['monitoring.alarm.opened']);
    expect(alarmEventPayload.safeParse(opened.events[0]?.data).success).toBe(true);
    expect(Date.parse(opened.state.slaDueAt) - Date.parse(opened.state.openedAt)).toBe(60 * 60_000);
    const extended = extendAlarm(opened.state, exceedance!, rules);
    expect(extended).toMatchObject({ severity: 'MAJOR', peak: 1.2, readings: 4, status: 'OPEN', version: 2 });
    // Raised to MAJOR: the SLA shortens to MAJOR's 15 minutes from opening.
    expect(Date.parse(extended.slaDueAt) - Date.parse(extended.openedAt)).toBe(15 * 60_000);
  });

  it('MON-2: an insurer override replaces the rule set’s threshold for its mine', () => {
    const strict = { ...source, thresholds: { GAS_CH4: { direction: 'ABOVE' as const, warning: 0.5 } } };
    expect(exceedancesOf([reading(0.6, 5)], strict, rules)).toHaveLength(1);
    expect(exceedancesOf([reading(0.6, 5)], source, rules)).toHaveLength(0);
  });

  it('MON-2: device alarms open WARNING alarms, MAJOR for the gas kinds', () => {
    const [video, gas] = deviceExceedancesOf([
      { sensorId: 'cam-1', kind: 'VIDEO_ALARM', atMs: NOW, message: '未戴安全帽' },
      { sensorId: 'ch4-9', kind: 'GAS_CH4', atMs: NOW, message: '超限' },
    ]);
    expect([video?.severity, gas?.severity]).toEqual(['WARNING', 'MAJOR']);
  });

  it('MON-2: a close needs a reason; a closed alarm moves no more', () => {
    const { state } = openAlarm(source, exceedancesOf([reading(1.1, 5)], source, rules)[0]!, { id: 'a2', rules });
    expect(() => moveAlarm(state, 'close', { by: 'u1', now: new Date(NOW) })).toThrow(/reason/);
    const closed = moveAlarm(state, 'close', { by: 'u1', now: new Date(NOW), reason: '已处置' });
    expect(closed.events.map((event) => event.type)).toEqual(['monitoring.alarm.closed']);
    expect(() => moveAlarm(closed.state, 'acknowledge', { by: 'u1', now: new Date(NOW) })).toThrow(/CLOSED/);
  });
});
