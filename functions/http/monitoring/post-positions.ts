import { MONITORING_SOURCE } from '../../../domain/identity/access.js';
import { checkPosition, positionRecord, zoneExceedancesOf } from '../../../domain/monitoring/positions.js';
import { partitionChecked } from '../../../domain/monitoring/readings.js';
import { defineRoute } from '../../middleware/route.js';
import { monitoringRoot } from './composition-root.js';
import { raiseAlarm, storeRecords } from './ingest.js';
import { ingestResultSchema, positionsBody } from './schemas.js';
import { sourceOfKey } from './source-of-key.js';

/**
 * MON-1 人员定位, MON-2: a mine's positioning system posts up to 500 positions (tag, zone, coordinates in metres,
 * instant) with its API key — checked one by one, stored like readings (sharded by tag, a minute per item, the rule
 * set's TTL), idempotent per tag and instant, late ones marked. A zone the insurer gave a limit opens or extends
 * its alarm when the persons in it reach the limit.
 */
export const postPositions = defineRoute({
  method: 'POST',
  path: '/api/v1/monitoring/positions',
  access: MONITORING_SOURCE,
  summary: 'Post personnel positions of a mine (MON-1 人员定位; x-api-key of a data source)',
  tags: ['monitoring'],
  body: positionsBody,
  response: ingestResultSchema,
  // Idempotent by itself (per tag and instant).
  idempotent: false,
  authenticate: sourceOfKey,
  async handle(input) {
    const { source, monitoring } = await sourceOfKey(input.headers);
    const { clock, rules: rulesInForce } = monitoringRoot();
    const rules = await rulesInForce();
    const now = clock.now().getTime();
    const checked = partitionChecked(input.body.positions, (raw, index) => checkPosition(raw, index, now, rules.readingRetentionDays));
    const good = checked.good.map(positionRecord);
    const { rejected } = checked;
    const stored = good.length === 0 ? { accepted: [], duplicates: 0, late: 0 } : await storeRecords(monitoring, source, good, rules, now, 'positions');
    for (const exceedance of zoneExceedancesOf(stored.accepted, source)) await raiseAlarm(monitoring, source, exceedance, rules);
    return { body: { accepted: stored.accepted.length, duplicates: stored.duplicates, late: stored.late, rejected } };
  },
});
