import { DescribeArchiveCommand, EventBridgeClient, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseReplayArguments, replayEvents } from '../../infra/aws/replay-events.js';
import { SUBSCRIPTIONS } from '../../functions/events/subscriptions.js';

const eventBridge = mockClient(EventBridgeClient);
const ARCHIVE_ARN = 'arn:aws-cn:events:cn-north-1:111122223333:archive/anze-prod-events';
const BUS_ARN = 'arn:aws-cn:events:cn-north-1:111122223333:event-bus/anze-prod';

describe('issue 21: npm run replay:events replays the bus archive to the subscriptions’ rules only', () => {
  beforeEach(() => {
    eventBridge.reset();
    eventBridge.on(DescribeArchiveCommand).resolves({ ArchiveArn: ARCHIVE_ARN, EventSourceArn: BUS_ARN });
    eventBridge.on(StartReplayCommand).resolves({ State: 'STARTING' });
  });

  it('starts a replay of the window from anze-<stage>-events to the named subscription’s rule', async () => {
    const options = parseReplayArguments(['--stage', 'prod', '--from', '2026-12-01T00:00+08:00', '--to', '2026-12-02T00:00+08:00', '--subscription', 'PolicyEvents']);
    const name = await replayEvents(new EventBridgeClient({ region: 'cn-north-1' }), options);
    expect(eventBridge).toHaveReceivedCommandWith(DescribeArchiveCommand, { ArchiveName: 'anze-prod-events' });
    expect(eventBridge).toHaveReceivedCommandWith(StartReplayCommand, {
      ReplayName: name,
      EventSourceArn: ARCHIVE_ARN,
      EventStartTime: new Date('2026-11-30T16:00:00.000Z'),
      EventEndTime: new Date('2026-12-01T16:00:00.000Z'),
      Destination: { Arn: BUS_ARN, FilterArns: ['arn:aws-cn:events:cn-north-1:111122223333:rule/anze-prod/anze-prod-PolicyEvents'] },
    });
    expect(name).toMatch(/^anze-prod-202611301600-/);
  });

  it('replays to every subscription when none is named, and refuses an unknown one or an empty window', async () => {
    await replayEvents(new EventBridgeClient({ region: 'cn-north-1' }), parseReplayArguments(['--stage', 'prod', '--from', '2026-12-01T00:00Z', '--to', '2026-12-01T01:00Z']));
    const filter = eventBridge.commandCalls(StartReplayCommand)[0]?.args[0].input.Destination?.FilterArns;
    // Every row of the subscription table (the provincial sync's and, issue 17, one webhook rule per context too:
    // a replayed event makes no second message, messages are keyed by event id).
    expect(filter).toEqual(SUBSCRIPTIONS.map((row) => `arn:aws-cn:events:cn-north-1:111122223333:rule/anze-prod/anze-prod-${row.name}`));
    expect(filter).toEqual(
      expect.arrayContaining([
        'arn:aws-cn:events:cn-north-1:111122223333:rule/anze-prod/anze-prod-PolicyEvents',
        'arn:aws-cn:events:cn-north-1:111122223333:rule/anze-prod/anze-prod-SupervisionCounterEvents',
        'arn:aws-cn:events:cn-north-1:111122223333:rule/anze-prod/anze-prod-CalendarYearLoaded',
        'arn:aws-cn:events:cn-north-1:111122223333:rule/anze-prod/anze-prod-NotifyRecipients',
        'arn:aws-cn:events:cn-north-1:111122223333:rule/anze-prod/anze-prod-Webhooks-underwriting',
      ]),
    );
    await expect(
      replayEvents(new EventBridgeClient({ region: 'cn-north-1' }), { stage: 'prod', from: new Date(0), to: new Date(1), subscriptions: ['Nope'] }),
    ).rejects.toThrow(/unknown subscription\(s\) Nope/);
    await expect(
      replayEvents(new EventBridgeClient({ region: 'cn-north-1' }), { stage: 'prod', from: new Date(1), to: new Date(1), subscriptions: [] }),
    ).rejects.toThrow(/--from must be before --to/);
  });
});
