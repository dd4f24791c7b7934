import type { RouteSpec } from '../../middleware/route.js';
import { getArchive, verifyArchive } from './archive-routes.js';
import { archiveService } from './archive-service.js';
import { completeService } from './complete-service.js';
import {
  confirmMyRecord,
  confirmMySchedule,
  getMyHazard,
  getMyService,
  listMyHazards,
  listMyServices,
  myHazardEvidenceUpload,
  reportMyRectification,
} from './enterprise-services.js';
import { getHazard, hazardEvidenceUploadRoute, listHazards, recordRectification, verifyHazard } from './hazard-routes.js';
import { getPolicyObligations, getPolicyRisk, getServicePlan, putServicePlan } from './plan-routes.js';
import { listRegulatorHazards } from './regulator-hazards.js';
import { scheduleService } from './schedule-service.js';
import { getService, listServices } from './service-queries.js';
import { cancelService, confirmSchedule, confirmServiceRecord, followUpService, serviceEvidenceUpload } from './service-steps.js';

/**
 * The prevention-services context (SVC-1..13): plans, services, hazards, archives, the enterprise's side and the
 * regulators' read-only hazard view.
 */
export const serviceRoutes: readonly RouteSpec[] = [
  putServicePlan,
  getServicePlan,
  getPolicyRisk,
  getPolicyObligations,
  scheduleService,
  listServices,
  getService,
  confirmSchedule,
  serviceEvidenceUpload,
  completeService,
  followUpService,
  confirmServiceRecord,
  archiveService,
  cancelService,
  listHazards,
  getHazard,
  hazardEvidenceUploadRoute,
  recordRectification,
  verifyHazard,
  getArchive,
  verifyArchive,
  listMyServices,
  getMyService,
  confirmMySchedule,
  confirmMyRecord,
  listMyHazards,
  getMyHazard,
  myHazardEvidenceUpload,
  reportMyRectification,
  listRegulatorHazards,
];
