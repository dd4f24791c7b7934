import type { NotifyPorts } from './notify.js';
import { systemClock } from '../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../adapters/dynamodb/client.js';
import { DynamoInboxRepository } from '../adapters/dynamodb/notifications.repository.js';
import { PlatformRecipients, RegisterEnterpriseNames } from '../adapters/dynamodb/notifications-recipients.js';
import { DynamoPlatformRepository } from '../adapters/dynamodb/platform.repository.js';
import { DynamoRegisterRepository } from '../adapters/dynamodb/register.repository.js';
import { Store } from '../adapters/dynamodb/store.js';
import { mailerFromEnv } from '../adapters/ses/mailer-from-env.js';
import { logger } from '../middleware/observability.js';
import { NoSmsProvider } from './no-sms-provider.js';

let ports: NotifyPorts | undefined;

/**
 * The notifications function's composition root, once per container. A platform component like the projections:
 * it writes into every user's inbox, across tenants, with its own role (CDK grants it the inbox keys only).
 */
export function notificationPorts(): NotifyPorts {
  if (!ports) {
    const { doc } = sharedDynamoDb();
    const store = new Store(doc, mainTableName(), systemClock);
    ports = {
      recipients: new PlatformRecipients(new DynamoPlatformRepository(store)),
      names: new RegisterEnterpriseNames(new DynamoRegisterRepository(store)),
      inbox: new DynamoInboxRepository(async () => doc, mainTableName(), systemClock),
      mail: mailerFromEnv(),
      sms: new NoSmsProvider(),
      get consoleUrl() {
        return process.env.ANZE_CONSOLE_URL ?? '';
      },
      log: (message, detail) => logger.warn(message, detail),
    };
  }
  return ports;
}

/** Tests and the local runtime start a new composition when the environment changed (mail folder, console URL). */
export function resetNotificationPorts(): void {
  ports = undefined;
}
