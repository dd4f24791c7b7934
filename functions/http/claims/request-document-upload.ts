import * as z from 'zod/mini';
import { retainUntilFor } from '../../../domain/archive/archive-store.js';
import { INSURER } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { PUBLISHED_RULE_SETS } from '../../../domain/kernel/rule-set/published.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import type { EvidenceUpload } from '../../../domain/services/archive-record.schema.js';
import { evidenceUploadBody } from '../../../domain/services/evidence.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { safeFileName } from '../services/evidence.js';
import { claimsFilesRoot } from './files-composition-root.js';

/** How long a ticket stays usable, as for SVC-13 evidence. */
const TICKET_SECONDS = 15 * 60;

/**
 * CLM-1: a one-time ticket to upload one document of a claim (accident report, bills, certificates) straight to the
 * write-once archive; the claim then cites the upload id as `archiveId` with the file's SHA-256.
 */
export const requestClaimDocumentUpload = defineRoute({
  method: 'POST',
  path: '/api/v1/claims/document-uploads',
  access: INSURER,
  summary: 'A ticket to upload one claim document to the write-once archive (CLM-1)',
  tags: ['claims'],
  body: evidenceUploadBody,
  response: z.object({
    uploadId: z.string(),
    ticket: z.object({ key: z.string(), url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
  }),
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { forTenant, archive, clock, newId } = claimsFilesRoot();
    const now = clock.now();
    const uploadId = newId(now);
    const key = `tenants/${tenantId}/uploads/${uploadId}/${safeFileName(input.body.fileName)}`;
    const retainUntil = retainUntilFor(now, selectRuleSet(PUBLISHED_RULE_SETS, todayOf(clock)).archiveRetentionYears);
    const ticket = await archive().presignUpload({
      key,
      contentType: input.body.contentType,
      sha256: input.body.sha256,
      size: input.body.size,
      retainUntil,
      now,
      expiresInSeconds: TICKET_SECONDS,
    });
    const upload: EvidenceUpload = {
      id: uploadId,
      tenantId,
      key,
      sha256: input.body.sha256,
      size: input.body.size,
      contentType: input.body.contentType,
      fileName: input.body.fileName,
      subject: { kind: 'CLAIM', id: tenantId },
      retainUntil: retainUntil.toISOString(),
      createdAt: now.toISOString(),
      createdBy: userId,
    };
    await (await forTenant(tenantId)).uploads.createUpload(upload);
    return { body: { uploadId, ticket } };
  },
});
