import { performance } from 'node:perf_hooks';

/** Latency figures of one series, in milliseconds. */
export interface Summary {
  readonly runs: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p99: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

/** Nearest-rank percentile (p in 0..100) of samples sorted ascending: always one of the measured values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p25: percentile(sorted, 25),
    p50: percentile(sorted, 50),
    p75: percentile(sorted, 75),
    p99: percentile(sorted, 99),
    min: sorted[0] as number,
    max: sorted.at(-1) as number,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

/**
 * Half-width of a rough 95 % interval around the median: 1.57 × IQR ÷ √n (the notch of McGill, Tukey and
 * Larsen's box plots). Enough to tell a real difference of medians from noise on a busy machine.
 */
export const medianNoise = (summary: Summary): number => (1.57 * (summary.p75 - summary.p25)) / Math.sqrt(summary.runs);

export const median = (samples: readonly number[]): number => percentile([...samples].sort((a, b) => a - b), 50);

export interface Repetitions {
  /** Untimed runs first: JIT, connection pools and DynamoDB Local's own caches settle. */
  readonly warmup: number;
  /** Timed runs, one after another (never concurrent). */
  readonly runs: number;
}

/** One thing to time; `iteration` counts every call of this step (warm-up included), for fresh keys. */
export type Step = (iteration: number) => Promise<unknown>;

/** Runs `step` `times` times, untimed. Returns the next iteration number. */
export async function warmUp(step: Step, times: number, from = 0): Promise<number> {
  for (let i = 0; i < times; i += 1) await step(from + i);
  return from + times;
}

/** One series timed in turns with others. */
export interface Turn {
  readonly step: Step;
  /** The iteration number of its first timed run (after its warm-up). */
  readonly from?: number;
  /** Take a turn only every n-th round (1 = every round): for slow companions such as scrypt alone. */
  readonly every?: number;
}

/**
 * Times several series in turns — one run of each per round, the order rotating every round — so that
 * background load that comes and goes (the outbox relay, the JVM's GC, other processes) falls on all of
 * them alike and their ratio stays fair. Nothing runs concurrently. Returns the samples (ms) per series.
 */
export async function timeInTurns(turns: readonly Turn[], rounds: number): Promise<number[][]> {
  const samples = turns.map((): number[] => []);
  for (let round = 0; round < rounds; round += 1) {
    for (let turn = 0; turn < turns.length; turn += 1) {
      const index = (round + turn) % turns.length;
      const series = turns[index];
      const taken = samples[index];
      if (!series || !taken || round % (series.every ?? 1) !== 0) continue;
      const started = performance.now();
      await series.step((series.from ?? 0) + taken.length);
      taken.push(performance.now() - started);
    }
  }
  return samples;
}
