import { ENTERPRISE } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { monitoringRoot } from './composition-root.js';
import { alarmSchema, listMyAlarmsQuery } from './schemas.js';
import * as z from 'zod/mini';

/**
 * ACL-1, ACL-5: what the enterprise is shown of an alarm — the insurer's tenant id, record version and the ids of
 * the insurer's staff in its history stay with the insurer (parsing strips every key the schema does not name).
 */
const myAlarmSchema = z.object({
  ...alarmSchema.def.shape,
  history: z.array(z.object({ action: z.string(), at: z.string(), reason: z.optional(z.string()), serviceId: z.optional(z.string()) })),
});

/** MON-2, ACL-5: the enterprise's own mine's alarms, whichever insurer's source raised them. */
export const listMyAlarms = defineRoute({
  method: 'GET',
  path: '/api/v1/my/alarms',
  access: ENTERPRISE,
  summary: "The enterprise's mine alarms (MON-2)",
  tags: ['enterprise'],
  query: listMyAlarmsQuery,
  response: pageOf(myAlarmSchema),
  async handle(input) {
    const { uscc } = callerOf(input, 'enterprise');
    const { limit, cursor, status } = input.query;
    const page = await (await monitoringRoot().forEnterprise(uscc)).listForEnterprise(uscc, { limit, cursor, status, withTotal: true });
    return { body: { ...page, items: page.items.map((alarm) => z.parse(myAlarmSchema, alarm)) } };
  },
});
