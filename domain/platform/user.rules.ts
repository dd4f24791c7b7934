import type { Agency, Role } from '../identity/role.js';
import { instantOf } from '../kernel/calendar/instant.js';
import type { Changed, DomainEvent } from '../kernel/events.js';
import { userCreated, userUpdated } from './events.js';
import type { User } from './user.js';

/** What a new user is made of: chosen by an administrator (or the onboarding), its organisation from the creator. */
export interface NewUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly tenantId?: string;
  readonly agency?: Agency;
  readonly county?: string;
  readonly uscc?: string;
}

/**
 * A new user, enabled, at version 1, with its `platform.user.created` event.
 *
 * @example
 * const { state: user, events } = createUser({ id, username: 'li.ming', displayName: '李明', role: 'insurer-staff', tenantId }, now);
 */
export function createUser(spec: NewUser, now: Date): Changed<User> {
  const at = instantOf(now);
  const user: User = {
    id: spec.id,
    username: spec.username,
    displayName: spec.displayName,
    role: spec.role,
    disabled: false,
    tenantId: spec.tenantId,
    agency: spec.agency,
    county: spec.county,
    uscc: spec.uscc,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return { state: user, events: [userCreatedEvent(user)] };
}

/** `platform.user.created` of a user just made. */
export const userCreatedEvent = (user: User): DomainEvent =>
  userCreated.of({ id: user.id, version: 1, tenantId: user.tenantId }, { userId: user.id, username: user.username, role: user.role });

/** What an administrator may change on a user; the rest is fixed at creation. */
export interface UserChange {
  readonly role?: Role;
  readonly disabled?: boolean;
  readonly displayName?: string;
}

/**
 * The user after `change`, at its next version, with its `platform.user.updated` event. Who may make the
 * change (assertAssignableRole, assertNotChangingItself in user.ts) is checked before.
 */
export function changeUser(current: User, change: UserChange, now: Date): Changed<User> {
  const user: User = {
    ...current,
    role: change.role ?? current.role,
    disabled: change.disabled ?? current.disabled,
    displayName: change.displayName ?? current.displayName,
    updatedAt: instantOf(now),
    version: current.version + 1,
  };
  const event = userUpdated.of(
    { id: user.id, version: user.version, tenantId: user.tenantId },
    { userId: user.id, username: user.username, role: user.role, disabled: user.disabled },
  );
  return { state: user, events: [event] };
}

/** Whether `stored` is the user a create request with these fields would have made (a repeated request). */
export const isSameNewUser = (stored: User | undefined, wanted: Pick<User, 'username' | 'role' | 'displayName'>): stored is User =>
  stored !== undefined &&
  stored.username === wanted.username &&
  stored.role === wanted.role &&
  stored.displayName === wanted.displayName;
