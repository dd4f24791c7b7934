import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMineSimulator } from '../../infra/local/mine-simulator.js';
import type { ApiClient } from '../support/api-client.js';
import { expectOk } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { XINDA, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';

const DEMO = 'Anze-demo-2026';

interface Alarm {
  sourceId: string;
  kind: string;
  severity: string;
  status: string;
  peak?: number;
}
interface Source {
  id: string;
  name: string;
  status: string;
  policyId: string;
}

let test: TestPlatform;
let picc: ApiClient;
let policyId: string;
const dataDir = mkdtempSync(join(tmpdir(), 'anze-mine-'));

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  await registerEnterprises(await test.signIn('emb-city', DEMO), [XINDA]);
  expectOk(await fileQualification(picc));
  policyId = expectOk(await picc.post<{ id: string }>('/policies', policyBody()), 201).id;
}, 120_000);
afterAll(async () => {
  await test?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const sources = async () => expectOk(await picc.get<{ items: Source[] }>('/monitoring/sources?limit=100')).items;

/**
 * Issue 19's simulator (`npm start` with ANZE_MINE_SIMULATOR=true): the demo insurer's data source on the demo coal
 * mine's policy, readings through the gateway with the source's key, a gas spike that opens a MAJOR alarm.
 */
describe('the simulated mine (MON-2 demo)', () => {
  it('MON-2: it registers a data source on 人保’s coal-mine policy and its gas spike opens a MAJOR CH4 alarm on the duty board', async () => {
    const mine = await startMineSimulator({ url: test.url, dataDir, intervalMs: 150, spikeEvery: 4 });
    try {
      expect(mine.enterpriseName).toBe(XINDA.name);
      const registered = await sources();
      expect(registered).toEqual([expect.objectContaining({ id: mine.sourceId, policyId, status: 'ACTIVE', name: '安全监控系统（模拟）' })]);
      await expect
        .poll(async () => expectOk(await picc.get<{ items: Alarm[] }>('/monitoring/alarms?status=OPEN')).items.find((alarm) => alarm.sourceId === mine.sourceId), { timeout: 10_000 })
        .toEqual(expect.objectContaining({ kind: 'GAS_CH4', severity: 'MAJOR', status: 'OPEN', peak: expect.any(Number) }));
    } finally {
      await mine.stop();
    }
  }, 30_000);

  it('MON-2: a restart reuses the source and its saved key; once the source is revoked, a new one is registered', async () => {
    const [before] = await sources();
    const again = await startMineSimulator({ url: test.url, dataDir, intervalMs: 60_000 });
    await again.stop();
    expect(again.sourceId).toBe(before?.id);
    expect(await sources()).toHaveLength(1);

    expectOk(await picc.post(`/monitoring/sources/${before?.id}/revoke`, {}));
    const replaced = await startMineSimulator({ url: test.url, dataDir, intervalMs: 60_000 });
    await replaced.stop();
    expect(replaced.sourceId).not.toBe(before?.id);
    expect((await sources()).map((source) => source.status).sort()).toEqual(['ACTIVE', 'REVOKED']);
  }, 30_000);
});
