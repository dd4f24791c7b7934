import { INSURER } from '../../../domain/identity/access.js';
import { shanghaiMinuteOf } from '../../../domain/kernel/calendar/local-date.js';
import { linkInspection } from '../../../domain/monitoring/alarm.js';
import { MONITORING_KIND_NAMES_ZH } from '../../../domain/monitoring/kinds.js';
import { scheduleServiceBody } from '../../../domain/services/service.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { scheduleService } from '../services/schedule-service.js';
import { monitoringRoot } from './composition-root.js';
import { loadAlarm } from './load-alarm.js';
import { alarmIdParams, inspectionBody } from './schemas.js';
import * as z from 'zod/mini';

const SEVERITY_ZH = { MAJOR: '重大', WARNING: '一般' } as const;

/**
 * MON-2, SVC-5: one click turns an alarm into a hazard inspection (隐患排查) on its policy — scheduled now by the
 * insurer's own team through the services context's own schedule use case (its rules, numbering and events), its
 * planned items naming the alarm; the alarm keeps the service's id. A second click answers the same service.
 */
export const createInspection = defineRoute({
  method: 'POST',
  path: '/api/v1/monitoring/alarms/{alarmId}/inspection',
  access: INSURER,
  summary: 'Turn an alarm into a hazard inspection on its policy (MON-2, SVC-5)',
  tags: ['monitoring'],
  params: alarmIdParams,
  body: inspectionBody,
  response: z.object({ serviceId: z.string() }),
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { monitoring, alarm } = await loadAlarm(tenantId, input.params.alarmId);
    if (alarm.serviceId) return { status: 200, body: { serviceId: alarm.serviceId } };
    const now = monitoringRoot().clock.now();
    const what = `${MONITORING_KIND_NAMES_ZH[alarm.kind]}${SEVERITY_ZH[alarm.severity]}报警`;
    const body = scheduleServiceBody.parse({
      policyId: alarm.policyId,
      type: 'HAZARD_INSPECTION',
      scheduledAt: now.toISOString(),
      provider: { kind: 'OWN' },
      plannedItems: [`监测报警隐患排查：${what}（测点 ${alarm.sensorId}，报警编号 ${alarm.id}）`],
      plannedMeasures: `核查${shanghaiMinuteOf(alarm.openedAt)}起的${what}${alarm.peak === undefined ? '' : `（峰值 ${alarm.peak} ${alarm.unit}）`}，排查原因并督促整改。`,
      ...(input.body?.planItem === undefined ? {} : { planItem: input.body.planItem }),
    });
    const scheduled = await scheduleService.handle({ ...input, params: {}, query: {}, body });
    const serviceId = (scheduled.body as { id: string }).id;
    // SVC-9: the service's link back to the alarm too, so that its archive carries the alarm.
    await monitoring.linkInspection(linkInspection(alarm, serviceId, { by: userId, now }), alarm.version);
    return { body: { serviceId } };
  },
});
