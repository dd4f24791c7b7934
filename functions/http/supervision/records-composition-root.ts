import type { FeeLedgerRepository } from '../../../domain/fees/fee-ledger.repository.js';
import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { SupervisionRecords } from '../../../domain/supervision/supervision-records.port.js';
import type { PaperFilingRepository } from '../../../domain/underwriting/paper-filing.repository.js';
import type { QualificationRepository } from '../../../domain/underwriting/qualification.repository.js';
import { systemClock } from '../../adapters/clock.js';
import { mainTableName } from '../../adapters/dynamodb/client.js';
import { DynamoFeeLedgerRepository } from '../../adapters/dynamodb/fee-ledger.repository.js';
import { DynamoPaperFilingRepository } from '../../adapters/dynamodb/paper-filing.repository.js';
import { DynamoQualificationRepository } from '../../adapters/dynamodb/qualification.repository.js';
import { sharedRegulatorReadClients } from '../../adapters/dynamodb/regulator-read-client.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { DynamoSupervisionRecords } from '../../adapters/dynamodb/supervision-records.repository.js';

/**
 * The remaining per-insurer reads of issue 14 (hazards, complaints, the fee ledger, qualification filings): the
 * insurer-side repositories themselves, typed down to their read methods, over a Store holding the read-only
 * regulator credentials (ARCHITECTURE.md §3) — a write would be refused by IAM even if a use case tried one.
 */
export interface InsurerRecords {
  readonly records: SupervisionRecords;
  readonly ledger: Pick<FeeLedgerRepository, 'listEntries'>;
  readonly qualifications: Pick<QualificationRepository, 'listRecent'>;
  readonly paperFilings: Pick<PaperFilingRepository, 'listRecent'>;
}

/** Through the regulator session of the caller's agency and county (ACL-4). */
export async function insurerRecords(regulator: RegulatorPrincipal): Promise<InsurerRecords> {
  const store = new Store(await sharedRegulatorReadClients().client(regulator), mainTableName(), systemClock);
  return {
    records: new DynamoSupervisionRecords(store),
    ledger: new DynamoFeeLedgerRepository(store),
    qualifications: new DynamoQualificationRepository(store),
    paperFilings: new DynamoPaperFilingRepository(store),
  };
}
