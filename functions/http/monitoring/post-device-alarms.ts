import { MONITORING_SOURCE } from '../../../domain/identity/access.js';
import { deviceExceedancesOf } from '../../../domain/monitoring/evaluate.js';
import { checkDeviceAlarm, partitionChecked } from '../../../domain/monitoring/readings.js';
import { defineRoute } from '../../middleware/route.js';
import { monitoringRoot } from './composition-root.js';
import { raiseAlarm, storeRecords } from './ingest.js';
import { deviceAlarmsBody, ingestResultSchema } from './schemas.js';
import { sourceOfKey } from './source-of-key.js';

/**
 * MON-1, MON-2: a mine's devices' own alarms (industrial video's AI, a sensor's local alarm), posted like
 * readings: checked one by one, idempotent per sensor and instant, late ones marked; each new one opens or
 * extends the sensor's alarm on the duty board.
 */
export const postDeviceAlarms = defineRoute({
  method: 'POST',
  path: '/api/v1/monitoring/alarms',
  access: MONITORING_SOURCE,
  summary: "Post a mine's device alarms, e.g. video AI (MON-2; x-api-key of a data source)",
  tags: ['monitoring'],
  body: deviceAlarmsBody,
  response: ingestResultSchema,
  idempotent: false,
  authenticate: sourceOfKey,
  async handle(input) {
    const { source, monitoring } = await sourceOfKey(input.headers);
    const { clock, rules: rulesInForce } = monitoringRoot();
    const rules = await rulesInForce();
    const now = clock.now().getTime();
    const { good, rejected } = partitionChecked(input.body.alarms, (raw, index) => checkDeviceAlarm(raw, index, now, rules.readingRetentionDays));
    const asRecords = good.map((alarm) => ({ sensorId: alarm.sensorId, kind: alarm.kind, value: 1, unit: '次', atMs: alarm.atMs }));
    const stored = good.length === 0 ? { accepted: [], duplicates: 0, late: 0 } : await storeRecords(monitoring, source, asRecords, rules, now, 'alarms');
    const fresh = new Set(stored.accepted.map((record) => `${record.sensorId}|${record.atMs}`));
    const newAlarms = good.filter((alarm) => fresh.has(`${alarm.sensorId}|${alarm.atMs}`));
    for (const exceedance of deviceExceedancesOf(newAlarms)) await raiseAlarm(monitoring, source, exceedance, rules);
    return { body: { accepted: stored.accepted.length, duplicates: stored.duplicates, late: stored.late, rejected } };
  },
});
