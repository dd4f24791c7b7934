import type { Audience } from './audience.js';
import type { Recipient } from './notification.js';

/**
 * Turns an audience into people, from the identity records (users of a tenant, an agency, an enterprise or the
 * platform). Disabled users are left out: they cannot sign in to read, and must not be e-mailed either.
 */
export interface Recipients {
  of(audience: Audience): Promise<readonly Recipient[]>;
}

/** The enterprise's name for a message ("the item's name"), from the city EMB's register; undefined when unknown. */
export interface EnterpriseNames {
  nameOf(uscc: string): Promise<string | undefined>;
}
