import { INSURER } from '../../../domain/identity/access.js';
import { recordRefusal, recordRefusalBody, refusalSchema } from '../../../domain/underwriting/refusal.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { underwritingRoot } from './composition-root.js';
import { enterpriseSnapshot } from './enterprise-snapshot.js';

/**
 * UW-12 (Annex 2 art. 4, 无正当理由不得拒保): the insurer records that it declined an enterprise on the register,
 * with the reason and an explanation; regulators see it. One transaction with `underwriting.refusal.recorded`.
 */
export const recordRefusalRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/refusals',
  access: INSURER,
  summary: 'Record a refusal to insure an enterprise on the register, with its reason (UW-12: 无正当理由不得拒保)',
  tags: ['underwriting'],
  body: recordRefusalBody,
  response: refusalSchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { forTenant, clock, newId } = underwritingRoot();
    const now = clock.now();
    const [{ refusals }, enterprise] = await Promise.all([forTenant(tenantId), enterpriseSnapshot(input.body.enterpriseUscc)]);
    const { state, events } = recordRefusal(input.body, { id: newId(now), tenantId, by: userId, now, enterprise });
    await refusals.create(state, events);
    return { body: state };
  },
});
