import * as z from 'zod/mini';
import { retainUntilFor, type ArchiveStore, type UploadTicket } from '../../domain/archive/archive-store.js';
import type { Clock } from '../../domain/kernel/clock.js';
import type { ArchiveSubject, EvidenceUpload } from '../../domain/services/archive-record.schema.js';
import type { EvidenceUploadInput } from '../../domain/services/evidence.schema.js';

/** How long an upload ticket stays usable: long enough for a phone on a mine's network, short enough to expire unused. */
const TICKET_SECONDS = 15 * 60;

/** The answer of every upload-ticket route (SVC-13 evidence, QUAL-4 filing documents, CLM-1 claim documents). */
export const uploadTicketAnswer = z.object({
  uploadId: z.string(),
  ticket: z.object({
    key: z.string(),
    url: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  }),
});

/** A file name safe inside an archive key; the name as given is kept on the upload item. */
export function safeFileName(fileName: string): string {
  const clean = (part: string) => part.normalize('NFKC').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  // The stem and the extension are cleaned apart, so a name written only in Chinese keeps its extension: 现场.png → file.png.
  const match = /^(.*[^.])\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  const stem = clean(match?.[1] ?? fileName).slice(0, 90) || 'file';
  const extension = match?.[2] ?? '';
  return extension === '' ? stem : `${stem}.${extension}`;
}

/** What issuing a ticket needs from the context that issues it (its own composition root gives these). */
export interface UploadTicketPorts {
  readonly archive: ArchiveStore;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
  /** Records the upload item, so a record can later cite the upload only for its subject and only once its bytes are there. */
  readonly createUpload: (upload: EvidenceUpload) => Promise<void>;
}

/**
 * SVC-13: a one-time ticket to upload one file straight to the write-once archive — never through a Lambda body —
 * under `tenants/<tenantId>/uploads/`, retained for the rule set's archive years. The same mechanism carries
 * QUAL-4's filing documents and CLM-1's claim documents.
 */
export async function issueUploadTicket(
  ports: UploadTicketPorts,
  request: { tenantId: string; subject: ArchiveSubject; body: EvidenceUploadInput; retentionYears: number; by: string },
): Promise<{ uploadId: string; ticket: UploadTicket }> {
  const now = ports.clock.now();
  const uploadId = ports.newId(now);
  const key = `tenants/${request.tenantId}/uploads/${uploadId}/${safeFileName(request.body.fileName)}`;
  const retainUntil = retainUntilFor(now, request.retentionYears);
  const ticket = await ports.archive.presignUpload({
    key,
    contentType: request.body.contentType,
    sha256: request.body.sha256,
    size: request.body.size,
    retainUntil,
    now,
    expiresInSeconds: TICKET_SECONDS,
  });
  await ports.createUpload({
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
  });
  return { uploadId, ticket };
}
