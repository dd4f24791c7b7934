import type { RegisterLookup } from '../../../domain/evaluations/evaluation-files.port.js';
import type { EvaluationRepository } from '../../../domain/evaluations/evaluation.repository.js';
import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { NewId } from '../../../domain/kernel/new-id.port.js';
import type { RuleSetSource } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import type { BlacklistRepository } from '../../../domain/register/blacklist.repository.js';
import type { ReportRecordSource } from '../../../domain/reports/report-records.port.js';
import { DynamoBlacklistRepository } from '../../adapters/dynamodb/blacklist.repository.js';
import { systemClock } from '../../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoEvaluationRepository } from '../../adapters/dynamodb/evaluation.repository.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { DynamoRegisterRepository } from '../../adapters/dynamodb/register.repository.js';
import { sharedRegulatorReadClients } from '../../adapters/dynamodb/regulator-read-client.js';
import { DynamoReportRecords } from '../../adapters/dynamodb/report-records.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { newId } from '../../adapters/ids.js';

/**
 * What the evaluations Lambda's use cases work with (RPT-3, BLK-1): ports of domain/ only. The archive and the
 * renderers are the file function's (files-composition-root.ts), so opening, scoring, the lists and gets do not
 * carry the S3 client, exceljs, pdfkit and the font's parser (issue 20).
 */
export interface EvaluationsRoot {
  /** The regulators' own evaluations (`R#evaluations#…`), through the function's own role. */
  readonly evaluations: EvaluationRepository;
  /** ACL-2: an insurer's records for the computed items, through the read-only regulator credentials of the caller. */
  records(regulator: RegulatorPrincipal): Promise<ReportRecordSource>;
  /** REG-1: the register the coverage item checks insured enterprises against. */
  readonly register: RegisterLookup;
  /** BLK-1: the one blacklist, which a failed evaluation's 通报 joins. */
  readonly blacklist: BlacklistRepository;
  readonly tenants: Pick<PlatformRepository, 'getTenant'>;
  readonly ruleSets: RuleSetSource;
  readonly clock: Clock;
  readonly newId: NewId;
}

let root: EvaluationsRoot | undefined;

/** Built on first use, once per container. */
export function evaluationsRoot(): EvaluationsRoot {
  if (!root) {
    const table = mainTableName();
    const own = new Store(sharedDynamoDb().doc, table, systemClock);
    const regulatorClients = sharedRegulatorReadClients();
    // ACL-4: the session is the caller's (agency and county from its token), never a shared regulator identity.
    const regulatorClient: (regulator: RegulatorPrincipal) => ReturnType<typeof regulatorClients.client> = regulatorClients.client.bind(regulatorClients);
    const register = new DynamoRegisterRepository(own);
    root = {
      evaluations: new DynamoEvaluationRepository(own),
      records: async (regulator) => new DynamoReportRecords(new Store(await regulatorClient(regulator), table, systemClock)),
      register: { registered: async (usccs) => new Set((await register.getMany(usccs)).keys()) },
      blacklist: new DynamoBlacklistRepository(own),
      tenants: new DynamoPlatformRepository(own),
      ruleSets: sharedRuleSets(),
      clock: systemClock,
      newId,
    };
  }
  return root;
}
