import { createHttpHandler } from '../../middleware/http-handler.js';
import { claimRoutes } from './routes.js';

/** Lambda entry of the claims context. */
export const handler = createHttpHandler(claimRoutes);
