import type { NoticeSubjectKind } from '../../../domain/supervision/notice.js';
import type { FoundSubject, NoticeSubjects } from '../../../domain/supervision/notice-subjects.port.js';
import { DynamoComplaintRepository } from './complaint.repository.js';
import { DynamoFeeLedgerRepository } from './fee-ledger.repository.js';
import { DynamoHazardRepository } from './hazards.repository.js';
import { DynamoRegisterRepository } from './register.repository.js';
import type { Store } from './store.js';
import { DynamoSupervisionReads } from './supervision-reads.repository.js';

/**
 * SUP-1: finds the item a notice is about in the insurer's data, with the insurer's own repositories over a
 * Store whose client holds the read-only regulator credentials. A complaint names its enterprise by USCC only,
 * so its label is the register's name for it (REG-1).
 */
export class DynamoNoticeSubjects implements NoticeSubjects {
  constructor(private readonly store: Store) {}

  async find(tenantId: string, kind: NoticeSubjectKind, id: string): Promise<FoundSubject | undefined> {
    switch (kind) {
      case 'SERVICE': {
        const service = await new DynamoSupervisionReads(this.store).getService(tenantId, id);
        return service && { label: `${service.enterprise.name} · ${service.scheduledOn}`, county: service.enterprise.county };
      }
      case 'HAZARD': {
        const hazard = await new DynamoHazardRepository(this.store).getHazard(tenantId, id);
        return hazard && { label: `${hazard.enterprise.name} · ${hazard.foundOn}`, county: hazard.enterprise.county };
      }
      case 'COMPLAINT': {
        const complaint = await new DynamoComplaintRepository(this.store).get(tenantId, id);
        if (!complaint) return undefined;
        const entry = await new DynamoRegisterRepository(this.store).get(complaint.enterpriseUscc);
        return { label: `${entry?.name ?? complaint.enterpriseUscc} · ${complaint.receivedOn}`, county: complaint.county };
      }
      case 'FEE_YEAR': {
        // FEE-4/FEE-5: a year the insurer keeps a ledger for; the id is the year.
        if (!/^\d{4}$/.test(id)) return undefined;
        const year = await new DynamoFeeLedgerRepository(this.store).year(tenantId, Number(id));
        return year && { label: `${id}年度预防费用`, county: undefined };
      }
    }
  }
}
