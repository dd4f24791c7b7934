import { tenantArchive } from '../../domain/archive/archive-store.js';
import { archiveStoreFor } from '../adapters/archive/archive-store-from-env.js';
import { systemClock } from '../adapters/clock.js';
import { DynamoArchiveFolderReads, DynamoFolderArchiveRecords } from '../adapters/dynamodb/archive-folder.js';
import { mainTableName, sharedDynamoDb } from '../adapters/dynamodb/client.js';
import { DynamoComplaintRepository } from '../adapters/dynamodb/complaint.repository.js';
import { DynamoPlatformRepository } from '../adapters/dynamodb/platform.repository.js';
import { DynamoPolicyRepository } from '../adapters/dynamodb/policy.repository.js';
import { sharedRuleSets } from '../adapters/dynamodb/rule-set.repository.js';
import { Store } from '../adapters/dynamodb/store.js';
import type { FolderProjectionPorts } from './archive-folder-projection.js';

let ports: FolderProjectionPorts | undefined;

/**
 * The folder projection's composition root (SVC-10): the projection function's own table client (a platform
 * component, like the coverage projection) and the write-once archive the environment names.
 */
export function folderProjectionPorts(): FolderProjectionPorts {
  if (!ports) {
    const store = new Store(sharedDynamoDb().doc, mainTableName(), systemClock);
    const policies = new DynamoPolicyRepository(store);
    const complaints = new DynamoComplaintRepository(store);
    const folder = new DynamoArchiveFolderReads(store);
    const platform = new DynamoPlatformRepository(store);
    ports = {
      policy: (tenantId, policyId) => policies.get(tenantId, policyId),
      complaint: (tenantId, complaintId) => complaints.get(tenantId, complaintId),
      policiesOf: (tenantId, uscc) => folder.policiesOf({ kind: 'insurer', tenantId }, uscc),
      insurerName: async (tenantId) => (await platform.getTenant(tenantId))?.name ?? tenantId,
      records: new DynamoFolderArchiveRecords(store),
      // The insurer's own archive session, the tenant the event names (the keys are built under that tenant too).
      archiveFor: (tenantId) => archiveStoreFor(tenantArchive(tenantId)),
      ruleSets: sharedRuleSets(),
      clock: systemClock,
    };
  }
  return ports;
}
