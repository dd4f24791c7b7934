import { INSURER } from '../../../domain/identity/access.js';
import { RuleViolation, ValidationFailed } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { monitoringRoot } from './composition-root.js';
import { loadSource } from './load-source.js';
import { readingsPageSchema, readingsQuery, sourceIdParams } from './schemas.js';

/** The longest span one request reads: an hour is 60 stored minutes, one BatchGetItem. */
const MAX_SPAN_MS = 3_600_000;

/** MON-2: one sensor's readings of a source over at most an hour, in time order, late ones marked. */
export const listReadings = defineRoute({
  method: 'GET',
  path: '/api/v1/monitoring/sources/{sourceId}/readings',
  access: INSURER,
  summary: "A sensor's readings over at most an hour, in time order (MON-2)",
  tags: ['monitoring'],
  params: sourceIdParams,
  query: readingsQuery,
  response: readingsPageSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { monitoring, source } = await loadSource(tenantId, input.params.sourceId);
    const { sensorId, from } = input.query;
    if (sensorId === undefined) throw new ValidationFailed([{ field: 'query.sensorId', message: 'sensorId is required' }]);
    if (from === undefined) throw new ValidationFailed([{ field: 'query.from', message: 'from is required' }]);
    const fromMs = Date.parse(from);
    const toMs = input.query.to === undefined ? Math.min(fromMs + MAX_SPAN_MS, monitoringRoot().clock.now().getTime()) : Date.parse(input.query.to);
    if (toMs < fromMs || toMs - fromMs > MAX_SPAN_MS) throw new RuleViolation('MON-2', 'to', 'MON-2: to is after from, at most an hour later', 400);
    const readings = await monitoring.readingsOf(tenantId, source.id, sensorId, fromMs, toMs);
    return { body: { items: readings.map((reading) => ({ at: new Date(reading.atMs).toISOString(), value: reading.value, late: reading.late })) } };
  },
});
