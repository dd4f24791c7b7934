import { createHttpHandler } from '../../middleware/http-handler.js';
import { platformRoutes } from './routes.js';

/** Lambda entry of the platform context. */
export const handler = createHttpHandler(platformRoutes);
