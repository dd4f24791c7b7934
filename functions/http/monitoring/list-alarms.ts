import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { monitoringRoot } from './composition-root.js';
import { alarmSchema, listAlarmsQuery } from './schemas.js';

/** MON-2: the insurer's 24-hour duty board — its alarms newest first, by status and severity. */
export const listAlarms = defineRoute({
  method: 'GET',
  path: '/api/v1/monitoring/alarms',
  access: INSURER,
  summary: "The insurer's mine alarms, newest first (MON-2 duty board)",
  tags: ['monitoring'],
  query: listAlarmsQuery,
  response: pageOf(alarmSchema),
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { monitoring } = await monitoringRoot().forTenant(tenantId);
    const { limit, cursor, status, severity } = input.query;
    return { body: await monitoring.listAlarms(tenantId, { limit, cursor, status, severity, withTotal: true }) };
  },
});
