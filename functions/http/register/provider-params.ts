import * as z from 'zod/mini';
import { localDateSchema } from '../../../domain/kernel/calendar/local-date.js';
import { EXPERT_STATUSES } from '../../../domain/register/expert.js';
import { SERVICE_ORG_STATUSES } from '../../../domain/register/service-org.js';
import { pageQuery, idParam } from '../zod.js';

const id = idParam;

export const serviceOrgParams = z.object({ orgId: id });
export const expertParams = z.object({ expertId: id });

/** REG-2: `?status=` and SVC-6's `?usableOn=YYYY-MM-DD` (ACTIVE and valid on that day). */
export const listServiceOrgsQuery = z.object({
  ...pageQuery,
  status: z.optional(z.enum(SERVICE_ORG_STATUSES, `REG-2: status must be one of ${SERVICE_ORG_STATUSES.join(', ')}`)),
  usableOn: z.optional(localDateSchema),
});

/** REG-3: `?status=` and `?specialty=` (one of the expert's specialties, exactly). */
export const listExpertsQuery = z.object({
  ...pageQuery,
  status: z.optional(z.enum(EXPERT_STATUSES, `REG-3: status must be one of ${EXPERT_STATUSES.join(', ')}`)),
  specialty: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
});
