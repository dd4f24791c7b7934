import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadAlarm } from './load-alarm.js';
import { alarmIdParams, alarmSchema } from './schemas.js';

/** MON-2: one alarm with its history. */
export const getAlarm = defineRoute({
  method: 'GET',
  path: '/api/v1/monitoring/alarms/{alarmId}',
  access: INSURER,
  summary: 'One mine alarm and its history (MON-2)',
  tags: ['monitoring'],
  params: alarmIdParams,
  response: alarmSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    return { body: (await loadAlarm(tenantId, input.params.alarmId)).alarm };
  },
});
