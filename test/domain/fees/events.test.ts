import { describe, expect, it } from 'vitest';
import { feeEvents } from '../../../domain/fees/events.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import { MemoryLedger, POLICY } from './fixtures.js';

/** Every event parses with the payload schema its declaration publishes (AsyncAPI). */
function expectDeclared(event: DomainEvent): void {
  const declared = Object.values(feeEvents).find((type) => type.name === event.type);
  expect(declared, event.type).toBeDefined();
  expect(event.version).toBe(declared?.version);
  expect(event.aggregate.type).toBe(declared?.aggregate);
  expect(declared?.payload.safeParse(event.data).success, JSON.stringify(event.data)).toBe(true);
}

describe('FEE-1 FEE-2 the ledger announces its bookings as domain events', () => {
  it('FEE-1 a receipt raises fees.premium.received on its policy and fees.entry.booked for its ACCRUAL', () => {
    const ledger = new MemoryLedger();
    const { receipt, entry, received, events } = ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen: 10_600_000 });
    expect(events.map((event) => event.type)).toEqual(['fees.premium.received', 'fees.entry.booked']);
    const [premium, booked] = events;
    expect(premium).toMatchObject({ aggregate: { type: 'policy-premium', id: POLICY.id }, sequence: received.version, tenantId: receipt.tenantId });
    expect(premium?.data).toEqual({
      receiptId: receipt.id,
      policyId: POLICY.id,
      policyNumber: POLICY.policyNumber,
      receivedOn: '2025-07-01',
      amountFen: 10_600_000,
      premiumExTaxFen: receipt.premiumExTaxFen,
      accrualFen: receipt.accrualFen,
      receivedFen: received.receivedFen,
      entryId: entry.id,
    });
    expect(booked).toMatchObject({ aggregate: { type: 'fee-ledger', id: `${entry.tenantId}-2025` }, sequence: entry.sequence });
    expect(booked?.data).toMatchObject({ entryId: entry.id, kind: 'ACCRUAL', receiptId: receipt.id, accrualBasisPoints: entry.accrualBasisPoints });
    events.forEach(expectDeclared);
  });

  it('FEE-2 an expense raises fees.entry.booked and a reversal fees.entry.reversed, in the year’s ledger', () => {
    const ledger = new MemoryLedger();
    ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen: 10_600_000 });
    const spent = ledger.spend({ spentOn: '2025-08-01', amountFen: 100_000 });
    expect(spent.events.map((event) => event.data)).toEqual([
      expect.objectContaining({ entryId: spent.entry.id, kind: 'EXPENSE', category: 'OFFLINE_SERVICE', serviceId: 'svc-1', sequence: 2 }),
    ]);
    const reversal = ledger.reverse(spent.entry);
    expect(reversal.events).toHaveLength(1);
    expect(reversal.events[0]).toMatchObject({
      type: 'fees.entry.reversed',
      sequence: 3,
      data: { kind: 'REVERSAL', reversedEntryId: spent.entry.id, reversedSequence: 2, reversedKind: 'EXPENSE', reason: '录入错误' },
    });
    [...spent.events, ...reversal.events].forEach(expectDeclared);
  });
});
