import { tenantArchive, type ArchiveStore } from '../../../domain/archive/archive-store.js';
import type { ArchiveFolderReads, FolderArchiveRecords } from '../../../domain/archive/folder.js';
import type { FeeLedgerRepository } from '../../../domain/fees/fee-ledger.repository.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { RuleSetSource } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import { archiveStoreFor } from '../../adapters/archive/archive-store-from-env.js';
import { systemClock } from '../../adapters/clock.js';
import { newId } from '../../adapters/ids.js';
import { DynamoArchiveFolderReads, DynamoFolderArchiveRecords } from '../../adapters/dynamodb/archive-folder.js';
import { mainTableName } from '../../adapters/dynamodb/client.js';
import { DynamoFeeLedgerRepository } from '../../adapters/dynamodb/fee-ledger.repository.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';

/**
 * What the insurer's ledger extract of the folder (SVC-10, FEE-2) works with — all in the insurer's own session
 * (ARCHITECTURE.md §3): its tenant-scoped table client and its archive prefix. Ports of domain/ only.
 */
export interface LedgerExtractPorts {
  readonly folder: ArchiveFolderReads;
  readonly fees: Pick<FeeLedgerRepository, 'listReceipts' | 'eachEntryPage'>;
  readonly records: FolderArchiveRecords;
  readonly archive: ArchiveStore;
  readonly ruleSets: RuleSetSource;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
}

export async function ledgerExtractPorts(tenantId: string): Promise<LedgerExtractPorts> {
  const store = new Store(await sharedTenantScopedClients().forTenant({ tenantId }), mainTableName(), systemClock);
  return {
    folder: new DynamoArchiveFolderReads(store),
    fees: new DynamoFeeLedgerRepository(store),
    records: new DynamoFolderArchiveRecords(store),
    archive: archiveStoreFor(tenantArchive(tenantId)),
    ruleSets: sharedRuleSets(),
    clock: systemClock,
    newId,
  };
}
