import { folderDocumentParams, folderDownloadSchema } from '../../../domain/archive/folder.schema.js';
import { ARCHIVE_FOLDER_READ } from '../../../domain/identity/access.js';
import { defineRoute } from '../../middleware/route.js';
import { archiveSessionOf, loadFolderDocument } from './archive-folder.js';
import { archiveFolderRoot } from './archive-folder-composition-root.js';

/** How long a download link of the folder works: long enough to start the download, no longer. */
const LINK_SECONDS = 300;

/**
 * SVC-10 (issue 18): a short-lived link to one document of the folder, straight from the write-once store (a
 * pre-signed S3 GET, or the local server's signed link), always saved as an attachment (issue 12 #9).
 */
export const getArchiveFolderDocument = defineRoute({
  method: 'GET',
  path: '/api/v1/archive/enterprises/{uscc}/documents/{docId}',
  access: ARCHIVE_FOLDER_READ,
  summary: 'A short-lived download link to one document of the folder (SVC-10)',
  tags: ['services'],
  params: folderDocumentParams,
  response: folderDownloadSchema,
  async handle(input) {
    const document = await loadFolderDocument(input.principal, input.params.uscc, input.params.docId);
    const { archive, clock } = archiveFolderRoot();
    const link = await archive(archiveSessionOf(input.principal)).presignDownload({ key: document.key, fileName: document.fileName, now: clock.now(), expiresInSeconds: LINK_SECONDS });
    return { body: { docId: document.docId, fileName: document.fileName, url: link.url, method: link.method, expiresAt: link.expiresAt } };
  },
});
