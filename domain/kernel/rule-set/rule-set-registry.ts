import { compareLocalDates } from '../calendar/local-date.js';
import type { LocalDate } from '../calendar/local-date.js';
import type { EnterpriseSize } from '../enterprise-size.js';
import { RuleViolation } from '../errors.js';
import { obligationIndustryOf } from '../industry.js';
import type { Industry } from '../industry.js';
import type { RuleSet, SvcObligation } from './rule-set.js';

/**
 * RULES-1: the version in force on `onDate` — the one with the latest `effectiveFrom` not after that date; of
 * two taking effect the same day, the higher `version` (a same-day correction). Ordering by effective date
 * rather than by version number means a version published later but effective earlier (a retroactive fix)
 * never overrides a version already scheduled to take over after it.
 *
 * @throws RuleViolation (RULES-1, 409) when no version is in force yet on `onDate`.
 * @example
 * selectRuleSet([XINZHOU_2024], '2024-09-27').version; // 1
 */
export function selectRuleSet(versions: readonly RuleSet[], onDate: LocalDate): RuleSet {
  let chosen: RuleSet | undefined;
  for (const candidate of versions) {
    if (compareLocalDates(candidate.effectiveFrom, onDate) > 0) continue;
    if (chosen === undefined) {
      chosen = candidate;
      continue;
    }
    const byDate = compareLocalDates(candidate.effectiveFrom, chosen.effectiveFrom);
    if (byDate > 0 || (byDate === 0 && candidate.version > chosen.version)) chosen = candidate;
  }
  if (chosen === undefined) {
    const earliest = [...versions].map((version) => version.effectiveFrom).sort(compareLocalDates)[0];
    throw new RuleViolation(
      'RULES-1',
      undefined,
      earliest === undefined
        ? `no rule set is loaded, so none is in force on ${onDate}`
        : `no rule set is in force on ${onDate}; the earliest takes effect on ${earliest}`,
    );
  }
  return chosen;
}

/**
 * SVC-1: the services a policy year owes an enterprise of this industry and size under `ruleSet`. A tailings
 * pond owes what a non-coal mine owes (SCOPE-1).
 *
 * @example
 * svcObligationsFor(XINZHOU_2024, 'TAILINGS_POND', 'MICRO');
 * // { riskAssessments: 2, hazardInspections: 2, deepInspections: 1 }
 * svcObligationsFor(XINZHOU_2024, 'HAZCHEM', 'SMALL'); // 'PER_PLAN'
 */
export function svcObligationsFor(ruleSet: RuleSet, industry: Industry, size: EnterpriseSize): SvcObligation {
  return ruleSet.svcObligations[obligationIndustryOf(industry)][size];
}

/**
 * RULES-1: the rule set an aggregate recorded when it was decided (a policy at issue, a complaint at receipt),
 * so later decisions on it keep using that version even after a newer one is published.
 */
export function recordedRuleSet(
  ruleSets: readonly RuleSet[],
  recorded: { readonly ruleSetId: string; readonly ruleSetVersion: number },
  what: string,
): RuleSet {
  const ruleSet = ruleSets.find((candidate) => candidate.id === recorded.ruleSetId && candidate.version === recorded.ruleSetVersion);
  if (ruleSet === undefined) {
    throw new RuleViolation('RULES-1', undefined, `RULES-1: ${what} was decided under rule set ${recorded.ruleSetId} v${recorded.ruleSetVersion}, which is not loaded`);
  }
  return ruleSet;
}
