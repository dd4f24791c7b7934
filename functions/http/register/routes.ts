import type { RouteSpec } from '../../middleware/route.js';
import { addExpert } from './add-expert.js';
import { blacklistInsurer } from './blacklist-insurer.js';
import { getEnterprise } from './get-enterprise.js';
import { getExpert } from './get-expert.js';
import { getServiceOrg } from './get-service-org.js';
import { importEnterprises } from './import-enterprises.js';
import { liftBlacklistEntry } from './lift-blacklist-entry.js';
import { listBlacklist } from './list-blacklist.js';
import { listEnterprises } from './list-enterprises.js';
import { listExperts } from './list-experts.js';
import { listServiceOrgs } from './list-service-orgs.js';
import { lookUpEnterprise } from './look-up-enterprise.js';
import { registerEnterprise } from './register-enterprise.js';
import { registerServiceOrg } from './register-service-org.js';
import { updateExpert } from './update-expert.js';
import { updateServiceOrg } from './update-service-org.js';

/**
 * The register context: the regulators' own registers — the enterprise register (REG-1), the blacklist (BLK-1),
 * and the city EMB's provider registers: third-party service organisations (REG-2) and the expert pool (REG-3).
 */
export const registerRoutes: readonly RouteSpec[] = [
  registerEnterprise,
  listEnterprises,
  getEnterprise,
  importEnterprises,
  lookUpEnterprise,
  blacklistInsurer,
  listBlacklist,
  liftBlacklistEntry,
  registerServiceOrg,
  listServiceOrgs,
  getServiceOrg,
  updateServiceOrg,
  addExpert,
  listExperts,
  getExpert,
  updateExpert,
];
