import { recomputeItems, scoreManualItems } from '../../../domain/evaluations/evaluation.rules.js';
import type { Evaluation } from '../../../domain/evaluations/evaluation.js';
import type { Changed } from '../../../domain/kernel/events.js';
import { EVALUATION_WRITE } from '../../../domain/identity/access.js';
import { NotFound, RuleViolation } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { actorOf } from '../register/register-actor.js';
import { evaluationsRoot } from './composition-root.js';
import { computeItemsFor, sheetFor } from './evaluation-figures.js';
import { evaluationDetailOf, evaluationDetailSchema, evaluationParams, patchEvaluationBody } from './schemas.js';

/**
 * RPT-3: the city EMB scores a draft's manual items by hand, each with its reason, and may recompute its
 * computed items from today's records. A published evaluation never changes (409).
 */
export const scoreEvaluationRoute = defineRoute({
  method: 'PATCH',
  path: '/api/v1/regulator/evaluations/{evaluationId}',
  access: EVALUATION_WRITE,
  summary: "Score a draft evaluation's manual items with reasons, or recompute its computed items (RPT-3)",
  tags: ['regulator'],
  params: evaluationParams,
  body: patchEvaluationBody,
  response: evaluationDetailSchema,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const root = evaluationsRoot();
    const evaluation = await root.evaluations.get(input.params.evaluationId);
    if (!evaluation) throw new NotFound('evaluation');
    const { items, recompute } = input.body;
    if ((items === undefined || items.length === 0) && recompute !== true) {
      throw new RuleViolation('RPT-3', 'items', 'RPT-3: give the manual items scored (items) or recompute: true', 400);
    }
    const now = root.clock.now();
    let change: Changed<Evaluation> | undefined;
    if (recompute === true) {
      const { sheet } = await sheetFor(root, evaluation.period);
      change = recomputeItems(evaluation, await computeItemsFor(root, caller, evaluation, evaluation.period, sheet), now);
    }
    if (items !== undefined && items.length > 0) {
      // One change, one version and one event, whether or not the computed items were recomputed first.
      change = scoreManualItems(change ? { ...change.state, version: evaluation.version } : evaluation, items, { by: actorOf(caller).regulatorId, now });
    }
    await root.evaluations.save(change!, evaluation.version);
    return { body: evaluationDetailOf(change!.state, []) };
  },
});
