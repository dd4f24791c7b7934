import type { Audience } from '../../../domain/notifications/audience.js';
import type { Recipient } from '../../../domain/notifications/notification.js';
import type { EnterpriseNames, Recipients } from '../../../domain/notifications/recipients.port.js';
import type { PlatformRepository, UserOrg } from '../../../domain/platform/platform.repository.js';
import { regulatorIdOf } from '../../../domain/platform/regulator.js';
import type { RegisterRepository } from '../../../domain/register/register.repository.js';

const PAGE = 100;

/**
 * Issue 16: an audience's people from the identity records — the user listings of a tenant, an agency, an
 * enterprise (`P#ENT#<uscc>#USER`) or the platform (GSI1). Disabled users are left out.
 */
export class PlatformRecipients implements Recipients {
  constructor(private readonly platform: Pick<PlatformRepository, 'listUsers' | 'listTenants'>) {}

  async of(audience: Audience): Promise<readonly Recipient[]> {
    switch (audience.kind) {
      case 'insurer': {
        const users = await this.usersOf({ kind: 'tenant', tenantId: audience.tenantId });
        return audience.adminsOnly ? users.filter((user) => user.role === 'insurer-admin') : users;
      }
      case 'every-insurer': {
        const found: Recipient[] = [];
        let cursor: string | undefined;
        do {
          const page = await this.platform.listTenants({ limit: PAGE, cursor });
          for (const tenant of page.items) found.push(...(await this.usersOf({ kind: 'tenant', tenantId: tenant.id })));
          cursor = page.nextCursor;
        } while (cursor !== undefined);
        return found;
      }
      case 'enterprise':
        return this.usersOf({ kind: 'enterprise', uscc: audience.uscc });
      case 'regulators': {
        // ACL-4: the city EMB and the NFRA see every county; a county EMB only its own.
        const agencies = [regulatorIdOf('EMB_CITY', undefined), regulatorIdOf('NFRA', undefined)];
        if (audience.county) agencies.push(regulatorIdOf('EMB_COUNTY', audience.county));
        return (await Promise.all(agencies.map((regulatorId) => this.usersOf({ kind: 'regulator', regulatorId })))).flat();
      }
      case 'agency':
        return this.usersOf({ kind: 'regulator', regulatorId: audience.regulatorId });
      case 'operators':
        return this.usersOf({ kind: 'platform' });
    }
  }

  private async usersOf(org: UserOrg): Promise<(Recipient & { readonly role: string })[]> {
    const found: (Recipient & { readonly role: string })[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.platform.listUsers(org, { limit: PAGE, cursor });
      for (const user of page.items) {
        if (!user.disabled) found.push({ userId: user.id, org, displayName: user.displayName, role: user.role });
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return found;
  }
}

/** The enterprise's name as the city EMB registered it (REG-1); a message falls back to the USCC without it. */
export class RegisterEnterpriseNames implements EnterpriseNames {
  constructor(private readonly register: Pick<RegisterRepository, 'get'>) {}

  async nameOf(uscc: string): Promise<string | undefined> {
    try {
      return (await this.register.get(uscc))?.name;
    } catch {
      // A USCC that cannot be a key (malformed in an old event) has no entry: the message names the USCC.
      return undefined;
    }
  }
}
