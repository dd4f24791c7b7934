import { retainUntilFor } from '../../../domain/archive/archive-store.js';
import { hazardNoticeAddressee, hazardNoticeDocument } from '../../../domain/services/hazard.rules.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import { completeService as complete, issueHazard, policyFactsOf, withEvidence, type CompleteServiceContext } from '../../../domain/services/lifecycle.js';
import { completeServiceBody, serviceSchema } from '../../../domain/services/schemas.js';
import type { ArchiveRecord } from '../../../domain/services/service.repository.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { insurerNameOf, loadService, ruleSetOf, serviceDeps } from './deps.js';
import { resolveEvidence } from './evidence.js';
import { serviceIdParams } from './schemas.js';
import { INSURER } from '../../../domain/identity/access.js';

const utf8 = new TextEncoder();

/**
 * SVC-7, SVC-9, SVC-13: the record of the service as performed. Its evidence must already be in the archive
 * with the declared digests; each hazard found gets its written notice (隐患整改通知书) archived write-once,
 * and the record, the hazards, their notices' archive records and the events — `services.hazard.major_found`
 * for the regulators on a MAJOR one — are one transaction.
 */
export const completeService = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/complete',
  access: INSURER,
  summary: 'Record the service as performed, with its evidence and the hazards found (SVC-7, SVC-9, SVC-13)',
  tags: ['services'],
  params: serviceIdParams,
  body: completeServiceBody,
  response: serviceSchema,
  async handle(input) {
    const caller = callerOf(input);
    const tenantId = caller.tenantId as string;
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    const { registers, clock, newId, archive } = serviceDeps();
    const now = clock.now();
    const ruleSet = ruleSetOf(service);
    const expertIds = [...new Set(input.body.personnel.flatMap((person) => (person.expertId === undefined ? [] : [person.expertId])))];
    const [experts, calendar, insurerName, policy] = await Promise.all([
      registers.getExperts(expertIds),
      serviceDeps().calendar(),
      // The insurer's name goes only on hazard notices: no read for a record without hazards.
      input.body.hazards.length > 0 ? insurerNameOf(tenantId) : '',
      tenant.policies.get(tenantId, service.policyId),
    ]);
    const context: CompleteServiceContext = {
      now,
      by: caller.userId,
      calendar,
      ruleSet,
      hazardIds: input.body.hazards.map(() => newId(now)),
      evidence: [],
      experts,
      ...(policy ? { policy: policyFactsOf(policy) } : {}),
    };
    // The rule speaks first (illegal transition, bad record): its answer must not hide behind an evidence check.
    const { service: recorded, hazards: drafts } = complete(service, input.body, context);
    const evidence = await resolveEvidence(tenant.services, tenantId, { kind: 'SERVICE', id: service.id }, input.body.evidence, 'evidence');
    const completed = withEvidence(recorded, evidence);

    const retainUntil = retainUntilFor(now, ruleSet.archiveRetentionYears);
    const performedOn = completed.record?.performedOn ?? '';
    const issued = await Promise.all(
      drafts.map(async (draft): Promise<{ hazard: Hazard; record: ArchiveRecord }> => {
        const document = hazardNoticeDocument(draft, { insurerName, serviceType: service.type, performedOn });
        const archiveId = newId(now);
        const key = `tenants/${tenantId}/archives/${archiveId}/${document.fileName}`;
        const stored = await archive().put({ key, body: utf8.encode(document.body), contentType: document.contentType, retainUntil, now });
        const hazard = issueHazard(draft, {
          archiveId,
          archiveKey: key,
          sha256: stored.sha256,
          issuedAt: now.toISOString(),
          addressedTo: hazardNoticeAddressee(draft),
        });
        const record: ArchiveRecord = {
          archiveId,
          tenantId,
          kind: 'HAZARD_NOTICE',
          key,
          sha256: stored.sha256,
          size: stored.size,
          contentType: document.contentType,
          subject: { kind: 'HAZARD', id: hazard.id },
          policyId: service.policyId,
          enterpriseUscc: service.enterprise.uscc,
          retainUntil: stored.retainUntil,
          archivedAt: now.toISOString(),
          archivedBy: caller.userId,
        };
        return { hazard, record };
      }),
    );
    await tenant.services.completeService(
      completed,
      service.version,
      issued.map((entry) => entry.hazard),
      issued.map((entry) => entry.record),
    );
    return { body: completed };
  },
});
