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
  const complaint = await (await complaintsRoot().forEnterprise(uscc)).complaints.getForEnterprise(uscc, complaintId);
  if (!complaint) throw new NotFound('complaint');
  return complaint;
}

/**
 * ACL-5, issue 21: the enterprise's own complaint as its insurer's partition holds it, with that insurer's
 * tenant-scoped repository for the enterprise's act on it. The enterprise view (GSI3) only says which complaint;
 * the record is read again through the tenant session and must still be this enterprise's — the tenant is not
 * taken from the view's copy alone. Anything else answers 404 and nothing is written.
 */
export async function loadOwnComplaintAtInsurer(uscc: string, complaintId: string): Promise<{ repository: ComplaintRepository; complaint: Complaint }> {
  const seen = await loadOwnComplaint(uscc, complaintId);
  const repository = await complaintsRoot().forTenant(seen.tenantId);
  const complaint = await repository.get(seen.tenantId, complaintId);
  if (!complaint || complaint.enterpriseUscc !== uscc) throw new NotFound('complaint');
  return { repository, complaint };
}
