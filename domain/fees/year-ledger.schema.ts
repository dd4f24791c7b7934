import * as z from 'zod/mini';

/** `year` of the ledger routes: a four-digit year; left out, the current Asia/Shanghai year. */
export const feeYearSchema = z.coerce
  .number('FEE-2: year must be a year such as 2024')
  .check(
    z.int('FEE-2: year must be a year such as 2024'),
    z.gte(2000, 'FEE-2: year must be 2000 or later'),
    z.lte(2100, 'FEE-2: year must be 2100 or earlier'),
  );

/** The counters of one insurer-year (FEE-4, FEE-5): the summary is one read of them whatever the number of entries. */
export const yearTotalsShape = {
  lastSequence: z.int().check(z.meta({ description: 'FEE-2: the last sequence number given — entries are numbered 1..lastSequence with no gap' })),
  accruals: z.int().check(z.meta({ description: 'ACCRUAL entries booked (a reversed entry still counts: it was booked)' })),
  expenses: z.int().check(z.meta({ description: 'EXPENSE entries booked' })),
  reversals: z.int().check(z.meta({ description: 'REVERSAL entries booked' })),
  receivedFen: z.int().check(z.meta({ description: 'Premium received incl. VAT, net of reversed receipts' })),
  premiumExTaxFen: z.int().check(z.meta({ description: 'UW-5, FEE-1: premium received ex-tax — the base of FEE-1 and FEE-4' })),
  accruedFen: z.int().check(z.meta({ description: 'FEE-1: prevention fee accrued, net of reversals' })),
  spentFen: z.int().check(z.meta({ description: 'FEE-4: prevention expense, net of reversals' })),
  advances: z.int().check(z.meta({ description: 'FEE-2: entries booked as advances (they took the balance below zero), net of their reversals' })),
};

/** The figures of one insurer-year's ledger, kept as pre-aggregated counters updated in each entry's transaction. */
export const yearTotalsSchema = z.object(yearTotalsShape);

/** One insurer-year's counters as stored. `lastSequence` is also the optimistic-lock version of the item. */
export const yearLedgerSchema = z.object({
  tenantId: z.string(),
  year: z.int(),
  ...yearTotalsShape,
  /**
   * RPT-1, FEE-4: the same counters per half of the year, each entry added to the half of its `entryDateOf`
   * (half-year.ts), so a half's summary is still one read. Absent on a counters item written before halves
   * were kept (its half summaries are then recomputed from the entries); H1 + H2 = the year, but for
   * `lastSequence`, which is each half's highest.
   */
  halves: z.optional(z.object({ H1: yearTotalsSchema, H2: yearTotalsSchema })),
  updatedAt: z.string().check(z.meta({ description: 'When the last entry was booked (ISO 8601, UTC)' })),
});
