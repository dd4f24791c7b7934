import { INSURER } from '../../../domain/identity/access.js';
import { localDateSchema } from '../../../domain/kernel/calendar/local-date.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import * as z from 'zod/mini';
import { withPaperFiling } from '../../../domain/underwriting/paper-filing.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { underwritingRoot } from './composition-root.js';
import { eligibilityOn } from './eligibility-on.js';
import { qualificationAnswer, yearParams } from './qualification-answer.js';

/** QUAL-1..6, BLK-1: the filing of a year and the insurer's eligibility on a date (default today), criterion by criterion. */
export const getQualification = defineRoute({
  method: 'GET',
  path: '/api/v1/qualification/{year}',
  access: INSURER,
  summary: "The insurer's filing for a year and its eligibility on a date, with every criterion's reason",
  tags: ['underwriting'],
  params: yearParams,
  query: z.object({ onDate: z.optional(localDateSchema) }),
  response: qualificationAnswer,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { forTenant, clock, paperFilings } = underwritingRoot();
    const { qualifications } = await forTenant(tenantId);
    const [filing, paper, { result }] = await Promise.all([
      qualifications.get(tenantId, input.params.year),
      paperFilings.get(tenantId, input.params.year),
      eligibilityOn(tenantId, input.query.onDate ?? todayOf(clock), 'INDEPENDENT'),
    ]);
    // QUAL-6: the filing day as it counts — the city EMB's paper day when earlier than the platform's.
    return { body: { year: input.params.year, filing: withPaperFiling(filing, paper), eligibility: result } };
  },
});
