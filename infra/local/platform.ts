import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import { IDEMPOTENCY_TABLE, MAIN_TABLE } from '../../functions/adapters/dynamodb/table-definition.js';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { DynamoPlatformRepository } from '../../functions/adapters/dynamodb/platform.repository.js';
import { LocalFsArchiveStore } from '../../functions/adapters/archive/local-fs-archive-store.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { ensureSecretFile, ensureUploadSecret, localArchiveUploads } from './archive-uploads.js';
import { InProcessBus } from './bus.js';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import { LocalGateway, type LambdaHandler } from './gateway.js';
import { ensureJwtKeyPair } from './jwt-keys.js';
import { explainListenError } from './ports.js';
import { LocalOutboxRelay } from './relay.js';
import { LocalScheduler, calendarReminderJobsAt } from './scheduler.js';
import { PUBLISHED_RULE_SETS } from '../../domain/kernel/rule-set/published.js';
import type { RuleSet } from '../../domain/kernel/rule-set/rule-set.js';
import { ensureOperator, recordedDemoLogins, seedDemo, type DemoLogin } from './seed.js';
import { serveStatic } from './static-files.js';
import { ensureTable } from './tables.js';
import { subscribeAll } from './bus-subscriptions.js';
import { LocalWebhooks } from './webhooks.js';
import { startProvincialSimulator, type ProvincialSimulator, type SimulatorBehaviour } from './provincial-simulator.js';
import { startMineSimulator, type MineSimulator } from './mine-simulator.js';
import type { RateLimits } from '../rate-limits.js';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export interface PlatformOptions {
  /** Where DynamoDB Local, the archive, the token key and the upload secret live. */
  readonly dataDir: string;
  /** HTTP port; 0 picks a free one. */
  readonly port?: number;
  readonly host?: string;
  /** Use a DynamoDB Local that is already running (tests share one) instead of starting one. */
  readonly dynamoDbEndpoint?: string;
  /** Table names; tests give each suite its own tables on a shared DynamoDB Local. */
  readonly tablePrefix?: string;
  readonly operatorPassword?: string;
  readonly demo?: boolean;
  /** Build the console when `web/dist` is missing (on for `npm start`, off for API tests). */
  readonly buildWeb?: boolean;
  readonly scheduler?: boolean;
  /**
   * Business demo data on first start (the 5,000-enterprise register, filings, policies, a complaint), made
   * through the API once the server listens; `npm start` turns it on, tests leave it off.
   */
  readonly demoBusiness?: boolean;
  /**
   * The gateway's rate limits (issue 12 #7); by default infra/rate-limits.ts scaled by `ANZE_RATE_LIMIT_SCALE`
   * (the test suite and the benchmarks run with a large scale).
   */
  readonly rateLimits?: RateLimits;
  /** Issue 16: the local mail sink's folder; `<dataDir>/mail` unless given. */
  readonly mailDir?: string;
  /**
   * MON-2 (issue 19): a simulated coal mine posting readings with an occasional gas spike (mine-simulator.ts), on the
   * business demo's data; `npm start` with `ANZE_MINE_SIMULATOR=true`, off by default and in tests.
   */
  readonly mineSimulator?: boolean;
  /**
   * SYNC-1: the simulated provincial platform's behaviour (all well by default; `npm start` makes it sometimes
   * down and slow), how often the sync's retry clock ticks and its first retry's wait. With `ANZE_PROVINCE_URL`
   * set, the sync talks to that endpoint and no simulator starts.
   */
  readonly provincialSync?: {
    /** `false`: no sync subscriber and no retry clock (test platforms whose tests count DynamoDB calls); the simulator still answers. */
    readonly enabled?: boolean;
    readonly behaviour?: Partial<SimulatorBehaviour>;
    /** The retry clock's tick; by default 10 s where the scheduler runs, none where it does not. */
    readonly sweepMs?: number;
    readonly retryBaseMs?: number;
  };
}

export interface RunningPlatform {
  readonly url: string;
  readonly port: number;
  readonly dynamoDbEndpoint: string;
  readonly tables: { readonly main: string; readonly idempotency: string };
  readonly bus: InProcessBus;
  readonly relay: LocalOutboxRelay;
  readonly gateway: LocalGateway;
  readonly archive: LocalFsArchiveStore;
  readonly dynamoDbPid?: number;
  readonly generatedOperatorPassword?: string;
  readonly demoLogins: readonly DemoLogin[];
  /** Issue 16: the local mail sink's folder — each e-mail the platform sends is an .eml file in it. */
  readonly mailDir: string;
  /** Issue 17: the webhook runtime — `deliverDue(at)` runs the retry loop's pass as if it were `at`. */
  readonly webhooks: LocalWebhooks;
  /** SYNC-1: the simulated province, unless `ANZE_PROVINCE_URL` named another endpoint. */
  readonly province?: ProvincialSimulator;
  /** MON-2: the simulated mine, when `mineSimulator` asked for it and the business demo is there. */
  readonly mine?: MineSimulator;
  stop(): Promise<void>;
}

/**
 * The whole platform on one machine (ARCHITECTURE.md §8): DynamoDB Local with tables from the shared
 * definition, the write-once archive, the gateway in front of the very Lambda handlers, the outbox relay
 * onto an in-process bus, the daily scheduler, and the console on the same origin.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  // This machine runs Node 20 on purpose (TOOLCHAIN.md); the SDK's reminder about Node 22 is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const stops: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };

  try {
    let dynamo: DynamoDbLocal | undefined;
    let endpoint = options.dynamoDbEndpoint;
    if (!endpoint) {
      dynamo = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
      stops.push(() => dynamo?.stop());
      endpoint = dynamo.endpoint;
    }
    const prefix = options.tablePrefix ?? '';
    const tables = {
      main: `${prefix}${MAIN_TABLE.defaultPhysicalName}`,
      idempotency: `${prefix}${IDEMPOTENCY_TABLE.defaultPhysicalName}`,
    };
    const keyFile = join(dataDir, 'jwt-key.json');
    const keyPair = await ensureJwtKeyPair(keyFile);
    const archiveDir = join(dataDir, 'archive');
    const uploadSecret = ensureUploadSecret(join(dataDir, 'upload-secret'));
    const mailDir = resolve(options.mailDir ?? join(dataDir, 'mail'));

    // The handlers read their configuration from the environment, exactly as on Lambda.
    Object.assign(process.env, {
      ANZE_DYNAMODB_ENDPOINT: endpoint,
      ANZE_TABLE: tables.main,
      ANZE_IDEMPOTENCY_TABLE: tables.idempotency,
      ANZE_LOCAL_JWT_KEY_FILE: keyFile,
      ANZE_ARCHIVE_DIR: archiveDir,
      // SVC-13 upload tickets are signed with it; ANZE_LOCAL_ARCHIVE_URL follows once the server listens.
      ANZE_LOCAL_UPLOAD_SECRET: uploadSecret,
      // Pagination cursors are encrypted with it (issue 12 #11), so they still open after a restart.
      ANZE_CURSOR_KEY: process.env.ANZE_CURSOR_KEY || ensureSecretFile(join(dataDir, 'cursor-key')),
      // Issue 16: the local twin of SES — every e-mail an .eml file here (`npm start` prints the folder).
      ANZE_MAIL_SINK_DIR: mailDir,
      AWS_REGION: process.env.AWS_REGION ?? 'cn-north-1',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    });

    const client = new DynamoDBClient(dynamoDbClientConfig());
    stops.push(() => client.destroy());
    const streamArn = await ensureTable(client, MAIN_TABLE, tables.main);
    await ensureTable(client, IDEMPOTENCY_TABLE, tables.idempotency);
    if (!streamArn) throw new Error(`table ${tables.main} has no stream`);

    const store = new Store(toDocumentClient(client), tables.main, systemClock);
    const repository = new DynamoPlatformRepository(store);
    const operator = await ensureOperator(repository, options.operatorPassword, systemClock.now());
    let demoLogins: readonly DemoLogin[] = [];
    if (options.demo ?? true) {
      demoLogins = (await seedDemo(repository, store, systemClock.now())) ?? (await recordedDemoLogins(store));
    }

    // SYNC-1: the simulated province on loopback, before any handler reads its address from the environment.
    let province: ProvincialSimulator | undefined;
    const syncEnabled = options.provincialSync?.enabled ?? true;
    if (!process.env.ANZE_PROVINCE_URL || process.env.ANZE_PROVINCE_SIMULATED === 'true') {
      province = await startProvincialSimulator({ behaviour: options.provincialSync?.behaviour ?? {} });
      stops.push(() => province?.stop());
      Object.assign(process.env, { ANZE_PROVINCE_URL: province.url, ANZE_PROVINCE_SIMULATED: 'true' });
    }
    process.env.ANZE_SYNC_RETRY_BASE_MS = String(options.provincialSync?.retryBaseMs ?? Number(process.env.ANZE_SYNC_RETRY_BASE_MS ?? 30_000));

    const bus = new InProcessBus();
    const relay = new LocalOutboxRelay(endpoint, streamArn, (events) => bus.publish(events), join(dataDir, `${prefix}relay-positions.json`));

    const handlers = new Map<string, LambdaHandler>();
    for (const context of BOUNDED_CONTEXTS) {
      const module = (await import(pathToFileURL(join(REPO_ROOT, context.entry)).href)) as { handler: LambdaHandler };
      handlers.set(context.name, module.handler);
    }

    const { handler: schedules } = await import('../../functions/schedules/handler.js');
    const { handler: projections } = await import('../../functions/projections/handler.js');
    const { handler: notifications } = await import('../../functions/notifications/handler.js');
    const { handler: sync, SCHEDULED_EVENT } = await import('../../functions/sync/handler.js');
    // As the EventBridge rules on AWS, from the same table (functions/events/subscriptions.ts).
    // Issue 17: webhook deliveries in-process (the SQS queue and delivery function on AWS), retries on a loop.
    const webhooks = new LocalWebhooks();
    webhooks.start();
    stops.push(() => webhooks.stop());
    subscribeAll(bus, {
      projections: (event) => projections({ 'detail-type': event.type, detail: event }),
      schedules: (event) => schedules({ 'detail-type': event.type, time: event.time }),
      notifications: (event) => notifications({ 'detail-type': event.type, detail: event }),
      sync: syncEnabled ? (event) => sync({ 'detail-type': event.type, detail: event }) : async () => undefined,
      webhooks: (event) => webhooks.onEvent(event),
    });
    // Only now, with every rule in place: after a restart the relay's first pass delivers the backlog the last
    // run left in the stream and then saves its position — started earlier, it handed that backlog to a bus
    // with no subscribers yet, and those events were lost for good (the kill -9 fault test of issue 12).
    relay.start();
    stops.push(() => relay.stop());
    // SYNC-1: the retry clock (on AWS a one-minute schedule); a tick never overlaps the one before.
    const sweepMs = options.provincialSync?.sweepMs ?? ((options.scheduler ?? true) ? 10_000 : undefined);
    if (syncEnabled && sweepMs !== undefined) {
      let sweeping = false;
      const sweepTimer = setInterval(() => {
        if (sweeping) return;
        sweeping = true;
        sync({ 'detail-type': SCHEDULED_EVENT })
          .catch((error: unknown) => console.error('provincial sync:', error))
          .finally(() => (sweeping = false));
      }, sweepMs);
      sweepTimer.unref();
      stops.push(() => clearInterval(sweepTimer));
    }
    // Issue 14: a data folder older than the supervision counters gets them from its records, once.
    const { rebuildSupervisionCountersOnce } = await import('../../functions/projections/supervision-counters-root.js');
    await rebuildSupervisionCountersOnce(systemClock.now());
    if (options.scheduler ?? true) {
      // Issue 16: the daily run, then the calendar reminders whose crons name the day (QUAL-6, RPT-1, RPT-3, CAL-2).
      const ruleSet = PUBLISHED_RULE_SETS[PUBLISHED_RULE_SETS.length - 1] as RuleSet;
      const scheduler = new LocalScheduler(8, async (time) => {
        await schedules({ time: time.toISOString() });
        for (const job of calendarReminderJobsAt(time, ruleSet)) await schedules(job);
      });
      scheduler.start();
      stops.push(() => scheduler.stop());
    }

    const webDist = join(REPO_ROOT, 'web', 'dist');
    if (options.buildWeb && consoleBuildIsStale(webDist)) buildConsole();

    const gateway = new LocalGateway(BOUNDED_CONTEXTS, handlers, keyPair, undefined, undefined, options.rateLimits);
    const statics = serveStatic(webDist, { auth: { mode: 'local' }, version: process.env.ANZE_VERSION ?? '0.1.0' });
    // The twin of presigned S3 PUTs: evidence goes to the archive without passing through a handler.
    const uploads = localArchiveUploads({ store: new LocalFsArchiveStore(archiveDir), secret: uploadSecret });
    const server = createServer((request, response) => {
      uploads(request, response)
        .then((handled) => handled || gateway.handle(request, response))
        .then((handled) => {
          if (!handled) statics(request, response);
        })
        .catch((error: unknown) => {
          console.error('gateway:', error);
          if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: { code: 'INTERNAL', message: 'gateway error' } }));
        });
    });
    server.keepAliveTimeout = 5_000;
    const port = await listen(server, options.port ?? 3000, options.host ?? '127.0.0.1');
    stops.push(() => closeServer(server));
    const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
    process.env.ANZE_LOCAL_ARCHIVE_URL = url;
    // An e-mail's link opens the item in this console (issue 16).
    process.env.ANZE_CONSOLE_URL = url;
    if ((options.demo ?? true) && options.demoBusiness) {
      const { seedDemoBusiness } = await import('./demo-business.js');
      if (await seedDemoBusiness(url, store, systemClock.now())) console.log('Demo data: register, filings, policies, service organisations and experts, services and hazards, and a complaint seeded.');
    }
    let mine: MineSimulator | undefined;
    if (options.mineSimulator && (options.demo ?? true) && options.demoBusiness) {
      // A demo aid: when it cannot connect (the demo insurer's password changed, its policy cancelled) the platform runs on.
      mine = await startMineSimulator({ url, dataDir }).catch((error: unknown) => {
        console.error((error as Error).message);
        return undefined;
      });
      if (mine) stops.push(() => mine?.stop());
    }

    return {
      url,
      port,
      dynamoDbEndpoint: endpoint,
      tables,
      bus,
      relay,
      gateway,
      archive: new LocalFsArchiveStore(archiveDir, { uploadBaseUrl: url, uploadSecret }),
      dynamoDbPid: dynamo?.pid,
      generatedOperatorPassword: operator.generatedPassword,
      demoLogins,
      webhooks,
      mailDir,
      ...(province ? { province } : {}),
      ...(mine ? { mine } : {}),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(explainListenError(error, port)));
    server.listen(port, host, () => {
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    server.closeAllConnections();
  });
}

/** Missing, or older than any file of the console's sources: a fresh clone and a `git pull` both rebuild. */
function consoleBuildIsStale(webDist: string): boolean {
  const built = join(webDist, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const path = join(dir, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  const sources = [join(REPO_ROOT, 'web', 'src'), join(REPO_ROOT, 'web', 'index.html'), join(REPO_ROOT, 'web', 'vite.config.ts')];
  return sources.some((path) => existsSync(path) && (statSync(path).isDirectory() ? newest(path) : statSync(path).mtimeMs) > builtAt);
}

function buildConsole(): void {
  if (!existsSync(join(REPO_ROOT, 'web', 'vite.config.ts'))) return;
  console.log('Building the console …');
  // A production build whatever the caller's NODE_ENV (under vitest it is `test`, which gives React's
  // development build and antd's fixed test ids).
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) console.error('The console build failed; the API still runs. Try: npm run build:web');
}
