import autocannon, { type Request } from 'autocannon';

/**
 * The load section's client, in a process of its own so that it does not share the platform's event loop:
 * autocannon with the mix of load.ts (`BENCH_LOAD`, JSON), one simulated user per connection. Prints autocannon's
 * result as JSON on stdout.
 */
interface LoadPlan {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /** Per connection, in turn: `{user}` in a path is the connection's own user id; bodies are JSON. */
  readonly mix: readonly { readonly method: string; readonly path: string; readonly body?: unknown }[];
  readonly token: string;
  readonly users: readonly string[];
}

const plan = JSON.parse(process.env.BENCH_LOAD ?? '{}') as LoadPlan;
let nextUser = 0;
const requests: Request[] = plan.mix.map((step, index) => ({
  method: step.method,
  setupRequest: (request, context) => {
    // The first request of a connection picks its user; every later one reuses it (autocannon keeps context per connection).
    if (context.user === undefined) context.user = plan.users[nextUser++ % plan.users.length];
    const user = String(context.user);
    const round = (context.round = Number(context.round ?? 0) + (index === 0 ? 1 : 0));
    return {
      ...request,
      path: `/api/v1${step.path.replace('{user}', user)}`,
      headers: { authorization: `Bearer ${plan.token}`, ...(step.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(step.body === undefined ? {} : { body: JSON.stringify(step.body).replace('{round}', String(round)) }),
    };
  },
}));

const result = await autocannon({ url: plan.url, connections: plan.connections, duration: plan.seconds, timeout: 30, requests });
process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
