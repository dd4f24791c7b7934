import { createHttpHandler } from '../../middleware/http-handler.js';
import { monitoringRoutes } from './routes.js';

/** Lambda entry of the monitoring context. */
export const handler = createHttpHandler(monitoringRoutes);
