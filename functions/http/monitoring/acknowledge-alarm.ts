import { moveAlarmRoute } from './move-alarm.js';

/** MON-2: the duty officer has seen the alarm (within its severity's SLA). */
export const acknowledgeAlarm = moveAlarmRoute('acknowledge', 'Acknowledge a mine alarm (MON-2)');
