import type { Complaint } from '../../../domain/complaints/complaint.js';
import type { ComplaintRepository } from '../../../domain/complaints/complaint.repository.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { complaintsRoot } from './composition-root.js';

/** A tenant's complaint, or the same 404 whether it is missing or another tenant's (ACL-1). */
export async function loadComplaint(
  tenantId: string,
  complaintId: string,
): Promise<{ repository: ComplaintRepository; complaint: Complaint }> {
  const repository = await complaintsRoot().forTenant(tenantId);
  const complaint = await repository.get(tenantId, complaintId);
  if (!complaint) throw new NotFound('complaint');
  return { repository, complaint };
}

/** An enterprise's complaint by id (GSI3, exact key): another enterprise's answers 404 like a missing one (ACL-5). */
export async function loadOwnComplaint(uscc: string, complaintId: string): Promise<Complaint> {
  const complaint = await complaintsRoot().views.getForEnterprise(uscc, complaintId);
  if (!complaint) throw new NotFound('complaint');
  return complaint;
}
