import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { ProvinceUnavailable, type ProvincialHolding, type ProvincialPlatform, type SubmitOutcome } from '../../../domain/sync/provincial-platform.port.js';
import type { ProvincialRecord } from '../../../domain/sync/provincial-record.js';

/**
 * SYNC-1: the provincial platform over HTTP, as we model it (domain/sync/MAPPING.md): `POST /records` with one
 * record (200 accepted with a receipt, 422 rejected with the province's reason), `GET /records?insurer=&date=`
 * for what it holds. Locally and in tests the simulated province answers (infra/local/provincial-simulator.ts);
 * on AWS the endpoint comes from configuration (`ANZE_PROVINCE_URL`). A real adapter replaces this file.
 *
 * Down, slow past `timeoutMs` or an answer we cannot read is `unavailable`: the sync retries later.
 */
export class HttpProvincialPlatform implements ProvincialPlatform {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async submit(record: ProvincialRecord): Promise<SubmitOutcome> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(record),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return { kind: 'unavailable', detail: timedOut ? `省平台 ${this.timeoutMs} ms 内无应答` : '省平台无法连接' };
    }
    const body = (await response.json().catch(() => undefined)) as { receipt?: unknown; reason?: unknown } | undefined;
    if (response.status === 200 && typeof body?.receipt === 'string') return { kind: 'accepted', receipt: body.receipt };
    if (response.status === 422 && typeof body?.reason === 'string') return { kind: 'rejected', reason: body.reason };
    return { kind: 'unavailable', detail: `省平台暂不可用（HTTP ${response.status}）` };
  }

  async listAccepted(insurerRef: string, date: LocalDate): Promise<readonly ProvincialHolding[]> {
    const url = `${this.baseUrl}/records?insurer=${encodeURIComponent(insurerRef)}&date=${encodeURIComponent(date)}`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      if (!response.ok) throw new ProvinceUnavailable(`HTTP ${response.status}`);
      const body = (await response.json()) as { items: ProvincialHolding[] };
      return body.items;
    } catch (error) {
      throw error instanceof ProvinceUnavailable ? error : new ProvinceUnavailable((error as Error).message);
    }
  }
}

/** The adapter from the function's configuration, or undefined where none is configured. */
export function provincialPlatformFromEnv(env: NodeJS.ProcessEnv = process.env): ProvincialPlatform | undefined {
  const url = env.ANZE_PROVINCE_URL;
  if (!url) return undefined;
  return new HttpProvincialPlatform(url.replace(/\/$/, ''), Number(env.ANZE_PROVINCE_TIMEOUT_MS ?? 5_000));
}
