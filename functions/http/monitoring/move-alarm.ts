import { INSURER } from '../../../domain/identity/access.js';
import { moveAlarm } from '../../../domain/monitoring/alarm.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { monitoringRoot } from './composition-root.js';
import { loadAlarm } from './load-alarm.js';
import { alarmIdParams, alarmSchema, moveAlarmBody } from './schemas.js';

/** MON-2: a duty-board move as a route — acknowledge, escalate, or close (with a reason). */
export const moveAlarmRoute = (move: 'acknowledge' | 'escalate' | 'close', summary: string) =>
  defineRoute({
    method: 'POST',
    path: `/api/v1/monitoring/alarms/{alarmId}/${move}`,
    access: INSURER,
    summary,
    tags: ['monitoring'],
    params: alarmIdParams,
    body: moveAlarmBody,
    response: alarmSchema,
    async handle(input) {
      const { tenantId, userId } = callerOf(input, 'insurer');
      const { monitoring, alarm } = await loadAlarm(tenantId, input.params.alarmId);
      const reason = input.body?.reason;
      const moved = moveAlarm(alarm, move, { by: userId, now: monitoringRoot().clock.now(), ...(reason === undefined ? {} : { reason }) });
      await monitoring.saveAlarm(moved.state, moved.events, alarm.version);
      return { body: moved.state };
    },
  });
