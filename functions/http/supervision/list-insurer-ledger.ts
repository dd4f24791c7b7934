import { FEE_OVERSIGHT } from '../../../domain/identity/access.js';
import { yearOf } from '../../../domain/kernel/calendar/local-date.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { supervisionRoot } from './composition-root.js';
import { insurerRefOf, loadInsurer } from './load-insurer.js';
import { insurerLedgerAnswer, insurerLedgerQuery } from './records-schemas.js';
import { insurerRecords } from './records-composition-root.js';
import { insurerParams } from './schemas.js';

/**
 * FEE-2, FEE-4/FEE-5 (issue 14): one insurer's prevention-fee ledger (台账) for a year, read-only, by sequence
 * number (order=desc: newest first) — the city EMB and the NFRA, as the year's summary (the ledger has no county).
 */
export const listInsurerLedger = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/insurers/{tenantId}/fees/ledger',
  access: FEE_OVERSIGHT,
  summary: "One insurer's prevention-fee ledger for a year (FEE-2), read-only; the city EMB and the NFRA",
  tags: ['regulator'],
  params: insurerParams,
  query: insurerLedgerQuery,
  response: insurerLedgerAnswer,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const insurer = await loadInsurer(input.params.tenantId);
    const year = input.query.year ?? yearOf(todayOf(supervisionRoot().clock));
    const { ledger } = await insurerRecords(caller);
    const page = await ledger.listEntries(insurer.id, year, {
      limit: input.query.limit,
      cursor: input.query.cursor,
      newestFirst: input.query.order === 'desc',
      withTotal: true,
    });
    return { body: { insurer: insurerRefOf(insurer), year, items: [...page.items], nextCursor: page.nextCursor, total: page.total } };
  },
});
