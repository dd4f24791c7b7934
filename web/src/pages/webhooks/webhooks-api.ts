import { idempotent, newIdempotencyKey, ok, type Api, type BodyOf, type QueryOf, type ResponseOf } from '../../api';

/** Issue 17: the webhook endpoints and their delivery log, as the owner's admin manages them. */
export type Subscription = ResponseOf<'/api/v1/webhooks/subscriptions/{subscriptionId}', 'get'>;
export type SubscriptionWithSecret = ResponseOf<'/api/v1/webhooks/subscriptions', 'post'>;
export type Delivery = ResponseOf<'/api/v1/webhooks/deliveries', 'get'>['items'][number];
export type DeliveryStatus = Delivery['status'];
export type NewSubscription = BodyOf<'/api/v1/webhooks/subscriptions', 'post'>;
export type SubscriptionChange = BodyOf<'/api/v1/webhooks/subscriptions/{subscriptionId}', 'patch'>;

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['PENDING', 'RETRYING', 'DELIVERED', 'DEAD_LETTERED'];
export const WEBHOOKS_QUERY = ['webhooks'] as const;

const path = (subscriptionId: string) => ({ path: { subscriptionId } });

export const webhooksApi = (api: Api) => ({
  list: (signal?: AbortSignal) => ok(api.client.GET('/api/v1/webhooks/subscriptions', { params: { query: { limit: 100 } }, signal })),
  create: (body: NewSubscription) => ok(api.client.POST('/api/v1/webhooks/subscriptions', { body, headers: idempotent(newIdempotencyKey()) })),
  update: (subscriptionId: string, body: SubscriptionChange) =>
    ok(api.client.PATCH('/api/v1/webhooks/subscriptions/{subscriptionId}', { params: path(subscriptionId), body })),
  remove: (subscriptionId: string) => ok(api.client.DELETE('/api/v1/webhooks/subscriptions/{subscriptionId}', { params: path(subscriptionId) })),
  rotate: (subscriptionId: string) =>
    ok(api.client.POST('/api/v1/webhooks/subscriptions/{subscriptionId}/rotate-secret', { params: path(subscriptionId), headers: idempotent(newIdempotencyKey()) })),
  test: (subscriptionId: string) =>
    ok(api.client.POST('/api/v1/webhooks/subscriptions/{subscriptionId}/test', { params: path(subscriptionId), headers: idempotent(newIdempotencyKey()) })),
  replaySince: (subscriptionId: string, since: string) =>
    ok(
      api.client.POST('/api/v1/webhooks/subscriptions/{subscriptionId}/replay', {
        params: path(subscriptionId),
        body: { since },
        headers: idempotent(newIdempotencyKey()),
      }),
    ),
  deliveries: (query: QueryOf<'/api/v1/webhooks/deliveries'>, signal?: AbortSignal) =>
    ok(api.client.GET('/api/v1/webhooks/deliveries', { params: { query }, signal })),
  replay: (deliveryId: string) =>
    ok(api.client.POST('/api/v1/webhooks/deliveries/{deliveryId}/replay', { params: { path: { deliveryId } }, headers: idempotent(newIdempotencyKey()) })),
});

/** The event types of the catalogue, from the AsyncAPI document the platform publishes, grouped by context. */
export async function catalogueEventTypes(signal?: AbortSignal): Promise<Map<string, string[]>> {
  const response = await fetch('/api/v1/asyncapi.json', { signal });
  const document = (await response.json()) as { channels?: Record<string, unknown> };
  const groups = new Map<string, string[]>();
  for (const name of Object.keys(document.channels ?? {}).sort()) {
    const context = name.split('.')[0] ?? name;
    groups.set(context, [...(groups.get(context) ?? []), name]);
  }
  return groups;
}
