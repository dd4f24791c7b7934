import { createHttpHandler } from '../../middleware/http-handler.js';
import { feeFileRoutes } from './file-routes.js';

/** Lambda entry of the fee ledger's file routes (exports): the only fees function that carries exceljs. */
export const handler = createHttpHandler(feeFileRoutes);
