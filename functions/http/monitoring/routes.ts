import type { RouteSpec } from '../../middleware/route.js';
import { acknowledgeAlarm } from './acknowledge-alarm.js';
import { closeAlarm } from './close-alarm.js';
import { createInspection } from './create-inspection.js';
import { createSource } from './create-source.js';
import { escalateAlarm } from './escalate-alarm.js';
import { getAlarm } from './get-alarm.js';
import { listAlarms } from './list-alarms.js';
import { listMyAlarms } from './list-my-alarms.js';
import { listReadings } from './list-readings.js';
import { listSources } from './list-sources.js';
import { postDeviceAlarms } from './post-device-alarms.js';
import { postPositions } from './post-positions.js';
import { postReadings } from './post-readings.js';
import { putThresholds } from './put-thresholds.js';
import { revokeSource } from './revoke-source.js';
import { rotateSourceKey } from './rotate-source-key.js';

/** The monitoring context (MON-1, MON-2): data sources and their keys, ingest, thresholds, the duty board. */
export const monitoringRoutes: readonly RouteSpec[] = [
  createSource,
  listSources,
  rotateSourceKey,
  revokeSource,
  putThresholds,
  listReadings,
  postReadings,
  postDeviceAlarms,
  postPositions,
  listAlarms,
  getAlarm,
  acknowledgeAlarm,
  escalateAlarm,
  closeAlarm,
  createInspection,
  listMyAlarms,
];
