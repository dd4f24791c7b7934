import { createHttpHandler } from '../../middleware/http-handler.js';
import { reportFileRoutes } from './file-routes.js';

/** Lambda entry of the report file routes (RPT-1, RPT-2): the only reports function with the renderers, the font and the S3 client. */
export const handler = createHttpHandler(reportFileRoutes);
