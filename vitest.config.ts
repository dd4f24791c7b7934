import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import type { TestSpecification } from 'vitest/node';

/** The browser files: each drives Chromium against its own `npm start` (test/e2e/support/console-suite.ts). */
const usesConsoleSuite = (file: string): boolean => readFileSync(file, 'utf8').includes('useConsoleSuite(');
const E2E = join(import.meta.dirname, 'test', 'e2e');
const BROWSER = readdirSync(E2E)
  .filter((name) => name.endsWith('.test.ts') && usesConsoleSuite(join(E2E, name)))
  .map((name) => `test/e2e/${name}`);
/**
 * Browser files that run alone, after the others: the 5,000-row register import is one request of thousands of writes,
 * and beside another browser file DynamoDB Local answered it too slowly — a 503 in CI at 2026-12-07.
 */
const BROWSER_ALONE = ['test/e2e/register-import.e2e.test.ts'];
/** What runs one file at a time: each starts `npm start`, floods the gateway or kills a process, and needs the machine. */
const SYSTEM = ['test/e2e/**/*.test.ts', 'test/fault/**/*.test.ts', 'test/infra-local/**/*.test.ts', 'test/attack/**/*.test.ts'];
const INTEGRATION = ['test/integration/**/*.test.ts'];
/**
 * Test files outside test/integration that still start the platform or lease a DynamoDB Local (the pre-token trigger's
 * test signs users in on a running platform): they run with the integration group, each in a fresh module graph,
 * because the unit group shares one between files (below).
 */
const TEST = join(import.meta.dirname, 'test');
const UNIT_ON_DYNAMODB = readdirSync(TEST, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.test.ts') && !/^(integration|e2e|fault|infra-local|attack|bench)\//.test(name))
  .filter((name) => /startTestPlatform\(|dynamoDbEndpoint\(/.test(readFileSync(join(TEST, name), 'utf8')))
  .map((name) => `test/${name}`);
/**
 * A test's time limit where it drives a browser or a whole `npm start` through many steps. CI's machine runs the suite
 * about 1.4× slower than a quiet 2-core one (2026-12-07: 1,149 s against 800 s), and two browser tests that took 18–20 s
 * here went past the default 30 s there. A limit catches a hang; it is not a claim about speed (`npm run bench` is).
 */
const SLOW_TEST_TIMEOUT = 120_000;

/**
 * One run for everything `npm test` covers: domain and function unit tests, integration tests against
 * DynamoDB Local through the real local gateway, CDK template tests and the browser tests, in four groups run in
 * order (sequence.groupOrder):
 * - unit, two files at a time;
 * - integration, two at a time: DynamoDB Local is shared by a few files, then the next get a fresh one
 *   (test/support/dynamodb-pool.ts), and each suite has its own tables on it;
 * - system (`npm start` processes, fault injection, rate limits, the attack suite), one at a time: on a 2-core
 *   machine two of them at once starve each other's timers;
 * - browser, two at a time: a browser file waits for its pages to settle between bursts of work, and two of them share
 *   the cores better than one (CI at 2026-12-07: the files' times summed to 728 s in about 330 s of the group),
 *   while the server pool (test/e2e/support/server-pool.ts) boots the next files' `npm start`.
 *   Last, so no spare server boots beside a fault, attack or `npm start` test (CI at 2026-12-07: the attack suite
 *   40 s → 129 s, the demo's register import timed out);
 * - browser-alone: {@link BROWSER_ALONE}, one at a time, when no other file runs and no spare boots (the pool starts
 *   none after the run's last browser file has its server).
 */
export default defineConfig({
  test: {
    // server-pool.ts: the next browser file's `npm start` boots while the current file's tests run.
    globalSetup: ['test/support/global-setup.ts', 'test/e2e/support/server-pool.ts'],
    setupFiles: ['test/support/setup.ts'],
    pool: 'forks',
    // The JSON report gives .ci/run its closing "N passed, N failed" line. The hook tells the server pool how many
    // browser files this run has, so that it starts no server after the last one's.
    reporters: [
      'default',
      'json',
      {
        onTestRunStart(specifications) {
          // Added up over the reruns of watch mode: the pool counts the servers it handed out since it started.
          const files = specifications.filter((spec: TestSpecification) => usesConsoleSuite(spec.moduleId)).length;
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
          exclude: ['test/bench/**', 'node_modules/**', ...INTEGRATION, ...SYSTEM, ...UNIT_ON_DYNAMODB],
          maxWorkers: 2,
          // Pure code and mocked SDK clients: a worker keeps its modules from one file to the next instead of importing
          // them afresh for each (CI at 2026-12-07: the group took 92 s, 44 s like this, its tests' own time 47 s).
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: [...INTEGRATION, ...UNIT_ON_DYNAMODB], maxWorkers: 2, testTimeout: SLOW_TEST_TIMEOUT / 2, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'system', include: SYSTEM, exclude: BROWSER, maxWorkers: 1, testTimeout: SLOW_TEST_TIMEOUT, sequence: { groupOrder: 2 } },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER.filter((file) => !BROWSER_ALONE.includes(file)),
          maxWorkers: 2,
          testTimeout: SLOW_TEST_TIMEOUT,
          sequence: { groupOrder: 3 },
        },
      },
      {
        extends: true,
        test: { name: 'browser-alone', include: BROWSER_ALONE, maxWorkers: 1, testTimeout: SLOW_TEST_TIMEOUT, sequence: { groupOrder: 4 } },
      },
    ],
  },
});
