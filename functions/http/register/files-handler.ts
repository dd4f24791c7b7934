import { createHttpHandler } from '../../middleware/http-handler.js';
import { registerFileRoutes } from './file-routes.js';

/** Lambda entry of the register's file routes (REG-1 imports): the only register function that carries exceljs. */
export const handler = createHttpHandler(registerFileRoutes);
