import { XINZHOU_AREAS } from '../kernel/area.js';
import { addDays, compareLocalDates } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { INDUSTRIES, industryScope } from '../kernel/industry.js';
import type { Industry } from '../kernel/industry.js';
import type { Policy } from './policy.js';

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
}

/** UW-11: the uninsured enterprises of one county and one industry. */
export interface CoverageGapGroup {
  readonly county: string;
  readonly industry: Industry;
  /** How many enterprises of this county and industry the register lists. */
  readonly registered: number;
  /** Their USCCs, sorted. */
  readonly uninsured: readonly string[];
}

/**
 * UW-11: enterprises with no policy in force on `onDate`, by county and industry. `mandatory` lists SCOPE-2
 * industries — findings (应保未保); `advisory` lists SCOPE-3 industries — reported, not violations. OTHER is
 * encouraged only and never listed.
 */
export interface CoverageGap {
  readonly onDate: LocalDate;
  readonly mandatory: readonly CoverageGapGroup[];
  readonly advisory: readonly CoverageGapGroup[];
}

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
  for (const entry of registerEntries) {
    if (seen.has(entry.uscc)) continue;
    seen.add(entry.uscc);
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
  };
}
