import { noticeAfterEvaluation } from '../../../domain/evaluations/evaluation.rules.js';
import { BLACKLIST_WRITE } from '../../../domain/identity/access.js';
import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { listInsurer } from '../../../domain/register/blacklist.rules.js';
import { blacklistEntryViewSchema } from '../../../domain/register/blacklist.schema.js';
import { isActiveOn } from '../../../domain/register/blacklist.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { actorOf } from '../register/register-actor.js';
import { evaluationsRoot } from './composition-root.js';
import { evaluationNoticeBody, evaluationParams } from './schemas.js';

/**
 * BLK-1, RPT-3: a failed evaluation offers the 通报 — the insurer listed on the one blacklist (the register's,
 * `register.blacklist_entry.listed` with it), its reason published and the evaluation named in the listing.
 * Only a published evaluation below the pass mark, and one active listing per evaluation.
 */
export const noticeEvaluationRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/evaluations/{evaluationId}/notice',
  access: BLACKLIST_WRITE,
  summary: 'Issue the BLK-1 notice (通报, blacklist listing) after a failed evaluation (RPT-3)',
  tags: ['regulator'],
  params: evaluationParams,
  body: evaluationNoticeBody,
  response: blacklistEntryViewSchema,
  successStatus: 201,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const root = evaluationsRoot();
    const evaluation = await root.evaluations.get(input.params.evaluationId);
    if (!evaluation) throw new NotFound('evaluation');
    const now = root.clock.now();
    const today = shanghaiDateOf(now);
    noticeAfterEvaluation(evaluation, await root.blacklist.entriesOf(evaluation.tenantId), today);
    const { state: entry, events } = listInsurer(
      { insurerTenantId: evaluation.tenantId, reason: input.body.reason, ...(input.body.until === undefined ? {} : { until: input.body.until }) },
      { id: root.newId(now), listedBy: actorOf(caller).regulatorId, today, now, evaluationId: evaluation.id },
    );
    await root.blacklist.create(entry, events);
    return { body: { ...entry, activeToday: isActiveOn(entry, today) } };
  },
});
