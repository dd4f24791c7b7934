import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';

/** Issue 17 (throughput): the delivery function attempts a batch's records together, and still reports each failure. */
const state = vi.hoisted(() => ({ running: 0, most: 0, attempted: [] as string[], firsts: [] as { ids: string[]; durable: boolean }[] }));

vi.mock('../../../functions/webhooks/composition-root.js', () => ({
  webhooksRoot: () => ({
    clock: { now: () => new Date('2026-12-06T00:00:00.000Z') },
    queue: () => ({ enqueue: async () => undefined }),
    dispatcher: () => ({
      attempt: async (_owner: unknown, id: string) => {
        state.running += 1;
        state.most = Math.max(state.most, state.running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        state.running -= 1;
        state.attempted.push(id);
        if (id === 'sub_bad') throw new Error('DynamoDB unavailable');
        return undefined;
      },
      deliverFirst: async (deliveries: { id: string }[], options: { durable: boolean }) => {
        state.firsts.push({ ids: deliveries.map((delivery) => delivery.id), durable: options.durable });
        return { outcomes: [], notSent: [], unsettled: deliveries.filter((delivery) => delivery.id === 'sub_unstored').map((delivery) => ({ id: delivery.id, error: new Error('page not written') })) };
      },
    }),
  }),
}));

const { deliveryHandler } = await import('../../../functions/webhooks/handler.js');

const record = (id: string) => ({
  messageId: `m-${id}`,
  body: JSON.stringify({ id, owner: { kind: 'tenant', tenantId: 't1' }, dueAt: '2026-12-06T00:00:00.000Z' }),
});

describe('webhook delivery function (issue 17, throughput)', () => {
  it('attempts the records of one SQS batch at once, and reports only the failed one (ReportBatchItemFailures)', async () => {
    const event = { Records: ['sub_a', 'sub_bad', 'sub_c'].map(record) } as unknown as SQSEvent;
    const result = await deliveryHandler(event);
    expect(state.attempted.sort()).toEqual(['sub_a', 'sub_bad', 'sub_c']);
    expect(state.most).toBe(3);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm-sub_bad' }]);
  });

  it('issue 17: new messages of the batch go to one deliverFirst (durable: the queue keeps them), and only a message whose page was not stored is received again', async () => {
    const first = (id: string) => ({
      messageId: `m-${id}`,
      body: JSON.stringify({ first: { id, subscriptionId: 'sub', owner: { kind: 'tenant', tenantId: 't1' } } }),
    });
    const event = { Records: [first('sub_x'), first('sub_unstored'), record('sub_c'), first('sub_y')] } as unknown as SQSEvent;
    const result = await deliveryHandler(event);
    expect(state.firsts).toEqual([{ ids: ['sub_x', 'sub_unstored', 'sub_y'], durable: true }]);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm-sub_unstored' }]);
  });
});
