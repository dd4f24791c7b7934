import * as z from 'zod/mini';
import { feeSummarySchema } from '../../../domain/fees/summary.schema.js';
import { feeYearSchema } from '../../../domain/fees/year-ledger.schema.js';
import { areaCodeSchema } from '../../../domain/kernel/area.js';
import { usccSchema } from '../../../domain/kernel/uscc.js';
import { serviceSchema } from '../../../domain/services/service.schema.js';
import { SERVICE_STATUSES } from '../../../domain/services/service.js';
import { tenantSchema } from '../../../domain/platform/tenant.js';
import { POLICY_STATUSES } from '../../../domain/underwriting/policy.js';
import { policySchema } from '../../../domain/underwriting/policy.schema.js';
import { idParam, pageQuery, pageTotal, searchParam } from '../zod.js';

/** The insurer a supervision answer is about, by name (never a bare id). */
export const insurerRefSchema = z.object({
  tenantId: z.string(),
  name: z.string().check(z.meta({ description: 'Legal name of the branch' })),
  branchName: z.string().check(z.meta({ description: 'Short name shown in the console' })),
});

export const insurerParams = z.object({ tenantId: idParam });
export const insurerPolicyParams = z.object({ tenantId: idParam, policyId: idParam });
export const insurerServiceParams = z.object({ tenantId: idParam, serviceId: idParam });

/** `GET /regulator/insurers?year=&name=`. */
export const insurersQuery = z.object({
  ...pageQuery,
  year: z.optional(feeYearSchema),
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});

export const insurerSummarySchema = z.object({
  tenantId: z.string(),
  name: z.string(),
  branchName: z.string(),
  uscc: z.string(),
  status: tenantSchema.shape.status,
  fees: z.nullable(feeSummarySchema).check(
    z.meta({
      description:
        "FEE-4/FEE-5: the year's prevention-fee figures from the ledger's counters (one GetItem); null for a county EMB, whose view has no insurer-wide ledger (ACL-4)",
    }),
  ),
});

export const insurersAnswer = z.object({
  year: z.int(),
  items: z.array(insurerSummarySchema),
  nextCursor: z.optional(z.string()),
  total: pageTotal,
});

/** `GET /regulator/insurers/{tenantId}/policies`: filters and one search (USCC, policy number or enterprise name). */
export const insurerPoliciesQuery = z.object({
  ...pageQuery,
  county: z.optional(areaCodeSchema),
  status: z.optional(z.enum(POLICY_STATUSES, `status must be one of ${POLICY_STATUSES.join(', ')}`)),
  uscc: z.optional(usccSchema),
  policyNumber: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  enterpriseName: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** Issue 15: one box — a USCC (by key), else part of the enterprise's name or the policy number. */
  q: searchParam,
});

/** `GET /regulator/insurers/{tenantId}/services`: `overdue=true` — an SVC-8/SVC-9 deadline already passed. */
export const insurerServicesQuery = z.object({
  ...pageQuery,
  county: z.optional(areaCodeSchema),
  status: z.optional(z.enum(SERVICE_STATUSES, `status must be one of ${SERVICE_STATUSES.join(', ')}`)),
  overdue: z.optional(z.enum(['true', 'false'], 'overdue must be true or false')),
});

export const insurerFeesQuery = z.object({ year: z.optional(feeYearSchema) });

export const insurerPoliciesAnswer = z.object({
  insurer: insurerRefSchema,
  items: z.array(policySchema),
  nextCursor: z.optional(z.string()),
  total: pageTotal,
});
export const insurerPolicyAnswer = z.object({ insurer: insurerRefSchema, policy: policySchema });
export const insurerServicesAnswer = z.object({
  insurer: insurerRefSchema,
  items: z.array(serviceSchema),
  nextCursor: z.optional(z.string()),
  total: pageTotal,
});
export const insurerServiceAnswer = z.object({ insurer: insurerRefSchema, service: serviceSchema });
export const insurerFeesAnswer = z.object({ insurer: insurerRefSchema, summary: feeSummarySchema });
