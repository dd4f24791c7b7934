import * as z from 'zod/mini';
import { AGENCIES, type Agency } from '../identity/role.js';
import { RuleViolation } from '../kernel/errors.js';

/**
 * A regulator agency (监管部门): the city EMB, a county EMB, or the NFRA branch. There is one of each per
 * area, so its id is derived from agency and county and a second onboarding of the same agency is a conflict.
 */
export const regulatorSchema = z.object({
  id: z.string().check(z.meta({ description: 'Derived from agency and county: emb-city, nfra, emb-county-<county>' })),
  agency: z.enum(AGENCIES).check(z.meta({ description: 'EMB_CITY 市级应急管理局, EMB_COUNTY 县级应急管理局 or NFRA 金融监管分局' })),
  county: z.optional(z.string().check(z.meta({ description: "A county EMB's county (area code); absent for the others (ACL-4)" }))),
  name: z.string().check(z.meta({ description: "The agency's name, e.g. 忻州市应急管理局" })),
  createdAt: z.string().check(z.meta({ description: 'When the agency was onboarded (ISO 8601, UTC)' })),
  version: z.number(),
});

export type Regulator = Readonly<z.output<typeof regulatorSchema>>;

/** ACL-4: a county EMB is bound to exactly one county; the city EMB and the NFRA to none. */
export function regulatorIdOf(agency: Agency, county: string | undefined): string {
  if (agency === 'EMB_COUNTY') {
    if (!county) throw new RuleViolation('ACL-4', 'county', 'ACL-4: a county EMB must name its county', 400);
    return `emb-county-${county}`;
  }
  if (county) throw new RuleViolation('ACL-4', 'county', `ACL-4: only a county EMB has a county, not ${agency}`, 400);
  return agency === 'EMB_CITY' ? 'emb-city' : 'nfra';
}
