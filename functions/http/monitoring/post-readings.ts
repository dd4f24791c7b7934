import { MONITORING_SOURCE } from '../../../domain/identity/access.js';
import { exceedancesOf } from '../../../domain/monitoring/evaluate.js';
import { checkReading, partitionChecked } from '../../../domain/monitoring/readings.js';
import { defineRoute } from '../../middleware/route.js';
import { monitoringRoot } from './composition-root.js';
import { raiseAlarm, storeRecords } from './ingest.js';
import { ingestResultSchema, readingsBody } from './schemas.js';
import { sourceOfKey } from './source-of-key.js';

/**
 * MON-1, MON-2: a mine's system posts up to 500 readings with its API key. Each record is checked on its own
 * (a bad one is answered with its index, field and rule; the good ones are kept); a reading already stored for
 * the sensor and instant is a duplicate; one older than the rule set's window is stored and marked late. New
 * readings beyond their threshold open or extend the sensor's alarm.
 */
export const postReadings = defineRoute({
  method: 'POST',
  path: '/api/v1/monitoring/readings',
  access: MONITORING_SOURCE,
  summary: 'Post readings of a mine (MON-2; x-api-key of a data source)',
  tags: ['monitoring'],
  body: readingsBody,
  response: ingestResultSchema,
  // Idempotent by itself (per sensor and instant); the user-keyed Idempotency-Key store has no user here.
  idempotent: false,
  authenticate: sourceOfKey,
  async handle(input) {
    const { source, monitoring } = await sourceOfKey(input.headers);
    const { clock, rules: rulesInForce } = monitoringRoot();
    const rules = await rulesInForce();
    const now = clock.now().getTime();
    const { good, rejected } = partitionChecked(input.body.readings, (raw, index) => checkReading(raw, index, now, rules.readingRetentionDays));
    const stored = good.length === 0 ? { accepted: [], duplicates: 0, late: 0 } : await storeRecords(monitoring, source, good, rules, now, 'readings');
    for (const exceedance of exceedancesOf(stored.accepted, source, rules)) await raiseAlarm(monitoring, source, exceedance, rules);
    return { body: { accepted: stored.accepted.length, duplicates: stored.duplicates, late: stored.late, rejected } };
  },
});
