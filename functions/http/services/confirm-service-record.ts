import { INSURER } from '../../../domain/identity/access.js';
import { confirmRecordBody, serviceSchema } from '../../../domain/services/service.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadService } from './load-service.js';
import { serviceIdParams } from './schemas.js';
import { signRecordStep } from './sign-record-step.js';

/**
 * SVC-9 (由双方确认后归档), SVC-13: the insurer's own signature on the record. The enterprise's is never made
 * here — an insurer alone would take the record to archived — but by the enterprise's own user
 * (confirm-my-record.ts) or, for an enterprise without an account, captured on site (capture-on-site-signature.ts).
 */
export const confirmServiceRecord = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/confirm',
  access: INSURER,
  summary: "Sign the record for the insurer; CONFIRMED once the enterprise has signed too (SVC-9, SVC-13)",
  tags: ['services'],
  params: serviceIdParams,
  body: confirmRecordBody,
  response: serviceSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    return { body: await signRecordStep(tenant.services, service, { ...input.body, party: 'INSURER' }, userId) };
  },
});
