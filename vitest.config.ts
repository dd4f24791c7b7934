import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** What runs one file at a time: each starts `npm start`, a browser or floods the gateway, and needs the machine. */
const SYSTEM = ['test/e2e/**/*.test.ts', 'test/fault/**/*.test.ts', 'test/infra-local/**/*.test.ts', 'test/attack/**/*.test.ts'];
const INTEGRATION = ['test/integration/**/*.test.ts'];

/**
 * One run for everything `npm test` covers: domain and function unit tests, integration tests against
 * DynamoDB Local through the real local gateway, CDK template tests and the browser tests.
 * DynamoDB Local is shared by a few files, then the next get a fresh one (test/support/dynamodb-pool.ts); each
 * integration suite gets its own tables on it, so integration files run two at a time, like the unit files. The system tests
 * (browsers, `npm start` processes, fault injection, rate limits) come last, one file at a time: on a 2-core
 * machine two of them at once starve each other's timers. Groups run in order (sequence.groupOrder).
 */
const usesConsoleSuite = (spec: TestSpecification): boolean => readFileSync(spec.moduleId, 'utf8').includes('useConsoleSuite(');

/**
 * The browser files run after every other file of their group: the server pool (test/e2e/support/server-pool.ts)
 * boots the next browser file's `npm start` beside the running file, and beside a fault, attack or `npm start` test
 * that spare took their CPU (CI at 2026-12-07: the attack suite 40 s → 129 s, the demo's register import timed out).
 */
class BrowserFilesLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((spec) => !usesConsoleSuite(spec)), ...sorted.filter(usesConsoleSuite)];
  }
}

export default defineConfig({
  test: {
    // server-pool.ts: the next browser file's `npm start` boots while the current file's tests run.
    globalSetup: ['test/support/global-setup.ts', 'test/e2e/support/server-pool.ts'],
    setupFiles: ['test/support/setup.ts'],
    sequence: { sequencer: BrowserFilesLast },
    pool: 'forks',
    // The JSON report gives .ci/run its closing "N passed, N failed" line. The hook tells the server pool how many
    // browser files this run has, so that it starts no server after the last one's.
    reporters: [
      'default',
      'json',
      {
        onTestRunStart(specifications) {
          // Added up over the reruns of watch mode: the pool counts the servers it handed out since it started.
          const files = specifications.filter(usesConsoleSuite).length;
          globalThis.__anzeConsoleSuiteFiles = (globalThis.__anzeConsoleSuiteFiles ?? 0) + files;
        },
      },
    ],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // Test files import handlers (for their route tables) before a platform sets these: quiet from the start.
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
      // Suites send thousands of requests from 127.0.0.1 on purpose: the gateway's rate limits (infra/rate-limits.ts)
      // times 1000; test/infra-local/rate-limits.test.ts proves the real numbers.
      ANZE_RATE_LIMIT_SCALE: '1000',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
          exclude: ['test/bench/**', 'node_modules/**', ...INTEGRATION, ...SYSTEM],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: INTEGRATION, maxWorkers: 2, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'system', include: SYSTEM, maxWorkers: 1, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
