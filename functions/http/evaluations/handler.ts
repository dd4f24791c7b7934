import { createHttpHandler } from '../../middleware/http-handler.js';
import { evaluationRoutes } from './routes.js';

/** Lambda entry of the evaluations context (RPT-3, BLK-1). */
export const handler = createHttpHandler(evaluationRoutes);
