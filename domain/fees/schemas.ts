import * as z from 'zod/mini';
import { isLocalDate, localDateSchema } from '../kernel/calendar/local-date.js';
import type { ArchiveRef } from '../underwriting/qualification.js';
import type { ConsistencyReport } from './consistency.js';
import type { FeeSummary } from './compliance.js';
import { EXPENSE_CATEGORIES, REFUSED_EXPENSE_CATEGORIES } from './ledger-entry.js';
import type { LedgerEntry } from './ledger-entry.js';
import type { PolicyReceipts, PremiumReceipt } from './premium-receipt.js';
import type { YearTotals } from './year-ledger.js';
import { requiredText, strictObject } from '../kernel/schema-parts.js';

/** Required free text, at most FEE_TEXT_MAX_LENGTH characters unless said. */
const text = (message: string, max: number = FEE_TEXT_MAX_LENGTH) => requiredText(message, max);

// As in underwriting: a message that applies a rule starts with its id (`FEE-3: …`), which the HTTP layer
// copies into the error's `rule`.

/** Longest free text (a description, a reason), in characters. */
export const FEE_TEXT_MAX_LENGTH = 2000;
/** Largest single amount: 10,000,000,000.00 CNY, far above any 安责险 premium, well inside exact integers. */
export const MAX_AMOUNT_FEN = 1_000_000_000_000;


const date = (message: string) => z.string(message).check(z.refine(isLocalDate, message));
const integer = (message: string, min: number, max: number) => z.int(message).check(z.gte(min, message), z.lte(max, message));
const id = (message: string) => z.string(message).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, message));


/** SVC-10: a reference to an archived document (an invoice, a contract), with the SHA-256 recorded at archiving. */
export const documentRefSchema = strictObject(
  {
    archiveId: id('FEE-2: document.archiveId must be an id of 1–64 letters, digits, "_" or "-"'),
    sha256: z
      .string('FEE-2: document.sha256 must be the lower-case hex SHA-256 of the archived document')
      .check(z.regex(/^[0-9a-f]{64}$/, 'FEE-2: document.sha256 must be the lower-case hex SHA-256 of the archived document')),
    name: text('FEE-2: document.name is required: the document’s file name', 200),
  },
  'FEE-2: document',
);

/**
 * FEE-1, UW-5: `POST /fees/premium-receipts` — premium received against a policy, incl. VAT. Partial receipts
 * are allowed; together they never exceed the policy's premium (the insurer's share of it when co-insured).
 * `accrualBasisPoints` may raise the accrual above the rule set's floor, never lower it.
 *
 * @example
 * receivePremiumBody.parse({ policyId: '01j…', receivedOn: '2024-07-01', amountFen: 10_600_000 });
 */
export const receivePremiumBody = strictObject({
  policyId: id('FEE-1: policyId is required: the policy the premium was received for'),
  receivedOn: date('FEE-1: receivedOn is the day the premium was received (YYYY-MM-DD)'),
  amountFen: integer(`FEE-1: amountFen is the premium received incl. VAT, in whole fen, 1 to ${MAX_AMOUNT_FEN}`, 1, MAX_AMOUNT_FEN),
  accrualBasisPoints: z.optional(
    integer('FEE-1: accrualBasisPoints is the share of premium ex-tax accrued, in basis points (1500 = 15%), 0 to 10000', 0, 10_000),
  ),
});
export type ReceivePremiumBody = z.output<typeof receivePremiumBody>;

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
  spentOn: date('FEE-2: spentOn is the day the money was spent (YYYY-MM-DD)'),
  category: z.enum([...EXPENSE_CATEGORIES, ...REFUSED_EXPENSE_CATEGORIES], CATEGORY_MESSAGE),
  amountFen: integer(`FEE-2: amountFen is the amount spent, in whole fen, 1 to ${MAX_AMOUNT_FEN}`, 1, MAX_AMOUNT_FEN),
  description: text('FEE-2: description is required: what the money paid for'),
  serviceId: z.optional(id('FEE-2: serviceId must be the id of the prevention service paid for')),
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
  reason: text('FEE-2: reason is required: why the entry is reversed'),
  advance: z.optional(z.boolean('FEE-2: advance must be true or false')),
});
export type ReverseEntryBody = z.output<typeof reverseEntryBody>;

/** `year` of the ledger routes: a four-digit year; left out, the current Asia/Shanghai year. */
export const feeYearSchema = z.coerce
  .number('FEE-2: year must be a year such as 2024')
  .check(
    z.int('FEE-2: year must be a year such as 2024'),
    z.gte(2000, 'FEE-2: year must be 2000 or later'),
    z.lte(2100, 'FEE-2: year must be 2100 or earlier'),
  );

// ---------------------------------------------------------------------------------------------------------
// Answers (kept equal to the interfaces by the compile-time checks at the end)
// ---------------------------------------------------------------------------------------------------------

const documentOut = z.object({ archiveId: z.string(), sha256: z.string(), name: z.string() });

const entryBase = {
  id: z.string(),
  tenantId: z.string(),
  year: z.int(),
  sequence: z.int(),
  date: localDateSchema,
  amountFen: z.int(),
  advance: z.boolean(),
  ruleSetId: z.string(),
  ruleSetVersion: z.int(),
  recordedAt: z.string(),
  recordedBy: z.string(),
};

/** FEE-2: one ledger entry as the API returns it. */
export const ledgerEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    ...entryBase,
    kind: z.literal('ACCRUAL'),
    receiptId: z.string(),
    policyId: z.string(),
    policyNumber: z.string(),
    receivedFen: z.int(),
    vatRateBasisPoints: z.int(),
    premiumExTaxFen: z.int(),
    accrualBasisPoints: z.int(),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('EXPENSE'),
    category: z.enum(EXPENSE_CATEGORIES),
    description: z.string(),
    serviceId: z.optional(z.string()),
    document: z.optional(documentOut),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('REVERSAL'),
    reason: z.string(),
    reversedOn: localDateSchema,
    reverses: z.object({
      entryId: z.string(),
      sequence: z.int(),
      kind: z.enum(['ACCRUAL', 'EXPENSE']),
      amountFen: z.int(),
      advance: z.boolean(),
      receiptId: z.optional(z.string()),
      policyId: z.optional(z.string()),
      receivedFen: z.optional(z.int()),
      premiumExTaxFen: z.optional(z.int()),
      category: z.optional(z.enum(EXPENSE_CATEGORIES)),
    }),
  }),
]);

/** FEE-2: an entry with the reversal that took it back, if any (`GET /fees/entries/{entryId}`). */
export const ledgerEntryViewSchema = z.object({
  entry: ledgerEntrySchema,
  reversedBy: z.optional(z.object({ entryId: z.string(), sequence: z.int() })),
});

/** FEE-1: a premium receipt as the API returns it. */
export const premiumReceiptSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  policyId: z.string(),
  policyNumber: z.string(),
  receivedOn: localDateSchema,
  amountFen: z.int(),
  vatRateBasisPoints: z.int(),
  premiumExTaxFen: z.int(),
  accrualBasisPoints: z.int(),
  accrualFen: z.int(),
  entryId: z.string(),
  entrySequence: z.int(),
  year: z.int(),
  ruleSetId: z.string(),
  ruleSetVersion: z.int(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});

export const policyReceiptsSchema = z.object({
  tenantId: z.string(),
  policyId: z.string(),
  receipts: z.int(),
  receivedFen: z.int(),
  receivedExTaxFen: z.int(),
  version: z.int(),
});

/** `POST /fees/premium-receipts` → the receipt and the ACCRUAL booked with it. */
export const premiumReceivedSchema = z.object({ receipt: premiumReceiptSchema, entry: ledgerEntrySchema });

const totalsShape = {
  lastSequence: z.int(),
  accruals: z.int(),
  expenses: z.int(),
  reversals: z.int(),
  receivedFen: z.int(),
  premiumExTaxFen: z.int(),
  accruedFen: z.int(),
  spentFen: z.int(),
  advances: z.int(),
};
export const yearTotalsSchema = z.object(totalsShape);

/** FEE-4, FEE-5: `GET /fees/summary?year=`. */
export const feeSummarySchema = z.object({
  tenantId: z.string(),
  year: z.int(),
  ruleSetId: z.string(),
  ruleSetVersion: z.int(),
  floorBasisPoints: z.int(),
  ceilingBasisPoints: z.int(),
  ...totalsShape,
  balanceFen: z.int(),
  ratio: z.nullable(z.number()),
  ratioBasisPoints: z.nullable(z.int()),
  requiredSpendFen: z.int(),
  shortfallFen: z.int(),
  ceilingFen: z.int(),
  compliant: z.boolean(),
  aboveCeiling: z.boolean(),
  outstandingAdvanceFen: z.int(),
  updatedAt: z.nullable(z.string()),
});

/** FEE-4: `GET /fees/summary/check?year=` — the counters against the entries. */
export const consistencyReportSchema = z.object({
  tenantId: z.string(),
  year: z.int(),
  consistent: z.boolean(),
  entriesRead: z.int(),
  stored: yearTotalsSchema,
  recomputed: yearTotalsSchema,
  differences: z.readonly(z.array(z.object({ field: z.string(), stored: z.int(), recomputed: z.int() }))),
  problems: z.readonly(z.array(z.string())),
});

/** `GET /fees/ledger/export?year=`: the XLSX as base64 in JSON, with the totals written into it. */
export const ledgerExportSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  contentBase64: z.string(),
  bytes: z.int(),
  entries: z.int(),
  totals: yearTotalsSchema,
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Fail to compile when a schema and its interface drift apart.
const entryMatches: Same<z.output<typeof ledgerEntrySchema>, LedgerEntry> = true;
const receiptMatches: Same<z.output<typeof premiumReceiptSchema>, PremiumReceipt> = true;
const receivedMatches: Same<z.output<typeof policyReceiptsSchema>, PolicyReceipts> = true;
const totalsMatch: Same<z.output<typeof yearTotalsSchema>, YearTotals> = true;
const summaryMatches: Same<z.output<typeof feeSummarySchema>, FeeSummary> = true;
const reportMatches: Same<z.output<typeof consistencyReportSchema>, ConsistencyReport> = true;
const documentMatches: Same<z.output<typeof documentOut>, ArchiveRef> = true;
void entryMatches;
void receiptMatches;
void receivedMatches;
void totalsMatch;
void summaryMatches;
void reportMatches;
void documentMatches;
