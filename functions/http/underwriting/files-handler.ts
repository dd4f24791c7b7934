import { createHttpHandler } from '../../middleware/http-handler.js';
import { underwritingFileRoutes } from './file-routes.js';

/** Lambda entry of the underwriting file routes (QUAL-4 uploads and filing): the only underwriting function that carries the S3 client. */
export const handler = createHttpHandler(underwritingFileRoutes);
