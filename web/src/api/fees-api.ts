import { idempotent, ok, type ApiClient } from './api-client';
import type { BodyOf, ItemOf, Page, QueryOf, ResponseOf } from './contract';

/** One entry of the append-only prevention-fee ledger (FEE-1..5): an accrual, an expense or a reversal. */
export type LedgerEntry = ItemOf<'/api/v1/fees/ledger'>;
/** One entry with the reversal that undid it, if any (`GET /fees/entries/{entryId}`). */
export type LedgerEntryDetail = ResponseOf<'/api/v1/fees/entries/{entryId}', 'get'>;
export type LedgerEntryKind = LedgerEntry['kind'];
export type AccrualEntry = Extract<LedgerEntry, { kind: 'ACCRUAL' }>;
export type ExpenseEntry = Extract<LedgerEntry, { kind: 'EXPENSE' }>;
export type ReversalEntry = Extract<LedgerEntry, { kind: 'REVERSAL' }>;
export type ExpenseCategory = ExpenseEntry['category'];
export type PremiumReceived = ResponseOf<'/api/v1/fees/premium-receipts', 'post'>;
export type PremiumReceipt = PremiumReceived['receipt'];
export type PolicyPremium = ResponseOf<'/api/v1/fees/premium-receipts', 'get'>;
export type FeeSummary = ResponseOf<'/api/v1/fees/summary', 'get'>;
export type ConsistencyReport = ResponseOf<'/api/v1/fees/summary/check', 'get'>;
export type YearTotals = ConsistencyReport['stored'];
export type LedgerExport = ResponseOf<'/api/v1/fees/ledger/export', 'get'>;
export type ReceivePremiumRequest = BodyOf<'/api/v1/fees/premium-receipts', 'post'>;
export type BookExpenseRequest = BodyOf<'/api/v1/fees/expenses', 'post'>;
/** Every category the API takes, the refused ones (FEE-3) included: the server answers those with the rule. */
export type BookableCategory = BookExpenseRequest['category'];
export type RefusedExpenseCategory = Exclude<BookableCategory, ExpenseCategory>;
export type ReverseEntryRequest = BodyOf<'/api/v1/fees/entries/{entryId}/reverse', 'post'>;
export type LedgerRequest = QueryOf<'/api/v1/fees/ledger'>;

/** The insurer's prevention-fee ledger (FEE-1..5). */
export class FeesApi {
  constructor(private readonly client: ApiClient) {}

  /** FEE-1: a premium received accrues 15% of its amount before tax. */
  receivePremium(body: ReceivePremiumRequest, idempotencyKey: string): Promise<PremiumReceived> {
    return ok(this.client.POST('/api/v1/fees/premium-receipts', { body, headers: idempotent(idempotencyKey) }));
  }

  /** The premium received for one policy so far, and what is still outstanding. */
  receipts(policyId: string, signal?: AbortSignal): Promise<PolicyPremium> {
    return ok(this.client.GET('/api/v1/fees/premium-receipts', { params: { query: { policyId } }, signal }));
  }

  /** FEE-2/3: an expense of an allowed category (refused ones answer 409 with the rule). */
  bookExpense(body: BookExpenseRequest, idempotencyKey: string): Promise<LedgerEntry> {
    return ok(this.client.POST('/api/v1/fees/expenses', { body, headers: idempotent(idempotencyKey) }));
  }

  /** FEE-4: the ledger is append-only; a mistake is reversed by a new entry. */
  reverse(entryId: string, body: ReverseEntryRequest, idempotencyKey: string): Promise<LedgerEntry> {
    return ok(this.client.POST('/api/v1/fees/entries/{entryId}/reverse', { params: { path: { entryId } }, body, headers: idempotent(idempotencyKey) }));
  }

  ledger(query: LedgerRequest, signal?: AbortSignal): Promise<Page<LedgerEntry>> {
    return ok(this.client.GET('/api/v1/fees/ledger', { params: { query }, signal }));
  }

  exportLedger(year: number, signal?: AbortSignal): Promise<LedgerExport> {
    return ok(this.client.GET('/api/v1/fees/ledger/export', { params: { query: { year } }, signal }));
  }

  /** The year's summary, or with `half` (RPT-1) that half's alone. */
  summary(year: number, signal?: AbortSignal, half?: 'H1' | 'H2'): Promise<FeeSummary> {
    return ok(this.client.GET('/api/v1/fees/summary', { params: { query: half ? { year, half } : { year } }, signal }));
  }

  /** FEE-5: the stored totals recomputed from the entries. */
  check(year: number, signal?: AbortSignal): Promise<ConsistencyReport> {
    return ok(this.client.GET('/api/v1/fees/summary/check', { params: { query: { year } }, signal }));
  }
}
