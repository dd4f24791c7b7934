import * as z from 'zod/mini';
import { isLocalDate, localDateSchema } from '../kernel/calendar/local-date.js';
import { requiredText, strictObject } from '../kernel/schema-parts.js';
import { EXPENSE_CATEGORIES, REFUSED_EXPENSE_CATEGORIES } from './ledger-entry.js';

// As in underwriting: a message that applies a rule starts with its id (`FEE-3: …`), which the HTTP layer
// copies into the error's `rule`.

/** Longest free text (a description, a reason), in characters. */
export const FEE_TEXT_MAX_LENGTH = 2000;
/** Largest single amount: 10,000,000,000.00 CNY, far above any 安责险 premium, well inside exact integers. */
export const MAX_AMOUNT_FEN = 1_000_000_000_000;

/** Required free text, at most FEE_TEXT_MAX_LENGTH characters unless said. */
export const feeText = (message: string, max: number = FEE_TEXT_MAX_LENGTH) => requiredText(message, max);
/** A calendar day written YYYY-MM-DD, refused with `message`. */
export const feeDate = (message: string) =>
  // A ledger is keyed by its four-digit year (1000–9999): year 0000 is a calendar date, but no ledger's.
  z.string(message).check(z.refine((value) => isLocalDate(value) && value >= '1000', message));
/** A whole number between `min` and `max`, refused with `message`. */
export const feeInteger = (message: string, min: number, max: number) => z.int(message).check(z.gte(min, message), z.lte(max, message));
/** An id this platform issued, refused with `message`. */
export const feeId = (message: string) => z.string(message).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, message));

// ---------------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------------

/** SVC-10: a reference to an archived document (an invoice, a contract), with the SHA-256 recorded at archiving. */
export const documentRefSchema = strictObject(
  {
    archiveId: feeId('FEE-2: document.archiveId must be an id of 1–64 letters, digits, "_" or "-"'),
    sha256: z
      .string('FEE-2: document.sha256 must be the lower-case hex SHA-256 of the archived document')
      .check(z.regex(/^[0-9a-f]{64}$/, 'FEE-2: document.sha256 must be the lower-case hex SHA-256 of the archived document')),
    name: feeText('FEE-2: document.name is required: the document’s file name', 200),
  },
  'FEE-2: document',
);

const CATEGORY_MESSAGE = `FEE-3: category must be one of ${EXPENSE_CATEGORIES.join(', ')}`;

/**
 * FEE-2, FEE-3: `POST /fees/expenses` — prevention money spent, with its category and a link to the service
 * or the archived document it paid for. The forbidden uses of FEE-3 are accepted as words here so that the
 * rule can refuse them by name; `advance: true` allows the expense to take the year's balance below zero.
 *
 * @example
 * bookExpenseBody.parse({ spentOn: '2024-08-15', category: 'OFFLINE_SERVICE', amountFen: 800_000,
 *   description: '体检式精查（第一次）', serviceId: '01j…' });
 */
export const bookExpenseBody = strictObject({
  spentOn: feeDate('FEE-2: spentOn is the day the money was spent (YYYY-MM-DD)'),
  category: z.enum([...EXPENSE_CATEGORIES, ...REFUSED_EXPENSE_CATEGORIES], CATEGORY_MESSAGE),
  amountFen: feeInteger(`FEE-2: amountFen is the amount spent, in whole fen, 1 to ${MAX_AMOUNT_FEN}`, 1, MAX_AMOUNT_FEN),
  description: feeText('FEE-2: description is required: what the money paid for'),
  serviceId: z.optional(feeId('FEE-2: serviceId must be the id of the prevention service paid for')),
  document: z.optional(documentRefSchema),
  advance: z.optional(z.boolean('FEE-2: advance must be true or false')),
}).check(
  z.refine((body) => body.serviceId !== undefined || body.document !== undefined, {
    message: 'FEE-2: an expense links to the service (serviceId) or the archived document (document) it pays for',
    path: ['serviceId'],
  }),
);
export type BookExpenseBody = z.output<typeof bookExpenseBody>;

/**
 * FEE-2: `POST /fees/entries/{entryId}/reverse` — take an entry back, saying why. `advance: true` allows the
 * reversal of an accrual to take the year's balance below zero.
 *
 * @example
 * reverseEntryBody.parse({ reason: '金额录入错误，冲销后重新登记' });
 */
export const reverseEntryBody = strictObject({
  reason: feeText('FEE-2: reason is required: why the entry is reversed'),
  advance: z.optional(z.boolean('FEE-2: advance must be true or false')),
});
export type ReverseEntryBody = z.output<typeof reverseEntryBody>;

// ---------------------------------------------------------------------------------------------------------
// The entry (the type of domain/fees/ledger-entry.ts and the API's answer)
// ---------------------------------------------------------------------------------------------------------

/** An archived document an expense paid for, as stored on the entry. */
export const archivedDocumentSchema = z.object({
  archiveId: z.string(),
  sha256: z.string().check(z.meta({ description: 'Lower-case hex SHA-256 of the archived bytes' })),
  name: z.string(),
});

/** Fields every ledger entry has, whatever its kind. */
const entryBase = {
  id: z.string().check(z.meta({ description: '`<year>-<sequence, 10 digits>-<10 random characters>`: the entry’s year and number' })),
  tenantId: z.string(),
  year: z.int().check(z.meta({ description: 'FEE-2: the ledger the entry belongs to — the Asia/Shanghai year of `date`' })),
  sequence: z.int().check(z.meta({ description: 'FEE-2: 1, 2, 3 … per insurer and year, gap-free, in the order entries were booked' })),
  date: localDateSchema.check(
    z.meta({ description: 'The day the money moved: receivedOn for an ACCRUAL, spentOn for an EXPENSE, the reversed entry’s date for a REVERSAL' }),
  ),
  amountFen: z.int().check(z.meta({ description: 'Integer fen, never negative: the kind says which way it moves the year’s figures' })),
  advance: z.boolean().check(z.meta({ description: 'FEE-2: true when this entry took the year’s prevention balance below zero (垫支)' })),
  ruleSetId: z.string().check(z.meta({ description: 'RULES-1: the rule set the entry was decided under' })),
  ruleSetVersion: z.int(),
  recordedAt: z.string().check(z.meta({ description: 'When it was booked (ISO 8601, UTC)' })),
  recordedBy: z.string().check(z.meta({ description: 'The user who booked it' })),
};

/**
 * FEE-1: the prevention fee accrued (提取) from one premium receipt: at least the rule set's share (15% in 2024)
 * of the premium received, excluding tax (UW-5), booked in the same transaction as the receipt.
 */
export const accrualEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('ACCRUAL'),
  receiptId: z.string(),
  policyId: z.string(),
  policyNumber: z.string(),
  receivedFen: z.int().check(z.meta({ description: 'The premium received, incl. VAT' })),
  vatRateBasisPoints: z.int().check(z.meta({ description: 'UW-5: the policy’s VAT rate' })),
  premiumExTaxFen: z.int().check(z.meta({ description: 'UW-5: the receipt’s premium ex-tax — FEE-1’s base' })),
  accrualBasisPoints: z.int().check(z.meta({ description: 'FEE-1: the share accrued, at least the rule set’s floor' })),
});

/** FEE-2, FEE-3: money spent on prevention, of an allowed category, linked to what it paid for. */
export const expenseEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('EXPENSE'),
  category: z.enum(EXPENSE_CATEGORIES),
  description: z.string(),
  serviceId: z.optional(z.string().check(z.meta({ description: 'The prevention service (SVC) it paid for' }))),
  document: z.optional(archivedDocumentSchema.check(z.meta({ description: 'The archived document it paid for: an invoice, a contract' }))),
});

/**
 * What a reversal took back, copied from the reversed entry when it was booked: entries never change, so the
 * copy cannot go stale, and a reversal's effect can be computed from the reversal alone.
 */
export const reversedEntrySchema = z.object({
  entryId: z.string(),
  sequence: z.int(),
  kind: z.enum(['ACCRUAL', 'EXPENSE']),
  amountFen: z.int(),
  advance: z.boolean(),
  receiptId: z.optional(z.string().check(z.meta({ description: 'ACCRUAL only: the receipt given back to the policy' }))),
  policyId: z.optional(z.string()),
  receivedFen: z.optional(z.int()),
  premiumExTaxFen: z.optional(z.int()),
  category: z.optional(z.enum(EXPENSE_CATEGORIES).check(z.meta({ description: 'EXPENSE only' }))),
});

/**
 * FEE-2: the correction of one entry. Entries are never updated or deleted; a wrong entry is reversed — its
 * effect taken back exactly, in its own year — and the right one booked anew.
 */
export const reversalEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('REVERSAL'),
  reason: z.string(),
  reversedOn: localDateSchema.check(z.meta({ description: 'The Asia/Shanghai day the reversal was booked (its `date` is the reversed entry’s)' })),
  reverses: reversedEntrySchema,
});

/**
 * FEE-2: one entry of an insurer's prevention-fee ledger (事故预防费用台账). Append-only: nothing changes an entry
 * once booked.
 */
export const ledgerEntrySchema = z.discriminatedUnion('kind', [accrualEntrySchema, expenseEntrySchema, reversalEntrySchema]);

/** The reversal that took an entry back. */
export const reversedBySchema = z.object({ entryId: z.string(), sequence: z.int() });

/** FEE-2: an entry with the reversal that took it back, if any (`GET /fees/entries/{entryId}`). */
export const ledgerEntryViewSchema = z.object({
  entry: ledgerEntrySchema,
  reversedBy: z.optional(reversedBySchema),
});
