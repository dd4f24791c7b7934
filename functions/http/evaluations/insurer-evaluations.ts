import type { Evaluation } from '../../../domain/evaluations/evaluation.js';
import { insurerViewOf } from '../../../domain/evaluations/evaluation.rules.js';
import { INSURER } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { evaluationsRoot, type EvaluationsRoot } from './composition-root.js';
import {
  evaluationDetailOf,
  evaluationDetailSchema,
  evaluationPageSchema,
  evaluationParams,
  evaluationSummaryOf,
  insurerEvaluationsQuery,
} from './schemas.js';

/**
 * ACL-1: the insurer's own published evaluation — another insurer's, or a draft, answers 404 like a missing one
 * (the tenant comes from the token; the regulators' working paper is not the insurer's to see).
 */
export async function ownPublished(root: Pick<EvaluationsRoot, 'evaluations'>, tenantId: string, evaluationId: string): Promise<Evaluation & { published: NonNullable<Evaluation['published']> }> {
  const evaluation = await root.evaluations.get(evaluationId);
  if (!evaluation || evaluation.tenantId !== tenantId || evaluation.status !== 'PUBLISHED' || !evaluation.published) throw new NotFound('evaluation');
  return evaluation as Evaluation & { published: NonNullable<Evaluation['published']> };
}

/** RPT-3: the insurer's published evaluations (考核结果), newest period first. */
export const listOwnEvaluationsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/evaluations',
  access: INSURER,
  summary: "The insurer's published evaluations by the city EMB and the NFRA (RPT-3)",
  tags: ['evaluations'],
  query: insurerEvaluationsQuery,
  response: evaluationPageSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { limit, cursor } = input.query;
    const page = await evaluationsRoot().evaluations.listPublished(tenantId, { limit, ...(cursor === undefined ? {} : { cursor }), withTotal: true });
    return { body: { items: page.items.map(evaluationSummaryOf), nextCursor: page.nextCursor, total: page.total } };
  },
});

/** RPT-3: one published evaluation of the insurer, every item with its points and evidence or reason. */
export const getOwnEvaluationRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/evaluations/{evaluationId}',
  access: INSURER,
  summary: 'One of the insurer’s published evaluations with its items (RPT-3)',
  tags: ['evaluations'],
  params: evaluationParams,
  response: evaluationDetailSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    return { body: evaluationDetailOf(insurerViewOf(await ownPublished(evaluationsRoot(), tenantId, input.params.evaluationId))) };
  },
});
