import type { Complaint } from '../complaints/complaint.js';
import type { LedgerEntry } from '../fees/ledger-entry.js';
import { effectOf } from '../fees/ledger-entry.js';
import type { Policy } from '../underwriting/policy.js';
import { canonicalJson } from './canonical-json.js';

/**
 * SVC-10 (issue 18): the folder's own documents — the 保险合同 (policy), a complaint with its reply, and the
 * enterprise's prevention-fee ledger extract — each as canonical JSON, the format of the folder's other archived
 * records (the service record, the plan): the bytes are reproducible from the data, so the SHA-256 recorded in
 * the table can be checked against them at any time, and no font or renderer has to live five years beside them.
 */
export interface FolderFile {
  readonly fileName: string;
  readonly contentType: 'application/json';
  readonly body: string;
}

/** Names each document's shape, so a reader years from now knows how to read it (SVC-10 keeps it 5 years). */
export const POLICY_DOCUMENT_FORMAT = 'anze.policy/1';
export const COMPLAINT_DOCUMENT_FORMAT = 'anze.complaint/1';
export const LEDGER_EXTRACT_FORMAT = 'anze.ledger-extract/1';

interface Meta {
  readonly archiveId: string;
  readonly archivedAt: string;
  readonly insurerName: string;
}

/** An archive id of at most 64 characters of `[A-Za-z0-9_-]` (the folder's docId), from a prefix and ids. */
const archiveIdOf = (...parts: (string | number)[]): string => parts.join('-').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);

/**
 * SVC-10: the archive id of a policy version's document — fixed by the policy and its version, so a replayed
 * `underwriting.policy.issued` (or `…endorsed`) finds the document archived and archives nothing more.
 */
export const policyDocumentArchiveId = (policy: Pick<Policy, 'id' | 'version'>): string => archiveIdOf('POL', policy.id, `v${policy.version}`);

/** SVC-10: the archive id of a complaint's document at one status (answered, accepted, escalated): once each. */
export const complaintDocumentArchiveId = (complaint: Pick<Complaint, 'id' | 'status'>): string => archiveIdOf('CMP', complaint.id, complaint.status);

/** The complaint statuses whose record is archived: answered (REPLIED) and closed (ACCEPTED, or taken to a regulator). */
export const ARCHIVED_COMPLAINT_STATUSES: readonly Complaint['status'][] = ['REPLIED', 'ACCEPTED', 'ESCALATED'];

/**
 * SVC-10: the insurance contract (保险合同) as issued or endorsed — the whole policy record at that version
 * (insured enterprise, period, insured amounts, premium, co-insurers, endorsements), titled 安全生产责任保险保险单.
 *
 * @example
 * policyDocument(policy, { archiveId: policyDocumentArchiveId(policy), archivedAt, insurerName }).fileName; // 'policy.json'
 */
export function policyDocument(policy: Policy, meta: Meta): FolderFile {
  const { updatedAt: _updatedAt, ...record } = policy;
  const document = {
    format: POLICY_DOCUMENT_FORMAT,
    title: '安全生产责任保险保险单',
    archiveId: meta.archiveId,
    archivedAt: meta.archivedAt,
    insurer: { tenantId: policy.tenantId, name: meta.insurerName },
    policy: record,
  };
  return { fileName: 'policy.json', contentType: 'application/json', body: canonicalJson(document) };
}

/**
 * SVC-10, CMP-5: a complaint with its reply (投诉及答复) at the status it reached — the request, the reply's four
 * parts, the extension, escalation and acceptance, and the whole timeline.
 */
export function complaintDocument(complaint: Complaint, policyId: string, meta: Meta): FolderFile {
  const document = {
    format: COMPLAINT_DOCUMENT_FORMAT,
    title: '投诉及答复记录',
    archiveId: meta.archiveId,
    archivedAt: meta.archivedAt,
    insurer: { tenantId: complaint.tenantId, name: meta.insurerName },
    policyId,
    complaint,
  };
  return { fileName: 'complaint.json', contentType: 'application/json', body: canonicalJson(document) };
}

/**
 * FEE-2 entries of one policy: its accruals (FEE-1, from its premium receipts), the expenses booked for its
 * services, and the reversals of either — in the order they were booked (year, then sequence).
 */
export function entriesOfPolicy(policyId: string, serviceIds: ReadonlySet<string>, entries: Iterable<LedgerEntry>): LedgerEntry[] {
  const kept: LedgerEntry[] = [];
  for (const entry of entries) {
    const mine =
      entry.kind === 'ACCRUAL'
        ? entry.policyId === policyId
        : entry.kind === 'EXPENSE'
          ? entry.serviceId !== undefined && serviceIds.has(entry.serviceId)
          : false;
    if (mine) kept.push(entry);
  }
  const ids = new Set(kept.map((entry) => entry.id));
  for (const entry of entries) if (entry.kind === 'REVERSAL' && ids.has(entry.reverses.entryId)) kept.push(entry);
  return kept.sort((a, b) => a.year - b.year || a.sequence - b.sequence);
}

/** The extract's totals, in fen: the sums of the entries' effects (a reversal takes its entry's effect back). */
export interface LedgerExtractTotals {
  readonly receivedFen: number;
  readonly premiumExTaxFen: number;
  readonly accruedFen: number;
  readonly spentFen: number;
}

export function ledgerExtractTotals(entries: readonly LedgerEntry[]): LedgerExtractTotals {
  let receivedFen = 0;
  let premiumExTaxFen = 0;
  let accruedFen = 0;
  let spentFen = 0;
  for (const entry of entries) {
    const effect = effectOf(entry);
    receivedFen += effect.receivedFen;
    premiumExTaxFen += effect.premiumExTaxFen;
    accruedFen += effect.accruedFen;
    spentFen += effect.spentFen;
  }
  return { receivedFen, premiumExTaxFen, accruedFen, spentFen };
}

/**
 * SVC-10, FEE-2: the enterprise's extract of the insurer's prevention-fee ledger (事故预防费用台账摘录) for one
 * policy year — every entry of that policy with its totals, as of the moment it was generated. Each generation
 * is a new archived version; none replaces another.
 */
export function ledgerExtractDocument(policy: Policy, entries: readonly LedgerEntry[], meta: Meta): FolderFile {
  const document = {
    format: LEDGER_EXTRACT_FORMAT,
    title: '事故预防费用台账摘录',
    archiveId: meta.archiveId,
    archivedAt: meta.archivedAt,
    insurer: { tenantId: policy.tenantId, name: meta.insurerName },
    policy: {
      id: policy.id,
      policyNumber: policy.policyNumber,
      enterprise: { uscc: policy.enterprise.uscc, name: policy.enterprise.name },
      periodStart: policy.periodStart,
      periodEnd: policy.periodEnd,
    },
    totals: ledgerExtractTotals(entries),
    entries,
  };
  return { fileName: 'ledger-extract.json', contentType: 'application/json', body: canonicalJson(document) };
}
