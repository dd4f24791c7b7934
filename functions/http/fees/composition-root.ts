import type { ArchivedDocuments } from '../../../domain/fees/archived-documents.port.js';
import type { FeeLedgerRepository } from '../../../domain/fees/fee-ledger.repository.js';
import type { PolicyTermsSource } from '../../../domain/fees/policy-terms.port.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { RuleSetSource } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import { tenantArchive } from '../../../domain/archive/archive-store.js';
import { archiveStoreFor } from '../../adapters/archive/archive-store-from-env.js';
import { systemClock } from '../../adapters/clock.js';
import { DynamoArchiveRecordRepository } from '../../adapters/dynamodb/archive-records.repository.js';
import { mainTableName } from '../../adapters/dynamodb/client.js';
import { DynamoFeeLedgerRepository } from '../../adapters/dynamodb/fee-ledger.repository.js';
import { DynamoPolicyRepository } from '../../adapters/dynamodb/policy.repository.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { newId } from '../../adapters/ids.js';
import { archivedDocuments } from './archived-documents.js';

/** What the prevention-fee Lambda's use cases work with: ports of domain/ only. */
export interface FeesRoot {
  /**
   * The tenant's fee ledger and the policies its receipts are taken against, both through tenant-scoped
   * credentials (IAM layer 2): everything this context touches is the tenant's own data.
   */
  forTenant(tenantId: string): Promise<{
    readonly fees: FeeLedgerRepository;
    readonly policies: PolicyTermsSource;
    /** FEE-2: the tenant's archive, to check a document an expense cites. */
    readonly documents: ArchivedDocuments;
  }>;
  /** RULES-1: the published versions; an accrual uses its policy's, an expense the one in force on its day. */
  readonly ruleSets: RuleSetSource;
  readonly clock: Clock;
  /** A new time-ordered id (a receipt's). */
  readonly newId: (now: Date) => string;
  /** The random tail of a new ledger entry's id (domain/fees/ledger-entry.ts `ledgerEntryId`). */
  readonly entryIdSuffix: (now: Date) => string;
}

let root: FeesRoot | undefined;

/** Built on first use, once per container: no client is made at import time (cold start, bench). */
export function feesRoot(): FeesRoot {
  if (!root) {
    const table = mainTableName();
    const scoped = sharedTenantScopedClients();
    root = {
      forTenant: async (tenantId) => {
        const store = new Store(await scoped.forTenant({ tenantId }), table, systemClock);
        return {
          fees: new DynamoFeeLedgerRepository(store),
          policies: new DynamoPolicyRepository(store),
          documents: archivedDocuments(tenantId, new DynamoArchiveRecordRepository(store), () => archiveStoreFor(tenantArchive(tenantId))),
        };
      },
      ruleSets: sharedRuleSets(),
      clock: systemClock,
      newId,
      // The last 10 of the 16 random characters of a fresh id.
      entryIdSuffix: (now) => newId(now).slice(-10),
    };
  }
  return root;
}
