import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}

/**
 * One DynamoDB Local (in memory) for the whole run: the JVM starts once, and each integration suite makes
 * its own tables on it, so suites cannot see each other's data and can run in parallel.
 * Vitest runs a globalSetup for the root and again for each project that inherits it (`extends: true`): only the
 * root's starts one, and the projects read the root's endpoint (a project's provided values extend the root's).
 * Four JVMs (root, unit, integration, system) were started one after the other before the first test: three extra
 * starts of ≈ 2.3 s each on an idle machine.
 */
export default async function setup(project: TestProject) {
  if (!project.isRootProject()) return undefined;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // The whole run's tables live in this one JVM, so each suite deletes its own when it stops (test-platform.ts). The
  // default 384 MB heap is plenty: with the register, export, search and daily-run suites together, 26 MB stayed
  // after each young collection and all pauses summed to 1.7 s.
  const dynamo = await startDynamoDbLocal({});
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
