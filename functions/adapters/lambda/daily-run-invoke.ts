import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Checksum, SourceData } from '@smithy/types';
import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import type { DailyRun, DailyRunOutcome } from '../../../domain/platform/daily-run.port.js';
import { dailyRunTime } from '../daily-run-time.js';

/** SHA-256 for the signer from node:crypto (the SDK's own hash module is not a dependency of ours). */
class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;

  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(this.secret));
  }

  update(data: Uint8Array | string): void {
    this.hash.update(toBuffer(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {
    this.hash = this.fresh();
  }
}

const toBuffer = (data: SourceData): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);

/** China's regions answer under amazonaws.com.cn. */
const lambdaHost = (region: string): string => `lambda.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;

export interface LambdaDailyRunOptions {
  readonly functionName: string;
  readonly region: string;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  readonly fetch?: typeof fetch;
}

/**
 * Issue 16: "run now" on AWS — a synchronous Invoke of the schedules function (its role reads every tenant's due
 * indexes; the platform function's does not), with the input the 08:00 schedule gives it, at 08:00 of `date`.
 * Lambda's Invoke is one signed POST (`/2015-03-31/functions/{name}/invocations`); made with the SDK's SigV4
 * signer and the credentials the platform function already uses, it adds a few kilobytes to the platform bundle
 * where `@aws-sdk/client-lambda` added 98 KB (measured with esbuild, minified).
 */
export class LambdaDailyRun implements DailyRun {
  private readonly signer: SignatureV4;

  constructor(private readonly options: LambdaDailyRunOptions) {
    this.signer = new SignatureV4({ service: 'lambda', region: options.region, credentials: options.credentials, sha256: NodeSha256 });
  }

  async run(date: LocalDate): Promise<DailyRunOutcome> {
    const hostname = lambdaHost(this.options.region);
    const path = `/2015-03-31/functions/${encodeURIComponent(this.options.functionName)}/invocations`;
    const body = JSON.stringify({ job: 'daily', 'detail-type': 'Run Now', time: dailyRunTime(date) });
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: 'https:',
      hostname,
      path,
      headers: { host: hostname, 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' },
      body,
    });
    const response = await (this.options.fetch ?? fetch)(`https://${hostname}${path}`, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
    });
    const text = await response.text();
    const functionError = response.headers.get('x-amz-function-error');
    if (!response.ok || functionError !== null) {
      throw new Error(`the daily run failed (${functionError ?? `HTTP ${response.status}`}): ${text.slice(0, 500)}`);
    }
    const outcome = JSON.parse(text) as Partial<DailyRunOutcome>;
    return { remindersRaised: outcome.remindersRaised ?? {}, overdueComplaints: outcome.overdueComplaints ?? 0 };
  }
}
