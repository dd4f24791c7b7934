import type { RouteSpec } from '../../middleware/route.js';
import { addExpert } from './add-expert.js';
import { blacklistInsurer } from './blacklist-insurer.js';
import { getEnterprise } from './get-enterprise.js';
import { getExpert } from './get-expert.js';
import { getRuleSet } from './get-rule-set.js';
import { getServiceOrg } from './get-service-org.js';
import { liftBlacklistEntry } from './lift-blacklist-entry.js';
import { listBlacklist } from './list-blacklist.js';
import { listEnterprises } from './list-enterprises.js';
import { listExperts } from './list-experts.js';
import { listRuleSets } from './list-rule-sets.js';
import { listServiceOrgs } from './list-service-orgs.js';
import { lookUpEnterprise } from './look-up-enterprise.js';
import { listEnterpriseNames } from './list-enterprise-names.js';
import { recordPaperFilingRoute } from './record-paper-filing.js';
import { registerEnterprise } from './register-enterprise.js';
import { publishRuleSetRoute } from './publish-rule-set.js';
import { registerServiceOrg } from './register-service-org.js';
import { updateExpert } from './update-expert.js';
import { updateServiceOrg } from './update-service-org.js';

/**
 * The register context: the regulators' own registers — the enterprise register (REG-1), the blacklist (BLK-1),
 * the city EMB's record of paper qualification filings (QUAL-6), and its provider registers: third-party service organisations (REG-2) and the expert pool (REG-3); and the
 * rule-set versions the city EMB publishes (RULES-1).
 */
export const registerRoutes: readonly RouteSpec[] = [
  registerEnterprise,
  listEnterprises,
  getEnterprise,
  lookUpEnterprise,
  listEnterpriseNames,
  blacklistInsurer,
  listBlacklist,
  liftBlacklistEntry,
  recordPaperFilingRoute,
  registerServiceOrg,
  listServiceOrgs,
  getServiceOrg,
  updateServiceOrg,
  addExpert,
  listExperts,
  getExpert,
  updateExpert,
  listRuleSets,
  getRuleSet,
  publishRuleSetRoute,
];
