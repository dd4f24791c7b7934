import * as z from 'zod/mini';
import { isLocalDate } from '../kernel/calendar/local-date.js';
import { idField, requiredText, strictObject } from '../kernel/schema-parts.js';
import { archiveRefSchema } from '../underwriting/qualification.schema.js';
import { CASUALTY_KINDS, CLAIM_REASON_CODES, CLAIM_TEXT_MAX_LENGTH, MAX_CASUALTIES, MAX_CLAIM_DOCUMENTS } from './claim.js';

// Messages that apply a rule start with its id (`CLM-1: …`): the HTTP layer copies it into the error's `rule`.
// These are the request bodies; the claim itself is `claimSchema` in claim.ts.

/** A largest amount of one person or one payout: 100 million yuan, far above any 安责险 limit. */
const MAX_FEN = 10_000_000_000;

const fen = (field: string, min: number) =>
  z
    .int(`CLM-1: ${field} must be a whole number of fen`)
    .check(z.gte(min, `CLM-1: ${field} must be at least ${min} fen`), z.lte(MAX_FEN, `CLM-1: ${field} must be at most ${MAX_FEN} fen`));

const day = (field: string) =>
  z.string(`CLM-1: ${field} is required: a date YYYY-MM-DD`).check(z.refine(isLocalDate, `CLM-1: ${field} must be a calendar date written YYYY-MM-DD`));

const casualtyBody = strictObject(
  {
    name: requiredText('CLM-1: casualty name is required', 100),
    kind: z.enum(CASUALTY_KINDS, `CLM-1: kind must be one of ${CASUALTY_KINDS.join(', ')}`),
    amountClaimedFen: fen('amountClaimedFen', 1),
  },
  'a casualty',
);

/**
 * CLM-1: `POST /claims` — a claim on one of the insurer's own policies (the lead's, for a co-insured one). The
 * accident day must fall inside the policy's period and each person's amount within the policy's limit; both are
 * checked against the policy by `registerClaim`.
 *
 * @example
 * registerClaimBody.parse({ policyId: 'p-1', accidentOn: '2024-10-08', place: '3号井下运输巷',
 *   casualties: [{ name: '李四', kind: 'INJURY', amountClaimedFen: 5_000_000 }] });
 */
export const registerClaimBody = strictObject({
  policyId: idField('policyId', 'CLM-1'),
  accidentOn: day('accidentOn'),
  place: requiredText('CLM-1: place is required: where the accident happened', 200),
  casualties: z
    .array(casualtyBody, 'CLM-1: casualties must list every person with kind and amount claimed')
    .check(z.minLength(1, 'CLM-1: casualties must list at least one person'), z.maxLength(MAX_CASUALTIES, `CLM-1: at most ${MAX_CASUALTIES} casualties`)),
  documents: z.optional(
    z
      .array(archiveRefSchema, 'CLM-1: documents must list archived files {archiveId, sha256, name}')
      .check(z.maxLength(MAX_CLAIM_DOCUMENTS, `CLM-1: at most ${MAX_CLAIM_DOCUMENTS} documents`)),
  ),
});
export type RegisterClaimBody = z.output<typeof registerClaimBody>;

/**
 * CLM-1: `POST /claims/{id}/decide` — the payable amount per casualty, in the claim's order (0 for a decline).
 * A decline or a cut (payable below claimed) needs `reasonCode` and `reasonText`; `decideClaim` enforces it,
 * since only the claim knows what was claimed.
 *
 * @example
 * decideClaimBody.parse({ payableFen: [0], reasonCode: 'EXCLUSION', reasonText: '事故系故意行为所致' });
 */
export const decideClaimBody = strictObject({
  payableFen: z
    .array(fen('payableFen', 0), 'CLM-1: payableFen must list the payable amount of each casualty, in order')
    .check(z.minLength(1, 'CLM-1: payableFen must list the payable amount of each casualty'), z.maxLength(MAX_CASUALTIES, `CLM-1: at most ${MAX_CASUALTIES} amounts`)),
  reasonCode: z.optional(z.enum(CLAIM_REASON_CODES, `CLM-1: reasonCode must be one of ${CLAIM_REASON_CODES.join(', ')}`)),
  reasonText: z.optional(z.string('CLM-1: reasonText must be text').check(z.trim(), z.maxLength(CLAIM_TEXT_MAX_LENGTH, `CLM-1: at most ${CLAIM_TEXT_MAX_LENGTH} characters`))),
});
export type DecideClaimBody = z.output<typeof decideClaimBody>;

/**
 * CLM-1: `POST /claims/{id}/payouts` — money paid on a decided claim on a day; all payouts together stay within
 * the decided payable (checked by `recordPayout`).
 *
 * @example
 * recordPayoutBody.parse({ paidOn: '2024-11-01', amountFen: 3_000_000 });
 */
export const recordPayoutBody = strictObject({
  paidOn: day('paidOn'),
  amountFen: fen('amountFen', 1),
  note: z.optional(requiredText('CLM-1: note must not be blank', 500)),
});
export type RecordPayoutBody = z.output<typeof recordPayoutBody>;
