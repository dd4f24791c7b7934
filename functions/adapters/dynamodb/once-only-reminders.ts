import { Conflict } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { OnceOnlyReminders, ReminderMark } from '../../../domain/reminders/once-only.port.js';
import { keys, type Owner } from './keys.js';
import { outboxOf } from './store.js';
import type { Store } from './store.js';

/** Issue 16: `keys.reminderMarker` created with the outbox event; an existing mark means "already reminded". */
export class DynamoOnceOnlyReminders implements OnceOnlyReminders {
  constructor(private readonly store: Store) {}

  async raiseOnce(mark: ReminderMark, event: DomainEvent): Promise<boolean> {
    const owner: Owner = mark.tenantId === undefined ? { kind: 'platform' } : { kind: 'tenant', tenantId: mark.tenantId };
    const key = keys.reminderMarker(owner, mark.kind, mark.step, ...mark.subject);
    try {
      await this.store.commit(
        [{ kind: 'create', item: { ...key, kind: 'REMINDED', step: mark.step, reminder: mark.kind }, onExists: () => new Conflict('already reminded') }],
        [outboxOf(event, key)],
      );
      return true;
    } catch (error) {
      if (error instanceof Conflict) return false;
      throw error;
    }
  }
}
