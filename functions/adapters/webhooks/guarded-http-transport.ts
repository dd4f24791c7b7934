import { lookup } from 'node:dns/promises';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressAllowed, parseIpv4, urlProblem, type UrlPolicy } from '../../../domain/webhooks/address-guard.js';
import { RESPONSE_SNIPPET_MAX } from '../../../domain/webhooks/delivery.js';
import { RefusedEndpoint, type TransportResponse, type WebhookTransport } from '../../../domain/webhooks/ports.js';

/** Every address a host name resolves to (A and AAAA). */
export type Resolver = (host: string) => Promise<readonly { address: string; family: 4 | 6 }[]>;

/** Opens the one connection of an attempt, to `address` (already checked), speaking HTTP(S) for `url`. */
export type Connector = (
  target: { readonly url: URL; readonly address: string; readonly family: 4 | 6 },
  headers: Readonly<Record<string, string>>,
  body: string,
  timeoutMs: number,
) => Promise<TransportResponse>;


export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });

/**
 * Node's http(s) client, made to connect to the checked address: its `lookup` answers with that address
 * instead of resolving again (a second resolution is what DNS rebinding abuses), while the Host header and the
 * TLS server name stay the URL's, so certificates are still checked against the name.
 */
export const nodeConnector: Connector = ({ url, address, family }, headers, body, timeoutMs) =>
  new Promise((resolve, reject) => {
    const pinned: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
      else callback(null, address, family);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: pinned,
        agent: url.protocol === 'https:' ? httpsAgent : httpAgent,
        timeout: timeoutMs,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length < RESPONSE_SNIPPET_MAX) text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text.slice(0, RESPONSE_SNIPPET_MAX) }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });

/**
 * Issue 17 (SSRF): the webhook transport. Before every connection it checks the URL (scheme, literal address),
 * resolves the host, refuses the attempt when ANY resolved address is refused (a name must not mix public and
 * private answers), and connects to the first checked address — never resolving again. Redirects are not
 * followed (a 3xx is a failed attempt), so a receiver cannot bounce the platform to an internal address.
 */
export class GuardedHttpTransport implements WebhookTransport {
  constructor(
    private readonly policy: UrlPolicy,
    private readonly resolve: Resolver = systemResolver,
    private readonly connect: Connector = nodeConnector,
    private readonly timeoutMs = 10_000,
  ) {}

  /**
   * What an URL's text alone decides — its problem, host and whether the host is a literal address — remembered
   * per URL (issue 17, throughput: every attempt checks it). A pure function of the text and the policy, so the
   * memo changes nothing: a name is still resolved and every address checked on every attempt.
   */
  private readonly parsed = new Map<string, { problem?: string; url: URL; host: string; literal?: 4 | 6 }>();

  private parse(rawUrl: string) {
    let known = this.parsed.get(rawUrl);
    if (!known) {
      const problem = urlProblem(rawUrl, this.policy);
      const url = problem ? new URL('http://0.0.0.0/') : new URL(rawUrl);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const literal = parseIpv4(host) !== undefined ? 4 : host.includes(':') ? 6 : undefined;
      known = { ...(problem ? { problem } : {}), url, host, ...(literal ? { literal } : {}) };
      if (this.parsed.size >= 1000) this.parsed.clear();
      this.parsed.set(rawUrl, known);
    }
    return known;
  }

  async post(rawUrl: string, headers: Readonly<Record<string, string>>, body: string): Promise<TransportResponse> {
    const { problem, url, host, literal } = this.parse(rawUrl);
    if (problem) throw new RefusedEndpoint(problem);
    const addresses = literal ? [{ address: host, family: literal }] : await this.resolve(host);
    if (addresses.length === 0) throw new RefusedEndpoint(`${host} resolves to no address`);
    for (const { address } of addresses) {
      const verdict = addressAllowed(address, this.policy);
      if (!verdict.allowed) throw new RefusedEndpoint(`${host} resolves to a refused address (${verdict.reason})`);
    }
    return this.connect({ url, ...(addresses[0] as { address: string; family: 4 | 6 }) }, headers, body, this.timeoutMs);
  }
}

/** The policy from the environment: https only on AWS; loopback locally only with ANZE_WEBHOOKS_ALLOW_PRIVATE=true. */
export function urlPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): UrlPolicy {
  const onAws = env.AWS_LAMBDA_FUNCTION_NAME !== undefined;
  return { httpsOnly: onAws, allowLoopback: !onAws && env.ANZE_WEBHOOKS_ALLOW_PRIVATE === 'true' };
}
