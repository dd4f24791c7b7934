import { QUALIFICATION_OVERSIGHT } from '../../../domain/identity/access.js';
import { yearOf } from '../../../domain/kernel/calendar/local-date.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { supervisionRoot } from './composition-root.js';
import { insurerRefOf, loadInsurer } from './load-insurer.js';
import { insurerQualificationAnswer, insurerQualificationQuery } from './records-schemas.js';
import { insurerRecords } from './records-composition-root.js';
import { insurerParams } from './schemas.js';

/**
 * QUAL-1..6 (issue 14): one insurer's qualification filings of the year and the year before, with their
 * documents — what QUAL-6 has it 报送市应急管理局 — and the city EMB's paper-filing records. The city EMB only
 * (QUALIFICATION_OVERSIGHT), to whom the notice has the filings sent; read-only.
 */
export const getInsurerQualification = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/insurers/{tenantId}/qualification',
  access: QUALIFICATION_OVERSIGHT,
  summary: "One insurer's qualification filings and their documents (QUAL-6 报送), read-only; the city EMB",
  tags: ['regulator'],
  params: insurerParams,
  query: insurerQualificationQuery,
  response: insurerQualificationAnswer,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const insurer = await loadInsurer(input.params.tenantId);
    const year = input.query.year ?? yearOf(todayOf(supervisionRoot().clock));
    const { qualifications, paperFilings } = await insurerRecords(caller);
    const [filings, papers] = await Promise.all([qualifications.listRecent(insurer.id, year), paperFilings.listRecent(insurer.id, year)]);
    return { body: { insurer: insurerRefOf(insurer), year, filings: [...filings], paperFilings: [...papers] } };
  },
});
