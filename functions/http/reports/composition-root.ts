import type { ArchiveStoreFor, Sha256Hex } from '../../../domain/archive/archive-store.js';
import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { NewId } from '../../../domain/kernel/new-id.port.js';
import type { RuleSetSource } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import type { ReportFiles } from '../../../domain/reports/report-files.port.js';
import type { ReportRecordSource } from '../../../domain/reports/report-records.port.js';
import type { RegulatorReportViews, ReportRepository } from '../../../domain/reports/report.repository.js';
import { archiveStoreFor } from '../../adapters/archive/archive-store-from-env.js';
import { sha256Hex } from '../../adapters/archive/sha256.js';
import { systemClock } from '../../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { sharedRegulatorReadClients } from '../../adapters/dynamodb/regulator-read-client.js';
import { DynamoReportRecords } from '../../adapters/dynamodb/report-records.js';
import { DynamoReportRepository } from '../../adapters/dynamodb/report.repository.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { newId } from '../../adapters/ids.js';

/** What the reports Lambda's use cases work with (RPT-1, RPT-4): ports of domain/ only. */
export interface ReportsRoot {
  /** The insurer's reports and the records they are computed from, through its tenant-scoped credentials (ACL-1). */
  forTenant(tenantId: string): Promise<{ readonly reports: ReportRepository; readonly records: ReportRecordSource }>;
  /** ACL-2: every insurer's submissions through the read-only regulator credentials (no write is possible). */
  regulatorViews(regulator: RegulatorPrincipal): Promise<RegulatorReportViews>;
  /** The insurer's name as the report states it. */
  readonly tenants: Pick<PlatformRepository, 'getTenant'>;
  /** SVC-10: report files, write-once; reached through the tenant role of each key's tenant. */
  readonly archive: ArchiveStoreFor;
  readonly files: ReportFiles;
  readonly sha256: Sha256Hex;
  readonly ruleSets: RuleSetSource;
  readonly clock: Clock;
  readonly newId: NewId;
}

let root: ReportsRoot | undefined;

/** Built on first use, once per container. */
export function reportsRoot(): ReportsRoot {
  if (!root) {
    const table = mainTableName();
    const scoped = sharedTenantScopedClients();
    const regulatorClients = sharedRegulatorReadClients();
    root = {
      forTenant: async (tenantId) => {
        const store = new Store(await scoped.forTenant({ tenantId }), table, systemClock);
        return { reports: new DynamoReportRepository(store), records: new DynamoReportRecords(store) };
      },
      regulatorViews: async (regulator) => new DynamoReportRepository(new Store(await regulatorClients.client(regulator), table, systemClock)),
      tenants: new DynamoPlatformRepository(new Store(sharedDynamoDb().doc, table, systemClock)),
      archive: (session) => archiveStoreFor(session),
      // The renderers (PDF with its CJK font, XLSX) load on the first render, not on every cold start.
      files: { render: async (figures, evaluation) => (await import('../../adapters/report-file/render.js')).renderReportFiles.render(figures, evaluation) },
      sha256: sha256Hex,
      ruleSets: sharedRuleSets(),
      clock: systemClock,
      newId,
    };
  }
  return root;
}

