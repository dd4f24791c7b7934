import { describe, expect, it } from 'vitest';
import { ALL_EVENT_TYPES } from '../../functions/events/catalogue.js';
import { PAGE_MAX_MESSAGES } from '../../domain/webhooks/pages.js';
import { WEBHOOK_DELIVERY_BATCH, WEBHOOK_KEYS } from '../../infra/constructs/webhook-delivery.js';
import { asArray, referencedLogicalId, resourceByPrefix, resourcesOfType, statementsOfRole, synthAnze } from './synth.js';

const { templates } = synthAnze();
const api = templates.api;

/**
 * Issue 17 on AWS: bus → fan-out function (one rule per context of the catalogue) → SQS delivery queue (message
 * timers for the retry schedule, dead letters after 5 receives) → delivery function with partial batch failures.
 */
describe('webhook delivery (issue 17, CDK)', () => {
  const [queueId, queue] = resourceByPrefix(api, 'AWS::SQS::Queue', 'WebhooksQueue');
  const [fanOutId, fanOut] = resourceByPrefix(api, 'AWS::Lambda::Function', 'WebhooksFanOut');
  const [deliveryId, delivery] = resourceByPrefix(api, 'AWS::Lambda::Function', 'WebhooksDelivery');

  it('consumes the delivery queue with ReportBatchItemFailures, the queue dead-lettering after 5 receives', () => {
    const mappings = Object.values(resourcesOfType(api, 'AWS::Lambda::EventSourceMapping')).filter(
      (mapping) => referencedLogicalId(mapping.Properties?.FunctionName) === deliveryId,
    );
    expect(mappings).toHaveLength(1);
    expect(mappings[0]?.Properties?.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(JSON.stringify(mappings[0]?.Properties?.EventSourceArn)).toContain(queueId);
    const redrive = queue.Properties?.RedrivePolicy as { maxReceiveCount: number; deadLetterTargetArn: unknown };
    expect(redrive.maxReceiveCount).toBe(5);
    expect(referencedLogicalId(redrive.deadLetterTargetArn)).toMatch(/^WebhooksDeadLetters/);
    expect(queue.Properties?.SqsManagedSseEnabled).toBe(true);
  });

  it('issue 17 (throughput): the delivery function receives new messages 100 at a time (a page’s worth, a 1 s window) and may write attempt logs in batches', () => {
    const [mapping] = Object.values(resourcesOfType(api, 'AWS::Lambda::EventSourceMapping')).filter(
      (candidate) => referencedLogicalId(candidate.Properties?.FunctionName) === deliveryId,
    );
    expect(mapping?.Properties?.BatchSize).toBe(WEBHOOK_DELIVERY_BATCH);
    expect(WEBHOOK_DELIVERY_BATCH).toBe(PAGE_MAX_MESSAGES);
    expect(mapping?.Properties?.MaximumBatchingWindowInSeconds).toBe(1);
    // The queue hides a received batch longer than the function may take with it, so a batch is not sent twice.
    expect(queue.Properties?.VisibilityTimeout).toBeGreaterThanOrEqual(Number(delivery.Properties?.Timeout));
    const statements = statementsOfRole(api, referencedLogicalId(delivery.Properties?.Role) as string);
    const batchWrite = statements.find((statement) => asArray(statement.Action).includes('dynamodb:BatchWriteItem'));
    expect(batchWrite?.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toEqual([...WEBHOOK_KEYS]);
  });

  it('routes every event of the catalogue to the fan-out function, and both functions are told the queue', () => {
    const routed = new Set<string>();
    for (const rule of Object.values(resourcesOfType(api, 'AWS::Events::Rule'))) {
      const targets = (rule.Properties?.Targets ?? []) as { Arn: unknown }[];
      if (!targets.some((target) => referencedLogicalId(target.Arn) === fanOutId)) continue;
      for (const name of (rule.Properties?.EventPattern as { 'detail-type': string[] })['detail-type']) routed.add(name);
    }
    expect([...routed].sort()).toEqual(ALL_EVENT_TYPES.map((type) => type.name).sort());
    for (const fn of [fanOut, delivery]) {
      const variables = (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(referencedLogicalId(variables.ANZE_WEBHOOK_QUEUE_URL)).toBe(queueId);
    }
  });

  it('lets the webhook functions touch only the webhook key shapes of the table, and send to the queue', () => {
    for (const fn of [fanOut, delivery]) {
      const statements = statementsOfRole(api, referencedLogicalId(fn.Properties?.Role) as string);
      const dynamo = statements.filter((statement) => asArray(statement.Action).some((action) => action.startsWith('dynamodb:')));
      expect(dynamo.length).toBeGreaterThan(0);
      for (const statement of dynamo) {
        expect(statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toEqual([...WEBHOOK_KEYS]);
        expect(asArray(statement.Action)).not.toContain('dynamodb:Scan');
      }
      expect(statements.some((statement) => asArray(statement.Action).includes('sqs:SendMessage'))).toBe(true);
    }
  });
});
