import { createHttpHandler } from '../../middleware/http-handler.js';
import { regulatorRoutes } from './routes.js';

/** Lambda entry of the regulator context. */
export const handler = createHttpHandler(regulatorRoutes);
