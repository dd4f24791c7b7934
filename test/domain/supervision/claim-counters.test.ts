import { describe, expect, it } from 'vitest';
import { claimContribution, cellKeyOf } from '../../../domain/supervision/counters.js';

const claim = (over: Partial<Parameters<typeof claimContribution>[0]> = {}) => ({
  tenantId: 'picc',
  enterprise: { uscc: '91140902100079190P', name: '忻达', county: '140902' },
  // 2026-12-31 20:00 in Xinzhou: registered in 2026 on the Shanghai clock.
  registeredAt: '2026-12-31T12:00:00.000Z',
  payouts: [],
  ...over,
});
const cell = (year: number) => cellKeyOf({ year, tenantId: 'picc', county: '140902' });

describe('CLM-1: a claim’s share of the supervision counters', () => {
  it('CLM-1 counts a registered claim in its Asia/Shanghai registration year, and nothing else until decided', () => {
    expect(claimContribution(claim())).toEqual({ contribution: { [cell(2026)]: { clmRegistered: 1 } } });
    expect(claimContribution(claim({ registeredAt: '2026-12-31T16:30:00.000Z' })).contribution).toEqual({ [cell(2027)]: { clmRegistered: 1 } });
  });

  it('CLM-1 counts a decline in the year decided, and each payout in the year paid', () => {
    const decision = { outcome: 'DECLINED' as const, payableFen: [0], totalPayableFen: 0, reasonCode: 'EXCLUSION' as const, reasonText: '免责', decidedOn: '2027-01-04', decidedAt: '2027-01-04T02:00:00.000Z', decidedBy: 'u' };
    expect(claimContribution(claim({ decision })).contribution).toEqual({ [cell(2026)]: { clmRegistered: 1 }, [cell(2027)]: { clmDecided: 1, clmDeclined: 1 } });
    const paid = claimContribution(
      claim({
        decision: { ...decision, outcome: 'PARTIALLY_PAID', totalPayableFen: 900 },
        payouts: [
          { paidOn: '2026-12-31', amountFen: 400, recordedAt: '2026-12-31T02:00:00.000Z', recordedBy: 'u' },
          { paidOn: '2027-01-05', amountFen: 500, recordedAt: '2027-01-05T02:00:00.000Z', recordedBy: 'u' },
        ],
      }),
    );
    expect(paid).toEqual({ contribution: { [cell(2026)]: { clmRegistered: 1, clmPaidFen: 400 }, [cell(2027)]: { clmDecided: 1, clmPaidFen: 500 } } });
  });
});
