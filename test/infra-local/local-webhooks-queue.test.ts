import { afterEach, describe, expect, it } from 'vitest';
import { webhooksRoot } from '../../functions/webhooks/composition-root.js';
import { LocalWebhooks } from '../../infra/local/webhooks.js';

describe('the local delivery queue with several platforms in one process (issue 17)', () => {
  const started: LocalWebhooks[] = [];
  afterEach(async () => {
    for (const webhooks of started.splice(0)) await webhooks.stop();
  });

  it('one platform stopping leaves the other its queue: events are still fanned out, not refused for a missing SQS queue', async () => {
    const first = new LocalWebhooks();
    const second = new LocalWebhooks();
    started.push(second);
    const inUse = webhooksRoot().queue();
    await first.stop();
    expect(webhooksRoot().queue()).toBe(inUse);
  });

  it('the last platform stopping lets go of the queue', async () => {
    delete process.env.ANZE_WEBHOOK_QUEUE_URL;
    const only = new LocalWebhooks();
    expect(() => webhooksRoot().queue()).not.toThrow();
    await only.stop();
    expect(() => webhooksRoot().queue()).toThrow(/ANZE_WEBHOOK_QUEUE_URL/);
  });
});
