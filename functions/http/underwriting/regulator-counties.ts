import { XINZHOU_AREAS, areaCodeSchema } from '../../../domain/kernel/area.js';
import { Forbidden } from '../../../domain/kernel/errors.js';
import type { CallerKinds } from '../../../domain/identity/principal.js';
import * as z from 'zod/mini';

/** `?county=` of the regulators' UW-11 views: an area code (anything else is a 400, never a key). */
export const countyQuery = z.optional(areaCodeSchema);

/** ACL-4: a county EMB reads its own county only; the city EMB and the NFRA any county, or all of them. */
export function countiesFor(caller: CallerKinds['regulator'], asked: string | undefined): string[] {
  if (caller.agency === 'EMB_COUNTY') {
    if (caller.county === undefined || (asked !== undefined && asked !== caller.county)) {
      throw new Forbidden('ACL-4: a county EMB sees its own county only');
    }
    return [caller.county];
  }
  return asked ? [asked] : XINZHOU_AREAS.map((area) => area.code);
}
