import type { Clock } from '../../../domain/kernel/clock.js';
import type { InboxRepository } from '../../../domain/notifications/inbox.repository.js';
import { systemClock } from '../../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoInboxRepository } from '../../adapters/dynamodb/notifications.repository.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';

/** What the notification routes work with: ports of domain/ only. */
export interface NotificationsRoot {
  readonly inbox: InboxRepository;
  readonly clock: Clock;
}

let root: NotificationsRoot | undefined;

/**
 * Built on first use, once per container. An insurer user's inbox is read through the tenant-scoped client
 * (IAM layer 2, ARCHITECTURE.md §3); every other inbox through the function's own role, limited to inbox keys.
 */
export function notificationsRoot(): NotificationsRoot {
  if (!root) {
    const scoped = sharedTenantScopedClients();
    root = {
      inbox: new DynamoInboxRepository(
        async (org) => (org.kind === 'tenant' ? scoped.forTenant({ tenantId: org.tenantId }) : sharedDynamoDb().doc),
        mainTableName(),
        systemClock,
      ),
      clock: systemClock,
    };
  }
  return root;
}
