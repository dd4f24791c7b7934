import { regulatorArchive, tenantArchive, type ArchiveSession } from '../../../domain/archive/archive-store.js';
import { folderOf, type EnterpriseFolder, type FolderDocument, type FolderScope } from '../../../domain/archive/folder.js';
import { evaluationDocYearOf } from '../../../domain/archive/folder-evaluations.js';
import { yearOf } from '../../../domain/kernel/calendar/local-date.js';
import type { Principal } from '../../../domain/identity/principal.js';
import { principalAs } from '../../../domain/identity/principal.js';
import { Forbidden, NotFound } from '../../../domain/kernel/errors.js';
import { inCountyScope } from '../../../domain/supervision/county-scope.js';
import { archiveFolderRoot } from './archive-folder-composition-root.js';

/**
 * SVC-10 (issue 18): the enterprise's folder as the caller may see it — an insurer its own policies' documents
 * (ACL-1), the city EMB and the NFRA every insurer's, a county EMB those of its county (ACL-4). An enterprise
 * the caller has no policy of in view answers exactly like one nobody insured (404).
 */
export async function loadFolder(principal: Principal | undefined, uscc: string, year?: number, options: { readonly evaluations?: boolean } = {}): Promise<EnterpriseFolder> {
  if (!principal) throw new NotFound('enterprise');
  const insurer = principalAs(principal, 'insurer');
  const regulator = principalAs(principal, 'regulator');
  if (!insurer && !regulator) throw new Forbidden(`role ${principal.role} may not read an archive folder`);
  const scope: FolderScope = insurer ? { kind: 'insurer', tenantId: insurer.tenantId } : { kind: 'regulators' };
  const reads = await archiveFolderRoot().readsFor(scope, regulator);
  const policies = (await reads.policiesOf(scope, uscc)).filter((policy) => !regulator || inCountyScope(regulator, policy.enterprise.county));
  if (policies.length === 0) throw new NotFound('enterprise');
  const inYear = year === undefined ? policies : policies.filter((policy) => policy.periodStart.startsWith(`${year}-`));
  // SVC-10, RPT-2, RPT-3: the evaluation files of each insurer and policy year in view, read once per pair.
  const insurerYears = new Map(inYear.map((policy) => [`${policy.tenantId}#${yearOf(policy.periodStart)}`, { tenantId: policy.tenantId, year: yearOf(policy.periodStart) }]));
  const [material, evaluations] = await Promise.all([
    reads.materialOf(inYear),
    options.evaluations === false ? [] : Promise.all([...insurerYears.values()].map(({ tenantId, year: of }) => reads.evaluationsOf(tenantId, of))),
  ]);
  return folderOf(uscc, year, policies, { ...material, evaluations });
}

/** One document of the folder, or the same 404 whether it is missing or outside the caller's view. */
export async function loadFolderDocument(principal: Principal | undefined, uscc: string, docId: string): Promise<FolderDocument> {
  // An EVALUATION's id names its year: that year's folder has it; any other document is not an evaluation.
  const evaluationYear = evaluationDocYearOf(docId);
  const folder = evaluationYear === undefined ? await loadFolder(principal, uscc, undefined, { evaluations: false }) : await loadFolder(principal, uscc, evaluationYear);
  const document = folder.documents.find((candidate) => candidate.docId === docId);
  if (!document) throw new NotFound('document');
  return document;
}

/**
 * Whose archive session reads the folder's files (ARCHITECTURE.md §3): an insurer's own tenant session (ACL-1),
 * a regulator the read-only regulator session (ACL-2) — the county scope (ACL-4) was applied when the folder was
 * loaded. Only called after {@link loadFolderDocument}, which refuses every other caller.
 */
export function archiveSessionOf(principal: Principal | undefined): ArchiveSession {
  const insurer = principal && principalAs(principal, 'insurer');
  if (insurer) return tenantArchive(insurer.tenantId);
  const regulator = principal && principalAs(principal, 'regulator');
  if (regulator) return regulatorArchive(regulator);
  throw new Forbidden('only insurers and regulators read an archive folder');
}
