import { EVALUATION_OVERSIGHT } from '../../../domain/identity/access.js';
import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { evaluationsRoot } from './composition-root.js';
import { noticesOf } from './evaluation-figures.js';
import { evaluationDetailOf, evaluationDetailSchema, evaluationParams } from './schemas.js';

/** RPT-3: one evaluation with every item's points and evidence or reason, and the BLK-1 通报 that followed it. */
export const getEvaluationRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/evaluations/{evaluationId}',
  access: EVALUATION_OVERSIGHT,
  summary: 'An evaluation with its items, evidence and reasons (RPT-3)',
  tags: ['regulator'],
  params: evaluationParams,
  response: evaluationDetailSchema,
  async handle(input) {
    callerOf(input, 'regulator');
    const root = evaluationsRoot();
    const evaluation = await root.evaluations.get(input.params.evaluationId);
    if (!evaluation) throw new NotFound('evaluation');
    return { body: evaluationDetailOf(evaluation, await noticesOf(root, evaluation, shanghaiDateOf(root.clock.now()))) };
  },
});
