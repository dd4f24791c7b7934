import * as z from 'zod/mini';
import { areaCodeSchema } from '../../../domain/kernel/area.js';
import { localDateSchema } from '../../../domain/kernel/calendar/local-date.js';
import { SYNC_KINDS } from '../../../domain/sync/provincial-record.js';
import { SYNC_STATES, type SyncRecord } from '../../../domain/sync/sync-record.js';
import { idParam, pageQuery, pageTotal } from '../zod.js';

const kind = z.enum(SYNC_KINDS, `kind must be one of ${SYNC_KINDS.join(', ')}`);
const state = z.enum(SYNC_STATES, `state must be one of ${SYNC_STATES.join(', ')}`);

/** SYNC-1: one record's upload state, as the insurer and the regulators read it. */
export const syncRecordSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  kind,
  sourceId: z.string().check(z.meta({ description: 'Our policy, organisation or service' })),
  sourceVersion: z.int(),
  label: z.string(),
  county: z.optional(z.string()),
  state,
  reason: z.optional(z.string().check(z.meta({ description: "The province's reason (REJECTED), or the last failure (RETRYING)" }))),
  attempts: z.int(),
  nextAttemptAt: z.optional(z.string()),
  lastSentAt: z.optional(z.string()),
  acceptedAt: z.optional(z.string()),
  receipt: z.optional(z.string()),
  updatedAt: z.string(),
  version: z.int(),
});

export const syncCountsSchema = z.object(Object.fromEntries(SYNC_STATES.map((name) => [name, z.int()])) as Record<(typeof SYNC_STATES)[number], z.ZodMiniInt>);

export const syncPageSchema = z.object({ items: z.array(syncRecordSchema), nextCursor: z.optional(z.string()), total: pageTotal });
export const insurerSyncPageSchema = z.extend(syncPageSchema, { counts: syncCountsSchema });

export const syncQuery = z.object({ ...pageQuery, state: z.optional(state), kind: z.optional(kind) });
export const regulatorSyncQuery = z.object({ ...pageQuery, state: z.optional(state), kind: z.optional(kind), county: z.optional(areaCodeSchema), tenantId: z.optional(idParam) });
export const syncRecordParams = z.object({ recordId: idParam });
export const reconciliationQuery = z.object({ date: localDateSchema });

const ids = z.array(z.string());
/** Per kind: what we recorded as accepted on the day against what the province lists, and the ids that differ. */
export const reconciliationSchema = z.object({
  date: localDateSchema,
  kinds: z.array(
    z.object({
      kind,
      sent: z.int().check(z.meta({ description: 'Records sent that day (any answer)' })),
      accepted: z.int(),
      provinceHas: z.int(),
      missingAtProvince: ids,
      unknownToUs: ids,
      versionDiffers: ids,
    }),
  ),
});

export function syncRecordView(record: SyncRecord): z.output<typeof syncRecordSchema> {
  const { record: _sent, createdAt: _created, lastSentOn: _sentOn, ...view } = record;
  return view;
}
