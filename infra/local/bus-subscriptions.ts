import { SUBSCRIPTIONS, type Subscription } from '../../functions/events/subscriptions.js';
import type { BusEvent } from '../../functions/relay/bus-event.js';

/** What a local subscriber is handed: the same event the EventBridge rule would deliver to its target. */
export type LocalSubscriber = (event: BusEvent) => Promise<unknown>;

/**
 * The local twin of the EventBridge rules: one bus subscription per event name of every row of the
 * subscription table, to the function the row names, exactly as the CDK app makes one rule per row.
 */
export function subscribeAll(
  bus: { subscribe(name: string, subscriber: (event: BusEvent) => Promise<void>): unknown },
  targets: Readonly<Record<Subscription['target'], LocalSubscriber>>,
): void {
  for (const subscription of SUBSCRIPTIONS) {
    const target = targets[subscription.target];
    for (const name of subscription.events) {
      bus.subscribe(name, async (event) => {
        await target(event);
      });
    }
  }
}
