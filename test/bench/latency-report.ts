import { describeCalls, sameCalls } from './dynamodb-calls.js';
import type { LatencySection, OperationLatency } from './latency.js';
import { medianNoise, type Summary } from './stats.js';
import { markdownTable, ms, ratio, verdict, type Outcome } from './table.js';
import { TARGETS } from './targets.js';

/** Gateway p50 against bare p50: raw, and with the deliberate scrypt work taken out (see README). */
export interface Ratios {
  readonly raw?: number;
  /** (gateway p50 − scrypt p50) ÷ bare p50. */
  readonly requestPath?: number;
  readonly scryptP50?: number;
  /** gateway p50 − scrypt p50 − bare p50: what the request path adds, in ms … */
  readonly addedMs?: number;
  /** … give or take this much (the medians' notches combined). */
  readonly addedNoiseMs?: number;
  /** Against the target, counting the noise: undefined when the target lies inside it. */
  readonly met?: Outcome;
  readonly judged: boolean;
}

export function ratiosOf(operation: OperationLatency): Ratios {
  const { gateway, bare } = operation;
  if (!bare) return { judged: false };
  const scrypt = operation.scrypt?.alone;
  const scryptP50 = scrypt?.p50 ?? 0;
  const target = TARGETS.warmP50Ratio;
  const noise = (bareWeight: number) =>
    Math.hypot(medianNoise(gateway), scrypt ? medianNoise(scrypt) : 0, bareWeight * medianNoise(bare));
  // Over the target by this many ms (negative: under it), and how sure that is.
  const excess = gateway.p50 - scryptP50 - target * bare.p50;
  const excessNoise = noise(target);
  return {
    raw: gateway.p50 / bare.p50,
    requestPath: (gateway.p50 - scryptP50) / bare.p50,
    scryptP50: scrypt?.p50,
    addedMs: gateway.p50 - scryptP50 - bare.p50,
    addedNoiseMs: noise(1),
    met: excess <= -excessNoise ? true : excess >= excessNoise ? false : undefined,
    judged: true,
  };
}

const dash = '—';
const optional = (summary: Summary | undefined, pick: (s: Summary) => number) => (summary ? ms(pick(summary)) : dash);
const orDash = (value: number | undefined, format: (n: number) => string) => (value === undefined ? dash : format(value));

export function latencyTable(section: LatencySection): string {
  const rows = section.operations.map((operation) => {
    const r = ratiosOf(operation);
    return [
      operation.scrypt ? `${operation.name} ⚠ scrypt ${operation.scrypt.kind}` : operation.name,
      ms(operation.gateway.p50),
      ms(operation.gateway.p99),
      optional(operation.bare, (s) => s.p50),
      optional(operation.bare, (s) => s.p99),
      orDash(r.scryptP50, ms),
      r.addedMs === undefined ? dash : `${ms(r.addedMs)} ± ${ms(r.addedNoiseMs ?? 0)}`,
      orDash(r.raw, ratio),
      orDash(r.requestPath, ratio),
      r.judged ? verdict(r.met) : 'n/a (no DynamoDB call)',
    ];
  });
  return markdownTable(
    [
      'operation',
      'gateway p50 ms',
      'gateway p99 ms',
      'bare DDB p50 ms',
      'bare DDB p99 ms',
      'scrypt p50 ms',
      'added p50 ms ± noise',
      'p50 ratio (raw)',
      `p50 ratio excl. scrypt (target ≤ ${TARGETS.warmP50Ratio}×)`,
      'met',
    ],
    rows,
    [1, 2, 3, 4, 5, 6, 7, 8],
  );
}

export function latencyNotes(section: LatencySection): string {
  const scryptBound = section.operations.filter((operation) => operation.scrypt);
  const first = scryptBound[0];
  return [
    `- Every row: ${section.repetitions.runs} timed requests, one at a time, in turns with as many bare replays` +
      (first?.scrypt
        ? `; warm-up ${section.repetitions.warmup} (${first.warmup} for the ${scryptBound.length} scrypt-bound rows, whose scrypt alone is timed every 4th round: ${first.scrypt.alone.runs} runs).`
        : `; warm-up ${section.repetitions.warmup}.`),
    '- "added p50 ms" = gateway p50 − scrypt p50 − bare p50: what HTTP, the gateway, the token check, the Middy stack, validation and the repository add to the DynamoDB calls.',
    '- "excl. scrypt" = (gateway p50 − scrypt p50) ÷ bare p50, with scrypt timed alone in turns with the request. A difference of medians, not the median of differences: an estimate.',
    '- "± noise": the medians\' 95 % notches (1.57 × IQR ÷ √n) combined. "? within noise": the 1.2× line lies inside that band, so this run cannot say.',
    ...section.operations.filter((operation) => operation.note).map((operation) => `- ${operation.name}: ${operation.note}.`),
  ].join('\n');
}

export function fixedCostTable(section: LatencySection): string {
  const health = section.operations.find((operation) => operation.name === 'GET /health');
  const scrypt = section.operations.flatMap((operation) =>
    operation.scrypt
      ? [[`${operation.scrypt.kind === 'hash' ? 'hashPassword' : 'verifyPassword'} alone (scrypt N=2^15, r=8, p=1), ${operation.scrypt.alone.runs} runs in turns with ${operation.name}`, ms(operation.scrypt.alone.p50), ms(operation.scrypt.alone.p99)]]
      : [],
  );
  return markdownTable(
    ['parts of the request path, timed alone', 'p50 ms', 'p99 ms'],
    [
      ...(health ? [['GET /health through the gateway: HTTP, routing, Middy stack; no token, no table', ms(health.gateway.p50), ms(health.gateway.p99)]] : []),
      ['ES256 token check (verifyLocalToken, once per authenticated request in the gateway)', ms(section.tokenCheck.p50), ms(section.tokenCheck.p99)],
      ...scrypt,
    ],
    [1, 2],
  );
}

export function callsTable(section: LatencySection): string {
  const rows = section.operations.map((operation) => [
    operation.name,
    describeCalls(operation.calls),
    describeCalls(operation.expectedCalls),
    sameCalls(operation.calls, operation.expectedCalls) ? '✓' : '✗ FLAG',
    operation.shapes.join(' → ') || dash,
    operation.payloadBytes ? String(operation.payloadBytes) : dash,
  ]);
  return markdownTable(
    [
      'operation',
      `DynamoDB calls per request (mean of ${section.repetitions.runs})`,
      'expected',
      'ok',
      'calls of one recorded request (replayed bare)',
      'request payload bytes',
    ],
    rows,
    [5],
  );
}
