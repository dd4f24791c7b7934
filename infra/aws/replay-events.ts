import { pathToFileURL } from 'node:url';
import { DescribeArchiveCommand, EventBridgeClient, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { SUBSCRIPTIONS } from '../../functions/events/subscriptions.js';
import { subscriptionRuleName } from '../stacks/api-stack.js';

export interface ReplayOptions {
  readonly stage: string;
  /** The window of the events' own times (ISO 8601, with an offset). */
  readonly from: Date;
  readonly to: Date;
  /** The subscriptions (functions/events/subscriptions.ts) to replay to; all of them when empty. */
  readonly subscriptions: readonly string[];
}

/**
 * Replays a window of the bus archive `anze-<stage>-events` to the subscriptions' rules only (never to every
 * rule of the bus): after a projection or the schedules function failed and its dead-letter queue filled,
 * once the cause is fixed. Subscribers are idempotent (projections read the aggregate as it is now), so
 * events they had already handled do no harm.
 */
export async function replayEvents(client: EventBridgeClient, options: ReplayOptions): Promise<string> {
  if (!(options.from < options.to)) throw new Error('--from must be before --to');
  const known = SUBSCRIPTIONS.map((subscription) => subscription.name);
  const unknown = options.subscriptions.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new Error(`unknown subscription(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
  const archiveName = `anze-${options.stage}-events`;
  const archive = await client.send(new DescribeArchiveCommand({ ArchiveName: archiveName }));
  if (!archive.ArchiveArn || !archive.EventSourceArn) throw new Error(`archive ${archiveName} has no ARN or source bus`);
  // arn:<partition>:events:<region>:<account>:event-bus/<bus> → …:rule/<bus>/<rule>
  const [arnPrefix, busName] = archive.EventSourceArn.split(':event-bus/');
  const ruleArns = (options.subscriptions.length > 0 ? options.subscriptions : known).map(
    (name) => `${arnPrefix}:rule/${busName}/${subscriptionRuleName(options.stage, name)}`,
  );
  const replayName = `anze-${options.stage}-${options.from.toISOString().replace(/[^0-9]/g, '').slice(0, 12)}-${Date.now().toString(36)}`;
  await client.send(
    new StartReplayCommand({
      ReplayName: replayName.slice(0, 64),
      Description: `anze replay ${options.from.toISOString()} – ${options.to.toISOString()}`,
      EventSourceArn: archive.ArchiveArn,
      EventStartTime: options.from,
      EventEndTime: options.to,
      Destination: { Arn: archive.EventSourceArn, FilterArns: ruleArns },
    }),
  );
  return replayName;
}

/** `npm run replay:events -- --stage prod --from 2026-12-01T00:00+08:00 --to 2026-12-02T00:00+08:00 [--subscription PolicyEvents]` */
export function parseReplayArguments(argv: readonly string[]): ReplayOptions {
  const values = new Map<string, string[]>();
  for (let index = 0; index < argv.length; index += 2) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (!flag?.startsWith('--') || value === undefined) throw new Error(`expected --flag value pairs, got ${argv.join(' ')}`);
    values.set(flag.slice(2), [...(values.get(flag.slice(2)) ?? []), value]);
  }
  const date = (name: string): Date => {
    const raw = values.get(name)?.[0];
    const parsed = raw ? new Date(raw) : undefined;
    if (!parsed || Number.isNaN(parsed.getTime())) throw new Error(`--${name} must be an ISO 8601 time, e.g. 2026-12-01T00:00+08:00`);
    return parsed;
  };
  return { stage: values.get('stage')?.[0] ?? 'dev', from: date('from'), to: date('to'), subscriptions: values.get('subscription') ?? [] };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  replayEvents(new EventBridgeClient({}), parseReplayArguments(process.argv.slice(2)))
    .then((name) => console.log(`Replay ${name} started: aws events describe-replay --replay-name ${name}`))
    .catch((error: unknown) => {
      console.error(`replay failed: ${(error as Error).message}`);
      process.exit(1);
    });
}
