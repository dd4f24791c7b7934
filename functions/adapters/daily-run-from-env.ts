import type { LocalDate } from '../../domain/kernel/calendar/local-date.js';
import type { DailyRun, DailyRunOutcome } from '../../domain/platform/daily-run.port.js';
import { dailyRunTime } from './daily-run-time.js';
import { sharedDynamoDb } from './dynamodb/client.js';

/** The schedules handler's entry as the local runtime imports it (TypeScript sources, never a bundle). */
const LOCAL_SCHEDULES_ENTRY = '../schedules/handler.ts';

/**
 * Issue 16: where "run now" runs. On AWS the stack names the schedules function (`ANZE_SCHEDULES_FUNCTION`, set
 * on the platform function with the right to invoke it) and it is invoked, signed with the platform function's
 * own credentials; the invoke adapter is loaded on the first run only. Locally the schedules handler runs in this process, as the local scheduler runs it: its
 * module is imported by a path the bundler does not follow, so the platform function's bundle never carries the
 * schedules' code.
 */
export function dailyRunFromEnv(env: NodeJS.ProcessEnv = process.env): DailyRun {
  const functionName = env.ANZE_SCHEDULES_FUNCTION;
  if (functionName) {
    let loaded: Promise<DailyRun> | undefined;
    return {
      run: async (date) =>
        (await (loaded ??= import('./lambda/daily-run-invoke.js').then(
          ({ LambdaDailyRun }) =>
            new LambdaDailyRun({
              functionName,
              region: env.AWS_REGION ?? 'cn-north-1',
              // The platform function's own credentials, as its DynamoDB client resolved them.
              credentials: sharedDynamoDb().client.config.credentials,
            }),
        ))).run(date),
    };
  }
  return {
    async run(date: LocalDate): Promise<DailyRunOutcome> {
      const entry: string = LOCAL_SCHEDULES_ENTRY;
      const schedules = (await import(/* @vite-ignore */ new URL(entry, import.meta.url).href)) as {
        handler(event: { time: string }): Promise<Partial<DailyRunOutcome>>;
      };
      const outcome = await schedules.handler({ time: dailyRunTime(date) });
      return { remindersRaised: outcome.remindersRaised ?? {}, overdueComplaints: outcome.overdueComplaints ?? 0 };
    },
  };
}
