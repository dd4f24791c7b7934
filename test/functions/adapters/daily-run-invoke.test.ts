import { describe, expect, it } from 'vitest';
import { LambdaDailyRun } from '../../../functions/adapters/lambda/daily-run-invoke.js';

interface Sent {
  url: string;
  method?: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Lambda's Invoke endpoint as a fake `fetch`: records the request, answers `answer`. */
function lambdaEndpoint(answer: { status?: number; body: unknown; functionError?: string }) {
  const sent: Sent[] = [];
  const fake = (async (url: string, init: RequestInit) => {
    sent.push({ url, method: init.method, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: answer.functionError ? { 'x-amz-function-error': answer.functionError } : {},
    });
  }) as unknown as typeof fetch;
  return { sent, fake };
}

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

describe('run now on AWS: the schedules function invoked (issue 16)', () => {
  it('issue 16: one signed synchronous Invoke of the schedules function, with the 08:00 (Asia/Shanghai) time of the day asked for', async () => {
    const lambda = lambdaEndpoint({ body: { remindersRaised: { 'SVC-9': { overdue: 1 } }, overdueComplaints: 2, reminders: 0 } });
    const run = new LambdaDailyRun({ functionName: 'anze-prod-schedules', region: 'cn-north-1', credentials, fetch: lambda.fake });
    expect(await run.run('2026-12-07')).toEqual({ remindersRaised: { 'SVC-9': { overdue: 1 } }, overdueComplaints: 2 });
    expect(lambda.sent).toHaveLength(1);
    const [request] = lambda.sent as [Sent];
    expect(request.url).toBe('https://lambda.cn-north-1.amazonaws.com.cn/2015-03-31/functions/anze-prod-schedules/invocations');
    expect(request.method).toBe('POST');
    expect(request.headers['x-amz-invocation-type']).toBe('RequestResponse');
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-north-1\/lambda\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/);
    expect(request.body).toEqual({ job: 'daily', 'detail-type': 'Run Now', time: '2026-12-07T08:00:00+08:00' });
  });

  it('issue 16: a failed run is an error, never an empty answer', async () => {
    const failed = lambdaEndpoint({ body: { errorMessage: 'boom' }, functionError: 'Unhandled' });
    await expect(new LambdaDailyRun({ functionName: 'f', region: 'cn-northwest-1', credentials, fetch: failed.fake }).run('2026-12-07')).rejects.toThrow(/Unhandled/);
    const refused = lambdaEndpoint({ status: 403, body: { message: 'not authorized' } });
    await expect(new LambdaDailyRun({ functionName: 'f', region: 'cn-northwest-1', credentials, fetch: refused.fake }).run('2026-12-07')).rejects.toThrow(/HTTP 403/);
  });
});
