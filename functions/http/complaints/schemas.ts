import { COMPLAINT_STATUSES, ESCALATION_TARGETS } from '../../../domain/complaints/complaint.js';
import { selfIntakeComplaintBody } from '../../../domain/complaints/complaint.schema.js';
import * as z from 'zod/mini';
import { areaCodeSchema } from '../../../domain/kernel/area.js';
import { pageQuery, idParam } from '../zod.js';

const id = idParam;
export const complaintIdParams = z.object({ complaintId: id });

export const listComplaintsQuery = z.object({
  ...pageQuery,
  status: z.optional(z.enum(COMPLAINT_STATUSES)),
  overdue: z.optional(z.enum(['true', 'false'])),
});

export const myComplaintsQuery = z.object({ ...pageQuery, status: z.optional(z.enum(COMPLAINT_STATUSES)) });

export const escalatedQuery = z.object({
  ...pageQuery,
  // ACL-4 (issue 21): a county names a partition of the view, so only an area code is one (400 otherwise).
  county: z.optional(areaCodeSchema),
  to: z.optional(z.enum(ESCALATION_TARGETS)),
});

/** CMP-1: an enterprise names the insurer it complains about; the rest is what it says. */
export const fileComplaintBody = z.extend(selfIntakeComplaintBody, { insurerId: id });

/** An insurer as an enterprise sees it when choosing whom to complain to: names only. */
export const insurerSummary = z.object({
  id: z.string().check(z.meta({ description: 'The insurer (tenant) id to file the complaint with' })),
  name: z.string().check(z.meta({ description: 'Legal name of the branch' })),
  branchName: z.string().check(z.meta({ description: 'Short name shown in the console' })),
});
