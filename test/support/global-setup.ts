import type { TestProject } from 'vitest/node';
import { setupDynamoDbPool } from './dynamodb-pool.js';

/**
 * DynamoDB Local for the run: a few files share one JVM, then the next ones get a fresh one (dynamodb-pool.ts says
 * why); each integration suite makes its own tables on it, so suites cannot see each other's data and run in
 * parallel. Vitest runs a globalSetup for the root and again for each project that inherits it (`extends: true`):
 * only the root's starts the pool, and the projects read the root's folder (a project's provided values extend the
 * root's).
 */
export default function setup(project: TestProject) {
  if (!project.isRootProject()) return undefined;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  return setupDynamoDbPool(project);
}
