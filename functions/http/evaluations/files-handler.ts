import { createHttpHandler } from '../../middleware/http-handler.js';
import { evaluationFileRoutes } from './file-routes.js';

/** Lambda entry of the evaluation file routes (RPT-3): the only evaluations function with the renderers, the font and the S3 client. */
export const handler = createHttpHandler(evaluationFileRoutes);
