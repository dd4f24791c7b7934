import { Agent, request as httpRequest } from 'node:http';

/** One request of the attack suite, exactly as sent: the path is not normalised or re-encoded. */
export interface AttackRequest {
  /** What the request tries, e.g. `body:invalid`, `path:%ZZ`, `token:alg-none`. */
  readonly attack: string;
  /** The route it aims at (`POST /api/v1/policies`), or the raw path for paths outside the API. */
  readonly route: string;
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

export interface AttackResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** Status `0` is a transport failure: a reset or closed connection instead of an answer. */
export type Check = (response: AttackResponse, request: AttackRequest) => string | undefined;

interface Finding {
  readonly attack: string;
  readonly route: string;
  readonly problem: string;
  readonly examples: { method: string; path: string; headers?: Readonly<Record<string, string>>; body?: string; status: number; answer: string }[];
  count: number;
}

const excerpt = (text: string | Buffer | undefined, length = 400): string | undefined => {
  if (text === undefined) return undefined;
  const value = typeof text === 'string' ? text : `<${text.length} bytes>`;
  return value.length > length ? `${value.slice(0, length)}… (${value.length} chars)` : value;
};

/**
 * Sends attack requests to the platform on 127.0.0.1 — only there — with a bounded number in flight, and keeps
 * the tally: how many, which statuses, and every answer that broke a check (any 5xx, a reset connection, a
 * missing or repeated `x-request-id`, or the check of the attack), grouped by attack and route with the
 * requests that caused them, so a failure names what to replay.
 */
export class AttackClient {
  readonly statuses = new Map<number, number>();
  /** Statuses by the family of attack (`body`, `path`, `token` …: what precedes the `:` of its name). */
  readonly statusesByFamily = new Map<string, Map<number, number>>();
  private readonly findings = new Map<string, Finding>();
  private readonly requestIds = new Set<string>();
  private readonly agent: Agent;
  sent = 0;

  constructor(
    private readonly port: number,
    readonly concurrency = 24,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  }

  /** Sends every request, `concurrency` at a time; each answer is checked as it comes. */
  async run(requests: Iterable<AttackRequest>, check?: Check): Promise<void> {
    const iterator = requests[Symbol.iterator]();
    const worker = async () => {
      for (let next = iterator.next(); !next.done; next = iterator.next()) {
        const request = next.value;
        const response = await this.send(request);
        this.record(request, response, check);
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
  }

  send(request: AttackRequest): Promise<AttackResponse> {
    this.sent += 1;
    const body = request.body === undefined ? undefined : typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
    return new Promise((resolve) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: this.port,
          method: request.method,
          path: request.path,
          agent: this.agent,
          headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...request.headers },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }));
          incoming.on('error', (error) => resolve({ status: 0, headers: {}, body: `response failed: ${error.message}` }));
        },
      );
      outgoing.on('error', (error) => resolve({ status: 0, headers: {}, body: `request failed: ${error.message}` }));
      outgoing.end(body);
    });
  }

  record(request: AttackRequest, response: AttackResponse, check?: Check): void {
    this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
    const family = request.attack.split(':')[0] as string;
    const ofFamily = this.statusesByFamily.get(family) ?? new Map<number, number>();
    ofFamily.set(response.status, (ofFamily.get(response.status) ?? 0) + 1);
    this.statusesByFamily.set(family, ofFamily);
    const problems: string[] = [];
    if (response.status === 0) problems.push('no answer (connection reset or closed)');
    else if (response.status >= 500) problems.push(`${response.status}`);
    const requestId = response.headers['x-request-id'];
    // Every answer of the gateway carries its request id; Node's HTTP parser refuses some requests (raw non-UTF-8
    // bytes in the path) with a bare 400 before any of our code runs, and that answer has no body to carry one.
    const fromGateway = String(response.headers['content-type'] ?? '').includes('json');
    if (fromGateway && request.path.startsWith('/api/') && response.status > 0 && response.status < 500 && !request.path.startsWith('/api/v1/openapi.json')) {
      if (typeof requestId !== 'string' || requestId === '') problems.push('no x-request-id');
      else if (this.requestIds.has(requestId)) problems.push('x-request-id repeated');
    }
    if (typeof requestId === 'string') this.requestIds.add(requestId);
    const checked = response.status >= 500 || response.status === 0 ? undefined : check?.(response, request);
    if (checked) problems.push(checked);
    for (const problem of problems) {
      const key = `${request.attack}|${request.route}|${problem.replace(/\d+$/, (d) => (Number(d) >= 500 ? '5xx' : d))}`;
      const finding = this.findings.get(key) ?? { attack: request.attack, route: request.route, problem, examples: [], count: 0 };
      finding.count += 1;
      if (finding.examples.length < 2) {
        finding.examples.push({
          method: request.method,
          path: excerpt(request.path, 200) as string,
          headers: request.headers,
          body: excerpt(request.body),
          status: response.status,
          answer: excerpt(response.body, 300) as string,
        });
      }
      this.findings.set(key, finding);
    }
  }

  /** Every broken check, largest groups first. */
  report(): Finding[] {
    return [...this.findings.values()].sort((a, b) => b.count - a.count);
  }

  count(predicate: (status: number) => boolean, family?: string): number {
    const statuses = family === undefined ? this.statuses : (this.statusesByFamily.get(family) ?? new Map<number, number>());
    return [...statuses].filter(([status]) => predicate(status)).reduce((sum, [, n]) => sum + n, 0);
  }

  close(): void {
    this.agent.destroy();
  }
}
