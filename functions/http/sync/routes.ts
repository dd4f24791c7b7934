import type { RouteSpec } from '../../middleware/route.js';
import { getReconciliation } from './get-reconciliation.js';
import { listRegulatorSyncRecords } from './list-regulator-sync-records.js';
import { listSyncRecords } from './list-sync-records.js';
import { retrySyncRecord } from './retry-sync-record.js';

/** SYNC-1: the provincial sync's states, retries and reconciliation (insurers), and the regulators' view. */
export const syncRoutes: readonly RouteSpec[] = [listSyncRecords, retrySyncRecord, getReconciliation, listRegulatorSyncRecords];
