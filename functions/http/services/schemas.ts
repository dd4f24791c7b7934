import * as z from 'zod/mini';
import { areaCodeSchema } from '../../../domain/kernel/area.js';
import { localDateSchema } from '../../../domain/kernel/calendar/local-date.js';
import { HAZARD_GRADES, HAZARD_STATUSES } from '../../../domain/services/hazard.js';
import { archiveRecordSchema as storedArchiveRecordSchema } from '../../../domain/services/archive-record.schema.js';
import { SERVICE_STATUSES } from '../../../domain/services/service.js';
import { pageQuery, idParam } from '../zod.js';

const id = idParam;
export const policyIdParams = z.object({ policyId: id });
export const serviceIdParams = z.object({ serviceId: id });
export const hazardIdParams = z.object({ hazardId: id });
export const archiveIdParams = z.object({ archiveId: id });

export const listServicesQuery = z.object({
  ...pageQuery,
  policyId: z.optional(id),
  status: z.optional(z.enum(SERVICE_STATUSES)),
  dueBefore: z.optional(localDateSchema.check(z.meta({ description: 'SVC-8/SVC-9: services whose next deadline falls before this day' }))),
});

export const myServicesQuery = z.object({ ...pageQuery, status: z.optional(z.enum(SERVICE_STATUSES)) });

export const listHazardsQuery = z.object({
  ...pageQuery,
  status: z.optional(z.enum(HAZARD_STATUSES)),
  grade: z.optional(z.enum(HAZARD_GRADES)),
  serviceId: z.optional(id),
});

export const myHazardsQuery = z.object({ ...pageQuery, status: z.optional(z.enum(HAZARD_STATUSES)) });

/** SVC-7, ACL-4: the regulators' hazard view; `county` narrows a city-level caller's view (a county EMB has its own). */
export const regulatorHazardsQuery = z.object({
  ...pageQuery,
  county: z.optional(areaCodeSchema),
  grade: z.optional(z.enum(HAZARD_GRADES)),
  status: z.optional(z.enum(HAZARD_STATUSES)),
});

export { uploadTicketAnswer } from '../upload-ticket.js';

/** SVC-10: an archive's record, and a service record's content. */
export const archiveRecordSchema = z.extend(storedArchiveRecordSchema, {
  matches: z.boolean().check(z.meta({ description: 'SVC-10: whether the bytes read now have the SHA-256 recorded when archived' })),
  actualSha256: z.optional(z.string().check(z.meta({ description: 'SHA-256 of the bytes read now; absent when they are missing' }))),
  checkedAt: z.string(),
  document: z.optional(
    z.unknown().check(z.meta({ description: 'SERVICE_RECORD: the archived document itself, parsed — only when it matches its digest' })),
  ),
});

const digestCheck = { key: z.string(), sha256: z.string(), actualSha256: z.optional(z.string()), matches: z.boolean() };

export const archiveVerificationSchema = z.object({
  archiveId: z.string(),
  ...digestCheck,
  retainUntil: z.string(),
  checkedAt: z.string(),
  attachments: z.array(z.object(digestCheck)),
});
