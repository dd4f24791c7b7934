import { createHttpHandler } from '../../middleware/http-handler.js';
import { registerRoutes } from './routes.js';

/** Lambda entry of the register context. */
export const handler = createHttpHandler(registerRoutes);
