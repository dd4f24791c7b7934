import type { RouteSpec } from '../../middleware/route.js';
import { fileQualification } from './file-qualification.js';
import { requestQualificationDocumentUpload } from './qualification-documents.js';

/**
 * QUAL-4's routes that reach the write-once archive, in the underwriting file function
 * (functions/http/underwriting/files-handler.ts): the upload ticket (S3 presigner) and the filing, whose
 * evidence documents are checked against the stored bytes (S3 HeadObject). Apart from routes.ts, so that the
 * context's everyday function, which bundles routes.ts, never reaches the S3 client:
 * test/functions/http/file-functions.test.ts.
 */
export const underwritingFileRoutes: readonly RouteSpec[] = [fileQualification, requestQualificationDocumentUpload];
