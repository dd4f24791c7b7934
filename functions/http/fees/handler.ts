import { createHttpHandler } from '../../middleware/http-handler.js';
import { feeRoutes } from './routes.js';

/** Lambda entry of the prevention-fee context. */
export const handler = createHttpHandler(feeRoutes);
