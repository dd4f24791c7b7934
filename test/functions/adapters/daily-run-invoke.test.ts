import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { dailyRunFromEnv } from '../../../functions/adapters/daily-run-from-env.js';
import { LambdaDailyRun } from '../../../functions/adapters/lambda/daily-run-invoke.js';

const lambda = mockClient(LambdaClient);
afterEach(() => lambda.reset());

const payload = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('run now on AWS: the schedules function invoked (issue 16)', () => {
  it('issue 16: invokes the schedules function synchronously with the 08:00 (Asia/Shanghai) time of the day asked for', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload({ remindersRaised: { 'SVC-9': { overdue: 1 } }, overdueComplaints: 2, reminders: 0 }) as never });
    const outcome = await new LambdaDailyRun('anze-schedules', new LambdaClient({ region: 'cn-north-1' })).run('2026-12-07');
    expect(outcome).toEqual({ remindersRaised: { 'SVC-9': { overdue: 1 } }, overdueComplaints: 2 });
    const sent = lambda.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(sent?.FunctionName).toBe('anze-schedules');
    expect(sent?.InvocationType).toBe('RequestResponse');
    expect(JSON.parse(new TextDecoder().decode(sent?.Payload as Uint8Array))).toEqual({ job: 'daily', 'detail-type': 'Run Now', time: '2026-12-07T08:00:00+08:00' });
  });

  it('issue 16: a failed run is an error, never an empty answer', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, FunctionError: 'Unhandled', Payload: payload({ errorMessage: 'boom' }) as never });
    await expect(new LambdaDailyRun('anze-schedules', new LambdaClient({ region: 'cn-north-1' })).run('2026-12-07')).rejects.toThrow(/Unhandled/);
  });

  it('issue 16: the stack naming the schedules function (ANZE_SCHEDULES_FUNCTION) selects the invoke', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload({ remindersRaised: {}, overdueComplaints: 0 }) as never });
    await expect(dailyRunFromEnv({ ANZE_SCHEDULES_FUNCTION: 'anze-schedules', AWS_REGION: 'cn-north-1' }).run('2026-12-07')).resolves.toEqual({ remindersRaised: {}, overdueComplaints: 0 });
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(1);
  });
});
