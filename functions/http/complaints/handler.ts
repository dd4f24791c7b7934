import { createHttpHandler } from '../../middleware/http-handler.js';
import { complaintRoutes } from './routes.js';

/** Lambda entry of the complaints context. */
export const handler = createHttpHandler(complaintRoutes);
