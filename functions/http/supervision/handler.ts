import { createHttpHandler } from '../../middleware/http-handler.js';
import { supervisionRoutes } from './routes.js';

/** Lambda entry of the supervision context (issue 14): regulators read insurers' work, read-only. */
export const handler = createHttpHandler(supervisionRoutes);
