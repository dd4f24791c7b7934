import * as z from 'zod/mini';
import { PUBLIC } from '../../../domain/identity/access.js';
import { defineRoute } from '../../middleware/route.js';
import { platformRoot } from './composition-root.js';

export const readinessResponse = z.object({
  status: z.enum(['ready', 'down']).check(z.meta({ description: '`down` comes with 503 and `Retry-After`' })),
  version: z.string(),
  checks: z.object({
    dynamodb: z.enum(['up', 'down']).check(z.meta({ description: 'the main table answered a read within 2 s' })),
  }),
});

/** Seconds a load balancer or a client should wait before asking again while a dependency is down. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Readiness without authentication (issue 12 #5): can this deployment serve requests now? Unlike liveness it
 * asks DynamoDB, with one small read shared for 1 s by every caller (the composition root's DatabaseProbe),
 * and answers 503 with `Retry-After` while the table cannot be reached, so monitors and load balancers see
 * an outage that `/health` (the process is alive) cannot show.
 */
export const readiness = defineRoute({
  method: 'GET',
  path: '/api/v1/health/ready',
  access: PUBLIC,
  summary: 'Readiness: answers 503 while the database cannot be reached',
  tags: ['meta'],
  response: readinessResponse,
  async handle() {
    const dynamodb = await platformRoot().probeDatabase();
    const version = process.env.ANZE_VERSION ?? '0.1.0';
    if (dynamodb === 'up') return { body: { status: 'ready', version, checks: { dynamodb } } };
    return { status: 503, body: { status: 'down', version, checks: { dynamodb } }, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } };
  },
});
