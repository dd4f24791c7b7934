import { folderParams, folderQuery, folderSchema } from '../../../domain/archive/folder.schema.js';
import { ARCHIVE_FOLDER_READ } from '../../../domain/identity/access.js';
import { defineRoute } from '../../middleware/route.js';
import { loadFolder } from './archive-folder.js';

/**
 * SVC-10 (issue 18): an enterprise's archive folder (档案夹) for a policy year — every archived plan, service
 * record and hazard notice, and every evidence file of its services and rectifications, with the SHA-256
 * recorded for each. An insurer sees its own, regulators every insurer's (a county EMB its county's).
 */
export const getArchiveFolder = defineRoute({
  method: 'GET',
  path: '/api/v1/archive/enterprises/{uscc}',
  access: ARCHIVE_FOLDER_READ,
  summary: "An enterprise's archive folder for a policy year: its documents by kind, each with its SHA-256 (SVC-10)",
  tags: ['services'],
  params: folderParams,
  query: folderQuery,
  response: folderSchema,
  async handle(input) {
    return { body: await loadFolder(input.principal, input.params.uscc, input.query.year) };
  },
});
