import type { Clock } from '../../../domain/kernel/clock.js';
import type { NewId } from '../../../domain/kernel/new-id.port.js';
import type { CalendarRepository } from '../../../domain/platform/calendar.repository.js';
import type { CalendarSource } from '../../../domain/platform/calendar-source.port.js';
import type { IdentityDirectory } from '../../../domain/platform/identity-directory.js';
import type { PasswordHasher } from '../../../domain/platform/password-hasher.port.js';
import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import type { TokenIssuer } from '../../../domain/platform/token-issuer.port.js';
import { identityDirectoryFromEnv } from '../../adapters/auth/identity-directory-from-env.js';
import { localTokenIssuer } from '../../adapters/auth/local-tokens.js';
import { scryptPasswordHasher } from '../../adapters/auth/password.js';
import { sharedCalendarSource } from '../../adapters/calendar-provider.js';
import { systemClock } from '../../adapters/clock.js';
import { DynamoCalendarRepository } from '../../adapters/dynamodb/calendar.repository.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { newId } from '../../adapters/ids.js';
import { probeDynamoDb } from '../../adapters/dynamodb/client.js';
import type { DatabaseProbe } from '../../../domain/platform/database-probe.port.js';
import type { DailyRun } from '../../../domain/platform/daily-run.port.js';
import { dailyRunFromEnv } from '../../adapters/daily-run-from-env.js';
import type { ProvisionalDeadlines } from '../../../domain/platform/provisional-deadlines.port.js';
import type { RuleSetSource } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import { DynamoProvisionalDeadlines } from '../../adapters/dynamodb/provisional-deadlines.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';

/** What the platform Lambda's use cases work with: ports of domain/ only. */
export interface PlatformRoot {
  /** Tenants, regulators, users and sign-in records. */
  readonly repository: PlatformRepository;
  /** Cognito on AWS, nothing more than the table locally (functions/adapters/auth). */
  readonly directory: IdentityDirectory;
  /** The calendar years the operator loaded (CAL-2). */
  readonly calendarYears: CalendarRepository;
  /** The working-day calendar of this container, forgotten after a load. */
  readonly calendar: CalendarSource;
  readonly passwords: PasswordHasher;
  /** The local sign-in's token issuer; undefined on AWS, where Cognito signs. */
  readonly tokens: TokenIssuer | undefined;
  readonly clock: Clock;
  readonly newId: NewId;
  /** Readiness: does the table answer now (issue 12 #5)? */
  readonly probeDatabase: DatabaseProbe;
  /** Issue 16: the daily run on the operator's request (the schedules function's code, not this one's). */
  readonly dailyRun: DailyRun;
  /** CAL-2: the items a loaded year would recompute, for the preview (read with each tenant's role). */
  readonly provisionalDeadlines: ProvisionalDeadlines;
  /** RULES-1: the versions the provisional deadlines were computed under. */
  readonly ruleSets: RuleSetSource;
}

let root: PlatformRoot | undefined;

/** Built on first use, once per container: no client is made at import time (cold start, bench). */
export function platformRoot(): PlatformRoot {
  if (!root) {
    const table = mainTableName();
    const store = new Store(sharedDynamoDb().doc, table, systemClock);
    const scoped = sharedTenantScopedClients();
    const tenantStore = async (tenantId: string) => new Store(await scoped.forTenant({ tenantId }), table, systemClock);
    root = {
      repository: new DynamoPlatformRepository(store, tenantStore, sharedDynamoDb().doc),
      directory: identityDirectoryFromEnv(),
      calendarYears: new DynamoCalendarRepository(store),
      calendar: sharedCalendarSource,
      passwords: scryptPasswordHasher,
      get tokens() {
        return localTokenIssuer();
      },
      clock: systemClock,
      newId,
      probeDatabase: () => probeDynamoDb(),
      dailyRun: dailyRunFromEnv(),
      provisionalDeadlines: new DynamoProvisionalDeadlines(tenantStore),
      ruleSets: sharedRuleSets(),
    };
  }
  return root;
}
