import { describe, expect, it } from 'vitest';
import { exTaxFen, percentOfFen } from '../../../domain/kernel/money.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import { effectOf, ledgerEntryId, parseLedgerEntryId, REFUSED_EXPENSE_CATEGORIES } from '../../../domain/fees/ledger-entry.js';
import type { AccrualEntry, ExpenseEntry } from '../../../domain/fees/ledger-entry.js';
import { bookExpense, checkExpenseDocument } from '../../../domain/fees/expense.rules.js';
import { receiptExTaxFen, receivePremium } from '../../../domain/fees/premium-receipt.rules.js';
import { receivablePremiumFen } from '../../../domain/fees/premium-receipt.js';
import { balanceOf } from '../../../domain/fees/year-ledger.js';
import { COINSURED, MemoryLedger, PINGAN, POLICY, RULE_SETS, context, expectRuleViolation, expenseBody, thrown } from './fixtures.js';

describe('FEE-1 accrual from premium received', () => {
  it('FEE-1 UW-5 books premium ex-tax 100,000.00 and an accrual of 15,000.00 for a receipt of 106,000.00 CNY at 6% VAT', () => {
    const ledger = new MemoryLedger();
    const { receipt, entry } = ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen: 10_600_000 });
    expect(receipt).toMatchObject({ amountFen: 10_600_000, vatRateBasisPoints: 600, premiumExTaxFen: 10_000_000, accrualBasisPoints: 1500, accrualFen: 1_500_000 });
    expect(entry).toMatchObject({ kind: 'ACCRUAL', year: 2025, sequence: 1, amountFen: 1_500_000, premiumExTaxFen: 10_000_000, receiptId: receipt.id, policyId: POLICY.id });
    expect(ledger.years.get(2025)).toMatchObject({ receivedFen: 10_600_000, premiumExTaxFen: 10_000_000, accruedFen: 1_500_000, spentFen: 0 });
  });

  it('FEE-1 accrues at least the rule set’s floor: more on request, less refused', () => {
    const ledger = new MemoryLedger();
    expect(ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen: 1_060_000, accrualBasisPoints: 2000 }).entry.amountFen).toBe(200_000);
    expectRuleViolation(() => ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen: 1_060_000, accrualBasisPoints: 1499 }), 'FEE-1', 400, 'accrualBasisPoints');
  });

  it('FEE-1 rounds the accrual half up on the fen, at the boundaries', () => {
    // 15% of 10 fen is 1.5 → 2; of 30 fen 4.5 → 5; of 23 fen 3.45 → 3; of 29 fen 4.35 → 4.
    const cases: [grossFen: number, exTax: number, accrual: number][] = [
      [11, 10, 2],
      [32, 30, 5],
      [24, 23, 3],
      [31, 29, 4],
      [1, 1, 0],
    ];
    for (const [gross, exTax, accrual] of cases) {
      const { receipt } = new MemoryLedger().receive(POLICY, { receivedOn: '2025-07-01', amountFen: gross });
      expect([receipt.premiumExTaxFen, receipt.accrualFen], `${gross} fen`).toEqual([exTax, accrual]);
      expect(percentOfFen(exTax, 1500)).toBe(accrual);
    }
  });

  it('FEE-1 refuses receipts beyond the policy’s premium, partial receipts up to it allowed', () => {
    const ledger = new MemoryLedger();
    ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen: 20_000_000 });
    const refused = expectRuleViolation(() => ledger.receive(POLICY, { receivedOn: '2025-08-01', amountFen: 7_870_151 }), 'FEE-1', 409, 'amountFen');
    expect(refused.message).toContain('78701.50 CNY');
    ledger.receive(POLICY, { receivedOn: '2025-08-01', amountFen: 7_870_150 });
    expectRuleViolation(() => ledger.receive(POLICY, { receivedOn: '2025-08-02', amountFen: 1 }), 'FEE-1', 409);
    expect(ledger.received.get(POLICY.id)).toMatchObject({ receipts: 2, receivedFen: POLICY.premiumFen });
  });

  it('FEE-1 UW-6 lets a co-insurance member receive its share only', () => {
    expect(receivablePremiumFen(COINSURED, PINGAN)).toBe(29_370_000); // 40% of 734,250.01 CNY, half up
    expect(receivablePremiumFen(COINSURED, 't-other')).toBeUndefined();
    const member = new MemoryLedger(PINGAN);
    expectRuleViolation(() => member.receive(COINSURED, { receivedOn: '2025-07-01', amountFen: 29_370_001 }), 'FEE-1', 409, 'amountFen');
    expect(member.receive(COINSURED, { receivedOn: '2025-07-01', amountFen: 29_370_000 }).entry.tenantId).toBe(PINGAN);
    expectRuleViolation(() => new MemoryLedger('t-other').receive(COINSURED, { receivedOn: '2025-07-01', amountFen: 1 }), 'FEE-1', 409, 'policyId');
  });

  it('FEE-1 refuses premium not yet received: a receipt dated after today', () => {
    expectRuleViolation(() => new MemoryLedger().receive(POLICY, { receivedOn: '2026-01-16', amountFen: 100 }), 'FEE-1', 400, 'receivedOn');
    // Asia/Shanghai decides "today": 2026-01-15T16:30Z is already the 16th in Xinzhou.
    const late = new MemoryLedger(undefined, new Date('2026-01-15T16:30:00Z'));
    expect(late.receive(POLICY, { receivedOn: '2026-01-16', amountFen: 100 }).entry.year).toBe(2026);
  });
});

describe('UW-5 premium ex-tax in integer fen with the policy’s VAT rate', () => {
  it('UW-5 uses the policy’s own VAT rate, not the rule set’s default (0 for a documented exemption)', () => {
    const taxFree = { ...POLICY, id: 'pol-0', vatRateBasisPoints: 0 };
    expect(new MemoryLedger().receive(taxFree, { receivedOn: '2025-07-01', amountFen: 1_030_000 }).receipt.premiumExTaxFen).toBe(1_030_000);
  });

  it('FEE-1 accrues nothing on a policy whose VAT rate its rule set does not list (100% would halve the fee)', () => {
    for (const vatRateBasisPoints of [10_000, 300]) {
      const typedFreely = { ...POLICY, id: `pol-${vatRateBasisPoints}`, vatRateBasisPoints };
      const error = expectRuleViolation(() => new MemoryLedger().receive(typedFreely, { receivedOn: '2025-07-01', amountFen: 2_000_000 }), 'FEE-1', 409, 'policyId');
      expect(String((error as Error).message)).toContain('6%');
    }
  });

  it('UW-5 partial receipts add up to exactly the ex-tax of the whole premium, whatever the parts', () => {
    const ledger = new MemoryLedger();
    const parts = [1, 52, 9_999_999, 13_935_075, 3_935_023];
    let exTaxSum = 0;
    for (const amountFen of parts) exTaxSum += ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen }).receipt.premiumExTaxFen;
    const whole = parts.reduce((sum, part) => sum + part, 0);
    expect(exTaxSum).toBe(exTaxFen(whole, 600));
    expect(receiptExTaxFen(53, 600, undefined)).toBe(50);
    expect(receiptExTaxFen(1, 600, { receivedFen: 53, receivedExTaxFen: 50 })).toBe(1);
  });
});

describe('FEE-2 the ledger', () => {
  it('FEE-2 numbers entries 1, 2, 3 … per insurer and year, with the user, the time and the link', () => {
    const ledger = new MemoryLedger();
    ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen: 10_600_000 });
    const expense = ledger.spend({ spentOn: '2025-08-01', amountFen: 500_000 }).entry as ExpenseEntry;
    const other = ledger.spend({ spentOn: '2024-12-31', amountFen: 1, advance: true }).entry;
    expect(expense).toMatchObject({ year: 2025, sequence: 2, recordedBy: 'u-staff', recordedAt: '2026-01-15T02:00:00.000Z', serviceId: 'svc-1' });
    expect(other).toMatchObject({ year: 2024, sequence: 1 });
    expect(parseLedgerEntryId(expense.id)).toEqual({ year: 2025, sequence: 2 });
  });

  it('FEE-2 refuses an expense that would take the year’s balance below zero, unless booked as an advance', () => {
    const ledger = new MemoryLedger();
    ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen: 10_600_000 }); // balance 15,000.00
    ledger.spend({ amountFen: 1_500_000 });
    expect(balanceOf(ledger.years.get(2025) as never)).toBe(0);
    expectRuleViolation(() => ledger.spend({ amountFen: 1 }), 'FEE-2', 409, 'amountFen');
    const advance = ledger.spend({ amountFen: 1, advance: true }).entry;
    expect(advance.advance).toBe(true);
    expect(ledger.years.get(2025)).toMatchObject({ advances: 1, spentFen: 1_500_001 });
    // advance: true when the balance suffices books an ordinary expense — the flag records what happened.
    ledger.receive(POLICY, { receivedOn: '2025-07-02', amountFen: 1_060_000 });
    expect(ledger.spend({ amountFen: 1, advance: true }).entry.advance).toBe(false);
  });

  it('FEE-2 a reversal takes the entry back exactly, in its own year, and restores the balance to the fen', () => {
    const ledger = new MemoryLedger();
    ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen: 10_600_000 });
    const before = ledger.years.get(2025);
    const expense = ledger.spend({ amountFen: 333_333 }).entry;
    const { entry: reversal } = ledger.reverse(expense);
    expect(reversal).toMatchObject({ kind: 'REVERSAL', year: 2025, sequence: 3, date: expense.date, amountFen: 333_333, reversedOn: '2026-01-15' });
    expect(effectOf(reversal).spentFen).toBe(-333_333);
    const after = ledger.years.get(2025);
    expect([after?.accruedFen, after?.spentFen, balanceOf(after as never)]).toEqual([before?.accruedFen, before?.spentFen, balanceOf(before as never)]);
    expect(after).toMatchObject({ expenses: 1, reversals: 1, lastSequence: 3 });
  });

  it('FEE-2 refuses reversing a reversal and reversing an entry twice; the correction is a new entry', () => {
    const ledger = new MemoryLedger();
    const expense = ledger.spend({ amountFen: 100, advance: true }).entry;
    const reversal = ledger.reverse(expense).entry;
    expectRuleViolation(() => ledger.reverse(expense), 'FEE-2', 409, 'entryId');
    expectRuleViolation(() => ledger.reverse(reversal), 'FEE-2', 409, 'entryId');
    expect(ledger.spend({ amountFen: 90, advance: true }).entry.sequence).toBe(3);
    expect(ledger.years.get(2025)).toMatchObject({ spentFen: 90, advances: 1 });
  });

  it('FEE-2 reversing an accrual gives the receipt back to the policy and is held to the balance rule', () => {
    const ledger = new MemoryLedger();
    const accrual = ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen: 10_600_000 }).entry as AccrualEntry;
    ledger.spend({ amountFen: 1_000_000 });
    expectRuleViolation(() => ledger.reverse(accrual), 'FEE-2', 409, 'entryId');
    const { entry, received } = ledger.reverse(accrual, { reason: '保费退回', advance: true });
    expect(entry.advance).toBe(true);
    expect(received).toMatchObject({ receivedFen: 0, receivedExTaxFen: 0, receipts: 1, version: 2 });
    expect(ledger.years.get(2025)).toMatchObject({ receivedFen: 0, premiumExTaxFen: 0, accruedFen: 0, spentFen: 1_000_000, advances: 1 });
    // The premium is receivable again in full.
    expect(ledger.receive(POLICY, { receivedOn: '2025-07-03', amountFen: POLICY.premiumFen }).received.receivedFen).toBe(POLICY.premiumFen);
  });

  it('FEE-2 every expense names what it paid for: a service or an archived document', () => {
    const { serviceId: _omitted, ...unlinked } = expenseBody();
    expectRuleViolation(() => bookExpense(unlinked, { ...context(), ledger: undefined }), 'FEE-2', 400, 'serviceId');
    const document = { archiveId: 'arc-1', sha256: 'a'.repeat(64), name: '发票.pdf' };
    const archived = { recordedSha256: document.sha256, storedSha256: document.sha256 };
    expect(bookExpense({ ...unlinked, advance: true, document }, { ...context(), ledger: undefined, document: archived }).entry.document).toEqual(document);
  });

  it('FEE-2 entry ids carry the year and number, and nothing else parses as one', () => {
    expect(ledgerEntryId(2024, 51, '7h3k9x2m4q')).toBe('2024-0000000051-7h3k9x2m4q');
    expect(parseLedgerEntryId('2024-0000000051-7h3k9x2m4q')).toEqual({ year: 2024, sequence: 51 });
    for (const id of ['2024-0000000000-7h3k9x2m4q', '2024-51-7h3k9x2m4q', '01placeholder0000000000000', '2024-0000000051-7H3K9X2M4Q']) {
      expect(parseLedgerEntryId(id), id).toBeUndefined();
    }
    expect(() => ledgerEntryId(2024, 0, '7h3k9x2m4q')).toThrow(RangeError);
  });
});

describe('FEE-3 allowed and refused uses', () => {
  it('FEE-3 refuses internal management costs, diversion, squeezing and pre-accrual by name', () => {
    const names: Record<string, string> = { INTERNAL_MANAGEMENT: '内部的管理费用', DIVERSION: '挪用', SQUEEZING: '挤占', PRE_ACCRUAL: '预提' };
    for (const category of REFUSED_EXPENSE_CATEGORIES) {
      const refused = expectRuleViolation(() => new MemoryLedger().spend({ category, advance: true }), 'FEE-3', 400, 'category');
      expect(refused.message).toContain(names[category]);
    }
  });

  it('FEE-3 accepts every allowed category', () => {
    const ledger = new MemoryLedger();
    for (const category of ['OFFLINE_SERVICE', 'ONLINE_SERVICE', 'THIRD_PARTY_SERVICE', 'TRAINING_MATERIALS', 'INFORMATION_SYSTEM'] as const) {
      expect(ledger.spend({ category, advance: true }).entry).toMatchObject({ kind: 'EXPENSE', category });
    }
  });

  it('FEE-3 refuses an expense dated after today as pre-accrual (预提)', () => {
    const refused = expectRuleViolation(() => new MemoryLedger().spend({ spentOn: '2026-01-16', advance: true }), 'FEE-3', 400, 'spentOn');
    expect(refused.message).toContain('预提');
  });
});

describe('RULES-1 the rule set behind each entry', () => {
  const TWENTY: RuleSet = { ...XINZHOU_2024, id: 'other-city', version: 3, preventionFeeFloorBasisPoints: 2000, preventionFeeCeilingBasisPoints: 2500 };

  it('RULES-1 accrues at the floor of the rule set the policy was issued under, and records it', () => {
    const policy = { ...POLICY, id: 'pol-20', ruleSetId: 'other-city', ruleSetVersion: 3 };
    const received = receivePremium(
      { policyId: policy.id, receivedOn: '2025-07-01', amountFen: 10_600_000 },
      { ...context({ ruleSets: [XINZHOU_2024, TWENTY] }), receiptId: 'r', policy, received: undefined, ledger: undefined },
    );
    expect(received.entry).toMatchObject({ amountFen: 2_000_000, accrualBasisPoints: 2000, ruleSetId: 'other-city', ruleSetVersion: 3 });
  });

  it('RULES-1 refuses a policy whose rule set is not loaded, and an expense before any rule set', () => {
    expectRuleViolation(
      () =>
        receivePremium(
          { policyId: 'p', receivedOn: '2025-07-01', amountFen: 1 },
          { ...context({ ruleSets: RULE_SETS }), receiptId: 'r', policy: { ...POLICY, ruleSetId: 'gone' }, received: undefined, ledger: undefined },
        ),
      'RULES-1',
      409,
    );
    // selectRuleSet's message does not repeat the id; the violation carries it.
    const before = thrown(() => new MemoryLedger().spend({ spentOn: '2024-05-08', advance: true }));
    expect(before).toMatchObject({ ruleId: 'RULES-1', status: 409 });
    expect(new MemoryLedger().spend({ spentOn: '2024-05-09', advance: true }).entry).toMatchObject({ ruleSetId: 'xinzhou-2024', ruleSetVersion: 1 });
  });
});

describe('FEE-2 a cited document is in the insurer’s archive with its digest', () => {
  const document = { archiveId: 'arc-1', sha256: 'a'.repeat(64), name: '发票.pdf' };
  it('FEE-2 refuses a made-up archive id, a file not stored, and a digest other than the archived one', () => {
    expectRuleViolation(() => checkExpenseDocument(document, undefined), 'FEE-2', 409, 'document.archiveId');
    expectRuleViolation(() => checkExpenseDocument(document, { recordedSha256: 'a'.repeat(64), storedSha256: undefined }), 'FEE-2', 409, 'document.archiveId');
    expectRuleViolation(() => checkExpenseDocument({ ...document, sha256: '0'.repeat(64) }, { recordedSha256: 'a'.repeat(64), storedSha256: 'a'.repeat(64) }), 'FEE-2', 409, 'document.sha256');
    expectRuleViolation(() => checkExpenseDocument(document, { recordedSha256: 'a'.repeat(64), storedSha256: 'b'.repeat(64) }), 'FEE-2', 409, 'document.sha256');
    expect(() => checkExpenseDocument(document, { recordedSha256: 'a'.repeat(64), storedSha256: 'a'.repeat(64) })).not.toThrow();
  });

  it('FEE-2 bookExpense refuses a cited document the archive does not hold', () => {
    expectRuleViolation(() => bookExpense(expenseBody({ serviceId: undefined, document }), { ...context(), ledger: undefined }), 'FEE-2', 409, 'document.archiveId');
    const booked = bookExpense(expenseBody({ document, advance: true }), { ...context(), ledger: undefined, document: { recordedSha256: document.sha256, storedSha256: document.sha256 } });
    expect(booked.entry.document).toEqual(document);
  });
});
