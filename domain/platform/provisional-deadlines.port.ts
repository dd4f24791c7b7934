import type { Complaint } from '../complaints/complaint.js';
import type { PreventionService } from '../services/service.js';

/** One page of items and the cursor of the next (absent on the last). */
export interface ProvisionalPage<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/**
 * CAL-2: a tenant's items with a provisional deadline, read from the due-date indexes (GSI2, sparse) — what a
 * loaded year would recompute (functions/schedules/recompute-provisional.ts). Read only, for the operator's
 * preview; each tenant's items are read with that tenant's scoped role.
 */
export interface ProvisionalDeadlines {
  complaints(tenantId: string, page: { limit: number; cursor?: string }): Promise<ProvisionalPage<Complaint>>;
  services(tenantId: string, page: { limit: number; cursor?: string }): Promise<ProvisionalPage<PreventionService>>;
}
