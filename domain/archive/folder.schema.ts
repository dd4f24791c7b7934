import * as z from 'zod/mini';
import { idField, strictObject } from '../kernel/schema-parts.js';
import { usccSchema } from '../kernel/uscc.js';
import { FOLDER_DOCUMENT_KINDS, FOLDER_SUBJECT_KINDS } from './folder.js';

const docIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'SVC-10: docId must be a document id of the folder'));

/** `/archive/enterprises/{uscc}` (SVC-10): the enterprise, by its USCC. */
export const folderParams = z.object({ uscc: usccSchema });
/** `/archive/enterprises/{uscc}/documents/{docId}`. */
export const folderDocumentParams = z.object({ uscc: usccSchema, docId: docIdSchema });
const policyIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'SVC-10: policyId must be the id of a policy of this enterprise'));
/** `/archive/enterprises/{uscc}/policies/{policyId}/ledger-extract` (SVC-10, FEE-2). */
export const folderPolicyParams = z.object({ uscc: usccSchema, policyId: policyIdSchema });
/** SVC-10, REG-2: `POST /services/{serviceId}/outsourcing-contracts` — the uploaded contract file to archive. */
export const outsourcingContractBody = strictObject({ uploadId: idField('uploadId', 'SVC-10') });
/** `?year=`: the policy year (the year the policy's period starts); left out, every year. */
export const folderQuery = z.object({
  year: z.optional(
    z.coerce
      .number('SVC-10: year must be a policy year such as 2026')
      .check(z.int('SVC-10: year must be a policy year such as 2026'), z.gte(2000, 'SVC-10: year must be 2000 or later'), z.lte(2100, 'SVC-10: year must be 2100 or earlier')),
  ),
});

export const folderDocumentSchema = z.object({
  docId: z.string(),
  kind: z.enum(FOLDER_DOCUMENT_KINDS),
  tenantId: z.string(),
  policyId: z.string(),
  subject: z.object({ kind: z.enum(FOLDER_SUBJECT_KINDS), id: z.string() }),
  fileName: z.string(),
  sha256: z.string().check(z.meta({ description: 'Hex SHA-256 recorded when archived or uploaded' })),
  size: z.optional(z.number()),
  contentType: z.optional(z.string()),
  at: z.string().check(z.meta({ description: 'Archived (a document) or captured (evidence)' })),
  retainUntil: z.optional(z.string().check(z.meta({ description: 'SVC-10: kept unchanged until then' }))),
  superseded: z.optional(z.boolean().check(z.meta({ description: 'An earlier revision or version of an EVALUATION' }))),
});

/** SVC-10: the enterprise's archive folder (档案夹) as the caller may see it. */
export const folderSchema = z.object({
  uscc: z.string(),
  enterpriseName: z.string(),
  year: z.optional(z.int()),
  policies: z.array(
    z.object({ id: z.string(), tenantId: z.string(), policyNumber: z.string(), periodStart: z.string(), periodEnd: z.string(), year: z.int() }),
  ),
  documents: z.array(folderDocumentSchema),
});

/** A short-lived link that saves one archived file (an attachment, never rendered inline). */
export const folderDownloadSchema = z.object({
  docId: z.string(),
  fileName: z.string(),
  url: z.string(),
  method: z.literal('GET'),
  expiresAt: z.string(),
});

/** SVC-10: the SHA-256 of the bytes read back now against the one recorded. */
export const folderVerificationSchema = z.object({
  docId: z.string(),
  sha256: z.string(),
  actualSha256: z.optional(z.string().check(z.meta({ description: 'Absent when the bytes are missing' }))),
  matches: z.boolean(),
  checkedAt: z.string(),
});
