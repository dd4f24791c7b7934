import { createHttpHandler } from '../../middleware/http-handler.js';
import { reportRoutes } from './routes.js';

/** Lambda entry of the reports context (RPT-1, RPT-4). */
export const handler = createHttpHandler(reportRoutes);
