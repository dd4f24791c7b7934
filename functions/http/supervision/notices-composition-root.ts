import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { NewId } from '../../../domain/kernel/new-id.port.js';
import type { AccessLogReader, AccessLogWriter } from '../../../domain/supervision/access-log.js';
import type { NoticeRepository, RegulatorNoticeViews } from '../../../domain/supervision/notice.repository.js';
import type { NoticeSubjects } from '../../../domain/supervision/notice-subjects.port.js';
import { systemClock } from '../../adapters/clock.js';
import { DynamoAccessLogReader, DynamoAccessLogWriter } from '../../adapters/dynamodb/access-log.repository.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoNoticeRepository } from '../../adapters/dynamodb/notice.repository.js';
import { DynamoNoticeSubjects } from '../../adapters/dynamodb/notice-subjects.repository.js';
import { sharedRegulatorReadClients } from '../../adapters/dynamodb/regulator-read-client.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { newId } from '../../adapters/ids.js';

/**
 * What the 督办 notices and the access log work with (issue 14) — ports of domain/ only.
 *
 * How this fits ARCHITECTURE.md §3's two layers: a notice and an access-log entry are kept in the insurer's own
 * partition (`T#<tenantId>#NOTICE#…`, `T#<tenantId>#ACCESS-LOG`), so the insurer reads them, and answers a
 * notice, with its tenant role like any of its items (layer 2 unchanged for insurers). The regulators' side is
 * no tenant role and not the read-only regulator role: the supervision function's own execution role, which
 * infra/stacks/context-permissions.ts allows to write exactly these two key shapes of any tenant and nothing
 * else of theirs — so a regulator's bug can add a notice or a log entry, never touch a policy, service, fee or
 * complaint (ACL-2). Layer 1 builds those keys from the insurer the route names and the regulator's token.
 */
export interface NoticesRoot {
  /** SUP-1, SUP-4: the regulators' writes of notices and the lookup by id (the function's narrowly-permitted role). */
  readonly regulatorNotices: NoticeRepository & Pick<RegulatorNoticeViews, 'findForRegulators'>;
  /** SUP-2, ACL-4 (issue 21): the listing (GSI4, by county) in the read-only regulator session of the caller's scope. */
  regulatorListing(regulator: RegulatorPrincipal): Promise<Pick<RegulatorNoticeViews, 'listForRegulators'>>;
  /** SUP-3: the insurer's notices, through its tenant-scoped credentials. */
  forTenant(tenantId: string): Promise<{ readonly notices: NoticeRepository; readonly accessLog: AccessLogReader }>;
  /** SUP-1: the item a notice is about, read through the read-only regulator session of the caller's scope. */
  subjects(regulator: RegulatorPrincipal): Promise<NoticeSubjects>;
  /** One PutItem per supervision read (the function's own role, access-log keys only). */
  readonly accessLog: AccessLogWriter;
  readonly clock: Clock;
  readonly newId: NewId;
}

let root: NoticesRoot | undefined;

export function noticesRoot(): NoticesRoot {
  if (!root) {
    const table = mainTableName();
    const own = sharedDynamoDb().doc;
    const scoped = sharedTenantScopedClients();
    const regulatorClients = sharedRegulatorReadClients();
    root = {
      regulatorNotices: new DynamoNoticeRepository(new Store(own, table, systemClock)),
      forTenant: async (tenantId) => {
        const store = new Store(await scoped.forTenant({ tenantId }), table, systemClock);
        return { notices: new DynamoNoticeRepository(store), accessLog: new DynamoAccessLogReader(store) };
      },
      regulatorListing: async (regulator) => new DynamoNoticeRepository(new Store(await regulatorClients.client(regulator), table, systemClock)),
      subjects: async (regulator) => new DynamoNoticeSubjects(new Store(await regulatorClients.client(regulator), table, systemClock)),
      accessLog: new DynamoAccessLogWriter(own, table),
      clock: systemClock,
      newId,
    };
  }
  return root;
}
