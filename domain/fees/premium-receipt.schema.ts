import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { strictObject } from '../kernel/schema-parts.js';
import { MAX_AMOUNT_FEN, feeDate, feeId, feeInteger, ledgerEntrySchema } from './ledger-entry.schema.js';

/**
 * FEE-1, UW-5: `POST /fees/premium-receipts` — premium received against a policy, incl. VAT. Partial receipts
 * are allowed; together they never exceed the policy's premium (the insurer's share of it when co-insured).
 * `accrualBasisPoints` may raise the accrual above the rule set's floor, never lower it.
 *
 * @example
 * receivePremiumBody.parse({ policyId: '01j…', receivedOn: '2024-07-01', amountFen: 10_600_000 });
 */
export const receivePremiumBody = strictObject({
  policyId: feeId('FEE-1: policyId is required: the policy the premium was received for'),
  receivedOn: feeDate('FEE-1: receivedOn is the day the premium was received (YYYY-MM-DD)'),
  amountFen: feeInteger(`FEE-1: amountFen is the premium received incl. VAT, in whole fen, 1 to ${MAX_AMOUNT_FEN}`, 1, MAX_AMOUNT_FEN),
  accrualBasisPoints: z.optional(
    feeInteger('FEE-1: accrualBasisPoints is the share of premium ex-tax accrued, in basis points (1500 = 15%), 0 to 10000', 0, 10_000),
  ),
});
export type ReceivePremiumBody = z.output<typeof receivePremiumBody>;

/**
 * FEE-1: one premium receipt (实收保费) against a policy — possibly one of several partial receipts — and the
 * ACCRUAL it booked in the same transaction.
 */
export const premiumReceiptSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  policyId: z.string(),
  policyNumber: z.string(),
  receivedOn: localDateSchema.check(z.meta({ description: 'The Asia/Shanghai day the premium was received; its year is the ledger the accrual goes to' })),
  amountFen: z.int().check(z.meta({ description: 'Premium received, incl. VAT' })),
  vatRateBasisPoints: z.int().check(z.meta({ description: 'UW-5: the policy’s VAT rate' })),
  premiumExTaxFen: z.int().check(z.meta({ description: 'UW-5: this receipt’s premium ex-tax' })),
  accrualBasisPoints: z.int(),
  accrualFen: z.int(),
  entryId: z.string().check(z.meta({ description: 'The ACCRUAL entry booked with it' })),
  entrySequence: z.int(),
  year: z.int(),
  ruleSetId: z.string(),
  ruleSetVersion: z.int(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});

/**
 * FEE-1: premium received so far against one policy by one insurer — the counter that keeps receipts from
 * exceeding the premium, updated with each receipt (and each reversed one) under optimistic locking.
 */
export const policyReceiptsSchema = z.object({
  tenantId: z.string(),
  policyId: z.string(),
  receipts: z.int().check(z.meta({ description: 'Receipts booked (a reversed one still counts)' })),
  receivedFen: z.int().check(z.meta({ description: 'Premium received incl. VAT, net of reversed receipts' })),
  receivedExTaxFen: z.int().check(z.meta({ description: 'UW-5: the same ex-tax — the ex-tax of receivedFen as a whole after each receipt' })),
  version: z.int().check(z.meta({ description: 'Optimistic lock: 1 at the first receipt, + 1 on every change' })),
});

/** `POST /fees/premium-receipts` → the receipt and the ACCRUAL booked with it. */
export const premiumReceivedSchema = z.object({ receipt: premiumReceiptSchema, entry: ledgerEntrySchema });
