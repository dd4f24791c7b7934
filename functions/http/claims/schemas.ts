import * as z from 'zod/mini';
import { areaCodeSchema } from '../../../domain/kernel/area.js';
import { CLAIM_OUTCOMES, CLAIM_STATUSES } from '../../../domain/claims/claim.js';
import { idParam, pageQuery, searchParam } from '../zod.js';

export const claimIdParams = z.object({ claimId: idParam });

export const listClaimsQuery = z.object({
  ...pageQuery,
  status: z.optional(z.enum(CLAIM_STATUSES)),
  outcome: z.optional(z.enum(CLAIM_OUTCOMES)),
  q: searchParam,
});

export const myClaimsQuery = z.object({ ...pageQuery });

/** CLM-1: regulators watch declines; `decision` is DECLINED, the only view they are given (read-only, ACL-2). */
export const declinedClaimsQuery = z.object({
  ...pageQuery,
  decision: z._default(z.enum(['DECLINED']), 'DECLINED'),
  // ACL-4 (issue 21): a county names a partition of the view, so only an area code is one (400 otherwise).
  county: z.optional(areaCodeSchema),
});
