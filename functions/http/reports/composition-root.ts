import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { NewId } from '../../../domain/kernel/new-id.port.js';
import type { RuleSetSource } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import type { ReportRecordSource } from '../../../domain/reports/report-records.port.js';
import type { RegulatorReportViews, ReportRepository } from '../../../domain/reports/report.repository.js';
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

/**
 * What the reports Lambda's use cases work with (RPT-1, RPT-4): ports of domain/ only. The archive and the
 * renderers are the file function's (files-composition-root.ts), so the lists and gets do not carry
 * the S3 client, exceljs, pdfkit and the font's parser (issue 20).
 */
export interface ReportsRoot {
  /** The insurer's reports and the records they are computed from, through its tenant-scoped credentials (ACL-1). */
  forTenant(tenantId: string): Promise<{ readonly reports: ReportRepository; readonly records: ReportRecordSource }>;
  /** ACL-2: every insurer's submissions through the read-only regulator credentials (no write is possible). */
  regulatorViews(regulator: RegulatorPrincipal): Promise<RegulatorReportViews>;
  /** The insurer's name as the report states it. */
  readonly tenants: Pick<PlatformRepository, 'getTenant'>;
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
      ruleSets: sharedRuleSets(),
      clock: systemClock,
      newId,
    };
  }
  return root;
}

