import { createHttpHandler } from '../../middleware/http-handler.js';
import { syncRoutes } from './routes.js';

/** Lambda entry of the sync context (SYNC-1): upload states, retries, reconciliation. */
export const handler = createHttpHandler(syncRoutes);
