import { markdownTable, verdict } from './table.js';

/**
 * Issue 20's cost model: the monthly AWS bill of one insurer, itemised, from calls per operation. Pure arithmetic.
 *
 * PRICES are AWS's us-east-1 list prices (USD, on-demand, without free tiers), as published on aws.amazon.com/<service>/pricing
 * in 2025 and written down here by hand — NOT cn-north-1: the China regions price in CNY through Sinnet/NWCD and this
 * run could not cite them. Re-check both before quoting a figure to anyone.
 */
export const PRICES = {
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  httpApiRequest: 1.0 / 1e6,
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  dynamoStorageGbMonth: 0.25,
  dynamoPitrGbMonth: 0.2,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  s3StorageGbMonth: 0.023,
  /** S3 Intelligent-Tiering (the archive's lifecycle, infra/stacks/data-stack.ts): 0–30 days unread, 30–90, 90 and more. */
  s3TieringFrequentGbMonth: 0.023,
  s3TieringInfrequentGbMonth: 0.0125,
  s3TieringArchiveInstantGbMonth: 0.004,
  s3TieringMonitoringPerObject: 0.0025 / 1000,
  eventBridgeEvent: 1.0 / 1e6,
  sqsRequest: 0.4 / 1e6,
  cloudFrontGb: 0.085,
  cloudFrontHttpsRequest: 0.01 / 10_000,
  cognitoPlusMau: 0.02,
  cognitoEssentialsMau: 0.015,
  xrayTraceRecorded: 5.0 / 1e6,
  logsIngestGb: 0.5,
  logsStorageGbMonth: 0.03,
  wafWebAcl: 5,
  wafRule: 1,
  wafRequest: 0.6 / 1e6,
  kmsKey: 1,
  secret: 0.4,
  dashboard: 3,
  alarm: 0.1,
} as const;

/** One deployment's fixed monthly items, as infra/ declares them (shared by every insurer the deployment serves). */
export const FIXED_RESOURCES = {
  /** infra/stacks/edge-firewall-stack.ts (CloudFront: 3 rate rules + 3 managed groups) and api-stack.ts (user pool: 1 rate rule). */
  webAcls: 2,
  wafRules: 7,
  /** infra/stacks/data-stack.ts: the alarm topic's key. */
  kmsKeys: 1,
  /** infra/stacks/api-stack.ts: the cursor key. */
  secrets: 1,
  dashboards: 1,
  alarms: 12,
} as const;

export interface Workload {
  readonly name: string;
  /** API calls the insurer's users and enterprises make a month. */
  readonly apiCallsPerMonth: number;
  readonly enterprises: number;
  /** Insurers sharing the deployment's fixed costs. */
  readonly insurersSharingDeployment: number;
  /** Distinct users signing in a month (staff and enterprise users). */
  readonly monthlyActiveUsers: number;
  readonly servicesPerMonth: number;
}

export interface PerCall {
  /** Share of API calls that write (one TransactWriteItems each, ARCHITECTURE.md §2). */
  readonly writeShare: number;
  /** Read units of a read request (one GetItem, or a Query page). */
  readonly readUnitsPerRead: number;
  /** Write units of a write request: items × 2 (transaction), plus its GetItem's read. */
  readonly writeUnitsPerWrite: number;
  /** Subscriber work per write (events out of the outbox): invocations and their write units. */
  readonly subscribersPerEvent: number;
  readonly subscriberWriteUnits: number;
  /** Lambda billed duration per API call, ms (warm; from the bench's in-process figures plus the network to DynamoDB). */
  readonly lambdaMs: number;
  readonly coldStartShare: number;
  readonly coldStartMs: number;
  readonly lambdaMemoryMb: number;
  readonly logKbPerCall: number;
  /** X-Ray: share of requests recorded (the default rule: the first each second, then 5 %; at low traffic nearly all). */
  readonly tracedShare: number;
  /** Evidence (SVC-7/10) per service: objects and MB, kept under object lock for five years. */
  readonly evidenceObjectsPerService: number;
  readonly evidenceMbPerObject: number;
  /** Months of evidence accumulated in the bill being modelled (12: the end of the first year). */
  readonly monthsOfEvidence: number;
  readonly responseKb: number;
  readonly dynamoGb: number;
}

export const XINZHOU: Workload = {
  name: "Xinzhou (1,300 enterprises, 50,000 API calls a month)",
  apiCallsPerMonth: 50_000,
  enterprises: 1_300,
  insurersSharingDeployment: 3,
  monthlyActiveUsers: 20 + 400,
  servicesPerMonth: Math.round((1_300 * 6) / 12),
};

/** The national figures per insurer (500,000 enterprises and 3 million services a year over 100 insurers, one deployment). */
export const NATIONAL_PER_INSURER: Workload = {
  name: 'national, per insurer (5,000 enterprises, 100 insurers on one deployment)',
  apiCallsPerMonth: Math.round((50_000 / 1_300) * 5_000),
  enterprises: 5_000,
  insurersSharingDeployment: 100,
  monthlyActiveUsers: 50 + 1_500,
  servicesPerMonth: Math.round(3_000_000 / 100 / 12),
};

export const DEFAULT_PER_CALL: PerCall = {
  writeShare: 0.2,
  readUnitsPerRead: 3,
  writeUnitsPerWrite: 5 * 2 + 1,
  subscribersPerEvent: 2,
  subscriberWriteUnits: 4,
  lambdaMs: 40,
  coldStartShare: 0.05,
  coldStartMs: 500,
  lambdaMemoryMb: 1024,
  logKbPerCall: 1.5,
  tracedShare: 1,
  evidenceObjectsPerService: 6,
  evidenceMbPerObject: 1,
  monthsOfEvidence: 12,
  responseKb: 6,
  dynamoGb: 0.2,
};

export interface CostItem {
  readonly item: string;
  readonly usd: number;
  readonly basis: string;
}

export interface CostModel {
  readonly workload: Workload;
  readonly items: readonly CostItem[];
  readonly fixedPerInsurer: number;
  readonly variable: number;
  readonly total: number;
}

/**
 * The archive's storage in its N-th month under Intelligent-Tiering: each month's uploads sit in Frequent Access
 * for their first month, Infrequent Access for the next two, Archive Instant Access after that (evidence is read
 * around its service, then seldom: the tier model assumes no later read). Plus the per-object monitoring fee.
 */
export function tieredStorageUsd(gbPerMonth: number, objectsPerMonth: number, months: number): number {
  let usd = 0;
  for (let age = 0; age < months; age += 1) {
    const price = age === 0 ? PRICES.s3TieringFrequentGbMonth : age < 3 ? PRICES.s3TieringInfrequentGbMonth : PRICES.s3TieringArchiveInstantGbMonth;
    usd += gbPerMonth * price + objectsPerMonth * PRICES.s3TieringMonitoringPerObject;
  }
  return usd;
}

/** The insurer's monthly bill: its variable items, plus its share of the deployment's fixed ones. */
export function costModel(workload: Workload, perCall: PerCall = DEFAULT_PER_CALL, cognitoMau = PRICES.cognitoPlusMau): CostModel {
  const calls = workload.apiCallsPerMonth;
  const writes = calls * perCall.writeShare;
  const reads = calls - writes;
  const events = writes;
  const subscriberInvocations = events * perCall.subscribersPerEvent;
  const invocations = calls + subscriberInvocations + events / 10; // the relay takes the stream in batches of ~10
  const gbSeconds = (perCall.lambdaMemoryMb / 1024) * ((invocations * perCall.lambdaMs + calls * perCall.coldStartShare * perCall.coldStartMs) / 1000);
  const wru = writes * perCall.writeUnitsPerWrite + subscriberInvocations * perCall.subscriberWriteUnits;
  const rru = reads * perCall.readUnitsPerRead + writes;
  const objects = workload.servicesPerMonth * perCall.evidenceObjectsPerService;
  const storedGb = (objects * perCall.evidenceMbPerObject * perCall.monthsOfEvidence) / 1024;
  const logGb = (invocations * perCall.logKbPerCall) / 1024 / 1024;
  const share = 1 / workload.insurersSharingDeployment;
  const fixed = FIXED_RESOURCES;
  const items: CostItem[] = [
    { item: 'Lambda (arm64, duration)', usd: gbSeconds * PRICES.lambdaArmGbSecond, basis: `${invocations.toFixed(0)} invocations × ${perCall.lambdaMs} ms at ${perCall.lambdaMemoryMb} MB, ${perCall.coldStartShare * 100} % cold (+${perCall.coldStartMs} ms)` },
    { item: 'Lambda (requests)', usd: invocations * PRICES.lambdaRequest, basis: 'API, relay batches, subscribers' },
    { item: 'API Gateway HTTP API', usd: calls * PRICES.httpApiRequest, basis: `${calls} requests` },
    { item: 'DynamoDB on-demand writes', usd: wru * PRICES.dynamoWriteUnit, basis: `${wru.toFixed(0)} WRU (transactions × 2, subscribers' projections)` },
    { item: 'DynamoDB on-demand reads', usd: rru * PRICES.dynamoReadUnit, basis: `${rru.toFixed(0)} RRU` },
    { item: 'DynamoDB storage + PITR', usd: perCall.dynamoGb * (PRICES.dynamoStorageGbMonth + PRICES.dynamoPitrGbMonth), basis: `${perCall.dynamoGb} GB` },
    { item: 'S3 PUT/GET (evidence, reports)', usd: objects * (PRICES.s3Put + PRICES.s3Get), basis: `${objects} objects up and read once` },
    {
      item: 'S3 storage under object lock',
      usd: tieredStorageUsd(storedGb / perCall.monthsOfEvidence, objects, perCall.monthsOfEvidence),
      basis: `${storedGb.toFixed(1)} GB after ${perCall.monthsOfEvidence} months (kept 5 years: it only grows), Intelligent-Tiering (Standard: ${(storedGb * PRICES.s3StorageGbMonth).toFixed(2)})`,
    },
    { item: 'EventBridge', usd: events * PRICES.eventBridgeEvent, basis: `${events} events` },
    { item: 'SQS (webhook deliveries)', usd: events * 3 * PRICES.sqsRequest, basis: 'send, receive, delete per event' },
    { item: 'CloudFront', usd: calls * PRICES.cloudFrontHttpsRequest + ((calls * perCall.responseKb) / 1024 / 1024) * PRICES.cloudFrontGb, basis: `${calls} HTTPS requests × ${perCall.responseKb} KB` },
    { item: 'Cognito MAU', usd: workload.monthlyActiveUsers * cognitoMau, basis: `${workload.monthlyActiveUsers} MAU × ${cognitoMau} (prod: Plus plan, no free tier)` },
    { item: 'X-Ray', usd: invocations * perCall.tracedShare * PRICES.xrayTraceRecorded, basis: `${(perCall.tracedShare * 100).toFixed(0)} % of invocations recorded` },
    { item: 'CloudWatch Logs', usd: logGb * (PRICES.logsIngestGb + PRICES.logsStorageGbMonth * 6), basis: `${(logGb * 1024).toFixed(0)} MB ingested, one-year retention (avg. 6 months held)` },
    { item: 'WAF requests', usd: calls * PRICES.wafRequest, basis: `${calls} requests` },
    {
      item: 'fixed share: WAF ACLs and rules',
      usd: (fixed.webAcls * PRICES.wafWebAcl + fixed.wafRules * PRICES.wafRule) * share,
      basis: `${fixed.webAcls} web ACLs, ${fixed.wafRules} rules ÷ ${workload.insurersSharingDeployment} insurers`,
    },
    {
      item: 'fixed share: KMS, Secrets, dashboard, alarms',
      usd: (fixed.kmsKeys * PRICES.kmsKey + fixed.secrets * PRICES.secret + fixed.dashboards * PRICES.dashboard + fixed.alarms * PRICES.alarm) * share,
      basis: `÷ ${workload.insurersSharingDeployment} insurers`,
    },
  ];
  const fixedPerInsurer = items.filter((entry) => entry.item.startsWith('fixed share')).reduce((sum, entry) => sum + entry.usd, 0);
  const total = items.reduce((sum, entry) => sum + entry.usd, 0);
  return { workload, items, fixedPerInsurer, variable: total - fixedPerInsurer, total };
}

export const COST_TARGET_USD = 0.5;

export function costTable(models: readonly CostModel[]): string {
  const names = models.map((model) => model.workload.name);
  const itemNames = models[0]?.items.map((entry) => entry.item) ?? [];
  const rows = itemNames.map((name) => [name, ...models.map((model) => (model.items.find((entry) => entry.item === name)?.usd ?? 0).toFixed(4)), models[0]?.items.find((entry) => entry.item === name)?.basis ?? '']);
  rows.push(['**total per insurer per month**', ...models.map((model) => `**${model.total.toFixed(2)}**`), `target ≤ ${COST_TARGET_USD} USD: ${models.map((model) => verdict(model.total <= COST_TARGET_USD)).join(' / ')}`]);
  return markdownTable(['item (USD, us-east-1 list prices)', ...names, `basis (${names[0]})`], rows, models.map((_, index) => index + 1));
}
