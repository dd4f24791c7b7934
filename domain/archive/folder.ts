import type { ArchiveRecord, ArchiveRecordKind } from '../services/archive-record.schema.js';
import type { EvidenceItem } from '../services/evidence.schema.js';
import type { Hazard } from '../services/hazard.js';
import type { ServicePlan } from '../services/service-plan.schema.js';
import type { PreventionService } from '../services/service.js';
import type { Policy } from '../underwriting/policy.js';
import { yearOf } from '../kernel/calendar/local-date.js';
import { evaluationDocuments, type FolderEvaluationMaterial } from './folder-evaluations.js';

/**
 * SVC-10: the kinds of document an enterprise's archive folder (档案夹) holds, in the order the notice's 第十三条
 * and DOMAIN.md list them — the insurance contract (保险合同, the policy at issue and each endorsement), the
 * agreed service plan (服务方案), the service record (服务记录) and its evidence, the hazard notice (隐患整改通知书)
 * and the rectification evidence, the outsourcing contracts of third-party services (REG-2), the prevention-fee
 * ledger extract (台账摘录), complaints with their replies.
 *
 * The evaluation (评估, RPT-2/RPT-3) is the insurer's of the year, not the enterprise's: it is not copied into
 * each folder but listed at read time from the insurer's own files (folder-evaluations.ts), kind EVALUATION.
 *
 * Extension point for another document: archive it as an ArchiveRecord with its own kind and its policy's
 * archive index entry (keys.policyArchive), add that kind here and to FOLDER_RECORD_KINDS — folderOf then lists
 * it, and the download and verify routes serve it, with no other change.
 */
export const FOLDER_DOCUMENT_KINDS = [
  'POLICY',
  'SERVICE_PLAN',
  'SERVICE_RECORD',
  'SERVICE_EVIDENCE',
  'HAZARD_NOTICE',
  'RECTIFICATION_EVIDENCE',
  'OUTSOURCING_CONTRACT',
  'LEDGER_EXTRACT',
  'COMPLAINT',
  'EVALUATION',
] as const;
export type FolderDocumentKind = (typeof FOLDER_DOCUMENT_KINDS)[number];

/** The archive records the folder lists, each under the folder kind of the same name (the evidence is not a record). */
export const FOLDER_RECORD_KINDS: ReadonlySet<ArchiveRecordKind> = new Set<ArchiveRecordKind>([
  'POLICY',
  'SERVICE_PLAN',
  'SERVICE_RECORD',
  'HAZARD_NOTICE',
  'OUTSOURCING_CONTRACT',
  'LEDGER_EXTRACT',
  'COMPLAINT',
]);
/** EVALUATION: an RPT-3 evaluation (考核评估); REPORT: an RPT-2 self-evaluation report (自评估). */
export const FOLDER_SUBJECT_KINDS = ['POLICY', 'SERVICE', 'HAZARD', 'COMPLAINT', 'EVALUATION', 'REPORT'] as const;
type FolderSubjectKind = (typeof FOLDER_SUBJECT_KINDS)[number];

/** One file of the folder: where its bytes are and the SHA-256 recorded when it was archived or uploaded. */
export interface FolderDocument {
  /** The archive id of an archived document, the evidence item's id for evidence. */
  readonly docId: string;
  readonly kind: FolderDocumentKind;
  readonly tenantId: string;
  readonly policyId: string;
  /** What it is about: the policy (its contract, plan, ledger extract), the service (a record, its evidence), the hazard or the complaint. */
  readonly subject: { readonly kind: FolderSubjectKind; readonly id: string };
  readonly fileName: string;
  readonly key: string;
  readonly sha256: string;
  readonly size?: number;
  readonly contentType?: string;
  /** When it went into the archive (an archive record), or was captured (evidence). */
  readonly at: string;
  /** SVC-10: kept unchanged until then — five years from archiving; for evidence, from its record's archiving. */
  readonly retainUntil?: string;
  /** An evaluation's earlier revision, a self-evaluation's earlier version: kept and listed, no longer the one in force. */
  readonly superseded?: boolean;
}

/** A policy of the folder: the year is its period's start year (the policy year the folder is kept by). */
export interface FolderPolicy {
  readonly id: string;
  readonly tenantId: string;
  readonly policyNumber: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly year: number;
}

export interface EnterpriseFolder {
  readonly uscc: string;
  readonly enterpriseName: string;
  readonly year?: number;
  readonly policies: readonly FolderPolicy[];
  readonly documents: readonly FolderDocument[];
}

/** What the folder is made from: the policies' services, hazards, plans and archive records. */
export interface FolderMaterial {
  readonly services: readonly PreventionService[];
  readonly hazards: readonly Hazard[];
  readonly plans: readonly ServicePlan[];
  readonly records: readonly ArchiveRecord[];
  /** SVC-10, RPT-2, RPT-3: the evaluation files of each insurer and policy year of the folder's policies. */
  readonly evaluations?: readonly FolderEvaluationMaterial[];
}

/** Whose folder view: an insurer's own policies of the enterprise, or every insurer's (regulators, ACL-2). */
export type FolderScope = { readonly kind: 'insurer'; readonly tenantId: string } | { readonly kind: 'regulators' };

/**
 * SVC-10: the reads an enterprise's folder is made of, each bounded by the enterprise and its policies — one
 * Query for the policies, then per policy one Query of its services, one of its archive index and one GetItem
 * of its plan, and BatchGetItem for the hazards and the records the aggregates cite. Never a table scan.
 */
export interface ArchiveFolderReads {
  /** The enterprise's policies in the scope (an insurer: those it leads; regulators: every insurer's). */
  policiesOf(scope: FolderScope, uscc: string): Promise<readonly Policy[]>;
  materialOf(policies: readonly Policy[]): Promise<FolderMaterial>;
}

/**
 * SVC-10: where the folder's own documents (the policy, a complaint, a ledger extract) are recorded — in the
 * insurer's partition, with the policy's archive index entry, in one transaction with `archive.document.archived`.
 */
export interface FolderArchiveRecords {
  record(tenantId: string, archiveId: string): Promise<ArchiveRecord | undefined>;
  /** Stores the record and its event; a record already there (a replay) is left as it is: false. */
  create(record: ArchiveRecord): Promise<boolean>;
}

const fileNameOf = (key: string): string => key.slice(key.lastIndexOf('/') + 1);

/** The archive ids the aggregates cite: what exists today even where no index item was written (before issue 18). */
export function citedArchiveIds(material: Pick<FolderMaterial, 'services' | 'hazards' | 'plans'>): string[] {
  const ids = new Set<string>();
  for (const plan of material.plans) if (plan.archive) ids.add(plan.archive.archiveId);
  for (const service of material.services) if (service.archive) ids.add(service.archive.archiveId);
  for (const hazard of material.hazards) ids.add(hazard.notice.archiveId);
  return [...ids];
}

/** SVC-10: one archive record of a folder kind as the folder lists it. */
export function recordDocument(record: ArchiveRecord): FolderDocument {
  const subjectKind: FolderSubjectKind = (FOLDER_SUBJECT_KINDS as readonly string[]).includes(record.subject.kind) ? (record.subject.kind as FolderSubjectKind) : 'POLICY';
  return {
    docId: record.archiveId,
    kind: record.kind as FolderDocumentKind,
    tenantId: record.tenantId,
    policyId: record.policyId,
    subject: { kind: subjectKind, id: record.subject.id },
    fileName: fileNameOf(record.key),
    key: record.key,
    sha256: record.sha256,
    size: record.size,
    contentType: record.contentType,
    at: record.archivedAt,
    retainUntil: record.retainUntil,
  };
}

/**
 * SVC-10: the folder of one enterprise, for one policy year or all of them: every archived document and every
 * evidence file of the policies given, newest first within each kind, each once. `year` keeps the policies
 * whose period starts in that year (the policy year), and the documents of those.
 *
 * @example
 * folderOf('91140902…', 2026, policies, material).documents.map((d) => d.kind); // ['SERVICE_PLAN', 'SERVICE_RECORD', …]
 */
export function folderOf(uscc: string, year: number | undefined, policies: readonly Policy[], material: FolderMaterial): EnterpriseFolder {
  const kept = policies.filter((policy) => year === undefined || yearOf(policy.periodStart) === year);
  const policyIds = new Set(kept.map((policy) => policy.id));
  const documents = new Map<string, FolderDocument>();
  const add = (document: FolderDocument) => {
    if (policyIds.has(document.policyId) && !documents.has(document.docId)) documents.set(document.docId, document);
  };
  const retainOfService = new Map<string, string>();
  for (const record of material.records) {
    // The evidence a service record cites is kept as long as the record (an outsourcing contract is its own file).
    if (record.kind === 'SERVICE_RECORD') retainOfService.set(record.subject.id, record.retainUntil);
    if (!FOLDER_RECORD_KINDS.has(record.kind) || record.enterpriseUscc !== uscc) continue;
    add(recordDocument(record));
  }
  const evidence = (item: EvidenceItem, kind: FolderDocumentKind, owner: { tenantId: string; policyId: string }, subject: FolderDocument['subject'], retainUntil?: string) =>
    add({
      docId: item.id,
      kind,
      tenantId: owner.tenantId,
      policyId: owner.policyId,
      subject,
      fileName: item.fileName ?? fileNameOf(item.archiveKey),
      key: item.archiveKey,
      sha256: item.sha256,
      size: item.size,
      contentType: item.contentType,
      at: item.capturedAt,
      ...(retainUntil ? { retainUntil } : {}),
    });
  for (const service of material.services) {
    if (service.enterprise.uscc !== uscc) continue;
    for (const item of service.evidence) evidence(item, 'SERVICE_EVIDENCE', service, { kind: 'SERVICE', id: service.id }, retainOfService.get(service.id));
  }
  for (const hazard of material.hazards) {
    if (hazard.enterprise.uscc !== uscc) continue;
    for (const item of hazard.rectification?.closureEvidence ?? []) evidence(item, 'RECTIFICATION_EVIDENCE', hazard, { kind: 'HAZARD', id: hazard.id });
  }
  for (const insurerYear of material.evaluations ?? []) {
    // The insurer's evaluation of the year belongs to the folder of each enterprise it insured that year.
    const owner = kept.filter((policy) => policy.tenantId === insurerYear.tenantId && yearOf(policy.periodStart) === insurerYear.year).sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0];
    if (owner) for (const document of evaluationDocuments({ policyId: owner.id }, insurerYear)) add(document);
  }
  const order = (kind: FolderDocumentKind) => FOLDER_DOCUMENT_KINDS.indexOf(kind);
  const sorted = [...documents.values()].sort((a, b) => order(a.kind) - order(b.kind) || b.at.localeCompare(a.at) || a.docId.localeCompare(b.docId));
  const newest = [...policies].sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0];
  return {
    uscc,
    enterpriseName: newest?.enterprise.name ?? uscc,
    ...(year === undefined ? {} : { year }),
    policies: kept
      .map((policy) => ({
        id: policy.id,
        tenantId: policy.tenantId,
        policyNumber: policy.policyNumber,
        periodStart: policy.periodStart,
        periodEnd: policy.periodEnd,
        year: yearOf(policy.periodStart),
      }))
      .sort((a, b) => b.periodStart.localeCompare(a.periodStart)),
    documents: sorted,
  };
}
