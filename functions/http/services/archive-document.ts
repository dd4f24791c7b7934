import { tenantArchive } from '../../../domain/archive/archive-store.js';
import type { ArchiveRecord, ArchiveRecordKind, ArchiveSubject } from '../../../domain/services/archive-record.schema.js';
import { servicesRoot } from './composition-root.js';

const utf8 = new TextEncoder();

/**
 * SVC-10: one document written to the write-once archive under `tenants/<tenant>/archives/<archiveId>/`, and
 * the record the table keeps of it (key, SHA-256, retain-until). A service record (SVC-9) and a hazard notice
 * (SVC-7) are archived the same way; the record is stored by the caller, in the transaction of its change.
 */
export async function archiveDocument(request: {
  readonly tenantId: string;
  readonly archiveId: string;
  readonly kind: ArchiveRecordKind;
  readonly document: { readonly fileName: string; readonly contentType: string; readonly body: string };
  readonly subject: ArchiveSubject;
  readonly policyId: string;
  readonly enterpriseUscc: string;
  readonly retainUntil: Date;
  readonly now: Date;
  readonly by: string;
}): Promise<ArchiveRecord> {
  const { tenantId, archiveId, document, now } = request;
  const key = `tenants/${tenantId}/archives/${archiveId}/${document.fileName}`;
  const stored = await servicesRoot()
    .archive(tenantArchive(tenantId))
    .put({ key, body: utf8.encode(document.body), contentType: document.contentType, retainUntil: request.retainUntil, now });
  return {
    archiveId,
    tenantId,
    kind: request.kind,
    key,
    sha256: stored.sha256,
    size: stored.size,
    contentType: document.contentType,
    subject: request.subject,
    policyId: request.policyId,
    enterpriseUscc: request.enterpriseUscc,
    retainUntil: stored.retainUntil,
    archivedAt: now.toISOString(),
    archivedBy: request.by,
  };
}

/** The insurer's legal name, as its notices and records state it. */
export async function insurerNameOf(tenantId: string): Promise<string> {
  const tenant = await servicesRoot().tenants.getTenant(tenantId);
  return tenant?.name ?? tenantId;
}
