import * as z from 'zod/mini';
import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { ledgerEntrySchema } from '../../../domain/fees/ledger-entry.schema.js';
import { feeYearSchema } from '../../../domain/fees/year-ledger.schema.js';
import { areaCodeSchema } from '../../../domain/kernel/area.js';
import { COMPLAINT_STATUSES } from '../../../domain/complaints/complaint.js';
import { HAZARD_STATUSES } from '../../../domain/services/hazard.js';
import { hazardSchema } from '../../../domain/services/hazard.schema.js';
import { TIMELINESS } from '../../../domain/supervision/complaint-timeliness.js';
import { paperFilingSchema } from '../../../domain/underwriting/paper-filing.js';
import { qualificationFilingSchema, qualificationYearSchema } from '../../../domain/underwriting/qualification.schema.js';
import { pageQuery, pageTotal } from '../zod.js';
import { insurerRefSchema } from './schemas.js';

export const insurerHazardsQuery = z.object({
  ...pageQuery,
  county: z.optional(areaCodeSchema),
  status: z.optional(z.enum(HAZARD_STATUSES, `status must be one of ${HAZARD_STATUSES.join(', ')}`)),
});
export const insurerHazardsAnswer = z.object({ insurer: insurerRefSchema, items: z.array(hazardSchema), nextCursor: z.optional(z.string()), total: pageTotal });

export const insurerComplaintsQuery = z.object({
  ...pageQuery,
  county: z.optional(areaCodeSchema),
  status: z.optional(z.enum(COMPLAINT_STATUSES, `status must be one of ${COMPLAINT_STATUSES.join(', ')}`)),
});
export const insurerComplaintsAnswer = z.object({
  insurer: insurerRefSchema,
  items: z.array(
    z.object({
      ...complaintSchema.shape,
      enterpriseName: z.optional(z.string()),
      timeliness: z.enum(TIMELINESS).check(z.meta({ description: 'CMP-2..4, CMP-8: the reply against the binding due day' })),
    }),
  ),
  nextCursor: z.optional(z.string()),
  total: pageTotal,
});

export const insurerLedgerQuery = z.object({ ...pageQuery, year: z.optional(feeYearSchema), order: z.optional(z.enum(['asc', 'desc'])) });
export const insurerLedgerAnswer = z.object({
  insurer: insurerRefSchema,
  year: z.int(),
  items: z.array(ledgerEntrySchema),
  nextCursor: z.optional(z.string()),
  total: pageTotal,
});

export const insurerQualificationQuery = z.object({ year: z.optional(qualificationYearSchema) });
export const insurerQualificationAnswer = z.object({
  insurer: insurerRefSchema,
  year: z.int(),
  filings: z.array(qualificationFilingSchema),
  paperFilings: z.array(paperFilingSchema),
});
