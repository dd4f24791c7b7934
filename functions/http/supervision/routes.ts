import type { RouteSpec } from '../../middleware/route.js';
import { accessRecorded } from './access-recorded.js';
import { answerNotice } from './answer-notice.js';
import { closeNotice } from './close-notice.js';
import { issueNotice } from './issue-notice.js';
import { getInsurerQualification } from './get-insurer-qualification.js';
import { listAccessLog } from './list-access-log.js';
import { listInsurerComplaints } from './list-insurer-complaints.js';
import { listInsurerHazards } from './list-insurer-hazards.js';
import { listInsurerLedger } from './list-insurer-ledger.js';
import { listNotices } from './list-notices.js';
import { listRegulatorNotices } from './list-regulator-notices.js';
import { getInsurerFees } from './get-insurer-fees.js';
import { getOverview } from './get-overview.js';
import { getWorkbench } from './get-workbench.js';
import { getInsurerPolicy } from './get-insurer-policy.js';
import { getInsurerService } from './get-insurer-service.js';
import { listInsurerPolicies } from './list-insurer-policies.js';
import { listInsurerServices } from './list-insurer-services.js';
import { listInsurers } from './list-insurers.js';

/**
 * Issue 14: the regulators' read-only view of every insurer's work (ACL-2, ACL-4) — GET only on insurers' data —
 * and the 督办 notices, which are the regulators' own records beside it (SUP-1..SUP-5).
 */
export const supervisionRoutes: readonly RouteSpec[] = [
  getOverview,
  listInsurers,
  listInsurerPolicies,
  getInsurerPolicy,
  listInsurerServices,
  getInsurerService,
  getInsurerFees,
  listInsurerHazards,
  listInsurerLedger,
  getInsurerQualification,
  listInsurerComplaints,
]
  // Issue 14 (access log): every read of one insurer's data is recorded in that insurer's log.
  .map((route) => (route.path.includes('/regulator/insurers/{tenantId}') ? accessRecorded(route) : route))
  // SUP-1..SUP-5: the 督办 notices, both sides, and the insurer admin's access log (the context's only writes).
  .concat([issueNotice, listRegulatorNotices, closeNotice, listNotices, answerNotice, listAccessLog])
  // Issue 14: the insurer's workbench, its own to-dos and open 督办 (tenant from the token).
  .concat([getWorkbench]);
