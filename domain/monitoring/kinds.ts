import type { RuleSet } from '../kernel/rule-set/rule-set.js';

/**
 * MON-1: the data kinds a mine's systems send — safety monitoring (安全监控: gas, CO, O2, wind, temperature),
 * personnel positioning (人员定位), industrial video (工业视频, its AI alarms), water hazard (水害) and slope /
 * tailings monitoring — each with the one unit its readings are in. A reading in another unit is refused, never
 * converted: a "1.0" of CH4 in ppm instead of % is a different number by four orders of magnitude.
 */
export const MONITORING_KINDS = {
  GAS_CH4: '%',
  CO: 'ppm',
  O2: '%',
  WIND_SPEED: 'm/s',
  TEMPERATURE: '℃',
  PERSONNEL_COUNT: '人',
  WATER_LEVEL: 'm',
  SLOPE_DISPLACEMENT: 'mm',
  VIDEO_ALARM: '次',
} as const;
export type MonitoringKind = keyof typeof MONITORING_KINDS;
export const MONITORING_KIND_NAMES = Object.keys(MONITORING_KINDS) as MonitoringKind[];

/** MON-1: the kinds' names as the duty board and the enterprise's notification say them. */
export const MONITORING_KIND_NAMES_ZH: Record<MonitoringKind, string> = {
  GAS_CH4: '甲烷浓度',
  CO: '一氧化碳浓度',
  O2: '氧气浓度',
  WIND_SPEED: '风速',
  TEMPERATURE: '温度',
  PERSONNEL_COUNT: '井下人数',
  WATER_LEVEL: '水位',
  SLOPE_DISPLACEMENT: '边坡位移',
  VIDEO_ALARM: '视频智能识别报警',
};

export const ALARM_SEVERITIES = ['MAJOR', 'WARNING'] as const;
export type AlarmSeverity = (typeof ALARM_SEVERITIES)[number];

/** MON-2: when a reading is over (ABOVE) or under (BELOW, e.g. oxygen) its limit; either level may be absent. */
export interface Threshold {
  readonly direction: 'ABOVE' | 'BELOW';
  readonly warning?: number;
  readonly major?: number;
}

/** MON-2: the monitoring figures of a rule set (RULES-1), or the platform's defaults for a version without them. */
export interface MonitoringRules {
  /** How long readings are kept (their TTL); alarms are kept with the services they lead to. */
  readonly readingRetentionDays: number;
  /** A reading older than this when it arrives is accepted and marked late. */
  readonly lateAfterMinutes: number;
  /** Minutes from opening within which an alarm must be acknowledged, by severity. */
  readonly slaMinutes: Readonly<Record<AlarmSeverity, number>>;
  readonly thresholds: Readonly<Partial<Record<string, Threshold>>>;
}

/**
 * The defaults (DOMAIN-NOTES, MON-2): 煤矿安全规程 (2022) 第一百三十五条 (CO ≤ 0.0024% = 24 ppm; O2 ≥ 20%),
 * 第一百三十六条 (wind at most 8 m/s in main roadways), 第六百五十五条 (26 ℃ at the face, work stops at 30 ℃)
 * and 第四百九十八条 / AQ 6201 (CH4 alarm at 1.0% at the face); the WARNING levels below the legal limits, the
 * SLAs, the 10-minute late window and the 90 days of readings are the platform's own, published as rule-set data.
 * Personnel counts, water levels and slope movement depend on the mine (its 核定人数, its design) and have no
 * default: the insurer sets them per mine.
 */
export const MONITORING_DEFAULTS: MonitoringRules = {
  readingRetentionDays: 90,
  lateAfterMinutes: 10,
  slaMinutes: { MAJOR: 15, WARNING: 60 },
  thresholds: {
    GAS_CH4: { direction: 'ABOVE', warning: 0.8, major: 1.0 },
    CO: { direction: 'ABOVE', warning: 20, major: 24 },
    O2: { direction: 'BELOW', warning: 20, major: 18.5 },
    WIND_SPEED: { direction: 'ABOVE', warning: 6, major: 8 },
    TEMPERATURE: { direction: 'ABOVE', warning: 26, major: 30 },
  },
};

/** RULES-1: the monitoring figures of `ruleSet`, or {@link MONITORING_DEFAULTS} for a version published before them. */
export const monitoringRulesOf = (ruleSet: Pick<RuleSet, 'monitoring'> | undefined): MonitoringRules =>
  (ruleSet?.monitoring as MonitoringRules | undefined) ?? MONITORING_DEFAULTS;

/** MON-2: the severity a value reaches under `threshold`, if any (MAJOR first). */
export function severityOf(value: number, threshold: Threshold | undefined): AlarmSeverity | undefined {
  if (!threshold) return undefined;
  const beyond = (limit: number | undefined) =>
    limit !== undefined && (threshold.direction === 'ABOVE' ? value >= limit : value <= limit);
  if (beyond(threshold.major)) return 'MAJOR';
  if (beyond(threshold.warning)) return 'WARNING';
  return undefined;
}

/** The worse of two severities (MAJOR over WARNING). */
export const worse = (a: AlarmSeverity, b: AlarmSeverity): AlarmSeverity => (a === 'MAJOR' || b === 'MAJOR' ? 'MAJOR' : 'WARNING');
