import { defineRoute } from '../../middleware/route.js';
import { healthResponse } from './schemas.js';
import { PUBLIC } from '../../../domain/identity/access.js';

/** Liveness without authentication. It touches no table: a health check must not cost a read. */
export const health = defineRoute({
  method: 'GET',
  path: '/api/v1/health',
  access: PUBLIC,
  summary: 'Liveness and version',
  tags: ['meta'],
  response: healthResponse,
  async handle() {
    return { body: { status: 'ok', version: process.env.ANZE_VERSION ?? '0.1.0' } };
  },
});
