import { retainUntilFor } from '../../../domain/archive/archive-store.js';
import { archiveFolderFile } from '../../../domain/archive/folder-archiving.js';
import { entriesOfPolicy, ledgerExtractDocument } from '../../../domain/archive/folder-documents.js';
import { recordDocument } from '../../../domain/archive/folder.js';
import { folderDocumentSchema, folderPolicyParams } from '../../../domain/archive/folder.schema.js';
import type { LedgerEntry } from '../../../domain/fees/ledger-entry.js';
import { INSURER } from '../../../domain/identity/access.js';
import { shanghaiDateOf, yearOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { recordedRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { insurerNameOf } from './archive-document.js';
import { ledgerExtractPorts } from './archive-folder-extract-composition-root.js';

/**
 * SVC-10, FEE-2 (issue 18): the insurer archives the enterprise's extract of its prevention-fee ledger
 * (台账摘录) for one of its policies — every entry of that policy (accruals of its premium receipts, expenses
 * of its services, their reversals) with the totals, as of now — write-once, five years from now, with its
 * SHA-256. Each call archives a new version beside the earlier ones (on demand: DOMAIN-NOTES.md, SVC-10).
 * Only the insurer that leads the policy (ACL-1); another's policy, or one of another enterprise, is 404.
 */
export const generateArchiveFolderLedgerExtract = defineRoute({
  method: 'POST',
  path: '/api/v1/archive/enterprises/{uscc}/policies/{policyId}/ledger-extract',
  access: INSURER,
  summary: "Archive the enterprise's prevention-fee ledger extract of one policy as a new folder document (SVC-10, FEE-2)",
  tags: ['services'],
  params: folderPolicyParams,
  response: folderDocumentSchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { uscc, policyId } = input.params;
    const ports = await ledgerExtractPorts(tenantId);
    const policy = (await ports.folder.policiesOf({ kind: 'insurer', tenantId }, uscc)).find((candidate) => candidate.id === policyId);
    if (!policy) throw new NotFound('policy');
    const now = ports.clock.now();
    const [material, receipts, insurerName, ruleSets] = await Promise.all([
      ports.folder.materialOf([policy]),
      ports.fees.listReceipts(tenantId, policy.id),
      insurerNameOf(tenantId),
      ports.ruleSets.versions(policy),
    ]);
    // The ledgers the policy's entries can be in: its period's years up to today, and the years its premium was received.
    const years = new Set(receipts.map((receipt) => receipt.year));
    const lastYear = Math.min(yearOf(policy.periodEnd), yearOf(shanghaiDateOf(now)));
    for (let year = yearOf(policy.periodStart); year <= lastYear; year += 1) years.add(year);
    const entries: LedgerEntry[] = [];
    for (const year of [...years].sort()) await ports.fees.eachEntryPage(tenantId, year, (page) => void entries.push(...page));
    const serviceIds = new Set(material.services.map((service) => service.id));
    const mine = entriesOfPolicy(policy.id, serviceIds, entries);
    const archiveId = ports.newId(now);
    const { record } = await archiveFolderFile(
      { archive: ports.archive, records: ports.records },
      {
        tenantId,
        archiveId,
        kind: 'LEDGER_EXTRACT',
        file: (archivedAt) => ledgerExtractDocument(policy, mine, { archiveId, archivedAt, insurerName }),
        subject: { kind: 'POLICY', id: policy.id },
        policyId: policy.id,
        enterpriseUscc: policy.enterprise.uscc,
        retainUntil: retainUntilFor(now, recordedRuleSet(ruleSets, policy, 'the policy').archiveRetentionYears),
        now,
        by: userId,
      },
    );
    return { status: 201, body: recordDocument(record) };
  },
});
