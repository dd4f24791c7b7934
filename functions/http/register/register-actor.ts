import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import { regulatorIdOf } from '../../../domain/platform/regulator.js';
import type { RegisterActor } from '../../../domain/register/register-entry.js';

/**
 * The regulator behind a caller, from its token only: its agency id (`emb-city`, `nfra`,
 * `emb-county-140902`) and, for a county EMB, the county ACL-4 binds it to.
 *
 * @example const actor = actorOf(callerOf(input, 'regulator'));
 */
export function actorOf(caller: RegulatorPrincipal): RegisterActor {
  const county = caller.agency === 'EMB_COUNTY' ? caller.county : undefined;
  return { regulatorId: regulatorIdOf(caller.agency, county), ...(county === undefined ? {} : { county }) };
}
