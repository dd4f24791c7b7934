import { INSURER } from '../../../domain/identity/access.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { publicSource } from '../../../domain/monitoring/source.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { monitoringRoot } from './composition-root.js';
import { loadSource } from './load-source.js';
import { forgetSource } from './source-of-key.js';
import { sourceIdParams, sourceWithKeySchema } from './schemas.js';

/** MON-2: a new key for the source, shown once; the old one is refused from this moment. */
export const rotateSourceKey = defineRoute({
  method: 'POST',
  path: '/api/v1/monitoring/sources/{sourceId}/rotate',
  access: INSURER,
  summary: "Rotate a data source's API key (MON-2)",
  tags: ['monitoring'],
  params: sourceIdParams,
  response: sourceWithKeySchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { monitoring, source } = await loadSource(tenantId, input.params.sourceId);
    if (source.status !== 'ACTIVE') throw new RuleViolation('MON-2', 'sourceId', 'MON-2: a revoked source gets no new key; register a new source', 409);
    const issued = monitoringRoot().apiKeys.issue();
    const rotated = { ...source, keyPrefix: issued.keyPrefix, keyHash: issued.keyHash, version: source.version + 1 };
    await monitoring.saveSource(rotated, source.version, { retiredPrefix: source.keyPrefix });
    forgetSource(source);
    return { body: { source: publicSource(rotated), apiKey: issued.apiKey } };
  },
});
