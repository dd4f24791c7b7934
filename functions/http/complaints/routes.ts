import type { RouteSpec } from '../../middleware/route.js';
import { acceptMyComplaintReply } from './accept-complaint-reply.js';
import { escalateMyComplaint } from './escalate-my-complaint.js';
import { extendComplaint } from './extend-complaint.js';
import { fileComplaint } from './file-complaint.js';
import { getComplaint } from './get-complaint.js';
import { getMyComplaint } from './get-my-complaint.js';
import { listComplaints } from './list-complaints.js';
import { listEscalatedComplaints } from './list-escalated-complaints.js';
import { listInsurersForEnterprise } from './list-insurers.js';
import { listMyComplaints } from './list-my-complaints.js';
import { receiveComplaint } from './receive-complaint.js';
import { recordEscalation } from './record-escalation.js';
import { replyToComplaint } from './reply-to-complaint.js';
import { requireVerification } from './require-verification.js';

/** The complaints context (CMP-1..8): the insurer's inbox, the enterprise's side, the regulators' view. */
export const complaintRoutes: readonly RouteSpec[] = [
  receiveComplaint,
  listComplaints,
  getComplaint,
  requireVerification,
  extendComplaint,
  replyToComplaint,
  recordEscalation,
  listInsurersForEnterprise,
  fileComplaint,
  listMyComplaints,
  getMyComplaint,
  acceptMyComplaintReply,
  escalateMyComplaint,
  listEscalatedComplaints,
];
