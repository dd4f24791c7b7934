import { retainUntilFor, type UploadTicket } from '../../../domain/archive/archive-store.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import type { ArchiveRecordRepository } from '../../../domain/services/archive-record.repository.js';
import type { ArchiveSubject, EvidenceUpload } from '../../../domain/services/archive-record.schema.js';
import type { EvidenceInput, EvidenceItem, EvidenceUploadInput } from '../../../domain/services/evidence.schema.js';
import { servicesRoot } from './composition-root.js';

/** How long an upload ticket stays usable: long enough for a phone on a mine's network, short enough to expire unused. */
const TICKET_SECONDS = 15 * 60;

/** A file name safe inside an archive key; the name as given is kept on the upload item. */
export function safeFileName(fileName: string): string {
  const clean = (part: string) => part.normalize('NFKC').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  // The stem and the extension are cleaned apart, so a name written only in Chinese keeps its extension: 现场.png → file.png.
  const match = /^(.*[^.])\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  const stem = clean(match?.[1] ?? fileName).slice(0, 90) || 'file';
  const extension = match?.[2] ?? '';
  return extension === '' ? stem : `${stem}.${extension}`;
}

/**
 * SVC-13: a one-time ticket to upload one file straight to the write-once archive — never through a Lambda
 * body. The upload item remembers what the file must be and what it is for, so a record can cite it only for
 * that subject and only once the bytes are there with the declared digest.
 */
export async function issueUpload(
  repository: ArchiveRecordRepository,
  request: { tenantId: string; subject: ArchiveSubject; body: EvidenceUploadInput; ruleSet: RuleSet; by: string },
): Promise<{ uploadId: string; ticket: UploadTicket }> {
  const { clock, newId, archive } = servicesRoot();
  const now = clock.now();
  const uploadId = newId(now);
  const key = `tenants/${request.tenantId}/uploads/${uploadId}/${safeFileName(request.body.fileName)}`;
  const retainUntil = retainUntilFor(now, request.ruleSet.archiveRetentionYears);
  const ticket = await archive().presignUpload({
    key,
    contentType: request.body.contentType,
    sha256: request.body.sha256,
    size: request.body.size,
    retainUntil,
    now,
    expiresInSeconds: TICKET_SECONDS,
  });
  const upload: EvidenceUpload = {
    id: uploadId,
    tenantId: request.tenantId,
    key,
    sha256: request.body.sha256,
    size: request.body.size,
    contentType: request.body.contentType,
    fileName: request.body.fileName,
    subject: request.subject,
    retainUntil: retainUntil.toISOString(),
    createdAt: now.toISOString(),
    createdBy: request.by,
  };
  await repository.createUpload(upload);
  return { uploadId, ticket };
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
  const store = servicesRoot().archive();
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
