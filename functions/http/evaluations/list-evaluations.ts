import { evaluationPeriodKeyOf } from '../../../domain/evaluations/period.js';
import { EVALUATION_OVERSIGHT } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { evaluationsRoot } from './composition-root.js';
import { evaluationPageSchema, evaluationSummaryOf, evaluationsQuery } from './schemas.js';

/** RPT-3: every evaluation (drafts and published, each revision a row), newest period first, by year or period. */
export const listEvaluationsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/evaluations',
  access: EVALUATION_OVERSIGHT,
  summary: "Evaluations of the insurers by period; the city EMB and the NFRA (RPT-3)",
  tags: ['regulator'],
  query: evaluationsQuery,
  response: evaluationPageSchema,
  async handle(input) {
    callerOf(input, 'regulator');
    const { year, term, limit, cursor } = input.query;
    const periodPrefix = year === undefined ? undefined : term === undefined ? `${year}-` : `${evaluationPeriodKeyOf({ year, term })}#`;
    const page = await evaluationsRoot().evaluations.list({ ...(periodPrefix === undefined ? {} : { periodPrefix }), limit, ...(cursor === undefined ? {} : { cursor }), withTotal: true });
    return { body: { items: page.items.map(evaluationSummaryOf), nextCursor: page.nextCursor, total: page.total } };
  },
});
