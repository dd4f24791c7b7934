import { createHttpHandler } from '../../middleware/http-handler.js';
import { serviceRoutes } from './routes.js';

/** Lambda entry of the prevention-services context. */
export const handler = createHttpHandler(serviceRoutes);
