import type { Complaint } from '../../api';

/**
 * Who works a complaint in the console: the insurer it is addressed to (its inbox, CMP-1…6) or the enterprise
 * that filed it (我的投诉, ACL-5). The regulators read escalated complaints on a page of their own.
 */
export type ComplaintAudience = 'insurer' | 'enterprise';

/** Each audience's list route; a complaint's page is the list's path and its id. */
export const COMPLAINT_LIST_PATHS: Readonly<Record<ComplaintAudience, string>> = {
  insurer: '/insurer/complaints',
  enterprise: '/my/complaints',
};

/**
 * The page of one complaint for an audience.
 * @example complaintPath('enterprise', complaint) // '/my/complaints/c-1'
 */
export const complaintPath = (audience: ComplaintAudience, complaint: Pick<Complaint, 'id'>): string =>
  `${COMPLAINT_LIST_PATHS[audience]}/${encodeURIComponent(complaint.id)}`;
