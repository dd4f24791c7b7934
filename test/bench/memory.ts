import { readdirSync, readFileSync } from 'node:fs';
import { markdownTable, mib, verdict } from './table.js';
import { TARGETS } from './targets.js';

export interface ProcessMemory {
  readonly pid: number;
  readonly command: string;
  readonly rssBytes: number;
}

export interface MemorySection {
  readonly node: { readonly rssBytes: number; readonly peakRssBytes: number; readonly heapUsedBytes: number };
  /** DynamoDB Local: the pid the runtime started and its descendants (the JVM), summed. */
  readonly dynamoDb?: { readonly processes: readonly ProcessMemory[]; readonly rssBytes: number };
}

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

function processMemory(pid: number): ProcessMemory | undefined {
  const status = readText(`/proc/${pid}/status`);
  if (!status) return undefined;
  const rssKb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  const command = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? '?';
  return { pid, command, rssBytes: Number(rssKb ?? 0) * 1024 };
}

/** The pid and every descendant, from `/proc/<pid>/task/<tid>/children` (Linux). */
function processTree(pid: number): number[] {
  const tasks = (() => {
    try {
      return readdirSync(`/proc/${pid}/task`);
    } catch {
      return [];
    }
  })();
  const children = tasks.flatMap((task) =>
    (readText(`/proc/${pid}/task/${task}/children`) ?? '').split(/\s+/).filter(Boolean).map(Number),
  );
  return [pid, ...children.flatMap(processTree)];
}

/** Taken after the latency runs, while the platform still holds what those runs made. */
export function measureMemory(dynamoDbPid: number | undefined): MemorySection {
  const usage = process.memoryUsage();
  const node = {
    rssBytes: usage.rss,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: usage.heapUsed,
  };
  if (dynamoDbPid === undefined) return { node };
  const processes = processTree(dynamoDbPid)
    .map(processMemory)
    .filter((memory): memory is ProcessMemory => memory !== undefined);
  return { node, dynamoDb: { processes, rssBytes: processes.reduce((sum, p) => sum + p.rssBytes, 0) } };
}

export function memoryTable(memory: MemorySection): string {
  const target = TARGETS.nodeRssMb * 1024 * 1024;
  const rows = [
    ['Node process (gateway + handlers + relay + bench client): RSS', mib(memory.node.rssBytes), `≤ ${TARGETS.nodeRssMb}`, verdict(memory.node.rssBytes <= target)],
    ['Node process: peak RSS so far', mib(memory.node.peakRssBytes), `≤ ${TARGETS.nodeRssMb}`, verdict(memory.node.peakRssBytes <= target)],
    ['Node process: V8 heap used', mib(memory.node.heapUsedBytes), '', ''],
  ];
  if (memory.dynamoDb) {
    const names = memory.dynamoDb.processes.map((p) => `${p.command} ${p.pid}`).join(', ');
    rows.push([`DynamoDB Local, apart (${names}): RSS`, mib(memory.dynamoDb.rssBytes), 'no target', '']);
  } else {
    rows.push(['DynamoDB Local', 'not started by this run', '', '']);
  }
  return markdownTable(['process', 'MB', 'target MB', 'met'], rows, [1]);
}
