import { INSURER } from '../../../domain/identity/access.js';
import { onSiteSignatureBody, serviceSchema } from '../../../domain/services/service.schema.js';
import { captureOnSiteSignature as capture } from '../../../domain/services/service-sign-off.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { servicesRoot } from './composition-root.js';
import { loadService } from './load-service.js';
import { serviceIdParams } from './schemas.js';

/**
 * SVC-9, SVC-13: the enterprise's signer signs on the insurer staff's device — only where the enterprise has no
 * account of its own (else 409: it signs through its login), and flagged on the record wherever it is shown.
 */
export const captureOnSiteSignature = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/on-site-signature',
  access: INSURER,
  summary: "Capture the enterprise's signature on site, for an enterprise without an account; flagged (SVC-9, SVC-13)",
  tags: ['services'],
  params: serviceIdParams,
  body: onSiteSignatureBody,
  response: serviceSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    const root = servicesRoot();
    const enterpriseHasAccount = await root.enterpriseAccounts.hasActiveAccount(service.enterprise.uscc);
    const { state: signed, events } = capture(service, input.body, { now: root.clock.now(), by: userId, enterpriseHasAccount });
    await tenant.services.saveService(signed, service.version, events);
    return { body: signed };
  },
});
