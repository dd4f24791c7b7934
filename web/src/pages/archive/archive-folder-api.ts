import { idempotent, newIdempotencyKey, ok, type ApiClient } from '../../api';
import type { ResponseOf } from '../../api/contract';

export type ArchiveFolder = ResponseOf<'/api/v1/archive/enterprises/{uscc}', 'get'>;
export type FolderDocument = ArchiveFolder['documents'][number];
export type FolderDocumentKind = FolderDocument['kind'];
export type FolderDownload = ResponseOf<'/api/v1/archive/enterprises/{uscc}/documents/{docId}', 'get'>;
export type FolderVerification = ResponseOf<'/api/v1/archive/enterprises/{uscc}/documents/{docId}/verify', 'post'>;

/** SVC-10: the kinds in the order the folder shows them (the notice's 第十三条 order). */
export const FOLDER_KINDS: readonly FolderDocumentKind[] = [
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
];

/** Where an enterprise's folder opens, at a policy year: linked from the policy views, never typed. */
export const archiveFolderPath = (uscc: string, year?: number): string =>
  `/archive/enterprises/${encodeURIComponent(uscc)}${year === undefined ? '' : `?year=${year}`}`;

/** SVC-10 (issue 18): the enterprise's archive folder — its insurer's documents, or every insurer's for regulators. */
export const archiveFolderApi = (client: ApiClient) => ({
  folder(uscc: string, signal?: AbortSignal): Promise<ArchiveFolder> {
    return ok(client.GET('/api/v1/archive/enterprises/{uscc}', { params: { path: { uscc } }, signal }));
  },
  download(uscc: string, docId: string): Promise<FolderDownload> {
    return ok(client.GET('/api/v1/archive/enterprises/{uscc}/documents/{docId}', { params: { path: { uscc, docId } } }));
  },
  /** No Idempotency-Key: every check reads the bytes again, a replayed answer would be an old check. */
  verify(uscc: string, docId: string): Promise<FolderVerification> {
    return ok(client.POST('/api/v1/archive/enterprises/{uscc}/documents/{docId}/verify', { params: { path: { uscc, docId } } }));
  },
  /** SVC-10, FEE-2: the insurer archives a new version of the policy's ledger extract (台账摘录). One key per click. */
  ledgerExtract(uscc: string, policyId: string): Promise<FolderDocument> {
    return ok(
      client.POST('/api/v1/archive/enterprises/{uscc}/policies/{policyId}/ledger-extract', {
        params: { path: { uscc, policyId } },
        headers: idempotent(newIdempotencyKey()),
      }),
    );
  },
});
