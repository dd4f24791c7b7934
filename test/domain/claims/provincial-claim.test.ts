import { describe, expect, it } from 'vitest';
import { decideClaim, recordPayout, registerClaim } from '../../../domain/claims/claim.rules.js';
import { mapClaim } from '../../../domain/sync/provincial-record.js';
import { issued } from '../underwriting/fixtures.js';

const policy = issued();
const now = new Date('2024-10-20T02:00:00Z');
const claim = registerClaim(
  policy,
  {
    policyId: policy.id,
    accidentOn: '2024-10-08',
    place: '3号井',
    casualties: [
      { name: '甲', kind: 'DEATH', amountClaimedFen: 30_000_000 },
      { name: '乙', kind: 'DISABILITY', amountClaimedFen: 1_000_000 },
    ],
  },
  { id: 'c-1', by: 'u', now },
).state;

describe('SYNC-1 the provincial 理赔 record (CLM-1)', () => {
  it('SYNC-1 maps nothing for a claim not yet decided', () => {
    expect(mapClaim(claim)).toBeUndefined();
  });

  it('SYNC-1 CLM-1 maps a declined claim with its reason, and a payout as a new version with the amount paid', () => {
    const declined = decideClaim(claim, { payableFen: [0, 0], reasonCode: 'EXCLUSION', reasonText: '故意行为' }, 'u', now).state;
    expect(mapClaim(declined)).toMatchObject({
      kind: 'CLAIM',
      sourceVersion: 2,
      county: '140902',
      record: {
        recordId: 'claim-c-1',
        claim: { policyNo: policy.policyNumber, accidentOn: '2024-10-08', deaths: 1, injuries: 1, claimedFen: 31_000_000, decision: 'DECLINED', payableFen: 0, reasonCode: 'EXCLUSION', reason: '故意行为', paidFen: 0 },
      },
    });
    const paid = recordPayout(decideClaim(claim, { payableFen: [30_000_000, 1_000_000] }, 'u', now).state, { paidOn: '2024-10-20', amountFen: 500 }, 'u', now).state;
    expect(mapClaim(paid)?.record).toMatchObject({ recordVersion: 3, claim: { decision: 'PAID', paidFen: 500 } });
  });
});
