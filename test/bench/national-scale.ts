import { markdownTable, verdict } from './table.js';

/**
 * Issue 20, national scale on paper: per-partition write and read rates at the busiest moment of the year, from the
 * key design (functions/adapters/dynamodb/keys.ts) and the calls per operation the bench measures. Pure arithmetic:
 * every assumption is a named input below, so a reader can change one and see what moves.
 *
 * DynamoDB's per-partition ceiling: 1,000 write units and 3,000 read units a second. A write unit is one write of
 * up to 1 KB (two inside a transaction); a read unit one strongly consistent read of up to 4 KB (half that
 * eventually consistent). A GSI partition has the same ceiling, and a GSI write costs units on the index too.
 */
export const PARTITION_LIMITS = { wcu: 1_000, rcu: 3_000 } as const;

export interface NationalScale {
  readonly enterprises: number;
  readonly servicesPerYear: number;
  readonly insurers: number;
  /** The biggest insurer's share of policies and services (assumption: national market leader). */
  readonly largestInsurerShare: number;
  /** County-level divisions in China (区县级行政区, about 2,850). */
  readonly counties: number;
  /** Counties an insurer is active in, on average: the supervision cells are insurer × county. */
  readonly countiesPerInsurer: number;
  /** Regulator offices that read the supervision overview (county and city EMBs, provinces, NFRA branches). */
  readonly regulatorOffices: number;
  readonly overviewLoadsPerOfficePerDay: number;
  /**
   * The busiest county's share of the nation's enterprises, policies and services (issue 21 keys the regulator
   * views and the counters by county; assumption: a large urban district, ~5,000 of 500,000 enterprises).
   */
  readonly busiestCountyShare: number;
  /** Offices whose overview takes in one county: its county EMB, city EMB and NFRA branch, the province's two, the nation's. */
  readonly officesOverOneCounty: number;
  /** Pages of a regulator list (hazards, complaints, claims, notices, sync) an office reads in its peak hour. */
  readonly regulatorListPagesPerOfficePerHour: number;
  /** Insurer staff at the biggest insurer, each paging lists during the peak hour. */
  readonly staffOfLargestInsurer: number;
  readonly listPagesPerStaffPerHour: number;
}

export interface BusiestDay {
  /** Share of the year's policies that start on the busiest day (January 31 / July 31 renewals). */
  readonly policyShare: number;
  /** The busiest day's service steps ÷ an average working day's (quarter ends: reports, deadlines). */
  readonly serviceStepFactor: number;
  readonly workingDays: number;
  /** Share of a day's traffic in its busiest hour (office hours). */
  readonly peakHourShare: number;
  /** The daily run: how many items a second it moves at most (it pages and writes in batches). */
  readonly dailyRunItemsPerSecond: number;
}

/** Calls per operation, as the bench measures them (services-lifecycle, latency sections) or as the code reads. */
export interface CallsPerOperation {
  /** TransactWriteItems per service over its life (one per step, SVC-5..10). */
  readonly transactionsPerService: number;
  /** Of those steps, how many set or clear a deadline on the due-date index (GSI2). */
  readonly dueIndexStepsPerService: number;
  /** Of those steps, how many move a supervision counter cell (the projection's transaction). */
  readonly counterMovesPerService: number;
  readonly counterMovesPerPolicy: number;
  /** Size of a service item as projected on its indexes, KB (GSI writes cost one unit per KB). */
  readonly serviceItemKb: number;
  readonly policyItemKb: number;
  /** A supervision counter cell, KB (keys.ts: a fixed set of ~30 numbers, < 1 KB). */
  readonly counterCellKb: number;
  /** Items of a list page (the console's page size) and their size. */
  readonly listPageItems: number;
}

export const NATIONAL: NationalScale = {
  enterprises: 500_000,
  servicesPerYear: 3_000_000,
  insurers: 100,
  largestInsurerShare: 0.2,
  counties: 2_850,
  countiesPerInsurer: 300,
  regulatorOffices: 3_500,
  overviewLoadsPerOfficePerDay: 4,
  busiestCountyShare: 0.01,
  officesOverOneCounty: 6,
  regulatorListPagesPerOfficePerHour: 30,
  staffOfLargestInsurer: 500,
  listPagesPerStaffPerHour: 60,
};

export const BUSIEST_DAY: BusiestDay = { policyShare: 0.1, serviceStepFactor: 3, workingDays: 250, peakHourShare: 0.2, dailyRunItemsPerSecond: 200 };

export const DEFAULT_CALLS: CallsPerOperation = {
  transactionsPerService: 9,
  dueIndexStepsPerService: 4,
  counterMovesPerService: 3,
  counterMovesPerPolicy: 1,
  serviceItemKb: 3,
  policyItemKb: 3,
  counterCellKb: 1,
  listPageItems: 20,
};

export interface PartitionRate {
  readonly partition: string;
  readonly where: string;
  readonly wcu: number;
  readonly rcu: number;
  readonly how: string;
  /** What to shard it by when it is over a limit (or close to one); undefined when it has room to spare. */
  readonly shard?: string;
}

const units = (kb: number) => Math.max(1, Math.ceil(kb));
const readUnits = (kb: number, strong = true) => Math.max(1, Math.ceil(kb / 4)) * (strong ? 1 : 0.5);

/** The hot partitions of the key design at the busiest second of the busiest day. */
export function partitionRates(scale: NationalScale = NATIONAL, day: BusiestDay = BUSIEST_DAY, calls: CallsPerOperation = DEFAULT_CALLS): PartitionRate[] {
  const perPeakSecond = (perDay: number) => (perDay * day.peakHourShare) / 3600;
  const policiesPerSecond = perPeakSecond(scale.enterprises * day.policyShare);
  const stepsPerSecond = perPeakSecond(((scale.servicesPerYear * calls.transactionsPerService) / day.workingDays) * day.serviceStepFactor);
  const servicesCreatedPerSecond = stepsPerSecond / calls.transactionsPerService;
  const largest = scale.largestInsurerShare;
  // Issue 21: a county's counter partition holds the cells of the insurers active there; a county EMB's overview
  // reads that partition alone, and an office over many counties adds their partitions up, one Query each.
  const cellsPerCounty = (scale.insurers * scale.countiesPerInsurer) / scale.counties;
  const overviewPerSecondPerOffice = perPeakSecond(scale.overviewLoadsPerOfficePerDay);
  const overviewPerSecond = overviewPerSecondPerOffice * scale.regulatorOffices;
  const counterWrites = policiesPerSecond * calls.counterMovesPerPolicy + (stepsPerSecond * calls.counterMovesPerService) / calls.transactionsPerService;
  const busiest = scale.busiestCountyShare;
  const cityAndAboveOffices = Math.max(0, scale.regulatorOffices - scale.counties);
  const regulatorPagesOfOneCounty = (scale.officesOverOneCounty * scale.regulatorListPagesPerOfficePerHour) / 3600;
  const listRcu = ((scale.staffOfLargestInsurer * scale.listPagesPerStaffPerHour) / 3600) * readUnits(calls.listPageItems * calls.serviceItemKb, false);
  return [
    {
      partition: 'R#supervision#COUNT#<year>#<busiest county>',
      where: 'table',
      wcu: counterWrites * busiest * 2 * units(calls.counterCellKb),
      rcu: scale.officesOverOneCounty * overviewPerSecondPerOffice * readUnits(cellsPerCounty * calls.counterCellKb),
      how: `${(counterWrites * busiest).toFixed(2)} cell moves/s in the busiest county (${(busiest * 100).toFixed(0)} % of ${counterWrites.toFixed(1)}) × 2 (transaction); reads: the ${scale.officesOverOneCounty} offices over the county, ${scale.overviewLoadsPerOfficePerDay} loads a day each, ${cellsPerCounty.toFixed(1)} cells (issue 21: one partition per county and year; was R#supervision#COUNT#<year>, every load reading all ${(scale.insurers * scale.countiesPerInsurer).toLocaleString('en')} cells: ${(overviewPerSecond * readUnits(scale.insurers * scale.countiesPerInsurer * calls.counterCellKb)).toFixed(0)} RCU/s)`,
    },
    {
      partition: 'R#supervision#COUNT#<year>#ALL',
      where: 'table',
      wcu: (policiesPerSecond + servicesCreatedPerSecond) * 2 * units(calls.counterCellKb),
      rcu: overviewPerSecondPerOffice * cityAndAboveOffices * readUnits(scale.insurers * calls.counterCellKb),
      how: `the insurer-wide fee cells: one move per receipt or expense; read by the ${cityAndAboveOffices.toLocaleString('en')} offices above the counties (a county EMB sees no fee figures), ${scale.insurers} cells a load`,
    },
    {
      partition: 'REG#<view>#<busiest county>',
      where: 'GSI4',
      wcu: stepsPerSecond * busiest * units(calls.serviceItemKb),
      rcu: regulatorPagesOfOneCounty * readUnits(calls.listPageItems * calls.serviceItemKb, false),
      how: `issue 21: hazards, escalated complaints, declined claims, notices and sync records keyed by county — at most every service step of the busiest county rewriting one of its items; reads: ${scale.regulatorListPagesPerOfficePerHour} list pages an hour by each of the ${scale.officesOverOneCounty} offices over it`,
    },
    {
      partition: 'R#coverage#EDGE',
      where: 'GSI2',
      wcu: Math.max(policiesPerSecond * units(1), day.dailyRunItemsPerSecond * units(1)),
      rcu: readUnits(day.dailyRunItemsPerSecond * 1, false),
      how: `one edge per policy issued (${policiesPerSecond.toFixed(1)}/s) and, at most, the daily run moving ${day.dailyRunItemsPerSecond} edges/s`,
    },
    {
      partition: 'R#supervision#EDGE',
      where: 'GSI2',
      wcu: Math.max(policiesPerSecond + servicesCreatedPerSecond, day.dailyRunItemsPerSecond),
      rcu: readUnits(day.dailyRunItemsPerSecond * 1, false),
      how: 'one edge per subject written; the daily run reads what is due today and moves it',
    },
    {
      partition: 'T#<largest insurer>#SERVICE-DUE',
      where: 'GSI2',
      wcu: ((stepsPerSecond * calls.dueIndexStepsPerService) / calls.transactionsPerService) * largest * units(calls.serviceItemKb),
      rcu: readUnits(day.dailyRunItemsPerSecond * calls.serviceItemKb, false),
      how: `${calls.dueIndexStepsPerService} of ${calls.transactionsPerService} steps set or clear a deadline; ${(largest * 100).toFixed(0)} % of the nation's services`,
    },
    {
      partition: 'T#<largest insurer>#SERVICE / #POLICY',
      where: 'GSI1',
      wcu: (servicesCreatedPerSecond * units(calls.serviceItemKb) + policiesPerSecond * units(calls.policyItemKb)) * largest,
      rcu: listRcu,
      how: `new services and policies; reads: ${scale.staffOfLargestInsurer} staff × ${scale.listPagesPerStaffPerHour} list pages an hour of ${calls.listPageItems} items`,
    },
    {
      partition: 'T#<largest insurer>#POLICYNO-SEQ#<year> / SERVICENO-SEQ',
      where: 'table (one item)',
      wcu: Math.max(policiesPerSecond, servicesCreatedPerSecond) * largest * 2,
      rcu: 0,
      how: 'one counter update per number issued, in the issuing transaction (× 2)',
    },
    {
      partition: 'T#<largest insurer>#FEE-LEDGER#<year>',
      where: 'table',
      wcu: (policiesPerSecond + servicesCreatedPerSecond) * largest * 2 * 2,
      rcu: 0,
      how: 'one entry and the COUNTERS item per receipt or expense, in one transaction',
    },
  ];
}

export const partitionMet = (rate: PartitionRate): boolean => rate.wcu <= PARTITION_LIMITS.wcu && rate.rcu <= PARTITION_LIMITS.rcu;

export function nationalScaleTable(rates: readonly PartitionRate[]): string {
  return markdownTable(
    ['partition', 'where', 'WCU/s at peak', 'RCU/s at peak', `met (≤ ${PARTITION_LIMITS.wcu} / ${PARTITION_LIMITS.rcu})`, 'from', 'shard'],
    rates.map((rate) => [
      rate.partition,
      rate.where,
      rate.wcu.toFixed(1),
      rate.rcu.toFixed(1),
      verdict(partitionMet(rate)),
      rate.how,
      partitionMet(rate) ? '–' : (rate.shard ?? '?'),
    ]),
    [2, 3],
  );
}
