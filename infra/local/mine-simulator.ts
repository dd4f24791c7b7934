import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFileSync } from './replace-file.js';
import { DEMO_PASSWORD } from './seed.js';

/** The demo enterprise (ent-demo), a small coal mine insured by 人保 in the business demo (infra/local/seed.ts). */
const DEMO_MINE_USCC = '91140902100079190P';
/** The demo source's name: a restart finds it again (and rotates its key if the saved one is gone). */
const SOURCE_NAME = '安全监控系统（模拟）';
const KEY_FILE = 'mine-simulator.json';

export interface MineSimulatorOptions {
  /** The local platform's origin (the gateway): readings go through it with the source's API key, as a mine's would. */
  readonly url: string;
  /** Where the source's API key is kept between starts (it is shown once, so it cannot be read back). */
  readonly dataDir: string;
  /** How often a batch of readings is posted (default 5 s). */
  readonly intervalMs?: number;
  /** Every n-th batch starts a gas spike (default 24: every two minutes at 5 s); the 3rd batch is the first. */
  readonly spikeEvery?: number;
}

export interface MineSimulator {
  readonly enterpriseName: string;
  readonly sourceId: string;
  readonly intervalMs: number;
  stop(): Promise<void>;
}

interface Sensor {
  readonly sensorId: string;
  readonly kind: string;
  readonly unit: string;
  readonly base: number;
  readonly jitter: number;
  readonly digits: number;
}

/**
 * MON-1's data kinds of one coal mine, around normal values (under every default threshold of MON-2): gas at the
 * working face, CO, wind in the return airway, face temperature and the people underground.
 */
const SENSORS: readonly Sensor[] = [
  { sensorId: 'CH4-GZM-01', kind: 'GAS_CH4', unit: '%', base: 0.32, jitter: 0.08, digits: 2 },
  { sensorId: 'CO-HF-01', kind: 'CO', unit: 'ppm', base: 6, jitter: 3, digits: 0 },
  { sensorId: 'FS-HF-01', kind: 'WIND_SPEED', unit: 'm/s', base: 2.4, jitter: 0.4, digits: 1 },
  { sensorId: 'WD-GZM-01', kind: 'TEMPERATURE', unit: '℃', base: 22, jitter: 1.5, digits: 1 },
  { sensorId: 'RY-01', kind: 'PERSONNEL_COUNT', unit: '人', base: 46, jitter: 6, digits: 0 },
];
/** A spike lasts three batches: the first opens a MAJOR alarm (CH4 ≥ 1.0 %), the next two extend it (MON-2). */
const SPIKE_BATCHES = 3;

interface Saved {
  readonly sourceId: string;
  readonly apiKey: string;
}

class StepFailed extends Error {}

/**
 * MON-2 demo (issue 19): a simulated coal mine posting readings every few seconds through the local gateway with a
 * data source's API key, with an occasional gas spike (CH4 over the 1.0 % threshold) so the duty board shows life.
 * The data source is 人保's, on ent-demo's coal-mine policy of the business demo: registered once through the API
 * by 人保's admin (as the demo seeding makes its data), its key kept in `<dataDir>/mine-simulator.json`; when that
 * key no longer works (revoked, rotated in the console), the same source's key is rotated, or — revoked — a new
 * source registered. `npm start` runs it with `ANZE_MINE_SIMULATOR=true`; off by default and in tests.
 */
export async function startMineSimulator(options: MineSimulatorOptions): Promise<MineSimulator> {
  const intervalMs = options.intervalMs ?? 5_000;
  const spikeEvery = Math.max(2, options.spikeEvery ?? 24);
  const api = `${options.url}/api/v1`;
  const keyFile = join(options.dataDir, KEY_FILE);

  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const must = async <T>(token: string, method: string, path: string, body?: unknown, expected = [200]): Promise<T> => {
    const answer = await call(method, path, { authorization: `Bearer ${token}` }, body);
    if (!expected.includes(answer.status)) throw new StepFailed(`mine simulator: ${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body as T;
  };

  const signIn = async (): Promise<string> => {
    const answer = await call('POST', '/auth/login', {}, { username: 'picc-admin', password: DEMO_PASSWORD });
    if (answer.status !== 200) throw new StepFailed(`mine simulator: the demo insurer's sign-in answered ${answer.status}`);
    return answer.body.accessToken as string;
  };

  /** 人保's in-force policy on the demo coal mine. */
  const demoPolicy = async (token: string) => {
    const policies = await must<{ items: { id: string; status: string; enterprise: { uscc: string; name: string } }[] }>(
      token,
      'GET',
      `/policies?limit=100&status=ISSUED&q=${DEMO_MINE_USCC}`,
    );
    const policy = policies.items.find((candidate) => candidate.enterprise.uscc === DEMO_MINE_USCC);
    if (!policy) throw new StepFailed('mine simulator: 人保 has no policy on the demo coal mine (start with the business demo: ANZE_DEMO_BUSINESS not false)');
    return policy;
  };

  const save = (saved: Saved) => replaceFileSync(keyFile, JSON.stringify(saved), 0o600);
  const saved = (): Saved | undefined => {
    if (!existsSync(keyFile)) return undefined;
    try {
      return JSON.parse(readFileSync(keyFile, 'utf8')) as Saved;
    } catch {
      return undefined;
    }
  };

  /** A source whose key works: the saved one, else the same source's key rotated, else a newly registered source. */
  const connect = async (): Promise<{ source: Saved; enterpriseName: string }> => {
    const token = await signIn();
    const policy = await demoPolicy(token);
    const known = saved();
    const sources = await must<{ items: { id: string; policyId: string; name: string; status: string }[] }>(token, 'GET', '/monitoring/sources?limit=100');
    const mine = sources.items.filter((source) => source.policyId === policy.id && source.status === 'ACTIVE');
    if (known && mine.some((source) => source.id === known.sourceId) && (await post(known.apiKey, readingsAt(Date.now(), false))) === 200) {
      return { source: known, enterpriseName: policy.enterprise.name };
    }
    const existing = mine.find((source) => source.name === SOURCE_NAME);
    const answer = existing
      ? await must<{ source: { id: string }; apiKey: string }>(token, 'POST', `/monitoring/sources/${existing.id}/rotate`)
      : await must<{ source: { id: string }; apiKey: string }>(token, 'POST', '/monitoring/sources', { policyId: policy.id, name: SOURCE_NAME }, [200, 201]);
    const source = { sourceId: answer.source.id, apiKey: answer.apiKey };
    save(source);
    return { source, enterpriseName: policy.enterprise.name };
  };

  const post = async (apiKey: string, readings: unknown[]): Promise<number> => {
    const answer = await call('POST', '/monitoring/readings', { 'x-api-key': apiKey }, { readings });
    return answer.status;
  };

  let batch = 0;
  /** One reading per sensor at `atMs`; during a spike the gas reads 1.2–1.6 %. */
  function readingsAt(atMs: number, spiking: boolean) {
    return SENSORS.map((sensor) => {
      const value = sensor.kind === 'GAS_CH4' && spiking ? 1.2 + Math.random() * 0.4 : sensor.base + (Math.random() * 2 - 1) * sensor.jitter;
      return { sensorId: sensor.sensorId, kind: sensor.kind, value: Number(Math.max(0, value).toFixed(sensor.digits)), unit: sensor.unit, at: new Date(atMs).toISOString() };
    });
  }

  const connected = await connect();
  let apiKey = connected.source.apiKey;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let warned = false;
  const tick = async () => {
    batch += 1;
    // The first spike soon after start (batch 3), then every `spikeEvery` batches, each lasting three batches.
    const phase = (batch - 3 + spikeEvery * 10) % spikeEvery;
    const status = await post(apiKey, readingsAt(Date.now(), batch >= 3 && phase < SPIKE_BATCHES));
    if (status === 401 && !stopped) {
      // The key was revoked or rotated in the console: take up a working one again.
      apiKey = (await connect()).source.apiKey;
    } else if (status !== 200 && !warned) {
      warned = true;
      console.error(`mine simulator: the readings were answered ${status}`);
    }
  };
  const timer = setInterval(() => {
    running = running
      .then(() => (stopped ? undefined : tick()))
      .catch((error: unknown) => {
        if (!warned) console.error((error as Error).message);
        warned = true;
      });
  }, intervalMs);
  timer.unref();

  return {
    enterpriseName: connected.enterpriseName,
    sourceId: connected.source.sourceId,
    intervalMs,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
