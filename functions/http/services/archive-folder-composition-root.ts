import type { ArchiveStoreFor, Sha256Hex } from '../../../domain/archive/archive-store.js';
import type { ArchiveFolderReads, FolderScope } from '../../../domain/archive/folder.js';
import type { FolderEvaluationReads } from '../../../domain/archive/folder-evaluations.js';
import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import { archiveStoreFor } from '../../adapters/archive/archive-store-from-env.js';
import { sha256Hex } from '../../adapters/archive/sha256.js';
import { systemClock } from '../../adapters/clock.js';
import { DynamoArchiveFolderReads, DynamoFolderEvaluationReads } from '../../adapters/dynamodb/archive-folder.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoEvaluationRepository } from '../../adapters/dynamodb/evaluation.repository.js';
import { DynamoReportRepository } from '../../adapters/dynamodb/report.repository.js';
import { sharedRegulatorReadClients } from '../../adapters/dynamodb/regulator-read-client.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';

/** What the enterprise's archive folder (SVC-10, issue 18) works with: ports of domain/ only. */
export interface ArchiveFolderRoot {
  /**
   * The folder's reads for a scope (ARCHITECTURE.md §3): an insurer's through its tenant-scoped credentials,
   * the regulators' through the read-only regulator session of the caller's agency and county (ACL-4) — neither
   * can write, the first cannot leave its tenant.
   */
  readsFor(scope: FolderScope, regulator: RegulatorPrincipal | undefined): Promise<ArchiveFolderReads & FolderEvaluationReads>;
  /** The write-once store; on AWS its clients take the tenant role of each key's tenant. */
  readonly archive: ArchiveStoreFor;
  readonly sha256Hex: Sha256Hex;
  readonly clock: Clock;
}

let root: ArchiveFolderRoot | undefined;

export function archiveFolderRoot(): ArchiveFolderRoot {
  root ??= {
    async readsFor(scope, regulator) {
      let client;
      if (scope.kind === 'insurer') client = await sharedTenantScopedClients().forTenant({ tenantId: scope.tenantId });
      else if (regulator) client = await sharedRegulatorReadClients().client(regulator);
      else throw new Error('ACL-2: the regulators’ folder is read in a regulator’s session only');
      const store = new Store(client, mainTableName(), systemClock);
      const folder = new DynamoArchiveFolderReads(store);
      // RPT-3's published evaluations are the regulators' items (`R#evaluations#…`): read with the function's own role.
      const evaluations = new DynamoFolderEvaluationReads(new DynamoReportRepository(store), new DynamoEvaluationRepository(new Store(sharedDynamoDb().doc, mainTableName(), systemClock)));
      return {
        policiesOf: (of, uscc) => folder.policiesOf(of, uscc),
        materialOf: (policies) => folder.materialOf(policies),
        evaluationsOf: (tenantId, year) => evaluations.evaluationsOf(tenantId, year),
      };
    },
    archive: (session) => archiveStoreFor(session),
    sha256Hex,
    clock: systemClock,
  };
  return root;
}
