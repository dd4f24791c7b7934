import { ENTERPRISE } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { monitoringRoot } from './composition-root.js';
import { alarmSchema, listMyAlarmsQuery } from './schemas.js';

/** MON-2, ACL-5: the enterprise's own mine's alarms, whichever insurer's source raised them. */
export const listMyAlarms = defineRoute({
  method: 'GET',
  path: '/api/v1/my/alarms',
  access: ENTERPRISE,
  summary: "The enterprise's mine alarms (MON-2)",
  tags: ['enterprise'],
  query: listMyAlarmsQuery,
  response: pageOf(alarmSchema),
  async handle(input) {
    const { uscc } = callerOf(input, 'enterprise');
    const { limit, cursor, status } = input.query;
    return { body: await monitoringRoot().enterpriseAlarms.listForEnterprise(uscc, { limit, cursor, status, withTotal: true }) };
  },
});
