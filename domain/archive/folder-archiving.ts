import type { Complaint } from '../complaints/complaint.js';
import type { ArchiveRecord, ArchiveRecordKind, ArchiveSubject } from '../services/archive-record.schema.js';
import type { Policy } from '../underwriting/policy.js';
import { ArchiveExists, type ArchiveStore } from './archive-store.js';
import type { FolderArchiveRecords } from './folder.js';
import type { FolderFile } from './folder-documents.js';

const utf8 = new TextEncoder();

/**
 * SVC-10: one document of the enterprise's folder into the write-once archive
 * (`tenants/<tenant>/archives/<archiveId>/<file>`, retained until `retainUntil`, object lock on AWS), and its
 * record (key, SHA-256, retain-until, the policy's index entry) with `archive.document.archived`.
 *
 * Once per archive id: a record already there is answered as it is (a replayed event archives nothing more);
 * bytes already stored without their record (a crash between the two writes) are recorded with the digest of
 * what the store holds — the object is write-once, so the first bytes are the document.
 */
export async function archiveFolderFile(
  ports: { readonly archive: ArchiveStore; readonly records: FolderArchiveRecords },
  request: {
    readonly tenantId: string;
    readonly archiveId: string;
    readonly kind: ArchiveRecordKind;
    readonly file: (archivedAt: string) => FolderFile;
    readonly subject: ArchiveSubject;
    readonly policyId: string;
    readonly enterpriseUscc: string;
    readonly retainUntil: Date;
    readonly now: Date;
    readonly by: string;
  },
): Promise<{ readonly record: ArchiveRecord; readonly created: boolean }> {
  const { tenantId, archiveId, now } = request;
  const existing = await ports.records.record(tenantId, archiveId);
  if (existing) return { record: existing, created: false };
  const file = request.file(now.toISOString());
  const key = `tenants/${tenantId}/archives/${archiveId}/${file.fileName}`;
  let stored;
  try {
    stored = await ports.archive.put({ key, body: utf8.encode(file.body), contentType: file.contentType, retainUntil: request.retainUntil, now });
  } catch (error) {
    if (!(error instanceof ArchiveExists)) throw error;
    stored = await ports.archive.head(key);
    if (!stored) throw error;
  }
  const record: ArchiveRecord = {
    archiveId,
    tenantId,
    kind: request.kind,
    key,
    sha256: stored.sha256,
    size: stored.size,
    contentType: stored.contentType,
    subject: request.subject,
    policyId: request.policyId,
    enterpriseUscc: request.enterpriseUscc,
    retainUntil: stored.retainUntil,
    archivedAt: stored.storedAt,
    archivedBy: request.by,
  };
  const created = await ports.records.create(record);
  if (created) return { record, created };
  return { record: (await ports.records.record(tenantId, archiveId)) ?? record, created };
}

/**
 * SVC-10: the policy year a complaint is filed under in the folder — the policy it names when it is one of the
 * insurer's policies of the enterprise; otherwise the policy in force on the day it was received; otherwise the
 * newest that had started by then. None (a complaint from an enterprise the insurer never insured): undefined.
 */
export function complaintPolicyOf(complaint: Pick<Complaint, 'policyId' | 'receivedOn'>, policies: readonly Policy[]): Policy | undefined {
  const named = policies.find((policy) => policy.id === complaint.policyId);
  if (named) return named;
  const day = complaint.receivedOn;
  const started = policies.filter((policy) => policy.periodStart <= day).sort((a, b) => b.periodStart.localeCompare(a.periodStart));
  return started.find((policy) => day <= policy.periodEnd) ?? started[0];
}
