import type { ApiClient } from './api-client';
import type { Page, PageRequest } from './types';
import type { ArchiveRef } from './underwriting-types';

/** FEE-3: what prevention fees may pay for (domain/fees/ledger-entry.ts `EXPENSE_CATEGORIES`). */
export const EXPENSE_CATEGORIES = ['OFFLINE_SERVICE', 'ONLINE_SERVICE', 'THIRD_PARTY_SERVICE', 'TRAINING_MATERIALS', 'INFORMATION_SYSTEM'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];
/** FEE-3: the uses the notice forbids; the API accepts the words so that it can refuse them by rule. */
export const REFUSED_EXPENSE_CATEGORIES = ['INTERNAL_MANAGEMENT', 'DIVERSION', 'SQUEEZING', 'PRE_ACCRUAL'] as const;
export type RefusedExpenseCategory = (typeof REFUSED_EXPENSE_CATEGORIES)[number];

export type LedgerEntryKind = 'ACCRUAL' | 'EXPENSE' | 'REVERSAL';


interface EntryBase {
  readonly id: string;
  readonly tenantId: string;
  readonly year: number;
  readonly sequence: number;
  /** YYYY-MM-DD: the day the money moved (a reversal carries the reversed entry's date). */
  readonly date: string;
  /** Never negative: the kind says which way it moves the figures. */
  readonly amountFen: number;
  readonly advance: boolean;
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface AccrualEntry extends EntryBase {
  readonly kind: 'ACCRUAL';
  readonly receiptId: string;
  readonly policyId: string;
  readonly policyNumber: string;
  readonly receivedFen: number;
  readonly vatRateBasisPoints: number;
  readonly premiumExTaxFen: number;
  readonly accrualBasisPoints: number;
}

export interface ExpenseEntry extends EntryBase {
  readonly kind: 'EXPENSE';
  readonly category: ExpenseCategory;
  readonly description: string;
  readonly serviceId?: string;
  readonly document?: ArchiveRef;
}

export interface ReversalEntry extends EntryBase {
  readonly kind: 'REVERSAL';
  readonly reason: string;
  readonly reversedOn: string;
  readonly reverses: {
    readonly entryId: string;
    readonly sequence: number;
    readonly kind: 'ACCRUAL' | 'EXPENSE';
    readonly amountFen: number;
    readonly advance: boolean;
    readonly receiptId?: string;
    readonly policyId?: string;
    readonly receivedFen?: number;
    readonly premiumExTaxFen?: number;
    readonly category?: ExpenseCategory;
  };
}

/** FEE-2: one entry of the prevention-fee ledger (台账). */
export type LedgerEntry = AccrualEntry | ExpenseEntry | ReversalEntry;

export interface PremiumReceipt {
  readonly id: string;
  readonly policyId: string;
  readonly policyNumber: string;
  readonly receivedOn: string;
  readonly amountFen: number;
  readonly vatRateBasisPoints: number;
  readonly premiumExTaxFen: number;
  readonly accrualBasisPoints: number;
  readonly accrualFen: number;
  readonly entryId: string;
  readonly entrySequence: number;
  readonly year: number;
}

/** `POST /fees/premium-receipts` → the receipt and the ACCRUAL booked with it. */
export interface PremiumReceived {
  readonly receipt: PremiumReceipt;
  readonly entry: LedgerEntry;
}

/** FEE-1: what was received on a policy against what may be. */
export interface PolicyPremium {
  readonly policyId: string;
  readonly policyNumber: string;
  readonly receivablePremiumFen: number;
  readonly receivedFen: number;
  readonly receivedExTaxFen: number;
  readonly outstandingFen: number;
  readonly items: readonly PremiumReceipt[];
}

export interface YearTotals {
  readonly lastSequence: number;
  readonly accruals: number;
  readonly expenses: number;
  readonly reversals: number;
  readonly receivedFen: number;
  readonly premiumExTaxFen: number;
  readonly accruedFen: number;
  readonly spentFen: number;
  readonly advances: number;
}

/** FEE-4, FEE-5: the year's summary from the counters. */
export interface FeeSummary extends YearTotals {
  readonly tenantId: string;
  readonly year: number;
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly floorBasisPoints: number;
  readonly ceilingBasisPoints: number;
  readonly balanceFen: number;
  readonly ratio: number | null;
  readonly ratioBasisPoints: number | null;
  readonly requiredSpendFen: number;
  readonly shortfallFen: number;
  readonly ceilingFen: number;
  readonly compliant: boolean;
  readonly aboveCeiling: boolean;
  readonly outstandingAdvanceFen: number;
  readonly updatedAt: string | null;
}

/** FEE-4: the counters recomputed from the entries. */
export interface ConsistencyReport {
  readonly year: number;
  readonly consistent: boolean;
  readonly entriesRead: number;
  readonly stored: YearTotals;
  readonly recomputed: YearTotals;
  readonly differences: readonly { readonly field: string; readonly stored: number; readonly recomputed: number }[];
  readonly problems: readonly string[];
}

export interface LedgerExport {
  readonly fileName: string;
  readonly contentType: string;
  readonly contentBase64: string;
  readonly bytes: number;
  readonly entries: number;
}

export interface ReceivePremiumRequest {
  readonly policyId: string;
  readonly receivedOn: string;
  readonly amountFen: number;
}

export interface BookExpenseRequest {
  readonly spentOn: string;
  readonly category: ExpenseCategory | RefusedExpenseCategory;
  readonly amountFen: number;
  readonly description: string;
  readonly serviceId?: string;
  readonly document?: ArchiveRef;
  readonly advance?: boolean;
}

export interface ReverseEntryRequest {
  readonly reason: string;
  readonly advance?: boolean;
}

export interface LedgerRequest extends PageRequest {
  readonly year: number;
  readonly order?: 'asc' | 'desc';
}

/** The insurer's prevention-fee ledger (FEE-1..5). */
export class FeesApi {
  constructor(private readonly client: ApiClient) {}

  /** FEE-1: premium received against a policy; the prevention fee is accrued in the same booking. */
  receivePremium(body: ReceivePremiumRequest, idempotencyKey: string): Promise<PremiumReceived> {
    return this.client.post('/fees/premium-receipts', { body, idempotencyKey });
  }

  receipts(policyId: string, signal?: AbortSignal): Promise<PolicyPremium> {
    return this.client.get('/fees/premium-receipts', { query: { policyId }, signal });
  }

  /** FEE-2, FEE-3: forbidden categories are refused naming FEE-3; a negative balance needs `advance`. */
  bookExpense(body: BookExpenseRequest, idempotencyKey: string): Promise<LedgerEntry> {
    return this.client.post('/fees/expenses', { body, idempotencyKey });
  }

  /** FEE-2 (insurer-admin): takes an entry back exactly, in its own year. */
  reverse(entryId: string, body: ReverseEntryRequest, idempotencyKey: string): Promise<LedgerEntry> {
    return this.client.post(`/fees/entries/${encodeURIComponent(entryId)}/reverse`, { body, idempotencyKey });
  }

  ledger(request: LedgerRequest, signal?: AbortSignal): Promise<Page<LedgerEntry>> {
    return this.client.get('/fees/ledger', { query: { ...request }, signal });
  }

  exportLedger(year: number, signal?: AbortSignal): Promise<LedgerExport> {
    return this.client.get('/fees/ledger/export', { query: { year }, signal });
  }

  summary(year: number, signal?: AbortSignal): Promise<FeeSummary> {
    return this.client.get('/fees/summary', { query: { year }, signal });
  }

  check(year: number, signal?: AbortSignal): Promise<ConsistencyReport> {
    return this.client.get('/fees/summary/check', { query: { year }, signal });
  }
}
