import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { addDays, addMonths } from '../../domain/kernel/calendar/local-date.js';
import type { LocalDate } from '../../domain/kernel/calendar/local-date.js';
import { ENTERPRISE_SIZES } from '../../domain/kernel/enterprise-size.js';
import type { EnterpriseSize } from '../../domain/kernel/enterprise-size.js';
import type { Industry } from '../../domain/kernel/industry.js';
import { svcObligationsFor } from '../../domain/kernel/rule-set/rule-set-registry.js';
import { XINZHOU_2024 } from '../../domain/kernel/rule-set/xinzhou-2024.js';
import { evaluateObligations } from '../../domain/services/obligations-engine.js';
import type { PolicyForObligations, ServiceForObligations } from '../../domain/services/obligations-engine.js';
import type { PlanItem } from '../../domain/services/service-plan.js';
import type { ServiceStatus, ServiceType } from '../../domain/services/service.js';
import { median } from './stats.js';
import { markdownTable, ms } from './table.js';

/**
 * SVC-11's acceptance: the obligations engine evaluates 100,000 policies with 400,000 services in under a second
 * on one core. Pure CPU, no I/O: the data are generated in memory from a fixed seed (so every run evaluates
 * the same policies), then `evaluateObligations` runs over all of them, policy after policy, as the nightly
 * cadence job or a regulator's overview would. `npx tsx test/bench/obligations-engine.ts` runs it alone.
 */

const POLICIES = 100_000;
const SERVICES = 400_000;
const WARMUP = 2;
const RUNS = 9;
const TARGET_MS = 1000;
const TODAY = '2025-03-01';

export interface ObligationsEngineSection {
  readonly policies: number;
  readonly services: number;
  readonly perPlanPolicies: number;
  readonly runs: number;
  readonly samplesMs: readonly number[];
  readonly medianMs: number;
  readonly minMs: number;
  readonly generateMs: number;
  readonly outcome: { readonly allDone: number; readonly planMissing: number; readonly overdueRequirements: number };
}

/** mulberry32: a tiny seeded generator, so the data set is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Roughly Xinzhou's mix: many coal and non-coal mines, some high-risk trades, the rest under plans. */
const INDUSTRY_MIX: readonly [Industry, number][] = [
  ['COAL_MINE', 20],
  ['NON_COAL_MINE', 12],
  ['TAILINGS_POND', 4],
  ['HAZCHEM', 10],
  ['FIREWORKS', 3],
  ['METAL_SMELTING', 6],
  ['CHEMICAL', 8],
  ['DUST_EXPLOSION', 8],
  ['GAS_GENERATOR', 3],
  ['CONFINED_SPACE', 6],
  ['MASS_CASUALTY_OTHER', 5],
  ['OTHER', 15],
];
const TOTAL_WEIGHT = INDUSTRY_MIX.reduce((sum, [, weight]) => sum + weight, 0);
const PLAN_TYPES: readonly ServiceType[] = ['TRAINING', 'HAZARD_INSPECTION', 'RISK_ASSESSMENT', 'EMERGENCY_DRILL', 'CONSULTING', 'ONLINE_PUSH'];
const SERVICE_TYPE_MIX: readonly ServiceType[] = ['RISK_ASSESSMENT', 'HAZARD_INSPECTION', 'HAZARD_INSPECTION', 'TRAINING', 'EMERGENCY_DRILL', 'ONLINE_PUSH', 'CONSULTING'];
const STATUS_MIX: readonly ServiceStatus[] = ['ARCHIVED', 'ARCHIVED', 'ARCHIVED', 'ARCHIVED', 'CONFIRMED', 'FOLLOWED_UP', 'COMPLETED', 'SCHEDULED', 'SCHEDULE_CONFIRMED', 'CANCELLED'];

interface Workload {
  readonly policies: readonly PolicyForObligations[];
  readonly plans: readonly ({ readonly items: readonly PlanItem[] } | undefined)[];
  readonly services: readonly (readonly ServiceForObligations[])[];
  readonly serviceCount: number;
  readonly perPlanPolicies: number;
}

function planLine(type: ServiceType, deep: boolean, count: number): PlanItem {
  return { type, deep, count, items: ['现场检查'], measures: '现场', provider: { kind: 'OWN' }, personnel: ['专家'] };
}

/** 100,000 policies starting over a year, ~5 % cancelled; 400,000 services dealt out 0–8 per policy. */
function generate(): Workload {
  const random = seeded(20_240_509);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const starts: LocalDate[] = [];
  for (let day = 0; day < 365; day += 1) starts.push(addDays('2024-05-09', day));
  const ends = new Map(starts.map((start) => [start, addDays(addMonths(start, 12), -1)]));

  const policies: PolicyForObligations[] = [];
  const plans: ({ items: PlanItem[] } | undefined)[] = [];
  let perPlanPolicies = 0;
  for (let index = 0; index < POLICIES; index += 1) {
    let roll = random() * TOTAL_WEIGHT;
    let industry: Industry = 'OTHER';
    for (const [candidate, weight] of INDUSTRY_MIX) {
      roll -= weight;
      if (roll < 0) {
        industry = candidate;
        break;
      }
    }
    const size: EnterpriseSize = pick(ENTERPRISE_SIZES);
    const periodStart = pick(starts);
    const periodEnd = ends.get(periodStart) as LocalDate;
    const cancelled = random() < 0.05;
    policies.push({
      id: `p-${index}`,
      industry,
      size,
      periodStart,
      periodEnd,
      ...(cancelled ? { cancelledOn: addDays(periodStart, 30 + Math.floor(random() * 300)) } : {}),
    });
    if (svcObligationsFor(XINZHOU_2024, industry, size) === 'PER_PLAN') {
      perPlanPolicies += 1;
      const lines = 2 + Math.floor(random() * 4);
      const items: PlanItem[] = [];
      for (let line = 0; line < lines; line += 1) {
        const type = pick(PLAN_TYPES);
        items.push(planLine(type, type === 'HAZARD_INSPECTION' && random() < 0.3, 1 + Math.floor(random() * 3)));
      }
      plans.push({ items });
    } else {
      plans.push(undefined);
    }
  }

  const services: ServiceForObligations[][] = policies.map(() => []);
  for (let index = 0; index < SERVICES; index += 1) {
    const policyIndex = Math.floor(random() * POLICIES);
    const policy = policies[policyIndex] as PolicyForObligations;
    const type = pick(SERVICE_TYPE_MIX);
    const status = pick(STATUS_MIX);
    const deep = type === 'HAZARD_INSPECTION' && random() < 0.4;
    const unperformed = status === 'SCHEDULED' || status === 'SCHEDULE_CONFIRMED' || status === 'CANCELLED';
    const service: ServiceForObligations = unperformed
      ? { type, deep, status }
      : { type, deep, status, performedOn: addDays(policy.periodStart, Math.floor(random() * 370) - 3) };
    (services[policyIndex] as ServiceForObligations[]).push(service);
  }
  return { policies, plans, services, serviceCount: SERVICES, perPlanPolicies };
}

function evaluateAll(workload: Workload): { allDone: number; planMissing: number; overdueRequirements: number } {
  let allDone = 0;
  let planMissing = 0;
  let overdueRequirements = 0;
  const { policies, plans, services } = workload;
  for (let index = 0; index < policies.length; index += 1) {
    const status = evaluateObligations(
      policies[index] as PolicyForObligations,
      plans[index],
      services[index] as readonly ServiceForObligations[],
      XINZHOU_2024,
      TODAY,
    );
    if (status.allDone) allDone += 1;
    if (status.planMissing) planMissing += 1;
    for (const requirement of status.requirements) if (requirement.status === 'OVERDUE') overdueRequirements += 1;
  }
  return { allDone, planMissing, overdueRequirements };
}

export function measureObligationsEngine(progress: (line: string) => void = () => undefined): ObligationsEngineSection {
  const generateStarted = performance.now();
  const workload = generate();
  const generateMs = performance.now() - generateStarted;
  progress(`obligations engine: ${POLICIES.toLocaleString('en')} policies, ${workload.serviceCount.toLocaleString('en')} services generated in ${ms(generateMs)} ms`);
  let outcome = evaluateAll(workload);
  for (let run = 1; run < WARMUP; run += 1) outcome = evaluateAll(workload);
  const samplesMs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    outcome = evaluateAll(workload);
    samplesMs.push(performance.now() - started);
  }
  return {
    policies: POLICIES,
    services: workload.serviceCount,
    perPlanPolicies: workload.perPlanPolicies,
    runs: RUNS,
    samplesMs,
    medianMs: median(samplesMs),
    minMs: Math.min(...samplesMs),
    generateMs,
    outcome,
  };
}

export const OBLIGATIONS_ENGINE_HEADING = '## Obligations engine (SVC-1, SVC-2, SVC-4, SVC-11), 100,000 policies and 400,000 services';

const thousands = (value: number): string => Math.round(value).toLocaleString('en');

export function obligationsEngineTable(section: ObligationsEngineSection): string {
  const perSecond = (count: number): string => thousands(count / (section.medianMs / 1000));
  const met = section.medianMs < TARGET_MS;
  return [
    markdownTable(
      ['policies', 'services', 'of them PER_PLAN', 'runs', 'median ms', 'min ms', 'services/s', 'policies/s', `target < ${TARGET_MS} ms on one core`],
      [
        [
          thousands(section.policies),
          thousands(section.services),
          thousands(section.perPlanPolicies),
          String(section.runs),
          ms(section.medianMs),
          ms(section.minMs),
          perSecond(section.services),
          perSecond(section.policies),
          met ? '✓ met' : '✗ missed',
        ],
      ],
      [0, 1, 2, 3, 4, 5, 6, 7],
    ),
    `Evaluated on ${TODAY} with xinzhou-2024 v1, sequentially in one thread after ${WARMUP} warm-up pass(es); ` +
      `${thousands(section.outcome.allDone)} policies all done, ${thousands(section.outcome.overdueRequirements)} requirements overdue. ` +
      `Data generated in ${ms(section.generateMs)} ms (not timed).`,
  ].join('\n\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const section = measureObligationsEngine((line) => void process.stderr.write(`… ${line}\n`));
  process.stdout.write(`${OBLIGATIONS_ENGINE_HEADING}\n\n${obligationsEngineTable(section)}\n`);
}
