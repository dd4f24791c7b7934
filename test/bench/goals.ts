import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import type { BundleResult } from './bundles.js';
import { COLD_START_TARGET, medianOf, type ColdStartSection } from './cold-start.js';
import { COST_TARGET_USD, type CostModel } from './cost-model.js';
import { FIRST_VISIT_GOALS, type FirstVisitSection } from './first-visit.js';
import type { LoadSection } from './load.js';
import { PARTITION_LIMITS, type PartitionRate } from './national-scale.js';
import type { ReferenceBundle } from './reference-bundle.js';
import { markdownTable, verdict } from './table.js';
import { WARM_PATH_TARGET, type WarmPathSection } from './warm-path.js';

/** Issue 20: a bundle of an HTTP function may be at most 1.5× the reference handler's. */
export { REFERENCE_BUNDLE_RATIO as BUNDLE_TARGET } from './bundles.js';
import { REFERENCE_BUNDLE_RATIO } from './bundles.js';

/**
 * One line of `test-results/bench.json`'s `goals`. `ratio` is `value ÷ reference`, and `target` bounds the ratio,
 * except where `reference` is null (a count that must be 0, a figure given for information): there `target`
 * bounds `value`, or is null with `met` null when the figure has no goal of its own (the parts of a cold start).
 */
export interface Goal {
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  readonly reference: number | null;
  readonly ratio: number | null;
  readonly target: number | null;
  readonly met: boolean | null;
}

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

function against(name: string, unit: string, value: number, reference: number, target: number): Goal {
  const ratio = value / reference;
  return { name, unit, value: round(value), reference: round(reference), ratio: round(ratio), target, met: ratio <= target };
}

const info = (name: string, unit: string, value: number, reference: number | null = null): Goal => ({
  name,
  unit,
  value: round(value),
  reference: reference === null ? null : round(reference),
  ratio: reference === null ? null : round(value / reference),
  target: null,
  met: null,
});

export interface GoalInputs {
  readonly reference?: ReferenceBundle;
  readonly bundles?: readonly BundleResult[];
  readonly coldStart?: ColdStartSection;
  readonly warmPath?: WarmPathSection;
  readonly load?: LoadSection;
  readonly partitions?: readonly PartitionRate[];
  readonly costs?: readonly CostModel[];
  readonly firstVisit?: FirstVisitSection;
}

/** Every goal of issue 20 that the sections run this time measured. */
export function goalsOf(inputs: GoalInputs): Goal[] {
  const goals: Goal[] = [];
  const http = new Set(BOUNDED_CONTEXTS.map((context) => context.name));
  if (inputs.reference && inputs.bundles) {
    const ref = inputs.reference.bytes / 1024;
    for (const bundle of inputs.bundles.filter((candidate) => http.has(candidate.name))) {
      goals.push(against(`bundle ${bundle.name}`, 'KB', bundle.bytes / 1024, ref, REFERENCE_BUNDLE_RATIO));
    }
  }
  if (inputs.coldStart) {
    const ref = inputs.coldStart.reference;
    for (const series of inputs.coldStart.functions) {
      goals.push(info(`cold start ${series.name}: import CPU`, 'ms', medianOf(series, 'importCpuMs'), medianOf(ref, 'importCpuMs')));
      if (!series.routeKey) continue;
      goals.push(info(`cold start ${series.name}: first request CPU (${series.routeKey})`, 'ms', medianOf(series, 'requestCpuMs'), medianOf(ref, 'requestCpuMs')));
      goals.push(against(`cold start ${series.name}: whole process CPU`, 'ms', medianOf(series, 'totalCpuMs'), medianOf(ref, 'totalCpuMs'), COLD_START_TARGET));
    }
  }
  if (inputs.warmPath) {
    for (const operation of inputs.warmPath.operations) {
      goals.push(against(`warm p50 in-process ${operation.name} (${operation.kind})`, 'ms', operation.inProcess.p50, operation.bare.p50, WARM_PATH_TARGET));
      goals.push(info(`local gateway hop p50 ${operation.name}`, 'ms', operation.gateway.p50 - operation.inProcess.p50));
    }
  }
  if (inputs.load) {
    const load = inputs.load;
    goals.push({ name: `load ${load.connections} users ${load.seconds} s: errors (incl. non-2xx)`, unit: 'requests', value: load.errors + load.timeouts + load.non2xx, reference: null, ratio: null, target: 0, met: load.errors + load.timeouts + load.non2xx === 0 });
    goals.push(info('load: throughput', 'requests/s', load.requestsPerSecond));
    goals.push(info('load: p50', 'ms', load.p50Ms));
    goals.push(info('load: p99', 'ms', load.p99Ms));
    goals.push(info('load: peak Node RSS', 'MB', load.peakNodeRssBytes / 1024 / 1024));
    if (load.peakDynamoDbRssBytes !== undefined) goals.push(info('load: peak DynamoDB Local RSS', 'MB', load.peakDynamoDbRssBytes / 1024 / 1024));
  }
  for (const rate of inputs.partitions ?? []) {
    goals.push(against(`national partition ${rate.partition} (${rate.where}) writes`, 'WCU/s', rate.wcu, PARTITION_LIMITS.wcu, 1));
    goals.push(against(`national partition ${rate.partition} (${rate.where}) reads`, 'RCU/s', rate.rcu, PARTITION_LIMITS.rcu, 1));
  }
  for (const model of inputs.costs ?? []) {
    goals.push(against(`cost per insurer per month, ${model.workload.name}`, 'USD', model.total, COST_TARGET_USD, 1));
  }
  if (inputs.firstVisit) {
    goals.push(against('console first visit: compressed JavaScript', 'KB', inputs.firstVisit.totals.jsEncoded / 1024, FIRST_VISIT_GOALS.jsKb, 1));
  }
  return goals;
}

const figure = (value: number | null): string => (value === null ? '–' : Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2));

export function goalsTable(goals: readonly Goal[]): string {
  return markdownTable(
    ['goal', 'unit', 'figure', 'reference', 'ratio', 'target', 'met'],
    goals.map((goal) => [
      goal.name,
      goal.unit,
      figure(goal.value),
      figure(goal.reference),
      goal.ratio === null ? '–' : `${goal.ratio.toFixed(2)}×`,
      goal.target === null ? '(part, no goal)' : goal.reference === null ? `= ${goal.target}` : `≤ ${goal.target}×`,
      goal.met === null ? '–' : verdict(goal.met),
    ]),
    [2, 3, 4],
  );
}
