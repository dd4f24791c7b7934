import { describe, expect, it } from 'vitest';
import { decideClaim, limitsOn, recordPayout, registerClaim } from '../../../domain/claims/claim.rules.js';
import type { Claim } from '../../../domain/claims/claim.js';
import { claimEventPayload } from '../../../domain/claims/events.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import { expectRuleViolation, issued, thrown } from '../underwriting/fixtures.js';

/** The fixture policy: 2024-07-01..2025-06-30, 300,000 CNY per person, death limit 300,000 CNY. */
const POLICY: Policy = issued();
const NOW = new Date('2024-10-20T02:00:00Z');
const LIMIT = 30_000_000;

const body = (overrides: Record<string, unknown> = {}) => ({
  policyId: POLICY.id,
  accidentOn: '2024-10-08',
  place: '3号井下运输巷',
  casualties: [
    { name: '李四', kind: 'DEATH', amountClaimedFen: LIMIT },
    { name: '王五', kind: 'INJURY', amountClaimedFen: 5_000_000 },
  ],
  ...overrides,
});

const registered = (overrides: Record<string, unknown> = {}): Claim =>
  registerClaim(POLICY, body(overrides), { id: 'c-1', by: 'u-1', now: NOW }).state;

describe('registerClaim (CLM-1)', () => {
  it('CLM-1 registers a claim with its total, the policy it is on and the limits of the accident day', () => {
    const { state, events } = registerClaim(POLICY, body(), { id: 'c-1', by: 'u-1', now: NOW });
    expect(state).toMatchObject({
      status: 'REGISTERED',
      tenantId: POLICY.tenantId,
      policyNumber: POLICY.policyNumber,
      enterprise: { uscc: POLICY.enterprise.uscc, county: '140902' },
      claimedFen: LIMIT + 5_000_000,
      limits: { deathFen: LIMIT, personFen: LIMIT },
      paidFen: 0,
      version: 1,
    });
    expect(events.map((event) => event.type)).toEqual(['claims.claim.registered']);
    expect(claimEventPayload.safeParse(events[0]?.data).success).toBe(true);
  });

  it.each([
    ['before the period', '2024-06-30'],
    ['after the period', '2025-07-01'],
  ])('CLM-1 refuses an accident day %s (400 naming accidentOn)', (_what, accidentOn) => {
    expectRuleViolation(() => registerClaim(POLICY, body({ accidentOn }), { id: 'c', by: 'u', now: new Date('2025-08-01T00:00:00Z') }), 'CLM-1', 'accidentOn', 400);
  });

  it('CLM-1 refuses an accident day on or after the cancellation, and one in the future', () => {
    const cancelled: Policy = { ...POLICY, status: 'CANCELLED', cancellation: { on: '2024-10-01', reason: '退保', recordedAt: '', recordedBy: '' } };
    expectRuleViolation(() => registerClaim(cancelled, body(), { id: 'c', by: 'u', now: NOW }), 'CLM-1', 'accidentOn', 400);
    expectRuleViolation(() => registerClaim(POLICY, body({ accidentOn: '2024-10-21' }), { id: 'c', by: 'u', now: NOW }), 'CLM-1', 'accidentOn', 400);
  });

  it('CLM-1 refuses a person claimed above the per-person limit for their kind (400 naming the person)', () => {
    const lowDeath: Policy = { ...POLICY, perPersonInsuredAmountFen: 50_000_000 };
    const casualties = [
      { name: '甲', kind: 'INJURY', amountClaimedFen: 50_000_000 },
      { name: '乙', kind: 'DEATH', amountClaimedFen: LIMIT + 1 },
    ];
    expectRuleViolation(() => registerClaim(lowDeath, body({ casualties }), { id: 'c', by: 'u', now: NOW }), 'CLM-1', 'casualties.1.amountClaimedFen', 400);
  });

  it('CLM-1 refuses a claim without casualties, with a blank place or an unknown kind', () => {
    expectRuleViolation(() => registerClaim(POLICY, body({ casualties: [] }), { id: 'c', by: 'u', now: NOW }), 'CLM-1', 'casualties', 400);
    expectRuleViolation(() => registerClaim(POLICY, body({ place: '  ' }), { id: 'c', by: 'u', now: NOW }), 'CLM-1', 'place', 400);
    expectRuleViolation(
      () => registerClaim(POLICY, body({ casualties: [{ name: '甲', kind: 'LOST', amountClaimedFen: 1 }] }), { id: 'c', by: 'u', now: NOW }),
      'CLM-1',
      'casualties.0.kind',
      400,
    );
  });

  it('CLM-1 uses the limits in force on the accident day: an endorsement effective later does not apply', () => {
    const endorsed: Policy = {
      ...POLICY,
      perPersonDeathLimitFen: 50_000_000,
      perPersonInsuredAmountFen: 60_000_000,
      endorsements: [
        {
          sequence: 1,
          effectiveOn: '2024-10-10',
          reason: '提高限额',
          changes: { perPersonDeathLimitFen: { from: LIMIT, to: 50_000_000 }, perPersonInsuredAmountFen: { from: LIMIT, to: 60_000_000 } },
          premiumDeltaFen: 0,
          premiumFen: POLICY.premiumFen,
          recordedAt: '',
          recordedBy: '',
        },
      ],
    };
    expect(limitsOn(endorsed, '2024-10-08')).toEqual({ deathFen: LIMIT, personFen: LIMIT });
    expect(limitsOn(endorsed, '2024-10-10')).toEqual({ deathFen: 50_000_000, personFen: 60_000_000 });
  });
});

describe('decideClaim (CLM-1)', () => {
  it('CLM-1 pays in full without a reason: PAID', () => {
    const { state, events } = decideClaim(registered(), { payableFen: [LIMIT, 5_000_000] }, 'u-2', NOW);
    expect(state.status).toBe('DECIDED');
    expect(state.decision).toMatchObject({ outcome: 'PAID', totalPayableFen: LIMIT + 5_000_000, decidedOn: '2024-10-20' });
    expect(state.decision?.reasonCode).toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(['claims.claim.decided']);
  });

  it('CLM-1 refuses a declined claim without a reason (400 naming CLM-1 and reasonCode)', () => {
    const error = expectRuleViolation(() => decideClaim(registered(), { payableFen: [0, 0] }, 'u-2', NOW), 'CLM-1', 'reasonCode', 400);
    expect(error.message).toContain('无正当理由不得拒赔');
  });

  it('CLM-1 refuses a decline with a reason code but no text, and with blank text', () => {
    expectRuleViolation(() => decideClaim(registered(), { payableFen: [0, 0], reasonCode: 'EXCLUSION' }, 'u', NOW), 'CLM-1', 'reasonText', 400);
    expectRuleViolation(() => decideClaim(registered(), { payableFen: [0, 0], reasonCode: 'OTHER', reasonText: '   ' }, 'u', NOW), 'CLM-1', 'reasonText', 400);
  });

  it('CLM-1 refuses a cut (payable below claimed) without a reason, and records one with it: PARTIALLY_PAID', () => {
    expectRuleViolation(() => decideClaim(registered(), { payableFen: [LIMIT, 1_000_000] }, 'u', NOW), 'CLM-1', 'reasonCode', 400);
    const { state } = decideClaim(
      registered(),
      { payableFen: [LIMIT, 1_000_000], reasonCode: 'INSUFFICIENT_EVIDENCE', reasonText: '王五医疗费用票据仅提供 1 万元' },
      'u',
      NOW,
    );
    expect(state.decision).toMatchObject({ outcome: 'PARTIALLY_PAID', totalPayableFen: LIMIT + 1_000_000, reasonCode: 'INSUFFICIENT_EVIDENCE' });
  });

  it('CLM-1 records a decline with its reason: DECLINED', () => {
    const { state } = decideClaim(registered(), { payableFen: [0, 0], reasonCode: 'EXCLUSION', reasonText: '事故系故意行为所致' }, 'u', NOW);
    expect(state.decision).toMatchObject({ outcome: 'DECLINED', totalPayableFen: 0, reasonText: '事故系故意行为所致' });
  });

  it('CLM-1 refuses a payable above the per-person limit or above the amount claimed', () => {
    const claim = registered();
    expectRuleViolation(() => decideClaim({ ...claim, limits: { deathFen: 1_000, personFen: LIMIT } }, { payableFen: [1_001, 5_000_000] }, 'u', NOW), 'CLM-1', 'payableFen.0', 400);
    expectRuleViolation(() => decideClaim(claim, { payableFen: [LIMIT, 5_000_001] }, 'u', NOW), 'CLM-1', 'payableFen.1', 400);
  });

  it('CLM-1 refuses amounts that are not one per casualty, and a second decision', () => {
    expectRuleViolation(() => decideClaim(registered(), { payableFen: [LIMIT] }, 'u', NOW), 'CLM-1', 'payableFen', 400);
    const decided = decideClaim(registered(), { payableFen: [LIMIT, 5_000_000] }, 'u', NOW).state;
    expect(thrown(() => decideClaim(decided, { payableFen: [LIMIT, 5_000_000] }, 'u', NOW))).toBeInstanceOf(Conflict);
  });
});

describe('recordPayout (CLM-1)', () => {
  const decided = () =>
    decideClaim(registered(), { payableFen: [LIMIT, 1_000_000], reasonCode: 'ABOVE_LIMIT', reasonText: '部分费用不属赔偿范围' }, 'u', NOW).state;
  const later = new Date('2024-11-05T02:00:00Z');

  it('CLM-1 records payouts with their dates up to the total payable', () => {
    const first = recordPayout(decided(), { paidOn: '2024-11-01', amountFen: 20_000_000 }, 'u', later);
    const second = recordPayout(first.state, { paidOn: '2024-11-05', amountFen: 11_000_000, note: '尾款' }, 'u', later);
    expect(second.state.paidFen).toBe(LIMIT + 1_000_000);
    expect(second.state.payouts.map((payout) => payout.paidOn)).toEqual(['2024-11-01', '2024-11-05']);
    expect(second.events.map((event) => event.type)).toEqual(['claims.claim.paid']);
  });

  it('CLM-1 refuses a payout that would take the total paid above the payable', () => {
    const first = recordPayout(decided(), { paidOn: '2024-11-01', amountFen: 30_000_000 }, 'u', later).state;
    expectRuleViolation(() => recordPayout(first, { paidOn: '2024-11-02', amountFen: 1_000_001 }, 'u', later), 'CLM-1', 'amountFen', 400);
  });

  it('CLM-1 refuses a payout dated before the decision or in the future', () => {
    expectRuleViolation(() => recordPayout(decided(), { paidOn: '2024-10-19', amountFen: 1 }, 'u', later), 'CLM-1', 'paidOn', 400);
    expectRuleViolation(() => recordPayout(decided(), { paidOn: '2024-11-06', amountFen: 1 }, 'u', later), 'CLM-1', 'paidOn', 400);
  });

  it('CLM-1 refuses a payout before a decision and on a declined claim (409)', () => {
    expect(thrown(() => recordPayout(registered(), { paidOn: '2024-11-01', amountFen: 1 }, 'u', later))).toMatchObject({ code: 'CONFLICT', ruleId: 'CLM-1' });
    const declined = decideClaim(registered(), { payableFen: [0, 0], reasonCode: 'EXCLUSION', reasonText: '故意行为' }, 'u', NOW).state;
    expect(thrown(() => recordPayout(declined, { paidOn: '2024-11-01', amountFen: 1 }, 'u', later))).toMatchObject({ code: 'CONFLICT', ruleId: 'CLM-1' });
  });
});
