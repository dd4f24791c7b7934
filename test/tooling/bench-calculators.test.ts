import { describe, expect, it } from 'vitest';
import { costModel, DEFAULT_PER_CALL, FIXED_RESOURCES, PRICES, tieredStorageUsd, XINZHOU } from '../bench/cost-model.js';
import { BUSIEST_DAY, DEFAULT_CALLS, NATIONAL, partitionMet, partitionRates } from '../bench/national-scale.js';

// The bench's pure calculators (issue 20). Benchmarks are not tests; their arithmetic is.
describe('national scale: per-partition rates (issue 20)', () => {
  const byName = (name: string, rates = partitionRates()) => {
    const rate = rates.find((candidate) => candidate.partition === name);
    if (!rate) throw new Error(`no partition ${name}`);
    return rate;
  };

  it('issue 20: supervision counters take the busiest second\'s policy and service cell moves, two units each in a transaction', () => {
    const perSecond = (perDay: number) => (perDay * BUSIEST_DAY.peakHourShare) / 3600;
    const policies = perSecond(NATIONAL.enterprises * BUSIEST_DAY.policyShare);
    const steps = perSecond(((NATIONAL.servicesPerYear * DEFAULT_CALLS.transactionsPerService) / BUSIEST_DAY.workingDays) * BUSIEST_DAY.serviceStepFactor);
    const moves = policies * DEFAULT_CALLS.counterMovesPerPolicy + (steps * DEFAULT_CALLS.counterMovesPerService) / DEFAULT_CALLS.transactionsPerService;
    // Issue 21: keyed by county, the busiest county's partition takes its share of the moves.
    expect(byName('R#supervision#COUNT#<year>#<busiest county>').wcu).toBeCloseTo(moves * NATIONAL.busiestCountyShare * 2, 6);
    expect(moves * 2).toBeCloseTo(17.56, 1);
  });

  it('issue 20 issue 21: keyed by county, the overview reads one county\'s partition (the offices over it), not the nation\'s year (5,833 RCU/s before)', () => {
    const counters = byName('R#supervision#COUNT#<year>#<busiest county>');
    // 6 offices × 4 loads a day, a fifth in the peak hour; 100 × 300 / 2,850 ≈ 10.5 cells of 1 KB = 3 read units a load.
    expect(counters.rcu).toBeCloseTo(((6 * 4 * 0.2) / 3600) * 3, 6);
    expect(partitionMet(counters)).toBe(true);
    expect(counters.how).toContain('5833 RCU/s');
    expect(partitionRates().every(partitionMet)).toBe(true);
  });

  it('issue 20: more transactions per service raise the due index in proportion to the steps that touch it', () => {
    const base = byName('T#<largest insurer>#SERVICE-DUE').wcu;
    const doubled = byName('T#<largest insurer>#SERVICE-DUE', partitionRates(NATIONAL, BUSIEST_DAY, { ...DEFAULT_CALLS, dueIndexStepsPerService: 8 })).wcu;
    expect(doubled).toBeCloseTo(base * 2, 6);
  });
});

describe('cost model per insurer per month (issue 20)', () => {
  it('issue 20: the total is the sum of the items, and the fixed share divides by the insurers sharing a deployment', () => {
    const three = costModel(XINZHOU);
    expect(three.total).toBeCloseTo(three.items.reduce((sum, item) => sum + item.usd, 0), 9);
    const fixed = (FIXED_RESOURCES.webAcls * PRICES.wafWebAcl + FIXED_RESOURCES.wafRules * PRICES.wafRule +
      FIXED_RESOURCES.kmsKeys * PRICES.kmsKey + FIXED_RESOURCES.secrets * PRICES.secret + FIXED_RESOURCES.dashboards * PRICES.dashboard +
      FIXED_RESOURCES.alarms * PRICES.alarm);
    expect(three.fixedPerInsurer).toBeCloseTo(fixed / 3, 9);
    const thirty = costModel({ ...XINZHOU, insurersSharingDeployment: 30 });
    expect(thirty.fixedPerInsurer).toBeCloseTo(fixed / 30, 9);
    expect(thirty.variable).toBeCloseTo(three.variable, 9);
  });

  it('issue 20: archive storage is priced by Intelligent-Tiering age — a month in Frequent, two in Infrequent, then Archive Instant — plus monitoring', () => {
    // 12 monthly cohorts of 10 GB and 1,000 objects: 1 at 0.023, 2 at 0.0125, 9 at 0.004 a GB, 12,000 objects monitored.
    expect(tieredStorageUsd(10, 1_000, 12)).toBeCloseTo(10 * (0.023 + 2 * 0.0125 + 9 * 0.004) + 12_000 * 0.0000025, 9);
    expect(tieredStorageUsd(10, 0, 1)).toBeCloseTo(10 * PRICES.s3StorageGbMonth, 9);
    const storage = costModel(XINZHOU).items.find((item) => item.item === 'S3 storage under object lock');
    expect(storage?.basis).toContain('Intelligent-Tiering');
  });

  it('issue 20: Lambda duration is GB-seconds of every invocation plus the cold starts, at the arm64 price', () => {
    const perCall = { ...DEFAULT_PER_CALL, writeShare: 0, coldStartShare: 0, lambdaMs: 100, lambdaMemoryMb: 512 };
    const model = costModel({ ...XINZHOU, apiCallsPerMonth: 1_000_000 }, perCall);
    const duration = model.items.find((item) => item.item === 'Lambda (arm64, duration)');
    expect(duration?.usd).toBeCloseTo(1_000_000 * 0.1 * 0.5 * PRICES.lambdaArmGbSecond, 9);
  });
});
