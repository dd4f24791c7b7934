import type { ProviderRegisters } from '../../../domain/register/provider-registers.js';
import type { ArchiveRecordRepository } from '../../../domain/services/archive-record.repository.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoArchiveRecordRepository } from '../../adapters/dynamodb/archive-records.repository.js';
import { systemClock } from '../../adapters/clock.js';
import { DynamoProviderRegisters } from '../../adapters/dynamodb/provider-registers.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';

/**
 * RPT-2: what the self-evaluation's use cases need beyond the reports' root — the insurer's archive records (the
 * evidence it cites, the third party's upload) and the city EMB's register of organisations (REG-2). Ports of
 * domain/ only.
 */
export interface EvaluationRoot {
  /** SVC-10, SVC-13: the insurer's archive records and upload tickets, through its tenant-scoped credentials (ACL-1). */
  archiveRecords(tenantId: string): Promise<Pick<ArchiveRecordRepository, 'createUpload' | 'getUploads' | 'getArchiveRecord'>>;
  /** REG-2: the organisation an insurer names as its evaluator. */
  readonly registers: Pick<ProviderRegisters, 'getServiceOrg'>;
}

let root: EvaluationRoot | undefined;

/** Built on first use, once per container. */
export function evaluationRoot(): EvaluationRoot {
  if (!root) {
    const table = mainTableName();
    const scoped = sharedTenantScopedClients();
    root = {
      archiveRecords: async (tenantId) => new DynamoArchiveRecordRepository(new Store(await scoped.forTenant({ tenantId }), table, systemClock)),
      registers: new DynamoProviderRegisters(new Store(sharedDynamoDb().doc, table, systemClock)),
    };
  }
  return root;
}
