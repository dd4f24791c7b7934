import { describe, expect, it } from 'vitest';
import { complaintPolicyOf } from '../../../domain/archive/folder-archiving.js';
import { complaintDocumentArchiveId, entriesOfPolicy, ledgerExtractTotals, policyDocumentArchiveId } from '../../../domain/archive/folder-documents.js';
import type { LedgerEntry } from '../../../domain/fees/ledger-entry.js';
import type { Policy } from '../../../domain/underwriting/policy.js';

const base = { tenantId: 't1', year: 2026, date: '2026-03-01', advance: false, ruleSetId: 'xinzhou-2024', ruleSetVersion: 1, recordedAt: '2026-03-01T00:00:00Z', recordedBy: 'u' };
const accrual = (sequence: number, policyId: string): LedgerEntry =>
  ({ ...base, id: `a${sequence}`, sequence, kind: 'ACCRUAL', amountFen: 150, receiptId: `r${sequence}`, policyId, policyNumber: 'P', receivedFen: 1060, vatRateBasisPoints: 600, premiumExTaxFen: 1000 }) as LedgerEntry;
const expense = (sequence: number, serviceId: string): LedgerEntry =>
  ({ ...base, id: `e${sequence}`, sequence, kind: 'EXPENSE', amountFen: 80, category: 'OFFLINE_SERVICE', description: '服务', serviceId }) as LedgerEntry;
const reversal = (sequence: number, of: LedgerEntry): LedgerEntry =>
  ({
    ...base,
    id: `v${sequence}`,
    sequence,
    kind: 'REVERSAL',
    amountFen: of.amountFen,
    reason: '冲销',
    reverses: { entryId: of.id, sequence: of.sequence, kind: of.kind, amountFen: of.amountFen, advance: false, ...(of.kind === 'EXPENSE' ? { category: 'OFFLINE_SERVICE' } : {}) },
  }) as LedgerEntry;

describe('SVC-10 the ledger extract of one policy (FEE-2)', () => {
  it('SVC-10 FEE-2 keeps the policy’s accruals, its services’ expenses and their reversals, in booking order — nothing of another policy', () => {
    const mine = accrual(1, 'p1');
    const theirs = accrual(2, 'p2');
    const spent = expense(3, 's1');
    const elsewhere = expense(4, 's9');
    const back = reversal(5, spent);
    const backOther = reversal(6, elsewhere);
    const kept = entriesOfPolicy('p1', new Set(['s1']), [backOther, back, elsewhere, spent, theirs, mine]);
    expect(kept.map((entry) => entry.id)).toEqual(['a1', 'e3', 'v5']);
    // The reversal takes its expense back: nothing spent, the accrual stands.
    expect(ledgerExtractTotals(kept)).toEqual({ receivedFen: 1060, premiumExTaxFen: 1000, accruedFen: 150, spentFen: 0 });
  });
});

describe('SVC-10 archive ids fixed by what they record (a replay archives once)', () => {
  it('SVC-10 one id per policy version and per complaint status, within the folder’s docId shape', () => {
    expect(policyDocumentArchiveId({ id: '01JABCDEFGHJKMNPQRSTVWXYZ0', version: 1 })).toBe('POL-01JABCDEFGHJKMNPQRSTVWXYZ0-v1');
    expect(policyDocumentArchiveId({ id: 'p', version: 2 })).not.toBe(policyDocumentArchiveId({ id: 'p', version: 1 }));
    expect(complaintDocumentArchiveId({ id: 'c1', status: 'REPLIED' })).toBe('CMP-c1-REPLIED');
    expect(complaintDocumentArchiveId({ id: 'x'.repeat(80), status: 'ACCEPTED' })).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});

describe('SVC-10 the policy year a complaint is filed under', () => {
  const policy = (id: string, periodStart: string, periodEnd: string) => ({ id, periodStart, periodEnd }) as Policy;
  const policies = [policy('old', '2025-01-01', '2025-12-31'), policy('now', '2026-01-01', '2026-12-31'), policy('next', '2027-01-01', '2027-12-31')];

  it('SVC-10 the policy it names, else the one in force on the day received, else the newest already started', () => {
    expect(complaintPolicyOf({ policyId: 'old', receivedOn: '2026-06-01' }, policies)?.id).toBe('old');
    expect(complaintPolicyOf({ receivedOn: '2026-06-01' }, policies)?.id).toBe('now');
    expect(complaintPolicyOf({ receivedOn: '2028-02-01' }, policies)?.id).toBe('next');
    expect(complaintPolicyOf({ receivedOn: '2024-06-01' }, policies)).toBeUndefined();
  });
});
