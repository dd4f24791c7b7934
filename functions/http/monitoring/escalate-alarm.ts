import { moveAlarmRoute } from './move-alarm.js';

/** MON-2: the alarm needs more than the duty officer (a reason is optional). */
export const escalateAlarm = moveAlarmRoute('escalate', 'Escalate a mine alarm (MON-2)');
