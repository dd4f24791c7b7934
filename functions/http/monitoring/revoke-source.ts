import { INSURER } from '../../../domain/identity/access.js';
import { publicSource } from '../../../domain/monitoring/source.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadSource } from './load-source.js';
import { forgetSource } from './source-of-key.js';
import { sourceIdParams, sourceSchema } from './schemas.js';

/** MON-2: the source's key is refused (401) from its next request; its readings and alarms stay. */
export const revokeSource = defineRoute({
  method: 'POST',
  path: '/api/v1/monitoring/sources/{sourceId}/revoke',
  access: INSURER,
  summary: 'Revoke a data source (MON-2)',
  tags: ['monitoring'],
  params: sourceIdParams,
  response: sourceSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { monitoring, source } = await loadSource(tenantId, input.params.sourceId);
    if (source.status === 'REVOKED') return { body: publicSource(source) };
    const revoked = { ...source, status: 'REVOKED' as const, version: source.version + 1 };
    await monitoring.saveSource(revoked, source.version);
    forgetSource(source);
    return { body: publicSource(revoked) };
  },
});
