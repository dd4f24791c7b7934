import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantBody } from '../support/fixtures.js';
import { dynamoDbJvmOf, exitOf, processesNaming, signIn, startLocal, type LocalProcess } from './local-process.js';

/**
 * Issue 12 #5 end to end, on `npm start` as a user runs it: DynamoDB Local dies under a running platform, then
 * Node itself is killed with SIGKILL. Loopback only.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'anze-outage-'));
const PASSWORD = 'Outage-test-2026';
let local: LocalProcess;
let token: string;

beforeAll(async () => {
  local = await startLocal(dataDir, { ANZE_DEMO: 'false', ANZE_OPERATOR_PASSWORD: PASSWORD });
  token = await signIn(local.url, 'operator', PASSWORD);
}, 120_000);

afterAll(async () => {
  if (local && local.child.exitCode === null && local.child.signalCode === null) {
    local.child.kill('SIGKILL');
    await exitOf(local.child);
  }
  for (const leftover of processesNaming(dataDir)) process.kill(leftover.pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const tenants = () => fetch(`${local.url}/api/v1/platform/tenants?limit=10`, { headers: { authorization: `Bearer ${token}` } });
const ready = () => fetch(`${local.url}/api/v1/health/ready`);

describe('issue 12 #5: DynamoDB Local down, then Node killed', () => {
  it('answers ready while DynamoDB answers', async () => {
    expect((await tenants()).status).toBe(200);
    const answer = await ready();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: 'ready', checks: { dynamodb: 'up' } });
  });

  it('DynamoDB Local killed → 503 DEPENDENCY_UNAVAILABLE with Retry-After, readiness down, liveness still ok; then it is restarted and requests succeed again without restarting Node', async () => {
    const jvm = dynamoDbJvmOf(dataDir);
    expect(jvm, JSON.stringify(processesNaming(dataDir))).toBeDefined();
    process.kill(jvm as number, 'SIGKILL');
    // Readiness shares one probe for 1 s: it reports the outage within about a second.
    await expect.poll(async () => (await ready()).status, { timeout: 3_000, interval: 100 }).toBe(503);

    const during = await tenants();
    expect(during.status).toBe(503);
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await during.json()).toMatchObject({ error: { code: 'DEPENDENCY_UNAVAILABLE' } });
    const login = await fetch(`${local.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: PASSWORD }),
    });
    expect(login.status).toBe(503);
    const readiness = await ready();
    expect(readiness.status, 'DynamoDB Local came back too fast for this test').toBe(503);
    expect(readiness.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await readiness.json()).toMatchObject({ status: 'down', checks: { dynamodb: 'down' } });
    expect((await fetch(`${local.url}/api/v1/health`)).status).toBe(200);

    await expect.poll(async () => (await tenants()).status, { timeout: 45_000, interval: 500 }).toBe(200);
    await expect.poll(async () => (await ready()).status, { timeout: 10_000, interval: 500 }).toBe(200);
    expect(local.output()).toMatch(/DynamoDB Local stopped unexpectedly .*restarting it in 1 s/);
    expect(local.output()).toMatch(/DynamoDB Local is back on http:\/\/127\.0\.0\.1:\d+ \(restart 1\)/);
    const restarted = dynamoDbJvmOf(dataDir);
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(jvm);

    // Events flow again too: the relay resumes from its saved positions and delivers a new write's event.
    const positions = join(dataDir, 'relay-positions.json');
    const before = existsSync(positions) ? readFileSync(positions, 'utf8') : '';
    const onboarded = await fetch(`${local.url}/api/v1/platform/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(tenantBody('R')),
    });
    expect(onboarded.status).toBe(201);
    await expect.poll(() => (existsSync(positions) ? readFileSync(positions, 'utf8') : ''), { timeout: 15_000, interval: 250 }).not.toBe(before);
  }, 90_000);

  it('Node killed with SIGKILL → no DynamoDB Local JVM is left behind (none reparented to PID 1)', async () => {
    await expect.poll(() => dynamoDbJvmOf(dataDir), { timeout: 45_000 }).toBeDefined();
    local.child.kill('SIGKILL');
    await exitOf(local.child);
    await expect.poll(() => processesNaming(dataDir), { timeout: 15_000, interval: 250 }).toEqual([]);
  }, 30_000);
});
