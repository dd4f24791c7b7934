import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Result } from 'autocannon';
import { REPO_ROOT } from '../../infra/local/platform.js';
import { ApiClient } from '../support/api-client.js';
import { measureMemory } from './memory.js';
import { markdownTable, mib, ms } from './table.js';

export const LOAD_USERS = 50;

export interface LoadStep {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly what: string;
}

export interface LoadSection {
  readonly connections: number;
  readonly seconds: number;
  readonly mix: readonly LoadStep[];
  readonly requestsPerSecond: number;
  readonly total: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly peakNodeRssBytes: number;
  readonly peakDynamoDbRssBytes?: number;
}

/**
 * The console's calls an insurer's office makes all day, one cycle per simulated user (connection): its lists
 * (users, and the lists of the other contexts the bench found the administrator answered 200: `extraLists`),
 * gets of one record, and a write (the PATCH of one user, each simulated user its own record, so the optimistic
 * lock never makes two users collide). Issuing policies, service steps and fee entries are not in this mix yet.
 */
export function loadMix(extraLists: readonly string[]): LoadStep[] {
  return [
    { method: 'GET', path: '/users?limit=20', what: 'list' },
    { method: 'GET', path: '/users/{user}', what: 'get' },
    ...extraLists.map((path) => ({ method: 'GET', path, what: 'list' })),
    { method: 'GET', path: '/users/{user}', what: 'get' },
    { method: 'PATCH', path: '/users/{user}', body: { displayName: '负载测试{round}' }, what: 'write' },
  ];
}

/**
 * 50 simulated users (staff records made here, one per connection) for `seconds` through the local gateway, with
 * autocannon in a child process (load-client.ts) so the load generator does not share the platform's event loop.
 * The platform's process (Node) and DynamoDB Local are sampled every second for their resident memory.
 */
export async function measureLoad(
  url: string,
  admin: ApiClient,
  dynamoDbPid: number | undefined,
  extraLists: readonly string[],
  seconds: number,
  progress: (line: string) => void,
): Promise<LoadSection> {
  progress(`load: making ${LOAD_USERS} staff users (one scrypt hash each)`);
  const users: string[] = [];
  for (let i = 0; i < LOAD_USERS; i += 1) {
    const made = await admin.post<{ id: string }>('/users', {
      username: `load-${Date.now().toString(36)}-${i}`,
      password: 'Load-pass-2026',
      role: 'insurer-staff',
      displayName: '负载测试员',
    });
    if (made.status !== 201) throw new Error(`load: adding a user answered ${made.status}`);
    users.push(made.body.id);
  }
  const mix = loadMix(extraLists);
  progress(`load: ${LOAD_USERS} connections for ${seconds} s, ${mix.length} requests a cycle`);
  let peakNode = 0;
  let peakDynamo = 0;
  const sample = () => {
    const memory = measureMemory(dynamoDbPid);
    peakNode = Math.max(peakNode, memory.node.rssBytes);
    peakDynamo = Math.max(peakDynamo, memory.dynamoDb?.rssBytes ?? 0);
  };
  const sampler = setInterval(sample, 1000);
  const plan = { url, connections: LOAD_USERS, seconds, mix: mix.map(({ what: _what, ...step }) => step), token: admin.token, users };
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'test/bench/load-client.ts')], {
        env: { ...process.env, BENCH_LOAD: JSON.stringify(plan) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`load client failed (${code}): ${stderr.slice(0, 600)}`))));
    });
    sample();
    const line = output.split('\n').find((text) => text.startsWith('RESULT '));
    if (!line) throw new Error('load client printed no result');
    const result = JSON.parse(line.slice('RESULT '.length)) as Result;
    return {
      connections: LOAD_USERS,
      seconds,
      mix,
      requestsPerSecond: result.requests.average,
      total: result.requests.total,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count])),
      peakNodeRssBytes: peakNode,
      ...(dynamoDbPid === undefined ? {} : { peakDynamoDbRssBytes: peakDynamo }),
    };
  } finally {
    clearInterval(sampler);
  }
}

export function loadTables(section: LoadSection): string {
  const mix = markdownTable(
    ['#', 'request (per simulated user, in turn)', 'kind'],
    section.mix.map((step, index) => [String(index + 1), `${step.method} ${step.path}`, step.what]),
  );
  const figures = markdownTable(
    ['users (connections)', 'seconds', 'requests', 'requests/s', 'p50 ms', 'p99 ms', 'errors + timeouts', 'non-2xx', 'peak Node RSS MB', 'peak DynamoDB Local RSS MB'],
    [
      [
        String(section.connections),
        String(section.seconds),
        String(section.total),
        section.requestsPerSecond.toFixed(0),
        ms(section.p50Ms),
        ms(section.p99Ms),
        String(section.errors + section.timeouts),
        String(section.non2xx),
        mib(section.peakNodeRssBytes),
        section.peakDynamoDbRssBytes === undefined ? '–' : mib(section.peakDynamoDbRssBytes),
      ],
    ],
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  return `${mix}\n\n${figures}\n\nStatus codes: ${Object.entries(section.statusCodes).map(([code, count]) => `${code} × ${count}`).join(', ')}`;
}
