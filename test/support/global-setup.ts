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
 * Four JVMs, started one after the other before the first test, cost CI about 10 s.
 */
export default async function setup(project: TestProject) {
  if (!project.isRootProject()) return undefined;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // The whole run's tables live in this one JVM (each suite deletes its own when it stops: test-platform.ts); a
  // larger heap than a laptop's `npm start` needs, for the register suites' thousands of rows in parallel.
  const toolOptions = process.env.JAVA_TOOL_OPTIONS;
  process.env.JAVA_TOOL_OPTIONS ??= '-Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1';
  const dynamo = await startDynamoDbLocal({});
  if (toolOptions === undefined) delete process.env.JAVA_TOOL_OPTIONS;
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
