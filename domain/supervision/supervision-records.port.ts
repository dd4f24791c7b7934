import type { Complaint } from '../complaints/complaint.js';
import type { HazardStatus } from '../services/hazard.js';
import type { Hazard } from '../services/hazard.schema.js';
import type { Page } from './supervision-reads.port.js';

/** `GET /regulator/insurers/{tenantId}/hazards`: a county (a county EMB's own, ACL-4) and a status. */
export interface SupervisedHazardQuery {
  readonly limit: number;
  readonly cursor?: string;
  /** Issues 14/15: answer the number of matching rows with the first page (list routes only: it costs a count). */
  readonly withTotal?: boolean;
  readonly county?: string;
  readonly status?: HazardStatus;
}

/** `GET /regulator/insurers/{tenantId}/complaints`: every complaint, not only escalated (CMP-6), by county and status. */
export interface SupervisedComplaintQuery {
  readonly limit: number;
  readonly cursor?: string;
  /** Issues 14/15: answer the number of matching rows with the first page (list routes only: it costs a count). */
  readonly withTotal?: boolean;
  readonly county?: string;
  readonly status?: Complaint['status'];
}

/**
 * ACL-2/ACL-4 (issue 14): the remaining per-insurer reads — hazards and complaints — over the insurer's own
 * listings, through the read-only regulator role. No write method.
 */
export interface SupervisionRecords {
  /** SVC-7: MAJOR hazards first (all of them, newest first), then GENERAL ones. */
  listHazards(tenantId: string, query: SupervisedHazardQuery): Promise<Page<Hazard>>;
  /** CMP-1..8: every complaint, newest first, with the enterprise's name from the register (names, not ids). */
  listComplaints(tenantId: string, query: SupervisedComplaintQuery): Promise<Page<Complaint & { readonly enterpriseName?: string }>>;
}
