import type { RouteSpec } from '../route.js';
import { blacklistInsurer } from './blacklist-insurer.js';
import { getEnterprise } from './get-enterprise.js';
import { importEnterprises } from './import-enterprises.js';
import { liftBlacklistEntry } from './lift-blacklist-entry.js';
import { listBlacklist } from './list-blacklist.js';
import { listEnterprises } from './list-enterprises.js';
import { lookUpEnterprise } from './look-up-enterprise.js';
import { registerEnterprise } from './register-enterprise.js';

/** The regulator context: the regulators' own registers — the enterprise register (REG-1) and the blacklist (BLK-1). */
export const regulatorRoutes: readonly RouteSpec[] = [
  registerEnterprise,
  listEnterprises,
  getEnterprise,
  importEnterprises,
  lookUpEnterprise,
  blacklistInsurer,
  listBlacklist,
  liftBlacklistEntry,
];
