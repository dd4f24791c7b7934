import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import type { DailyRun, DailyRunOutcome } from '../../../domain/platform/daily-run.port.js';
import { dailyRunTime } from '../daily-run-time.js';

/**
 * Issue 16: "run now" on AWS — a synchronous invoke of the schedules function (its role reads every tenant's due
 * indexes; the platform function's does not), with the input the 08:00 schedule gives it, at 08:00 of `date`.
 */
export class LambdaDailyRun implements DailyRun {
  constructor(
    private readonly functionName: string,
    private readonly lambda: LambdaClient = new LambdaClient({}),
  ) {}

  async run(date: LocalDate): Promise<DailyRunOutcome> {
    const out = await this.lambda.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'RequestResponse',
        Payload: new TextEncoder().encode(JSON.stringify({ job: 'daily', 'detail-type': 'Run Now', time: dailyRunTime(date) })),
      }),
    );
    const text = out.Payload === undefined ? '' : new TextDecoder().decode(out.Payload);
    if (out.FunctionError !== undefined) throw new Error(`the daily run failed (${out.FunctionError}): ${text.slice(0, 500)}`);
    const outcome = JSON.parse(text) as Partial<DailyRunOutcome>;
    return { remindersRaised: outcome.remindersRaised ?? {}, overdueComplaints: outcome.overdueComplaints ?? 0 };
  }
}
