import * as z from 'zod/mini';
import { idField, strictObject } from '../kernel/schema-parts.js';
import { described, instant, NAME_MAX, text } from './service-fields.js';
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_EXTENSIONS, fileNameFitsContentType, isEvidenceContentType } from './evidence-types.js';
import { EVIDENCE_KINDS } from './service.js';

/** SVC-13: one evidence file, a short site video included; longer material is out of scope for a record's evidence. */
export const EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;
/** SVC-13: evidence items a record or a closure cites. */
export const MAX_EVIDENCE_ITEMS = 50;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** SVC-13: where the device was when the evidence was captured. */
export const geoLocationSchema = z.object({ latitude: z.number(), longitude: z.number(), accuracyMeters: z.optional(z.number()) });
export type GeoLocation = z.output<typeof geoLocationSchema>;

/**
 * SVC-13: one piece of evidence — a file uploaded straight to the write-once archive (never through a Lambda
 * body) — with who captured it, when and where, as the capturing device reported.
 */
export const evidenceItemSchema = z.object({
  id: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  archiveKey: described(z.string(), 'Key in the archive store'),
  sha256: described(z.string(), 'Hex SHA-256 of the file'),
  size: z.number(),
  contentType: z.string(),
  fileName: z.optional(z.string()),
  capturedAt: described(z.string(), 'ISO 8601 instant from the device'),
  capturedBy: z.string(),
  location: z.optional(geoLocationSchema),
});
export type EvidenceItem = z.output<typeof evidenceItemSchema>;

/**
 * SVC-13: `POST …/evidence-uploads` — a ticket to upload one file straight to the write-once archive. Only the
 * evidence types of `evidence-types.ts` are given a ticket, by content type and by the file name's extension
 * together (issue 12 #9: HTML, SVG, scripts and executables were accepted).
 */
export const evidenceUploadBody = strictObject({
  fileName: text('SVC-13: fileName is required', 200),
  contentType: described(
    z
      .string('SVC-13: contentType is required')
      .check(z.refine(isEvidenceContentType, `SVC-13: contentType must be an evidence type: ${EVIDENCE_CONTENT_TYPES.join(', ')}`)),
    'SVC-13: photos (jpeg, png, webp, heic), PDF, office documents (docx, xlsx, pptx, doc, xls) or video (mp4, mov)',
  ),
  size: z
    .int('SVC-13: size must be the file size in bytes')
    .check(z.gte(1, 'SVC-13: size must be at least 1 byte'), z.lte(EVIDENCE_MAX_BYTES, `SVC-13: size must be at most ${EVIDENCE_MAX_BYTES} bytes`)),
  sha256: described(
    z.string('SVC-13: sha256 is required').check(z.regex(SHA256_HEX, 'SVC-13: sha256 must be the lower-case hex SHA-256 of the file')),
    'Lower-case hex SHA-256 of the file',
  ),
}).check(
  z.refine((body) => !isEvidenceContentType(body.contentType) || fileNameFitsContentType(body.fileName, body.contentType), {
    path: ['fileName'],
    message: `SVC-13: fileName must end in an extension of its contentType (${EVIDENCE_EXTENSIONS.map((extension) => `.${extension}`).join(', ')})`,
  }),
);
export type EvidenceUploadInput = z.output<typeof evidenceUploadBody>;

/** SVC-13: a device's position as sent (evidence, a signature captured on site). */
export const geoLocationBody = strictObject({
  latitude: z.number('SVC-13: location.latitude must be a number').check(z.gte(-90, 'SVC-13: latitude must be -90..90'), z.lte(90, 'SVC-13: latitude must be -90..90')),
  longitude: z
    .number('SVC-13: location.longitude must be a number')
    .check(z.gte(-180, 'SVC-13: longitude must be -180..180'), z.lte(180, 'SVC-13: longitude must be -180..180')),
  accuracyMeters: z.optional(z.number().check(z.gte(0, 'SVC-13: accuracyMeters cannot be negative'))),
});

/** SVC-13: a file already uploaded with an upload ticket, and how it was captured. */
export const evidenceBody = strictObject({
  uploadId: described(idField('SVC-13: uploadId'), 'From the upload ticket'),
  kind: z.enum(EVIDENCE_KINDS, `SVC-13: kind must be one of ${EVIDENCE_KINDS.join(', ')}`),
  capturedAt: instant('capturedAt', 'SVC-13'),
  capturedBy: text('SVC-13: capturedBy is required: who captured the evidence', NAME_MAX),
  location: z.optional(geoLocationBody),
});
export type EvidenceInput = z.output<typeof evidenceBody>;
