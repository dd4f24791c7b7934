import { fileQualification } from '../../../domain/underwriting/qualification.js';
import { eligibilityResultSchema, putQualificationBody, qualificationFilingSchema, qualificationYearSchema } from '../../../domain/underwriting/schemas.js';
import { localDateSchema } from '../../../domain/kernel/calendar/local-date.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import * as z from 'zod/mini';
import { eligibilityOn, todayOf, underwritingDeps } from './deps.js';
import { INSURER } from '../../../domain/identity/access.js';

const yearParams = z.object({ year: qualificationYearSchema });
const onDateQuery = z.object({ onDate: z.optional(localDateSchema) });
const answer = z.object({ year: z.number(), filing: z.optional(qualificationFilingSchema), eligibility: eligibilityResultSchema });

/**
 * QUAL-1..6: the insurer files (or corrects) its qualification for a year. The answer carries the
 * eligibility computed today from the filing that governs today, so the console's checklist is live.
 */
export const putQualification = defineRoute({
  method: 'PUT',
  path: '/api/v1/qualification/{year}',
  access: INSURER,
  summary: "File or update the insurer's qualification for a year (QUAL-1..6)",
  tags: ['underwriting'],
  params: yearParams,
  body: putQualificationBody,
  response: answer,
  async handle(input) {
    const caller = callerOf(input);
    const tenantId = caller.tenantId as string;
    const { forTenant, clock } = underwritingDeps();
    const { qualifications } = await forTenant(tenantId);
    const previous = await qualifications.get(tenantId, input.params.year);
    const filing = fileQualification(previous, input.body, { tenantId, year: input.params.year, now: clock.now(), by: caller.userId });
    await qualifications.put(filing, previous?.version);
    const { result } = await eligibilityOn(tenantId, todayOf(clock), 'INDEPENDENT');
    return { body: { year: filing.year, filing, eligibility: result } };
  },
});

/** QUAL-1..6, BLK-1: the filing of a year and the insurer's eligibility on a date (default today), criterion by criterion. */
export const getQualification = defineRoute({
  method: 'GET',
  path: '/api/v1/qualification/{year}',
  access: INSURER,
  summary: "The insurer's filing for a year and its eligibility on a date, with every criterion's reason",
  tags: ['underwriting'],
  params: yearParams,
  query: onDateQuery,
  response: answer,
  async handle(input) {
    const tenantId = callerOf(input).tenantId as string;
    const { forTenant, clock } = underwritingDeps();
    const { qualifications } = await forTenant(tenantId);
    const [filing, { result }] = await Promise.all([
      qualifications.get(tenantId, input.params.year),
      eligibilityOn(tenantId, input.query.onDate ?? todayOf(clock), 'INDEPENDENT'),
    ]);
    return { body: { year: input.params.year, filing, eligibility: result } };
  },
});
