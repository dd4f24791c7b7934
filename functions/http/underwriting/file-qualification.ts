import { INSURER } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { fileQualification as file } from '../../../domain/underwriting/qualification.js';
import { putQualificationBody } from '../../../domain/underwriting/qualification.schema.js';
import { withPaperFiling } from '../../../domain/underwriting/paper-filing.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { underwritingFilesRoot } from './files-composition-root.js';
import { eligibilityOn } from './eligibility-on.js';
import { qualificationAnswer, yearParams } from './qualification-answer.js';
import { checkFilingEvidence } from './qualification-documents.js';

/**
 * QUAL-1..6: the insurer files (or corrects) its qualification for a year. The answer carries the
 * eligibility computed today from the filing that governs today, so the console's checklist is live.
 */
export const fileQualification = defineRoute({
  method: 'PUT',
  path: '/api/v1/qualification/{year}',
  access: INSURER,
  summary: "File or update the insurer's qualification for a year (QUAL-1..6)",
  tags: ['underwriting'],
  params: yearParams,
  body: putQualificationBody,
  response: qualificationAnswer,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { forTenant, clock, paperFilings } = underwritingFilesRoot();
    const tenant = await forTenant(tenantId);
    const { qualifications } = tenant;
    // QUAL-4: the evidence documents are files the insurer uploaded to its archive, with the digest given.
    await checkFilingEvidence(tenantId, tenant, input.body.prevention?.evidence ?? []);
    const previous = await qualifications.get(tenantId, input.params.year);
    // QUAL-6: the platform stamps filedOn (the body has none); the city EMB's paper day is merged in the answer.
    const { state: filing, events } = file(previous, input.body, { tenantId, year: input.params.year, now: clock.now(), by: userId });
    await qualifications.put(filing, previous?.version, events);
    const [paper, { result }] = await Promise.all([
      paperFilings.get(tenantId, input.params.year),
      eligibilityOn(tenantId, todayOf(clock), 'INDEPENDENT'),
    ]);
    return { body: { year: filing.year, filing: withPaperFiling(filing, paper) ?? filing, eligibility: result } };
  },
});
