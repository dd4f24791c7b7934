import type { Agency } from '../identity/role.js';
import { Forbidden } from '../kernel/errors.js';

/** The regulator as far as ACL-4 cares: its agency and, for a county EMB, its county (both from the token). */
export interface SupervisingRegulator {
  readonly agency: Agency;
  readonly county?: string;
}

/**
 * ACL-4: the county a regulator's list is limited to. A county EMB reads its own county whatever it asks for —
 * asking for another is refused (403), leaving it out means its own; the city EMB and the NFRA read every county
 * or the one they name.
 *
 * @example countyScopeOf({ agency: 'EMB_COUNTY', county: '140902' }, undefined); // '140902'
 */
export function countyScopeOf(regulator: SupervisingRegulator, requested: string | undefined): string | undefined {
  if (regulator.agency !== 'EMB_COUNTY') return requested;
  if (!regulator.county) throw new Forbidden('ACL-4: a county EMB without a county in its token sees nothing');
  if (requested !== undefined && requested !== regulator.county) throw new Forbidden('ACL-4: a county EMB sees its own county only');
  return regulator.county;
}

/**
 * ACL-4: whether one record (a policy, a service) about an enterprise of `county` is within the regulator's view.
 * Outside it, the record answers exactly like a missing one (404), as another organisation's object does.
 */
export function inCountyScope(regulator: SupervisingRegulator, county: string): boolean {
  return regulator.agency !== 'EMB_COUNTY' || regulator.county === county;
}
