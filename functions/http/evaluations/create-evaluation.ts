import { draftEvaluation } from '../../../domain/evaluations/evaluation.rules.js';
import { assertPeriodOver, evaluationPeriodKeyOf, evaluationPeriodOf } from '../../../domain/evaluations/period.js';
import { EVALUATION_WRITE } from '../../../domain/identity/access.js';
import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { actorOf } from '../register/register-actor.js';
import { evaluationsRoot } from './composition-root.js';
import { computeItemsFor, sheetFor } from './evaluation-figures.js';
import { createEvaluationBody, evaluationDetailOf, evaluationDetailSchema } from './schemas.js';

/**
 * RPT-3: the city EMB opens its evaluation of an insurer for a half-year or the previous year — the rule set's
 * score sheet with the computed items filled from the insurer's records and their evidence; the manual items
 * are then scored (`PATCH`) and the evaluation published. A period already published is corrected by a new
 * revision, never changed.
 */
export const createEvaluationRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/evaluations',
  access: EVALUATION_WRITE,
  summary: 'Open the evaluation of an insurer for a period, computed items filled (RPT-3; the city EMB)',
  tags: ['regulator'],
  body: createEvaluationBody,
  response: evaluationDetailSchema,
  successStatus: 201,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const root = evaluationsRoot();
    const tenant = await root.tenants.getTenant(input.body.tenantId);
    if (!tenant) throw new NotFound('insurer');
    const now = root.clock.now();
    const versions = await root.ruleSets.versions();
    const period = evaluationPeriodOf(input.body.year, input.body.term, selectRuleSet(versions, shanghaiDateOf(now)).regulatorEvaluationDue);
    assertPeriodOver(period, shanghaiDateOf(now));
    const series = await root.evaluations.series(tenant.id, evaluationPeriodKeyOf(period));
    const { sheet, ruleSetVersion } = await sheetFor(root, period);
    const insurer = { tenantId: tenant.id, insurerName: tenant.name };
    const change = draftEvaluation({
      id: root.newId(now),
      ...insurer,
      period,
      sheet,
      ruleSetVersion,
      // A period's newest draft is refused before its records are read (409 RPT-3).
      computed: series?.latestStatus === 'DRAFT' ? new Map() : await computeItemsFor(root, caller, insurer, period, sheet),
      series,
      by: actorOf(caller).regulatorId,
      now,
    });
    await root.evaluations.create(change, series);
    return { body: evaluationDetailOf(change.state, []) };
  },
});
