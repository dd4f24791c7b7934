import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { Forbidden } from '../../../domain/kernel/errors.js';
import { hazardSchema } from '../../../domain/services/hazard.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { servicesRoot } from './composition-root.js';
import { regulatorHazardsQuery } from './schemas.js';

/**
 * SVC-7 / ACL-2 / ACL-4: hazards across insurers, read-only — MAJOR ones are what the regulators are alerted to,
 * and they follow them to verification. A county EMB reads its own county only (asking for another is refused);
 * the city EMB and the NFRA read every county or one they name.
 */
export const listRegulatorHazards = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/hazards',
  access: REGULATOR_READ,
  summary: 'Hazards across insurers, by grade and status (a county EMB: its county only)',
  tags: ['regulator'],
  query: regulatorHazardsQuery,
  response: pageOf(hazardSchema),
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    let county: string | undefined = input.query.county;
    if (caller.agency === 'EMB_COUNTY') {
      if (county !== undefined && county !== caller.county) throw new Forbidden('ACL-4: a county EMB sees its own county only');
      county = caller.county;
    }
    const { limit, cursor, grade, status } = input.query;
    const views = await servicesRoot().regulatorHazards(caller);
    return { body: await views.listForRegulators({ limit, cursor, county, grade, status, withTotal: true }) };
  },
});
