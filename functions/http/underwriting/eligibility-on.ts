import { yearOf, type LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { isBlacklisted } from '../../../domain/register/blacklist.js';
import { evaluateEligibility, governingFiling } from '../../../domain/underwriting/eligibility.rules.js';
import { withPaperFiling } from '../../../domain/underwriting/paper-filing.js';
import type { CoinsuranceRole, EligibilityResult, QualificationFiling } from '../../../domain/underwriting/qualification.js';
import { underwritingRoot } from './composition-root.js';

/**
 * UW-8 / QUAL-1..6 / BLK-1: the insurer's eligibility on a date, computed from its governing filing and the
 * blacklist — never stored, never typed in — with the city EMB's paper filing day merged in (QUAL-6). Returns the filing too, whose filed product rates the policy (UW-7).
 */
export async function eligibilityOn(
  tenantId: string,
  onDate: LocalDate,
  coinsuranceRole: CoinsuranceRole,
): Promise<{ result: EligibilityResult; filing: QualificationFiling | undefined }> {
  const { forTenant, blacklist, paperFilings, ruleSets } = underwritingRoot();
  const { qualifications } = await forTenant(tenantId);
  const ruleSet = selectRuleSet(await ruleSets.versions(), onDate);
  const year = yearOf(onDate);
  const [stored, papers, listings] = await Promise.all([
    qualifications.listRecent(tenantId, year),
    paperFilings.listRecent(tenantId, year),
    blacklist.entriesOf(tenantId),
  ]);
  // QUAL-6: a paper filing the city EMB recorded counts from its day; the insurer's own filing never states one.
  const filings = stored.flatMap((item) => withPaperFiling(item, papers.find((paper) => paper.year === item.year)) ?? []);
  const filing = governingFiling(filings, onDate, ruleSet);
  const result = evaluateEligibility(filing, { onDate, blacklisted: isBlacklisted(listings, tenantId, onDate), coinsuranceRole, ruleSet });
  return { result, filing };
}
