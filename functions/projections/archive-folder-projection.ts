import { retainUntilFor, type ArchiveStore } from '../../domain/archive/archive-store.js';
import { archiveFolderFile, complaintPolicyOf } from '../../domain/archive/folder-archiving.js';
import {
  ARCHIVED_COMPLAINT_STATUSES,
  complaintDocument,
  complaintDocumentArchiveId,
  policyDocument,
  policyDocumentArchiveId,
} from '../../domain/archive/folder-documents.js';
import type { FolderArchiveRecords } from '../../domain/archive/folder.js';
import type { Complaint } from '../../domain/complaints/complaint.js';
import { complaintEvents } from '../../domain/complaints/events.js';
import type { Clock } from '../../domain/kernel/clock.js';
import { recordedRuleSet } from '../../domain/kernel/rule-set/rule-set-registry.js';
import type { RuleSetSource } from '../../domain/kernel/rule-set/rule-set-source.port.js';
import { policyCancelled, policyEndorsed, policyIssued } from '../../domain/underwriting/events.js';
import type { Policy } from '../../domain/underwriting/policy.js';

/** Who archives what the projection archives: the platform's projection, not a person. */
export const FOLDER_PROJECTION_ACTOR = 'platform:archive-folder';

/** What the folder projection reads and writes (SVC-10), typed by the domain's ports. */
export interface FolderProjectionPorts {
  readonly policy: (tenantId: string, policyId: string) => Promise<Policy | undefined>;
  readonly complaint: (tenantId: string, complaintId: string) => Promise<Complaint | undefined>;
  /** The insurer's own (lead) policies of the enterprise. */
  readonly policiesOf: (tenantId: string, uscc: string) => Promise<readonly Policy[]>;
  readonly insurerName: (tenantId: string) => Promise<string>;
  readonly records: FolderArchiveRecords;
  /** The write-once archive in the insurer's own session (its `tenants/<tenantId>/` prefix only, ARCHITECTURE.md §3). */
  readonly archiveFor: (tenantId: string) => ArchiveStore;
  readonly ruleSets: RuleSetSource;
  readonly clock: Clock;
}

/** The events that put a document in the enterprise's folder. */
export const FOLDER_EVENTS: ReadonlySet<string> = new Set([
  policyIssued.name,
  policyEndorsed.name,
  policyCancelled.name,
  complaintEvents.replied.name,
  complaintEvents.accepted.name,
  complaintEvents.escalated.name,
]);

/**
 * SVC-10 (issue 18): the enterprise's folder follows the events — an issued, endorsed or cancelled policy archives
 * its 保险合同 at that version (the 批单 and the 退保 are part of the contract); a complaint answered (REPLIED) or closed (ACCEPTED, ESCALATED) archives the complaint
 * with its reply at that status. Each document's archive id is fixed by what it records (archiveFolderFile), so
 * an event delivered twice, or replayed, archives it once. The aggregate is read as it is now: a document the
 * aggregate has moved past (a policy endorsed again before its event was projected) is archived at the state it
 * has now, under that state's id.
 *
 * @returns the archive id written, or undefined when the event archives nothing.
 */
export async function projectArchiveFolder(
  event: { readonly type: string; readonly tenantId?: string; readonly aggregateId: string },
  ports: FolderProjectionPorts,
): Promise<string | undefined> {
  const { tenantId } = event;
  if (!tenantId || !FOLDER_EVENTS.has(event.type)) return undefined;
  const now = ports.clock.now();
  if (event.type.startsWith('underwriting.policy.')) {
    const policy = await ports.policy(tenantId, event.aggregateId);
    // A co-insurance member's read-only copy is the lead's to archive (ACL-1): only the lead's own record.
    if (!policy || policy.tenantId !== tenantId) return undefined;
    const archiveId = policyDocumentArchiveId(policy);
    const ruleSet = recordedRuleSet(await ports.ruleSets.versions(policy), policy, 'the policy');
    const insurerName = await ports.insurerName(tenantId);
    await archiveFolderFile({ archive: ports.archiveFor(tenantId), records: ports.records }, {
      tenantId,
      archiveId,
      kind: 'POLICY',
      file: (archivedAt) => policyDocument(policy, { archiveId, archivedAt, insurerName }),
      subject: { kind: 'POLICY', id: policy.id },
      policyId: policy.id,
      enterpriseUscc: policy.enterprise.uscc,
      retainUntil: retainUntilFor(now, ruleSet.archiveRetentionYears),
      now,
      by: FOLDER_PROJECTION_ACTOR,
    });
    return archiveId;
  }
  const complaint = await ports.complaint(tenantId, event.aggregateId);
  if (!complaint || !ARCHIVED_COMPLAINT_STATUSES.includes(complaint.status)) return undefined;
  const policy = complaintPolicyOf(complaint, await ports.policiesOf(tenantId, complaint.enterpriseUscc));
  // The folder is kept per policy year: a complaint from an enterprise this insurer never insured has none.
  if (!policy) return undefined;
  const archiveId = complaintDocumentArchiveId(complaint);
  const ruleSet = recordedRuleSet(await ports.ruleSets.versions(complaint), complaint, 'the complaint');
  const insurerName = await ports.insurerName(tenantId);
  await archiveFolderFile({ archive: ports.archiveFor(tenantId), records: ports.records }, {
    tenantId,
    archiveId,
    kind: 'COMPLAINT',
    file: (archivedAt) => complaintDocument(complaint, policy.id, { archiveId, archivedAt, insurerName }),
    subject: { kind: 'COMPLAINT', id: complaint.id },
    policyId: policy.id,
    enterpriseUscc: complaint.enterpriseUscc,
    retainUntil: retainUntilFor(now, ruleSet.archiveRetentionYears),
    now,
    by: FOLDER_PROJECTION_ACTOR,
  });
  return archiveId;
}
