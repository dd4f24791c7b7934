import { describe, expect, it } from 'vitest';
import type { MonitoringAlarm } from '../../api/monitoring-api';
import { boardCounts, boardOrder, clockText, peakText, slaState } from './alarm-board';
import { thresholdBody } from './thresholds';

const alarm = (id: string, severity: MonitoringAlarm['severity'], openedAt: string, slaDueAt: string, status: MonitoringAlarm['status'] = 'OPEN'): MonitoringAlarm => ({
  id,
  sourceId: 's',
  policyId: 'p',
  uscc: 'u',
  enterpriseName: '忻府忻达煤业有限责任公司',
  sensorId: 'CH4-01',
  kind: 'GAS_CH4',
  severity,
  openedAt,
  lastAt: openedAt,
  peak: 1.3,
  unit: '%',
  readings: 1,
  status,
  slaDueAt,
  history: [],
});

describe('duty board (MON-2)', () => {
  it('MON-2: major alarms come first, then the longest waiting', () => {
    const board = boardOrder([
      alarm('w-old', 'WARNING', '2026-12-06T10:00:00Z', '2026-12-06T11:00:00Z'),
      alarm('m-new', 'MAJOR', '2026-12-06T10:30:00Z', '2026-12-06T10:45:00Z'),
      alarm('m-old', 'MAJOR', '2026-12-06T10:10:00Z', '2026-12-06T10:25:00Z'),
    ]);
    expect(board.map((entry) => entry.id)).toEqual(['m-old', 'm-new', 'w-old']);
  });

  it('MON-2: the SLA timer counts down to the due time, then counts how long it is overdue; a closed alarm has none', () => {
    const now = Date.parse('2026-12-06T10:20:00Z');
    expect(slaState(alarm('a', 'MAJOR', '2026-12-06T10:10:00Z', '2026-12-06T10:25:00Z'), now)).toEqual({ overdue: false, clock: '5:00' });
    expect(slaState(alarm('b', 'MAJOR', '2026-12-06T08:00:00Z', '2026-12-06T08:15:00Z'), now)).toEqual({ overdue: true, clock: '2:05:00' });
    expect(slaState(alarm('c', 'MAJOR', '2026-12-06T08:00:00Z', '2026-12-06T08:15:00Z', 'CLOSED'), now)).toBeUndefined();
    expect(boardCounts([alarm('a', 'MAJOR', '2026-12-06T10:10:00Z', '2026-12-06T10:25:00Z'), alarm('b', 'WARNING', '2026-12-06T08:00:00Z', '2026-12-06T09:00:00Z')], now)).toEqual({
      major: 1,
      warning: 1,
      overdue: 1,
    });
    expect(clockText(59_999)).toBe('0:59');
  });

  it('MON-2: a device alarm without a value shows its own message', () => {
    expect(peakText({ peak: 1.23456, unit: '%' })).toBe('1.235 %');
    expect(peakText({ unit: '次', message: '未戴安全帽' })).toBe('未戴安全帽');
  });

  it('MON-2: only the changed kinds are sent; an emptied kind goes back to the rule set', () => {
    const current = { GAS_CH4: { direction: 'ABOVE' as const, warning: 0.7, major: 0.9 }, O2: { direction: 'BELOW' as const, warning: 20, major: 19 } };
    expect(thresholdBody({ GAS_CH4: { warning: 0.7, major: 0.9 }, O2: { warning: null, major: null }, CO: { warning: 18, major: null } }, current)).toEqual({
      O2: null,
      CO: { direction: 'ABOVE', warning: 18 },
    });
  });
});
