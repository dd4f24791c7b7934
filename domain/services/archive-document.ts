import { canonicalJson } from '../archive/canonical-json.js';
import { RuleViolation } from '../kernel/errors.js';
import type { Hazard } from './hazard.js';
import { SERVICE_TYPE_NAMES_ZH } from './service.js';
import type { PreventionService } from './service.js';
import type { ServicePlan } from './service-plan.js';

/** Names the document's shape, so a reader years from now knows how to read it (SVC-10 keeps it 5 years). */
export const SERVICE_RECORD_FORMAT = 'anze.service-record/1';

/**
 * SVC-9, SVC-10: the service's archive document (服务档案) — the whole confirmed record with its evidence
 * references (key and SHA-256 of every file), follow-up, both signatures, review flags and the hazards found
 * with their notices and rectification so far — as canonical JSON, so its digest is reproducible from the data.
 *
 * It is built from the CONFIRMED service, before `archiveService` records the digest; the service's own
 * `archive`, `updatedAt` and `version` are left out, because they change by the very act of archiving this
 * document, and its status is written CONFIRMED even when rebuilt from the ARCHIVED service, so the rebuilt
 * bytes match the recorded digest. Hazards are listed in the order of `service.hazardIds` and must be exactly those.
 *
 * @throws RuleViolation (SVC-9, `status`, 409) unless the service is CONFIRMED (or already ARCHIVED, to rebuild
 * the document); RangeError when `hazards` are not exactly the service's.
 * @example
 * const document = serviceArchiveDocument(confirmed, hazards, { archiveId: 'a-1', archivedAt, insurerName });
 * archiveService(confirmed, { now, by, archiveId: 'a-1', archiveKey, sha256: sha256Hex(document.body) });
 */
export function serviceArchiveDocument(
  service: PreventionService,
  hazards: readonly Hazard[],
  meta: {
    readonly archiveId: string;
    readonly archivedAt: string;
    readonly insurerName: string;
    /** MON-2: the monitoring alarms the service was made from, as the monitoring context summarises them; absent or empty: none. */
    readonly alarms?: readonly unknown[];
  },
): { fileName: 'service-record.json'; contentType: 'application/json'; body: string } {
  if (service.status !== 'CONFIRMED' && service.status !== 'ARCHIVED') {
    throw new RuleViolation('SVC-9', 'status', `SVC-9: service ${service.id} is ${service.status}; only a record confirmed by both parties is archived`, 409);
  }
  if (hazards.length !== service.hazardIds.length) {
    throw new RangeError(`service ${service.id} found ${service.hazardIds.length} hazards, ${hazards.length} given`);
  }
  const ordered = service.hazardIds.map((hazardId) => {
    const hazard = hazards.find((candidate) => candidate.id === hazardId);
    if (hazard === undefined || hazard.serviceId !== service.id) {
      throw new RangeError(`hazard ${hazardId} of service ${service.id} is missing from the archive`);
    }
    return hazard;
  });
  const { archive: _archive, updatedAt: _updatedAt, version: _version, ...record } = service;
  const document = {
    format: SERVICE_RECORD_FORMAT,
    title: '事故预防服务档案',
    archiveId: meta.archiveId,
    archivedAt: meta.archivedAt,
    insurer: { tenantId: service.tenantId, name: meta.insurerName },
    serviceTypeName: SERVICE_TYPE_NAMES_ZH[service.type],
    // The document records the confirmed record; rebuilt from the ARCHIVED service it must give the same bytes.
    service: { ...record, status: 'CONFIRMED' },
    hazards: ordered,
    // MON-2, SVC-9: an inspection made from duty-board alarms keeps them; other records' bytes stay as before.
    ...(meta.alarms && meta.alarms.length > 0 ? { alarms: meta.alarms } : {}),
  };
  return { fileName: 'service-record.json', contentType: 'application/json', body: canonicalJson(document) };
}

/**
 * SVC-10: the files a service's archive cites — its evidence, and each hazard's written notice and closure
 * evidence so far — each kept five years from the day the record is archived (服务档案…至少保留5年), however
 * long before that it was uploaded. Each key once, in the order the document lists them.
 *
 * @example
 * serviceArchiveMaterialKeys(confirmed, hazards); // ['tenants/t1/uploads/u1/photo.jpg', 'tenants/t1/archives/n1/notice.html']
 */
export function serviceArchiveMaterialKeys(service: Pick<PreventionService, 'evidence'>, hazards: readonly Pick<Hazard, 'notice' | 'rectification'>[]): string[] {
  const keys = new Set<string>();
  for (const item of service.evidence) keys.add(item.archiveKey);
  for (const hazard of hazards) {
    keys.add(hazard.notice.archiveKey);
    for (const item of hazard.rectification?.closureEvidence ?? []) keys.add(item.archiveKey);
  }
  return [...keys];
}

/** Names the plan document's shape (SVC-10 keeps it 5 years). */
export const SERVICE_PLAN_FORMAT = 'anze.service-plan/1';

/**
 * SVC-4, SVC-10: the agreed service plan (服务方案, one of the documents 第十三条 names for the archive) as
 * canonical JSON — every version agreed is archived, write-once, so what was agreed with the enterprise can
 * be shown years later. The plan's own `archive` reference is left out: it is the result of archiving this.
 *
 * @example
 * const document = servicePlanArchiveDocument(plan, { archiveId: 'a-1', archivedAt, insurerName, policyNumber });
 * document.fileName; // 'service-plan-v1.json'
 */
export function servicePlanArchiveDocument(
  plan: ServicePlan,
  meta: { readonly archiveId: string; readonly archivedAt: string; readonly insurerName: string; readonly policyNumber: string },
): { fileName: `service-plan-v${number}.json`; contentType: 'application/json'; body: string } {
  const { archive: _archive, ...agreed } = plan;
  const document = {
    format: SERVICE_PLAN_FORMAT,
    title: '事故预防服务方案',
    archiveId: meta.archiveId,
    archivedAt: meta.archivedAt,
    insurer: { tenantId: plan.tenantId, name: meta.insurerName },
    policyNumber: meta.policyNumber,
    plan: agreed,
  };
  return { fileName: `service-plan-v${plan.version}.json`, contentType: 'application/json', body: canonicalJson(document) };
}
