import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import type { RuleSetVersion, RuleSetVersionView } from '../../../domain/register/rule-set-version.js';

/** RULES-1: each version with whether it is the one a decision taken `today` uses. */
export function ruleSetViews(versions: readonly RuleSetVersion[], today: LocalDate): RuleSetVersionView[] {
  const inForce = versions.length === 0 ? undefined : selectRuleSet(versions.map((version) => version.ruleSet), today);
  return versions.map((version) => ({
    ...version,
    inForceToday: inForce !== undefined && inForce.id === version.ruleSet.id && inForce.version === version.ruleSet.version,
  }));
}
