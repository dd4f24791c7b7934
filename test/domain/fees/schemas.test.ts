import { describe, expect, it } from 'vitest';
import { bookExpenseBody, reverseEntryBody } from '../../../domain/fees/ledger-entry.schema.js';
import { receivePremiumBody } from '../../../domain/fees/premium-receipt.schema.js';
import { feeYearSchema } from '../../../domain/fees/year-ledger.schema.js';

const messagesOf = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('FEE-1 FEE-2 FEE-3 request bodies name their rule', () => {
  it('FEE-1 a receipt needs a policy, a date and a whole number of fen', () => {
    expect(receivePremiumBody.safeParse({ policyId: 'p1', receivedOn: '2025-07-01', amountFen: 10_600_000 }).success).toBe(true);
    const messages = messagesOf(receivePremiumBody.safeParse({ policyId: 'p 1', receivedOn: '2025-02-30', amountFen: 1.5, accrualBasisPoints: 10_001 }));
    expect(messages).toHaveLength(4);
    expect(messages.every((message) => message.includes('FEE-1:'))).toBe(true);
    expect(messagesOf(receivePremiumBody.safeParse({ policyId: 'p1', receivedOn: '2025-07-01', amountFen: 1, extra: true }))).toEqual([': unknown field(s): extra']);
  });

  it('FEE-3 an unknown category is refused naming FEE-3; the forbidden ones pass the schema to be refused by the rule', () => {
    const body = { spentOn: '2025-03-04', category: 'BANQUET', amountFen: 1, description: '宴请', serviceId: 's1' };
    expect(messagesOf(bookExpenseBody.safeParse(body))).toEqual([expect.stringMatching(/^category: FEE-3: category must be one of OFFLINE_SERVICE/)]);
    expect(bookExpenseBody.safeParse({ ...body, category: 'INTERNAL_MANAGEMENT' }).success).toBe(true);
  });

  it('FEE-2 an expense links to a service or an archived document, and says what it paid for', () => {
    const body = { spentOn: '2025-03-04', category: 'OFFLINE_SERVICE', amountFen: 1, description: '体检式精查' };
    expect(messagesOf(bookExpenseBody.safeParse(body))).toEqual([expect.stringContaining('serviceId: FEE-2: an expense links to')]);
    expect(bookExpenseBody.safeParse({ ...body, document: { archiveId: 'a1', sha256: 'f'.repeat(64), name: '合同.pdf' } }).success).toBe(true);
    expect(messagesOf(bookExpenseBody.safeParse({ ...body, serviceId: 's1', description: '  ' }))).toEqual([expect.stringContaining('description: FEE-2')]);
  });

  it('FEE-2 a reversal says why; a year is a four-digit year', () => {
    expect(messagesOf(reverseEntryBody.safeParse({}))).toEqual([expect.stringContaining('reason: FEE-2')]);
    expect(feeYearSchema.safeParse('2024').data).toBe(2024);
    expect(feeYearSchema.safeParse('24').success).toBe(false);
    expect(feeYearSchema.safeParse('2024.5').success).toBe(false);
  });
});
