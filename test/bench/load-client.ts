import { performance } from 'node:perf_hooks';
import autocannon, { type Request } from 'autocannon';

/**
 * The load section's client, in a process of its own so that it does not share the platform's event loop:
 * autocannon with the mix of load.ts (`BENCH_LOAD`, JSON), one simulated user per connection. Prints autocannon's
 * result as JSON on stdout.
 */
export interface LoadPlan {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /**
   * Per connection, in turn; bodies are JSON. Placeholders in a path or body: `{user}` the connection's own staff
   * record, `{round}` its cycle (1, 2, …), `{enterprise}` the enterprise of this cycle's policy, `{periodStart}` /
   * `{periodEnd}` its period, `{policy}` / `{service}` the ids this connection's `capture` steps answered,
   * `{scheduledAt}` a time for a service inside this cycle's policy period (SVC-4): an hour from now in a policy from
 * today, 09:00 on the first day of a later one.
   */
  readonly mix: readonly { readonly method: string; readonly path: string; readonly body?: unknown; readonly capture?: 'policy' | 'service' }[];
  readonly users: readonly LoadUser[];
  /** UW-9: one-year periods that do not overlap, the first from today; cycle `r` takes `periods[⌊(r−1) / enterprises⌋]`. */
  readonly periods: readonly { readonly start: string; readonly end: string }[];
}

/**
 * A simulated user's own data: its staff record, the token of its insurer's administrator it calls with, and the
 * enterprises only it issues policies to, so users never collide.
 */
export interface LoadUser {
  readonly user: string;
  readonly token: string;
  readonly enterprises: readonly string[];
}

/** A step's answers in the run: how many, and their latency. */
export interface StepLatency {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** A step's non-2xx answers: how many, by status, and the first one's body. */
export interface StepFailures {
  count: number;
  statuses: Record<number, number>;
  first: string;
}

/** One cycle's state. autocannon gives each connection a fresh context at the start of every pass over the mix. */
interface Context {
  sentAt?: number;
  user?: LoadUser;
  round?: number;
  policy?: string;
  service?: string;
}

/**
 * The simulated users not in a cycle right now. A connection takes one at the start of its cycle and gives it back
 * after the cycle's last answer (autocannon clears the context between cycles, so a user cannot stay with its
 * connection): with as many users as connections, no two cycles ever act as the same user at once (the PATCH of
 * a staff record never races itself), and each user's cycles are numbered 1, 2, … in turn.
 */
class UserPool {
  private readonly free: LoadUser[];
  private readonly rounds = new Map<string, number>();
  constructor(private readonly all: readonly LoadUser[]) {
    this.free = [...all];
  }
  take(): { user: LoadUser; round: number } {
    // Only a cycle cut short (a timeout: autocannon starts the mix over) keeps its user; then share the first one
    // (a race that shows as an error of the run, never a crash of the client).
    const user = this.free.shift() ?? this.all[0]!;
    const round = (this.rounds.get(user.user) ?? 0) + 1;
    this.rounds.set(user.user, round);
    return { user, round };
  }
  giveBack(user: LoadUser | undefined): void {
    if (user) this.free.push(user);
  }
}

/**
 * UW-9: a user's cycle `round` issues to its enterprises in turn, and once each has this period's policy, to the
 * first again for the next period — never two overlapping policies of one insurer for one enterprise.
 */
export function policyOfRound(user: LoadUser, round: number, periods: LoadPlan['periods']): { enterprise: string; start: string; end: string } {
  const index = round - 1;
  const period = periods[Math.floor(index / user.enterprises.length)];
  if (!period) throw new Error(`load: round ${round} needs more than the ${periods.length} periods prepared`);
  return { enterprise: user.enterprises[index % user.enterprises.length]!, start: period.start, end: period.end };
}

function fill(text: string, context: Context, periods: LoadPlan['periods']): string {
  const user = context.user!;
  const round = context.round ?? 1;
  const policy = policyOfRound(user, round, periods);
  const values: Record<string, string> = {
    user: user.user,
    round: String(round),
    enterprise: policy.enterprise,
    periodStart: policy.start,
    periodEnd: policy.end,
    policy: context.policy ?? '',
    service: context.service ?? '',
    scheduledAt: policy.start === periods[0]?.start ? new Date(Date.now() + 3_600_000).toISOString() : `${policy.start}T01:00:00.000Z`,
  };
  return text.replace(/\{(user|round|enterprise|periodStart|periodEnd|policy|service|scheduledAt)\}/g, (_, name: string) => values[name]!);
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.env.BENCH_LOAD ?? '{}') as LoadPlan;
  const pool = new UserPool(plan.users);
  const failures: Record<number, StepFailures> = {};
  const latencies: number[][] = [];
  const requests: Request[] = plan.mix.map((step, index) => ({
    method: step.method,
    setupRequest: (request, raw) => {
      const context = raw as Context;
      if (index === 0) Object.assign(context, pool.take());
      context.sentAt = performance.now();
      return {
        ...request,
        path: `/api/v1${fill(step.path, context, plan.periods)}`,
        headers: { authorization: `Bearer ${context.user!.token}`, ...(step.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(step.body === undefined ? {} : { body: fill(JSON.stringify(step.body), context, plan.periods) }),
      };
    },
    onResponse: (status: number, body: string, raw: unknown) => {
      const sentAt = (raw as Context).sentAt;
      // The request is built just before it is written (no pipelining), so this is the step's own latency.
      if (sentAt !== undefined) (latencies[index] ??= []).push(performance.now() - sentAt);
      if (status >= 300) {
        // Which step answered what: a non-2xx of the mix is named in the section's table with its first answer.
        const failed = (failures[index] ??= { count: 0, statuses: {}, first: body.slice(0, 300) });
        failed.count += 1;
        failed.statuses[status] = (failed.statuses[status] ?? 0) + 1;
      }
      // The ids of what this user just issued or scheduled, for its next steps; a refusal leaves none (the next step then fails too, and counts).
      if (step.capture !== undefined) (raw as Context)[step.capture] = status < 300 ? (JSON.parse(body) as { id: string }).id : undefined;
      if (index === plan.mix.length - 1) pool.giveBack((raw as Context).user);
    },
  }));

  const result = await autocannon({ url: plan.url, connections: plan.connections, duration: plan.seconds, timeout: 30, requests });
  const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  const steps = plan.mix.map((_, index) => {
    const sorted = [...(latencies[index] ?? [])].sort((a, b) => a - b);
    return { count: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
  });
  process.stdout.write(`\nRESULT ${JSON.stringify({ ...result, failures, steps })}\n`);
}

if (process.env.BENCH_LOAD) await main();
