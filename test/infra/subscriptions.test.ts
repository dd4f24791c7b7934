import { describe, expect, it } from 'vitest';
import { ALL_EVENT_TYPES } from '../../functions/events/catalogue.js';
import { SUBSCRIPTIONS } from '../../functions/events/subscriptions.js';
import type { BusEvent } from '../../functions/relay/bus-event.js';
import { InProcessBus } from '../../infra/local/bus.js';
import { putEventsBatches } from '../../functions/adapters/events/put-events-limits.js';
import { subscribeAll } from '../../infra/local/bus-subscriptions.js';
import { resourcesOfType, synthAnze } from './synth.js';

const { templates } = synthAnze();
const api = templates.api.toJSON() as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
const functionIds = Object.entries(resourcesOfType(templates.api, 'AWS::Lambda::Function')).map(([id]) => id);

/** The function a logical id belongs to, by the construct ids the API stack gives them. */
const targetOfFunctionId = (id: string): string =>
  id.startsWith('Projections')
    ? 'projections'
    : id.startsWith('DeadlineSweep')
      ? 'schedules'
      : id.startsWith('Notifications')
        ? 'notifications'
        : id.startsWith('ProvincialSync')
          ? 'sync'
          : id.startsWith('WebhooksFanOut')
            ? 'webhooks'
            : `unknown:${id}`;

/** Every (event name → target) pair the deployed EventBridge rules route. */
function awsSubscriptions(): string[] {
  const pairs: string[] = [];
  for (const rule of Object.values(resourcesOfType(templates.api, 'AWS::Events::Rule'))) {
    const pattern = rule.Properties?.EventPattern as { source?: string[]; 'detail-type'?: string[] } | undefined;
    if (!pattern?.source?.includes('anze')) continue;
    for (const target of (rule.Properties?.Targets ?? []) as { Arn: { 'Fn::GetAtt'?: [string, string] } }[]) {
      const functionId = target.Arn['Fn::GetAtt']?.[0] ?? 'unresolved';
      expect(functionIds).toContain(functionId);
      for (const name of pattern['detail-type'] ?? []) pairs.push(`${name} → ${targetOfFunctionId(functionId)}`);
    }
  }
  return pairs.sort();
}

/** Every (event name → target) pair the local runtime delivers, found by publishing each declared event. */
async function localSubscriptions(): Promise<string[]> {
  const bus = new InProcessBus();
  const pairs: string[] = [];
  subscribeAll(bus, {
    projections: async (event) => pairs.push(`${event.type} → projections`),
    schedules: async (event) => pairs.push(`${event.type} → schedules`),
    notifications: async (event) => pairs.push(`${event.type} → notifications`),
    sync: async (event) => pairs.push(`${event.type} → sync`),
    webhooks: async (event) => pairs.push(`${event.type} → webhooks`),
  });
  const names = new Set([...ALL_EVENT_TYPES.map((type) => type.name), ...SUBSCRIPTIONS.flatMap((row) => row.events)]);
  const events = [...names].map(
    (type, index): BusEvent => ({ id: `e${index}`, type, version: 1, source: 'anze', time: '2026-12-06T00:00:00.000Z', aggregate: { type: 'x', id: 'x' }, sequence: 1, data: {} }),
  );
  // One publish is one PutEvents call, ten entries at most (the local bus refuses more, as EventBridge does).
  for (const batch of putEventsBatches(events)) await bus.publish(batch);
  return pairs.sort();
}

describe('one subscription table for AWS and the local runtime', () => {
  it('routes the same events to the same functions on AWS (EventBridge rules) as locally (in-process bus)', async () => {
    const aws = awsSubscriptions();
    expect(aws.length).toBeGreaterThan(0);
    expect(await localSubscriptions()).toEqual(aws);
    expect(Object.keys(api.Resources).length).toBeGreaterThan(0);
  });

  it('subscribes only to events some context declares (a typo would silently never fire)', () => {
    const declared = new Set(ALL_EVENT_TYPES.map((type) => type.name));
    expect(SUBSCRIPTIONS.flatMap((row) => row.events).filter((name) => !declared.has(name))).toEqual([]);
  });
});
