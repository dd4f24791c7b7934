import { yearOf, type LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { PUBLISHED_RULE_SETS } from '../../../domain/kernel/rule-set/published.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { isBlacklisted } from '../../../domain/register/blacklist.js';
import { evaluateEligibility, governingFiling } from '../../../domain/underwriting/eligibility.rules.js';
import type { CoinsuranceRole, EligibilityResult, QualificationFiling } from '../../../domain/underwriting/qualification.js';
import { underwritingRoot } from './composition-root.js';

/**
 * UW-8 / QUAL-1..6 / BLK-1: the insurer's eligibility on a date, computed from its governing filing and the
 * blacklist — never stored, never typed in. Returns the filing too, whose filed product rates the policy (UW-7).
 */
export async function eligibilityOn(
  tenantId: string,
  onDate: LocalDate,
  coinsuranceRole: CoinsuranceRole,
): Promise<{ result: EligibilityResult; filing: QualificationFiling | undefined }> {
  const { forTenant, blacklist } = underwritingRoot();
  const { qualifications } = await forTenant(tenantId);
  const ruleSet = selectRuleSet(PUBLISHED_RULE_SETS, onDate);
  const [filings, listings] = await Promise.all([qualifications.listRecent(tenantId, yearOf(onDate)), blacklist.entriesOf(tenantId)]);
  const filing = governingFiling(filings, onDate, ruleSet);
  const result = evaluateEligibility(filing, { onDate, blacklisted: isBlacklisted(listings, tenantId, onDate), coinsuranceRole, ruleSet });
  return { result, filing };
}
