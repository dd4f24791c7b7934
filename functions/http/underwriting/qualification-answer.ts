import { eligibilityResultSchema, qualificationFilingSchema, qualificationYearSchema } from '../../../domain/underwriting/qualification.schema.js';
import * as z from 'zod/mini';

/** `{year}` of the qualification routes. */
export const yearParams = z.object({ year: qualificationYearSchema });

/** QUAL-1..6, BLK-1: what both qualification routes answer — the year's filing (if any) and the eligibility. */
export const qualificationAnswer = z.object({
  year: z.number(),
  filing: z.optional(qualificationFilingSchema),
  eligibility: eligibilityResultSchema,
});
