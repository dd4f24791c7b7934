import * as z from 'zod/mini';
import { ALARM_STATUSES } from '../../../domain/monitoring/alarm.js';
import { ALARM_SEVERITIES, MONITORING_KIND_NAMES } from '../../../domain/monitoring/kinds.js';
import { MAX_RECORDS_PER_BATCH } from '../../../domain/monitoring/readings.js';
import { SOURCE_STATUSES } from '../../../domain/monitoring/source.js';
import { idParam, pageQuery } from '../zod.js';

const text = (field: string, max: number) =>
  z.string().check(z.trim(), z.minLength(1, `${field} must not be blank`), z.maxLength(max, `${field} must be at most ${max} characters`));

export const thresholdSchema = z.strictObject({
  direction: z.enum(['ABOVE', 'BELOW']),
  warning: z.optional(z.number().check(z.refine(Number.isFinite, 'must be a finite number'))),
  major: z.optional(z.number().check(z.refine(Number.isFinite, 'must be a finite number'))),
});

export const sourceSchema = z.object({
  id: z.string(),
  policyId: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  name: z.string(),
  status: z.enum(SOURCE_STATUSES),
  keyPrefix: z.string(),
  createdAt: z.string(),
  thresholds: z.record(z.string(), thresholdSchema),
  thresholdChanges: z.array(
    z.object({ at: z.string(), by: z.string(), kind: z.string(), from: z.nullable(thresholdSchema), to: z.nullable(thresholdSchema) }),
  ),
});

export const sourceWithKeySchema = z.object({
  source: sourceSchema,
  apiKey: z.string().check(z.meta({ description: 'Shown once; only its SHA-256 is kept' })),
});

export const createSourceBody = z.strictObject({ policyId: idParam, name: text('name', 100) });
export const sourceIdParams = z.object({ sourceId: idParam });
export const alarmIdParams = z.object({ alarmId: idParam });
export const listSourcesQuery = z.object({ ...pageQuery });

/** Readings are checked one by one in the use case, so one bad record never refuses the batch. */
export const readingsBody = z.strictObject({
  readings: z
    .array(z.unknown())
    .check(
      z.minLength(1, 'readings must not be empty'),
      z.maxLength(MAX_RECORDS_PER_BATCH, `MON-2: at most ${MAX_RECORDS_PER_BATCH} readings per request`),
      z.meta({ description: `Each {sensorId, kind (${MONITORING_KIND_NAMES.join('|')}), value, unit, at}` }),
    ),
});
/** MON-1 人员定位: positions are checked one by one too. */
export const positionsBody = z.strictObject({
  positions: z
    .array(z.unknown())
    .check(
      z.minLength(1, 'positions must not be empty'),
      z.maxLength(MAX_RECORDS_PER_BATCH, `MON-2: at most ${MAX_RECORDS_PER_BATCH} positions per request`),
      z.meta({ description: 'Each {tagId, zone, at, x?, y?, z?, unit: m with coordinates}' }),
    ),
});
export const deviceAlarmsBody = z.strictObject({
  alarms: z
    .array(z.unknown())
    .check(
      z.minLength(1, 'alarms must not be empty'),
      z.maxLength(MAX_RECORDS_PER_BATCH, `MON-2: at most ${MAX_RECORDS_PER_BATCH} alarms per request`),
      z.meta({ description: 'Each {sensorId, kind, at, message}' }),
    ),
});
export const ingestResultSchema = z.object({
  accepted: z.int(),
  duplicates: z.int(),
  late: z.int(),
  rejected: z.array(z.object({ index: z.int(), field: z.string(), rule: z.string(), message: z.string() })),
});

export const thresholdsBody = z.strictObject({
  thresholds: z
    .record(z.string(), z.nullable(thresholdSchema))
    .check(z.meta({ description: 'By data kind; null drops the override (the rule set applies again)' })),
});

export const alarmSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  policyId: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  sensorId: z.string(),
  kind: z.string(),
  severity: z.enum(ALARM_SEVERITIES),
  openedAt: z.string(),
  lastAt: z.string(),
  peak: z.optional(z.number()),
  unit: z.string(),
  readings: z.int(),
  message: z.optional(z.string()),
  status: z.enum(ALARM_STATUSES),
  slaDueAt: z.string(),
  serviceId: z.optional(z.string()),
  history: z.array(
    z.object({ action: z.string(), at: z.string(), by: z.string(), reason: z.optional(z.string()), serviceId: z.optional(z.string()) }),
  ),
});

export const listAlarmsQuery = z.object({
  ...pageQuery,
  status: z.optional(z.enum(ALARM_STATUSES)),
  severity: z.optional(z.enum(ALARM_SEVERITIES)),
});
export const listMyAlarmsQuery = z.object({ ...pageQuery, status: z.optional(z.enum(ALARM_STATUSES)) });

export const moveAlarmBody = z.optional(z.strictObject({ reason: z.optional(text('reason', 500)) }));
export const inspectionBody = z.optional(
  z.strictObject({
    planItem: z.optional(z.int().check(z.gte(0))),
  }),
);
/** Optional in the schema so that another tenant's source answers 404 like a missing one before the query is checked. */
export const readingsQuery = z.object({
  sensorId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/, 'not a sensor id'))),
  from: z.optional(z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO instant'))),
  to: z.optional(z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO instant'))),
});
export const readingsPageSchema = z.object({
  items: z.array(z.object({ at: z.string(), value: z.number(), late: z.boolean() })),
});
