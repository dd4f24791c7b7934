import { checkYear } from '../../../domain/fees/consistency.js';
import type { LedgerEntry } from '../../../domain/fees/ledger-entry.js';
import { consistencyReportSchema } from '../../../domain/fees/summary.schema.js';
import { FEE_BOOKING } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { feesRoot } from './composition-root.js';
import { ledgerYearOf } from './ledger-year.js';
import { yearQuery } from './schemas.js';

/**
 * FEE-4, FEE-2: recomputes the year's counters from its entries — a paged, consistent Query of the year's
 * partition — and reports every difference from the stored counters, and any gap in the numbering or
 * broken reversal. Its cost grows with the ledger, which is why the summary never does this.
 *
 * Bookings go on while it reads. It compares one snapshot: the counters as read first, against the entries
 * numbered up to their last sequence — each of those was committed with the counters it moved, so nothing
 * booked meanwhile shows as a false difference. Entries beyond that number are left out only when a second
 * read of the counters accounts for them; otherwise they are entries the counters lost, and are reported.
 */
export const checkFeeSummary = defineRoute({
  method: 'GET',
  path: '/api/v1/fees/summary/check',
  access: FEE_BOOKING,
  summary: "Recompute a year's counters from its entries and report any difference (FEE-4, FEE-2)",
  tags: ['fees'],
  query: yearQuery,
  response: consistencyReportSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { forTenant, clock } = feesRoot();
    const year = ledgerYearOf(input.query.year, clock);
    const { fees } = await forTenant(tenantId);
    const stored = await fees.year(tenantId, year);
    let entries: LedgerEntry[] = [];
    await fees.eachEntryPage(tenantId, year, (page) => void entries.push(...page));
    let marks = await fees.reversalMarks(tenantId, year);
    const snapshot = stored?.lastSequence ?? 0;
    const newest = entries.reduce((max, entry) => Math.max(max, entry.sequence), 0);
    if (newest > snapshot && ((await fees.year(tenantId, year))?.lastSequence ?? 0) >= newest) {
      entries = entries.filter((entry) => entry.sequence <= snapshot);
      marks = marks.filter((mark) => mark.reversalSequence <= snapshot);
    }
    return { body: checkYear(tenantId, year, stored, entries, marks) };
  },
});
