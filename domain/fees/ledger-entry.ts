import type * as z from 'zod/mini';
import type { Fen } from '../kernel/money.js';
import type { accrualEntrySchema, expenseEntrySchema, reversalEntrySchema, reversedEntrySchema } from './ledger-entry.schema.js';

/** FEE-2: the three kinds of ledger (台账) entry. */
export const LEDGER_ENTRY_KINDS = ['ACCRUAL', 'EXPENSE', 'REVERSAL'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/**
 * FEE-3: what prevention fees may pay for — offline services, online services, services bought from a
 * third-party organisation, training and its materials, and the prevention-service information system
 * (事故预防技术服务信息系统, which the notice names as allowed).
 */
export const EXPENSE_CATEGORIES = [
  'OFFLINE_SERVICE',
  'ONLINE_SERVICE',
  'THIRD_PARTY_SERVICE',
  'TRAINING_MATERIALS',
  'INFORMATION_SYSTEM',
] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/**
 * FEE-3: uses the notice forbids, kept as words of their own so that such an expense is refused by name and
 * rule rather than as an unknown category: the insurer's internal management costs (内部的管理费用), diverting
 * (挪用), squeezing (挤占) and pre-accruing (预提).
 */
export const REFUSED_EXPENSE_CATEGORIES = ['INTERNAL_MANAGEMENT', 'DIVERSION', 'SQUEEZING', 'PRE_ACCRUAL'] as const;
export type RefusedExpenseCategory = (typeof REFUSED_EXPENSE_CATEGORIES)[number];

/** FEE-3: how a refusal names each forbidden use, in the notice's words. */
export const REFUSED_CATEGORY_NAMES: Readonly<Record<RefusedExpenseCategory, string>> = {
  INTERNAL_MANAGEMENT: 'the insurer’s internal management costs (内部的管理费用)',
  DIVERSION: 'diverting prevention fees to other uses (挪用)',
  SQUEEZING: 'squeezing other costs into prevention fees (挤占)',
  PRE_ACCRUAL: 'pre-accruing an expense not yet incurred (预提)',
};

/**
 * FEE-1: the prevention fee accrued (提取) from one premium receipt, booked with the receipt. The entry types are
 * their schemas' (ledger-entry.schema.ts): one shape for the rules, the table and the API.
 */
export type AccrualEntry = z.output<typeof accrualEntrySchema>;
/** FEE-2, FEE-3: money spent on prevention, of an allowed category, linked to what it paid for. */
export type ExpenseEntry = z.output<typeof expenseEntrySchema>;
/** What a reversal took back, copied from the reversed entry when it was booked. */
export type ReversedEntry = z.output<typeof reversedEntrySchema>;
/** FEE-2: the correction of one entry: its effect taken back exactly, in its own year. */
export type ReversalEntry = z.output<typeof reversalEntrySchema>;

/**
 * One entry of an insurer's prevention-fee ledger (事故预防费用台账), FEE-2. Append-only: nothing changes an entry
 * once booked.
 */
export type LedgerEntry = AccrualEntry | ExpenseEntry | ReversalEntry;

/**
 * How an entry moves the year's figures. Amounts are signed; `advances` counts entries booked as advances,
 * net of their reversals.
 */
export interface LedgerEffect {
  readonly receivedFen: Fen;
  readonly premiumExTaxFen: Fen;
  readonly accruedFen: Fen;
  readonly spentFen: Fen;
  readonly advances: number;
}

const NO_EFFECT: LedgerEffect = { receivedFen: 0, premiumExTaxFen: 0, accruedFen: 0, spentFen: 0, advances: 0 };

function effectOfReversed(reversed: ReversedEntry): LedgerEffect {
  const advances = reversed.advance ? 1 : 0;
  return reversed.kind === 'ACCRUAL'
    ? {
        receivedFen: reversed.receivedFen ?? 0,
        premiumExTaxFen: reversed.premiumExTaxFen ?? 0,
        accruedFen: reversed.amountFen,
        spentFen: 0,
        advances,
      }
    : { ...NO_EFFECT, spentFen: reversed.amountFen, advances };
}

/**
 * FEE-2: an entry's effect on its year — an ACCRUAL adds premium and accrued fee, an EXPENSE adds spending, a
 * REVERSAL takes back exactly what its entry added (and counts as an advance itself if it took the balance
 * below zero). The counters and the consistency check both add these up, so they cannot disagree on meaning.
 *
 * @example
 * effectOf(expense).spentFen;  // expense.amountFen
 * effectOf(reversalOf(expense)).spentFen; // −expense.amountFen
 */
export function effectOf(entry: LedgerEntry): LedgerEffect {
  const advances = entry.advance ? 1 : 0;
  switch (entry.kind) {
    case 'ACCRUAL':
      return {
        receivedFen: entry.receivedFen,
        premiumExTaxFen: entry.premiumExTaxFen,
        accruedFen: entry.amountFen,
        spentFen: 0,
        advances,
      };
    case 'EXPENSE':
      return { ...NO_EFFECT, spentFen: entry.amountFen, advances };
    case 'REVERSAL': {
      const taken = effectOfReversed(entry.reverses);
      return {
        receivedFen: -taken.receivedFen,
        premiumExTaxFen: -taken.premiumExTaxFen,
        accruedFen: -taken.accruedFen,
        spentFen: -taken.spentFen,
        advances: advances - taken.advances,
      };
    }
  }
}

/** How the entry moves the year's prevention balance (accrued − spent): what FEE-2's balance rule looks at. */
export function balanceChangeOf(entry: LedgerEntry): Fen {
  const effect = effectOf(entry);
  return effect.accruedFen - effect.spentFen;
}

const ENTRY_ID = /^(\d{4})-(\d{10})-([0-9a-z]{10})$/;
const SUFFIX = /^[0-9a-z]{10}$/;

/**
 * FEE-2: an entry's id says where it is: `2024-0000000051-7h3k9x2m4q` is entry 51 of the insurer's 2024 ledger.
 * Finding an entry by id is then one read of a known key, with no pointer item or index to keep in step; the
 * random tail makes ids unique across insurers and impossible to guess from the number alone.
 *
 * @example
 * ledgerEntryId(2024, 51, '7h3k9x2m4q'); // '2024-0000000051-7h3k9x2m4q'
 */
export function ledgerEntryId(year: number, sequence: number, suffix: string): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a four-digit year: ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 9_999_999_999) throw new RangeError(`not a sequence number: ${sequence}`);
  if (!SUFFIX.test(suffix)) throw new RangeError(`an entry id suffix is 10 lower-case letters or digits, got ${JSON.stringify(suffix)}`);
  return `${year}-${String(sequence).padStart(10, '0')}-${suffix}`;
}

/** The year and sequence an entry id names, or `undefined` for anything that is not an entry id. */
export function parseLedgerEntryId(id: string): { year: number; sequence: number } | undefined {
  const match = ENTRY_ID.exec(id);
  if (!match) return undefined;
  const sequence = Number(match[2]);
  return sequence >= 1 ? { year: Number(match[1]), sequence } : undefined;
}
