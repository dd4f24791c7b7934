import { folderDocumentParams, folderVerificationSchema } from '../../../domain/archive/folder.schema.js';
import { ARCHIVE_FOLDER_READ } from '../../../domain/identity/access.js';
import { defineRoute } from '../../middleware/route.js';
import { archiveSessionOf, loadFolderDocument } from './archive-folder.js';
import { archiveFolderRoot } from './archive-folder-composition-root.js';

/**
 * SVC-10 (issue 18): verification of one document of the folder — its bytes read back from the store now and
 * hashed, against the SHA-256 the table recorded when it was archived or uploaded (never the store's own
 * metadata, which sits beside the bytes). Reads and records nothing else: a POST only because it is an act.
 */
export const verifyArchiveFolderDocument = defineRoute({
  method: 'POST',
  path: '/api/v1/archive/enterprises/{uscc}/documents/{docId}/verify',
  access: ARCHIVE_FOLDER_READ,
  summary: 'Recompute the SHA-256 of one document of the folder and compare it with the recorded one (SVC-10)',
  tags: ['services'],
  params: folderDocumentParams,
  response: folderVerificationSchema,
  async handle(input) {
    const document = await loadFolderDocument(input.principal, input.params.uscc, input.params.docId);
    const { archive, clock, sha256Hex } = archiveFolderRoot();
    const stored = await archive(archiveSessionOf(input.principal)).get(document.key);
    const actualSha256 = stored ? sha256Hex(stored.body) : undefined;
    return {
      body: {
        docId: document.docId,
        sha256: document.sha256,
        ...(actualSha256 ? { actualSha256 } : {}),
        matches: actualSha256 === document.sha256,
        checkedAt: clock.now().toISOString(),
      },
    };
  },
});
