import type { Principal } from '../../../domain/identity/principal.js';
import type { InboxOwner } from '../../../domain/notifications/inbox.repository.js';
import { userOrgOf } from '../../../domain/platform/user-org.js';

/** Issue 16: the caller's own inbox, from the token alone — no path, query or body names whose it is. */
export const inboxOf = (caller: Principal): InboxOwner => ({ org: userOrgOf(caller), userId: caller.userId });
