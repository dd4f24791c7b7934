import type { PrincipalRecord, PrincipalRecords } from '../../../domain/identity/principal-record.js';
import type { Credential } from '../../../domain/platform/platform.repository.js';
import { keys } from './keys.js';
import type { Store } from './store.js';

/**
 * The principal records the request-time check reads (functions/middleware/current-principal.ts): the sign-in
 * record `P#LOGIN#<username>`, one GetItem. Its own adapter rather than the platform repository's, because
 * every function runs the check and most have no other use for the platform repository.
 */
export class DynamoPrincipalRecords implements PrincipalRecords {
  constructor(private readonly store: Store) {}

  async read(username: string): Promise<PrincipalRecord | undefined> {
    const credential = await this.store.get<Credential>(keys.credential(username));
    // Only what the check needs stays in the middleware's cache (not the password hash).
    return credential && { principal: credential.principal, disabled: credential.disabled, tokenVersion: credential.tokenVersion };
  }

  /** ACL-3: the tenant profile's status, one GetItem (`P#TENANT#<tenantId>`), which the middleware caches per tenant. */
  async tenantStatus(tenantId: string): Promise<string | undefined> {
    const tenant = await this.store.get<{ status?: string }>(keys.tenant(tenantId));
    return tenant?.status;
  }
}
