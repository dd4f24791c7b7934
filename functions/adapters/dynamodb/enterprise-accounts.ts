import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import type { EnterpriseAccounts } from '../../../domain/services/enterprise-accounts.port.js';

/** An enterprise's users are few (its own staff); a page this size almost always holds them all. */
const PAGE = 25;

/**
 * SVC-7, SVC-9: an enterprise's accounts read from its user listing (GSI1 `P#ENT#<uscc>#USER`) — one Query per
 * on-site capture, which is rare, so nothing is cached: an account created a minute ago already counts.
 */
export class PlatformEnterpriseAccounts implements EnterpriseAccounts {
  constructor(private readonly platform: Pick<PlatformRepository, 'listUsers'>) {}

  async hasActiveAccount(uscc: string): Promise<boolean> {
    let cursor: string | undefined;
    do {
      const page = await this.platform.listUsers({ kind: 'enterprise', uscc }, { limit: PAGE, cursor });
      if (page.items.some((user) => !user.disabled)) return true;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return false;
  }
}
