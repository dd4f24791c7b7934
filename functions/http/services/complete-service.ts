import { retainUntilFor } from '../../../domain/archive/archive-store.js';
import { INSURER } from '../../../domain/identity/access.js';
import { hazardNoticeAddressee, hazardNoticeDocument } from '../../../domain/services/hazard.rules.js';
import { policyFactsOf } from '../../../domain/services/policy-facts.js';
import { completeServiceBody, serviceSchema } from '../../../domain/services/service.schema.js';
import { completeService as complete, issueHazard, withEvidence, type CompleteServiceContext } from '../../../domain/services/service-record.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { archiveDocument, insurerNameOf } from './archive-document.js';
import { servicesRoot } from './composition-root.js';
import { resolveEvidence } from './evidence.js';
import { loadService, ruleSetOf } from './load-service.js';
import { serviceIdParams } from './schemas.js';

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
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    const root = servicesRoot();
    const now = root.clock.now();
    const ruleSet = await ruleSetOf(service);
    const expertIds = [...new Set(input.body.personnel.flatMap((person) => (person.expertId === undefined ? [] : [person.expertId])))];
    const [experts, calendar, insurerName, policy] = await Promise.all([
      root.registers.getExperts(expertIds),
      root.calendar(),
      // The insurer's name goes only on hazard notices: no read for a record without hazards.
      input.body.hazards.length > 0 ? insurerNameOf(tenantId) : '',
      tenant.policies.get(tenantId, service.policyId),
    ]);
    const context: CompleteServiceContext = {
      now,
      by: userId,
      calendar,
      ruleSet,
      hazardIds: input.body.hazards.map(() => root.newId(now)),
      evidence: [],
      experts,
      ...(policy ? { policy: policyFactsOf(policy) } : {}),
    };
    // The rule speaks first (illegal transition, bad record): its answer must not hide behind an evidence check.
    const { service: recorded, hazards: drafts, events: completedEvents } = complete(service, input.body, context);
    const evidence = await resolveEvidence(tenant.archives, tenantId, { kind: 'SERVICE', id: service.id }, input.body.evidence, 'evidence');
    const completed = withEvidence(recorded, evidence);

    const retainUntil = retainUntilFor(now, ruleSet.archiveRetentionYears);
    const performedOn = completed.record?.performedOn ?? '';
    const issued = await Promise.all(
      drafts.map(async (draft) => {
        const notice = await archiveDocument({
          tenantId,
          archiveId: root.newId(now),
          kind: 'HAZARD_NOTICE',
          document: hazardNoticeDocument(draft, { insurerName, serviceType: service.type, performedOn }),
          subject: { kind: 'HAZARD', id: draft.id },
          policyId: service.policyId,
          enterpriseUscc: service.enterprise.uscc,
          retainUntil,
          now,
          by: userId,
        });
        const issuedHazard = issueHazard(draft, {
          archiveId: notice.archiveId,
          archiveKey: notice.key,
          sha256: notice.sha256,
          issuedAt: now.toISOString(),
          addressedTo: hazardNoticeAddressee(draft),
        });
        return { hazard: issuedHazard.state, events: issuedHazard.events, notice };
      }),
    );
    const hazards = issued.map((entry) => entry.hazard);
    await tenant.services.completeService(
      completed,
      service.version,
      hazards,
      issued.map((entry) => entry.notice),
      [...completedEvents, ...issued.flatMap((entry) => entry.events)],
    );
    return { body: completed };
  },
});
