import { recomputeDeadlines, type ComplaintRules } from '../../domain/complaints/deadlines.js';
import { StaleVersion } from '../../domain/kernel/errors.js';
import type { DynamoComplaintRepository } from '../adapters/dynamodb/complaint.repository.js';
import type { DynamoPlatformRepository } from '../adapters/dynamodb/platform.repository.js';
import { forEachTenant } from './each-tenant.js';

/**
 * CAL-2: once the operator loads a year's schedule, deadlines that were computed provisionally for it are
 * computed again and become final (or move, if the State Council's notice says so). Runs on the
 * `platform.calendar.year_loaded` event and in the daily run; a complaint whose dates do not change is left alone.
 */
export async function recomputeProvisionalComplaints(
  platform: DynamoPlatformRepository,
  complaintsOf: (tenantId: string) => Promise<DynamoComplaintRepository>,
  rules: ComplaintRules,
): Promise<number> {
  let changed = 0;
  await forEachTenant(platform, async (tenantId) => {
    const repository = await complaintsOf(tenantId);
    let cursor: string | undefined;
    do {
      const page = await repository.provisionalDue(tenantId, 100, cursor);
      for (const complaint of page.items) {
        const recomputed = recomputeDeadlines(complaint, rules);
        if (recomputed === complaint) continue;
        try {
          await repository.saveRecomputed(recomputed, complaint.version);
          changed += 1;
        } catch (error) {
          if (!(error instanceof StaleVersion)) throw error; // changed meanwhile: its own save recomputed it
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
  });
  return changed;
}
