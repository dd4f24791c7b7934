import type { Threshold } from '../../api/monitoring-api';

/** MON-1's measured kinds a mine's thresholds apply to (a video alarm is the device's own, it has no threshold). */
export const THRESHOLD_KINDS = ['GAS_CH4', 'CO', 'O2', 'WIND_SPEED', 'TEMPERATURE', 'PERSONNEL_COUNT', 'WATER_LEVEL', 'SLOPE_DISPLACEMENT'] as const;

/** The unit of each kind's readings (MON-1: one unit per kind, as the server checks them). */
export const KIND_UNITS: Readonly<Record<(typeof THRESHOLD_KINDS)[number], string>> = {
  GAS_CH4: '%',
  CO: 'ppm',
  O2: '%',
  WIND_SPEED: 'm/s',
  TEMPERATURE: '℃',
  PERSONNEL_COUNT: '人',
  WATER_LEVEL: 'm',
  SLOPE_DISPLACEMENT: 'mm',
};

/** Oxygen alarms when it falls below its limits; every other kind when it rises above. */
export const directionOf = (kind: string): Threshold['direction'] => (kind === 'O2' ? 'BELOW' : 'ABOVE');

export type ThresholdFormValues = Partial<Record<string, { warning?: number | null; major?: number | null }>>;

/** The form's values from the source's own thresholds (the rule set's apply where a kind is empty). */
export function thresholdFormValues(thresholds: Readonly<Partial<Record<string, Threshold>>>): ThresholdFormValues {
  return Object.fromEntries(THRESHOLD_KINDS.map((kind) => [kind, { warning: thresholds[kind]?.warning ?? null, major: thresholds[kind]?.major ?? null }]));
}

const numberOf = (value: number | null | undefined): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * The changed kinds only: a kind with a level set becomes an override (its direction kept, or the kind's own), a
 * kind emptied that had one goes back to the rule set (`null`); untouched kinds are not sent, so not audited.
 */
export function thresholdBody(values: ThresholdFormValues, current: Readonly<Partial<Record<string, Threshold>>>): Record<string, Threshold | null> {
  const body: Record<string, Threshold | null> = {};
  for (const kind of THRESHOLD_KINDS) {
    const warning = numberOf(values[kind]?.warning);
    const major = numberOf(values[kind]?.major);
    const before = current[kind];
    if (warning === undefined && major === undefined) {
      if (before) body[kind] = null;
      continue;
    }
    if (before && before.warning === warning && before.major === major) continue;
    body[kind] = { direction: before?.direction ?? directionOf(kind), ...(warning === undefined ? {} : { warning }), ...(major === undefined ? {} : { major }) };
  }
  return body;
}
