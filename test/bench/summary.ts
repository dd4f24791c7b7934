import type { BundleResult } from './bundles.js';
import type { ColdImportSection } from './cold-import.js';
import { sameCalls } from './dynamodb-calls.js';
import { ratiosOf } from './latency-report.js';
import type { LatencySection } from './latency.js';
import type { MemorySection } from './memory.js';
import { median } from './stats.js';
import { kib, markdownTable, mib, ratio, verdict, type Outcome } from './table.js';
import { TARGETS } from './targets.js';

export interface Verdict {
  readonly target: string;
  readonly measured: string;
  readonly met: Outcome;
}

/** One line per target of the issue: the worst case measured, and whether it is met. */
export function verdicts(latency: LatencySection, memory: MemorySection, bundles: readonly BundleResult[], cold: ColdImportSection): Verdict[] {
  const judged = latency.operations
    .map((operation) => ({ name: operation.name, ...ratiosOf(operation) }))
    .filter((entry) => entry.judged);
  const missed = judged.filter((entry) => entry.met === false);
  const unsure = judged.filter((entry) => entry.met === undefined);
  const worstRatio = Math.max(...judged.map((entry) => entry.requestPath ?? 0));
  const offCalls = latency.operations.filter((operation) => !sameCalls(operation.calls, operation.expectedCalls));
  const biggest = Math.max(...bundles.map((bundle) => bundle.bytes));
  const bare = median(cold.bareNodeMs);
  const worstImport = Math.max(...cold.imports.map((entry) => median(entry.importMs) / bare));
  return [
    {
      target: `warm p50 ≤ ${TARGETS.warmP50Ratio}× the bare DynamoDB calls (scrypt excluded)`,
      measured:
        `worst ${ratio(worstRatio)}; of ${judged.length}: ${judged.length - missed.length - unsure.length} met, ${missed.length} missed` +
        `${missed.length ? ` (${missed.map((entry) => entry.name).join(', ')})` : ''}, ${unsure.length} within noise` +
        `${unsure.length ? ` (${unsure.map((entry) => entry.name).join(', ')})` : ''}`,
      met: missed.length > 0 ? false : unsure.length > 0 ? undefined : true,
    },
    {
      target: 'one TransactWriteItems per write, one GetItem per get',
      measured: offCalls.length ? `off: ${offCalls.map((operation) => operation.name).join(', ')}` : `all ${latency.operations.length} operations as expected`,
      met: offCalls.length === 0,
    },
    {
      target: `bundle ≤ ${TARGETS.bundleKb} KB per function`,
      measured: `biggest ${kib(biggest)} KB`,
      met: biggest <= TARGETS.bundleKb * 1024,
    },
    {
      target: `cold import ≤ ${TARGETS.coldImportRatio}× bare node startup`,
      measured: `worst ${ratio(worstImport)}`,
      met: worstImport <= TARGETS.coldImportRatio,
    },
    {
      target: `Node RSS ≤ ${TARGETS.nodeRssMb} MB`,
      measured: `${mib(memory.node.rssBytes)} MB (peak ${mib(memory.node.peakRssBytes)} MB)`,
      met: memory.node.rssBytes <= TARGETS.nodeRssMb * 1024 * 1024,
    },
  ];
}

export const verdictTable = (all: readonly Verdict[]): string =>
  markdownTable(['target', 'measured', 'met'], all.map((entry) => [entry.target, entry.measured, verdict(entry.met)]));
