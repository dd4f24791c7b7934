import { createHttpHandler } from '../../middleware/http-handler.js';
import { webhookRoutes } from './routes.js';

/** Lambda entry of the webhooks context (issue 17): endpoints, delivery log, replay, rotation, test events. */
export const handler = createHttpHandler(webhookRoutes);
