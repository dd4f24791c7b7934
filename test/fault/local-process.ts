import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '../../infra/local/platform.js';
import { signInWithTotp } from '../support/totp-sign-in.js';

/** `npm start` (infra/local/main.ts) as a child process on a given data folder, on a free loopback port. */
export interface LocalProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything it printed so far. */
  output(): string;
}

/** The data folder of each started process, by its URL: a restart on the same data keeps its users' authenticators. */
const dataDirOf = new Map<string, string>();

export function startLocal(dataDir: string, env: Record<string, string> = {}): Promise<LocalProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ANZE_DATA_DIR: dataDir, ANZE_DEMO_BUSINESS: 'false', ANZE_BUILD_WEB: 'false', ANZE_RATE_LIMIT_SCALE: '1000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /anze is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) {
        dataDirOf.set(url, dataDir);
        child.removeListener('exit', onExit);
        resolve({ child, url, output: () => output });
      }
    };
    const onExit = (code: number | null) => reject(new Error(`npm start exited with ${code}:\n${output}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

export const exitOf = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/** Processes whose command line names `marker` (the data folder): DynamoDB Local's JVM and its watchdog. */
export function processesNaming(marker: string): { pid: number; ppid: number; args: string }[] {
  const listing = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && match[3]?.includes(marker) === true)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), args: match[3] ?? '' }));
}

/** The JVM of DynamoDB Local that keeps its files in `dataDir`. */
export function dynamoDbJvmOf(dataDir: string): number | undefined {
  return processesNaming(dataDir).find((process) => /\bjava\b/.test(process.args.split(' ')[0] ?? '') || /^\S*java\s/.test(process.args))?.pid;
}

export async function signIn(url: string, username: string, password: string): Promise<string> {
  // Issue 21: the operator and regulators enrol an authenticator (or answer its code).
  const response = await signInWithTotp(url, username, password, dataDirOf.get(url));
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}
