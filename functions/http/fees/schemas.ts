import * as z from 'zod/mini';
import { policyReceiptsSchema, premiumReceiptSchema } from '../../../domain/fees/premium-receipt.schema.js';
import { HALVES } from '../../../domain/fees/half-year.js';
import { feeYearSchema } from '../../../domain/fees/year-ledger.schema.js';
import { pageQuery } from '../zod.js';

const id = (what: string) => z.string(`${what} is required`).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, `${what} must be an id`));

export const entryIdParams = z.object({ entryId: id('entryId') });

/** `?year=`: the ledger's year; left out, the current Asia/Shanghai year. */
export const yearQuery = z.object({ year: z.optional(feeYearSchema) });

/** `GET /fees/summary?year=&half=`: the year, or with `half` one half of it (RPT-1: H1 is the half-year report's). */
export const feeSummaryQuery = z.object({
  year: z.optional(feeYearSchema),
  half: z.optional(z.enum(HALVES, 'RPT-1: half must be H1 (January–June) or H2 (July–December)')),
});

/**
 * `GET /fees/ledger?year=&order=&cursor=&limit=`: entries in sequence order — the ledger's own order, oldest
 * first, as the paper 台账 reads — or newest first with `order=desc`.
 */
export const ledgerQuery = z.object({ ...pageQuery, year: z.optional(feeYearSchema), order: z.optional(z.enum(['asc', 'desc'])) });

export const receiptsQuery = z.object({ policyId: id('FEE-1: policyId') });

/** FEE-1: what the insurer received on a policy, against what it may receive. */
export const policyPremiumSchema = z.object({
  policyId: z.string(),
  policyNumber: z.string(),
  receivablePremiumFen: z.int(),
  receivedFen: z.int(),
  receivedExTaxFen: z.int(),
  outstandingFen: z.int(),
  received: z.optional(policyReceiptsSchema),
  items: z.array(premiumReceiptSchema),
});
