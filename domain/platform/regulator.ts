import type { Agency } from '../identity/role.js';
import { RuleViolation } from '../kernel/errors.js';

/**
 * A regulator agency (监管部门): the city EMB, a county EMB, or the NFRA branch. There is one of each per
 * area, so its id is derived from agency and county and a second onboarding of the same agency is a conflict.
 */
export interface Regulator {
  readonly id: string;
  readonly agency: Agency;
  readonly county?: string;
  readonly name: string;
  readonly createdAt: string;
  readonly version: number;
}

/** ACL-4: a county EMB is bound to exactly one county; the city EMB and the NFRA to none. */
export function regulatorIdOf(agency: Agency, county: string | undefined): string {
  if (agency === 'EMB_COUNTY') {
    if (!county) throw new RuleViolation('ACL-4', 'county', 'ACL-4: a county EMB must name its county', 400);
    return `emb-county-${county}`;
  }
  if (county) throw new RuleViolation('ACL-4', 'county', `ACL-4: only a county EMB has a county, not ${agency}`, 400);
  return agency === 'EMB_CITY' ? 'emb-city' : 'nfra';
}
