import { XINZHOU_AREAS } from '../kernel/area.js';
import { addDays, compareLocalDates } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { INDUSTRIES, industryScope } from '../kernel/industry.js';
import type { Industry } from '../kernel/industry.js';
import type { Policy } from './policy.js';
import type * as z from 'zod/mini';
import type { coverageCountSchema, coverageGapGroupSchema, coverageGapSchema } from './coverage.schema.js';

/** Days an enterprise is covered, both ends included. */
export interface CoveragePeriod {
  readonly start: LocalDate;
  readonly end: LocalDate;
}

/**
 * UW-11, REG-1: what coverage needs from a register entry. Any register type with these fields fits, so the
 * register context (REG-1) can pass its own entries unchanged.
 */
export interface CoverageRegisterEntry {
  readonly uscc: string;
  readonly industry: Industry;
  /** SCOPE-5 area code. */
  readonly county: string;
  /** The register's name of the enterprise, shown beside its USCC. */
  readonly name?: string;
}

/** UW-11: the uninsured enterprises of one county and one industry. */
export type CoverageGapGroup = z.output<typeof coverageGapGroupSchema>;

/** UW-11: enterprises with no policy in force on a date, by county and industry (see coverage.schema.ts). */
export type CoverageGap = z.output<typeof coverageGapSchema>;

/** UW-11: one county × industry row of today's counts. */
export type CoverageCount = z.output<typeof coverageCountSchema>;

/**
 * The days a policy actually covers: its period, cut short by a cancellation (the cancellation's day is the
 * first one not covered); `undefined` when cancelled before it began. Any policy, of any insurer.
 *
 * @example
 * coveragePeriodOf({ ...policy, periodStart: '2024-07-01', periodEnd: '2025-06-30' });
 * // { start: '2024-07-01', end: '2025-06-30' }
 */
export function coveragePeriodOf(
  policy: Pick<Policy, 'periodStart' | 'periodEnd' | 'cancellation'>,
): CoveragePeriod | undefined {
  let end = policy.periodEnd;
  if (policy.cancellation !== undefined) {
    const lastCovered = addDays(policy.cancellation.on, -1);
    if (compareLocalDates(lastCovered, end) < 0) end = lastCovered;
  }
  return compareLocalDates(end, policy.periodStart) < 0 ? undefined : { start: policy.periodStart, end };
}

/**
 * UW-11: whether any period covers `onDate` (both ends of a period included).
 *
 * @example
 * isCovered([{ start: '2024-07-01', end: '2025-06-30' }], '2025-06-30'); // true
 * isCovered([{ start: '2024-07-01', end: '2025-06-30' }], '2025-07-01'); // false
 */
export function isCovered(periods: readonly CoveragePeriod[], onDate: LocalDate): boolean {
  return periods.some(
    (period) => compareLocalDates(period.start, onDate) <= 0 && compareLocalDates(onDate, period.end) <= 0,
  );
}

/**
 * UW-1: whether a policy is in force on `onDate` — inside its period and not yet cancelled.
 *
 * @example
 * isInForce(policy, '2024-09-27'); // true for a policy 2024-07-01..2025-06-30 that is not cancelled
 */
export function isInForce(policy: Pick<Policy, 'periodStart' | 'periodEnd' | 'cancellation'>, onDate: LocalDate): boolean {
  const period = coveragePeriodOf(policy);
  return period !== undefined && isCovered([period], onDate);
}

/**
 * UW-11: the coverage map {@link coverageGap} reads — each enterprise's covered periods, from policies of every
 * insurer (coverage is the enterprise's, whoever insures it).
 *
 * @example
 * coverageGap(register, coverageOf(allPolicies), '2024-09-27');
 */
export function coverageOf(
  policies: Iterable<Pick<Policy, 'enterprise' | 'periodStart' | 'periodEnd' | 'cancellation'>>,
): Map<string, CoveragePeriod[]> {
  const coverage = new Map<string, CoveragePeriod[]>();
  for (const policy of policies) {
    const period = coveragePeriodOf(policy);
    if (period === undefined) continue;
    const periods = coverage.get(policy.enterprise.uscc);
    if (periods === undefined) coverage.set(policy.enterprise.uscc, [period]);
    else periods.push(period);
  }
  return coverage;
}

const AREA_ORDER: ReadonlyMap<string, number> = new Map(XINZHOU_AREAS.map((area, index) => [area.code, index]));
const INDUSTRY_ORDER: ReadonlyMap<string, number> = new Map(INDUSTRIES.map((industry, index) => [industry, index]));

function byCountyThenIndustry(a: CoverageGapGroup, b: CoverageGapGroup): number {
  const county =
    (AREA_ORDER.get(a.county) ?? Number.MAX_SAFE_INTEGER) - (AREA_ORDER.get(b.county) ?? Number.MAX_SAFE_INTEGER);
  if (county !== 0) return county;
  if (a.county !== b.county) return a.county < b.county ? -1 : 1;
  return (INDUSTRY_ORDER.get(a.industry) ?? 0) - (INDUSTRY_ORDER.get(b.industry) ?? 0);
}

/**
 * UW-11: the register's enterprises with no policy in force on `onDate`, grouped by county and industry.
 * Mandatory (SCOPE-2) industries go to `mandatory` — the 应保未保 findings; promoted (SCOPE-3) ones to
 * `advisory`; OTHER is left out. Only groups with at least one uninsured enterprise are listed, in the order of
 * SCOPE-5's areas, then SCOPE-1's industries; each with how many enterprises the register has for it, so a
 * view can show "3 of 40".
 *
 * Pure and order-independent, so storage can run it over a county or a page of the register and merge the
 * results, or pre-aggregate it per day. An enterprise listed twice in the register counts once (its first
 * entry). Coverage is by USCC across all insurers: pass every in-force policy's period (see {@link coverageOf}).
 *
 * @example
 * coverageGap(
 *   [{ uscc: A, industry: 'COAL_MINE', county: '140902' }, { uscc: B, industry: 'CHEMICAL', county: '140902' }],
 *   new Map(),
 *   '2024-09-27',
 * );
 * // { onDate: '2024-09-27',
 * //   mandatory: [{ county: '140902', industry: 'COAL_MINE', registered: 1, uninsured: [A] }],
 * //   advisory: [{ county: '140902', industry: 'CHEMICAL', registered: 1, uninsured: [B] }] }
 */
export function coverageGap(
  registerEntries: Iterable<CoverageRegisterEntry>,
  coverage: ReadonlyMap<string, readonly CoveragePeriod[]>,
  onDate: LocalDate,
): CoverageGap {
  const groups = new Map<string, { county: string; industry: Industry; registered: number; uninsured: string[] }>();
  const seen = new Set<string>();
  const names = new Map<string, string>();
  for (const entry of registerEntries) {
    if (seen.has(entry.uscc)) continue;
    seen.add(entry.uscc);
    if (entry.name) names.set(entry.uscc, entry.name);
    if (industryScope(entry.industry) === 'ENCOURAGED') continue;
    const key = `${entry.county}|${entry.industry}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { county: entry.county, industry: entry.industry, registered: 0, uninsured: [] };
      groups.set(key, group);
    }
    group.registered += 1;
    if (!isCovered(coverage.get(entry.uscc) ?? [], onDate)) group.uninsured.push(entry.uscc);
  }
  const listed = [...groups.values()]
    .filter((group) => group.uninsured.length > 0)
    .map((group) => ({ ...group, uninsured: [...group.uninsured].sort() }))
    .sort(byCountyThenIndustry);
  return {
    onDate,
    mandatory: listed.filter((group) => industryScope(group.industry) === 'MANDATORY'),
    advisory: listed.filter((group) => industryScope(group.industry) === 'PROMOTED'),
    // Issue 15: a regulator reads an enterprise by its name, not a bare USCC.
    names: Object.fromEntries(listed.flatMap((group) => group.uninsured.flatMap((uscc) => { const name = names.get(uscc); return name ? [[uscc, name] as const] : []; }))),
  };
}

// ---------------------------------------------------------------------------------------------------------
// UW-11's pre-aggregated view: each enterprise's coverage across insurers and the insured-today counters
// ---------------------------------------------------------------------------------------------------------

/** One policy's share of an enterprise's coverage: who insures it and which days. */
export interface CoverageShare extends CoveragePeriod {
  readonly tenantId: string;
}

/** Which enterprise a coverage item is about, and its policies' shares by policy id. */
export interface CoverageSubject {
  readonly uscc: string;
  readonly county: string;
  readonly industry: string;
  readonly shares: Readonly<Record<string, CoverageShare>>;
}

/**
 * UW-11: an enterprise's coverage periods across insurers, and whether it counted as insured in its county ×
 * industry counter when last evaluated. Kept from policy events (and re-evaluated on the days a period starts
 * or ends); regulators read it.
 */
export interface EnterpriseCoverage extends CoverageSubject {
  /** The day `insuredCounted` was last evaluated, and whether the counter then counted it. */
  readonly evaluatedOn: LocalDate;
  readonly insuredCounted: boolean;
  /** The next day its insured status may change (a period starts or ends), for the daily sweep. */
  readonly nextEdge?: LocalDate;
  readonly version: number;
}

/** UW-11: a change of one county × industry insured-today counter. */
export interface InsuredCounterDelta {
  readonly county: string;
  readonly industry: string;
  readonly delta: 1 | -1;
}

/** UW-11: an enterprise's coverage as re-evaluated, with the counter changes that go with it. */
export interface CoverageChange {
  readonly coverage: EnterpriseCoverage;
  /** The version it replaces; `undefined` for the enterprise's first coverage item. */
  readonly expectedVersion: number | undefined;
  readonly counterDeltas: readonly InsuredCounterDelta[];
}

/**
 * UW-11: the first day after `today` on which some period starts or has just ended — when the enterprise's
 * insured status may next change.
 *
 * @example
 * nextEdgeAfter([{ start: '2024-07-01', end: '2025-06-30' }], '2024-09-27'); // '2025-07-01'
 */
export function nextEdgeAfter(periods: readonly CoveragePeriod[], today: LocalDate): LocalDate | undefined {
  const edges = periods.flatMap((period) => [period.start, addDays(period.end, 1)]).filter((day) => compareLocalDates(day, today) > 0);
  return edges.sort(compareLocalDates)[0];
}

/**
 * UW-11: the enterprise's coverage with `policy`'s share as it is now — its covered days (see
 * {@link coveragePeriodOf}), or no share when it covers no day (cancelled before it began). The policy's
 * enterprise snapshot decides the county and industry counted.
 *
 * @example
 * withPolicyShare(undefined, policy).shares[policy.id]; // { tenantId, start: '2024-07-01', end: '2025-06-30' }
 */
export function withPolicyShare(
  current: CoverageSubject | undefined,
  policy: Pick<Policy, 'id' | 'tenantId' | 'enterprise' | 'periodStart' | 'periodEnd' | 'cancellation'>,
): CoverageSubject {
  const shares: Record<string, CoverageShare> = { ...current?.shares };
  const period = coveragePeriodOf(policy);
  if (period) shares[policy.id] = { tenantId: policy.tenantId, ...period };
  else delete shares[policy.id];
  return { uscc: policy.enterprise.uscc, county: policy.enterprise.county, industry: policy.enterprise.industry, shares };
}

/**
 * UW-11: re-evaluates an enterprise's coverage on `today` — insured when any share covers today — and the
 * counter changes that keep each county × industry insured-today counter exact: −1 where it was counted and is
 * no longer (or moved to another county or industry), +1 where it is counted now and was not (or moved there).
 *
 * @example
 * evaluateCoverage(undefined, withPolicyShare(undefined, policy), '2024-09-27').counterDeltas;
 * // [{ county: '140902', industry: 'COAL_MINE', delta: 1 }]
 */
export function evaluateCoverage(current: EnterpriseCoverage | undefined, next: CoverageSubject, today: LocalDate): CoverageChange {
  const periods = Object.values(next.shares);
  const insured = isCovered(periods, today);
  const nextEdge = nextEdgeAfter(periods, today);
  const wasCounted = current?.insuredCounted ?? false;
  const moved = current !== undefined && (current.county !== next.county || current.industry !== next.industry);
  const counterDeltas: InsuredCounterDelta[] = [];
  if (current && wasCounted && (!insured || moved)) counterDeltas.push({ county: current.county, industry: current.industry, delta: -1 });
  if (insured && (!wasCounted || moved)) counterDeltas.push({ county: next.county, industry: next.industry, delta: 1 });
  return {
    coverage: {
      uscc: next.uscc,
      county: next.county,
      industry: next.industry,
      shares: next.shares,
      evaluatedOn: today,
      insuredCounted: insured,
      ...(nextEdge === undefined ? {} : { nextEdge }),
      version: (current?.version ?? 0) + 1,
    },
    expectedVersion: current?.version,
    counterDeltas,
  };
}

/**
 * UW-11: today's counts of one county — per SCOPE-2/3 industry the register lists, how many are insured (never
 * more than registered: a counter can run ahead of a register entry removed meanwhile) and how many are not.
 * OTHER (encouraged only) is left out.
 *
 * @example
 * coverageCountsOf('140902', [{ industry: 'COAL_MINE', registered: 2 }], [{ industry: 'COAL_MINE', insured: 1 }]);
 * // [{ county: '140902', industry: 'COAL_MINE', scope: 'MANDATORY', registered: 2, insured: 1, uninsured: 1 }]
 */
export function coverageCountsOf(
  county: string,
  registered: readonly { readonly industry: Industry; readonly registered: number }[],
  insured: readonly { readonly industry: string; readonly insured: number }[],
): CoverageCount[] {
  const insuredOf = new Map(insured.map((row) => [row.industry, row.insured]));
  const rows: CoverageCount[] = [];
  for (const row of registered) {
    const scope = industryScope(row.industry);
    if (scope === 'ENCOURAGED') continue;
    const covered = Math.min(insuredOf.get(row.industry) ?? 0, row.registered);
    rows.push({ county, industry: row.industry, scope, registered: row.registered, insured: covered, uninsured: row.registered - covered });
  }
  return rows;
}
