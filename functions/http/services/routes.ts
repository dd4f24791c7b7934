import type { RouteSpec } from '../../middleware/route.js';
import { archiveOutsourcingContract } from './archive-outsourcing-contract.js';
import { archiveService } from './archive-service.js';
import { cancelService } from './cancel-service.js';
import { captureOnSiteSignature } from './capture-on-site-signature.js';
import { completeService } from './complete-service.js';
import { confirmMyRecord } from './confirm-my-record.js';
import { confirmMySchedule } from './confirm-my-schedule.js';
import { confirmSchedule } from './confirm-schedule.js';
import { confirmServiceRecord } from './confirm-service-record.js';
import { followUpService } from './follow-up-service.js';
import { generateArchiveFolderLedgerExtract } from './generate-archive-folder-ledger-extract.js';
import { getArchive } from './get-archive.js';
import { getArchiveFolder } from './get-archive-folder.js';
import { getArchiveFolderDocument } from './get-archive-folder-document.js';
import { getEnterpriseAccount } from './get-enterprise-account.js';
import { getHazard } from './get-hazard.js';
import { getMyHazard } from './get-my-hazard.js';
import { getMyService } from './get-my-service.js';
import { getPolicyObligations } from './get-policy-obligations.js';
import { listObligations } from './list-obligations.js';
import { getPolicyRisk } from './get-policy-risk.js';
import { getService } from './get-service.js';
import { getServicePlan } from './get-service-plan.js';
import { listHazards } from './list-hazards.js';
import { listMyHazards } from './list-my-hazards.js';
import { listMyServices } from './list-my-services.js';
import { listRegulatorHazards } from './list-regulator-hazards.js';
import { listServices } from './list-services.js';
import { putServicePlan } from './put-service-plan.js';
import { recordRectification } from './record-rectification.js';
import { reportMyRectification } from './report-my-rectification.js';
import { hazardEvidenceUpload } from './request-hazard-evidence-upload.js';
import { myHazardEvidenceUpload } from './request-my-hazard-evidence-upload.js';
import { requestOutsourcingContractUpload } from './request-outsourcing-contract-upload.js';
import { serviceEvidenceUpload } from './request-service-evidence-upload.js';
import { scheduleService } from './schedule-service.js';
import { verifyArchive } from './verify-archive.js';
import { verifyArchiveFolderDocument } from './verify-archive-folder-document.js';
import { verifyHazard } from './verify-hazard.js';

/**
 * The prevention-services context (SVC-1..13), one use case per file: plans, services, hazards, archives, the
 * enterprise's side (ACL-5) and the regulators' read-only hazard view.
 */
export const serviceRoutes: readonly RouteSpec[] = [
  // SVC-4, SVC-12, SVC-1/2/11: the policy's plan, risk grade and obligations
  putServicePlan,
  getServicePlan,
  getPolicyRisk,
  getPolicyObligations,
  listObligations,
  // SVC-3..10, SVC-13: a service's lifecycle
  scheduleService,
  listServices,
  getService,
  confirmSchedule,
  serviceEvidenceUpload,
  completeService,
  followUpService,
  confirmServiceRecord,
  captureOnSiteSignature,
  getEnterpriseAccount,
  archiveService,
  cancelService,
  // SVC-7: hazards
  listHazards,
  getHazard,
  hazardEvidenceUpload,
  recordRectification,
  verifyHazard,
  // SVC-10: archives
  getArchive,
  verifyArchive,
  // SVC-10 (issue 18): the enterprise's archive folder, for its insurer and the regulators in scope
  getArchiveFolder,
  getArchiveFolderDocument,
  verifyArchiveFolderDocument,
  generateArchiveFolderLedgerExtract,
  requestOutsourcingContractUpload,
  archiveOutsourcingContract,
  // ACL-5: the enterprise's side
  listMyServices,
  getMyService,
  confirmMySchedule,
  confirmMyRecord,
  listMyHazards,
  getMyHazard,
  myHazardEvidenceUpload,
  reportMyRectification,
  // SVC-7, ACL-2/ACL-4: the regulators' view
  listRegulatorHazards,
];
