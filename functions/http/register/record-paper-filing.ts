import * as z from 'zod/mini';
import { PAPER_FILING_WRITE } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { paperFilingSchema, recordPaperFiling, recordPaperFilingBody } from '../../../domain/underwriting/paper-filing.js';
import { qualificationYearSchema } from '../../../domain/underwriting/qualification.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { idParam } from '../zod.js';
import { registerContext } from './composition-root.js';

/**
 * QUAL-6: the city EMB records (or corrects) the day an insurer's qualification materials for `year` reached it
 * on paper. The insurer cannot state that day — the platform stamps its filing when first complete — so an
 * earlier paper submission counts only through this record, the city EMB's own.
 * `underwriting.qualification.paper_filing_recorded` goes out with it.
 */
export const recordPaperFilingRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/qualifications/{insurerTenantId}/{year}/paper-filing',
  access: PAPER_FILING_WRITE,
  summary: "Record the day an insurer's qualification materials reached the city EMB on paper (QUAL-6; the city EMB)",
  tags: ['regulator'],
  params: z.object({ insurerTenantId: idParam, year: qualificationYearSchema }),
  body: recordPaperFilingBody,
  response: paperFilingSchema,
  async handle(input) {
    const { userId } = callerOf(input, 'regulator');
    const { paperFilings, tenants, clock } = registerContext();
    const { insurerTenantId, year } = input.params;
    if (!(await tenants.getTenant(insurerTenantId))) throw new NotFound('insurer');
    const previous = await paperFilings.get(insurerTenantId, year);
    const { state, events } = recordPaperFiling(previous, input.body, { insurerTenantId, year, now: clock.now(), by: userId });
    await paperFilings.put(state, previous?.version, events);
    return { body: state };
  },
});
