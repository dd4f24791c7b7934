import { moveAlarmRoute } from './move-alarm.js';

/** MON-2: the alarm is dealt with — closing needs a reason. */
export const closeAlarm = moveAlarmRoute('close', 'Close a mine alarm with a reason (MON-2)');
