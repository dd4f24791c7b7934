import { createHttpHandler } from '../../middleware/http-handler.js';
import { underwritingRoutes } from './routes.js';

/** Lambda entry of the underwriting context. */
export const handler = createHttpHandler(underwritingRoutes);
