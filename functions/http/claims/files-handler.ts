import { createHttpHandler } from '../../middleware/http-handler.js';
import { claimFileRoutes } from './file-routes.js';

/** Lambda entry of the claims file function (document uploads and registration, CLM-1). */
export const handler = createHttpHandler(claimFileRoutes);
