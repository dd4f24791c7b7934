import { tenantArchive, type UploadTicket } from '../../../domain/archive/archive-store.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import type { ArchiveRecordRepository } from '../../../domain/services/archive-record.repository.js';
import type { ArchiveSubject } from '../../../domain/services/archive-record.schema.js';
import type { EvidenceInput, EvidenceItem, EvidenceUploadInput } from '../../../domain/services/evidence.schema.js';
import { issueUploadTicket } from '../upload-ticket.js';
import { servicesRoot } from './composition-root.js';

/**
 * SVC-13: a one-time ticket to upload one file of a service or hazard straight to the write-once archive (the
 * shared mechanism of ../upload-ticket.ts, with this context's archive, clock and upload repository).
 */
export async function issueUpload(
  repository: ArchiveRecordRepository,
  request: { tenantId: string; subject: ArchiveSubject; body: EvidenceUploadInput; ruleSet: RuleSet; by: string },
): Promise<{ uploadId: string; ticket: UploadTicket }> {
  const { clock, newId, archive } = servicesRoot();
  return issueUploadTicket(
    { archive: archive(tenantArchive(request.tenantId)), clock, newId, createUpload: (upload) => repository.createUpload(upload) },
    { tenantId: request.tenantId, subject: request.subject, body: request.body, retentionYears: request.ruleSet.archiveRetentionYears, by: request.by },
  );
}

/**
 * SVC-13: the evidence a record cites, each checked: the upload was given out for this subject, and the store
 * holds its bytes with the digest declared at upload. Anything else is a 409 naming `<field>.<i>.uploadId`.
 */
export async function resolveEvidence(
  repository: ArchiveRecordRepository,
  tenantId: string,
  subject: ArchiveSubject,
  inputs: readonly EvidenceInput[],
  field: string,
): Promise<EvidenceItem[]> {
  if (inputs.length === 0) return [];
  const uploads = new Map((await repository.getUploads(tenantId, inputs.map((input) => input.uploadId))).map((upload) => [upload.id, upload]));
  const store = servicesRoot().archive(tenantArchive(tenantId));
  const heads = await Promise.all(inputs.map((input) => {
    const upload = uploads.get(input.uploadId);
    return upload ? store.head(upload.key) : undefined;
  }));
  return inputs.map((input, index) => {
    const at = `${field}.${index}.uploadId`;
    const upload = uploads.get(input.uploadId);
    if (!upload || upload.subject.kind !== subject.kind || upload.subject.id !== subject.id) {
      throw new RuleViolation('SVC-13', at, `SVC-13: no upload ${input.uploadId} was given out for this ${subject.kind.toLowerCase()}`, 409);
    }
    const stored = heads[index];
    if (!stored) throw new RuleViolation('SVC-13', at, `SVC-13: the file of upload ${input.uploadId} has not been uploaded yet`, 409);
    if (stored.sha256 !== upload.sha256) {
      throw new RuleViolation('SVC-13', at, `SVC-13: the stored file of upload ${input.uploadId} does not have the SHA-256 declared for it`, 409);
    }
    return {
      id: upload.id,
      kind: input.kind,
      archiveKey: upload.key,
      sha256: upload.sha256,
      size: stored.size,
      contentType: upload.contentType,
      fileName: upload.fileName,
      capturedAt: input.capturedAt,
      capturedBy: input.capturedBy,
      ...(input.location === undefined ? {} : { location: input.location }),
    };
  });
}
