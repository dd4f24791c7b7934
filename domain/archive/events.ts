import * as z from 'zod/mini';
import { defineEvent } from '../kernel/events.js';
import type { AnyEventType } from '../kernel/events.js';
import { ARCHIVE_RECORD_KINDS } from '../services/archive-record.schema.js';

const described = (description: string) => z.meta({ description });

/** SVC-10: a document of the enterprise's folder went into the write-once archive. */
export const folderDocumentArchivedPayload = z.object({
  archiveId: z.string(),
  kind: z.enum(ARCHIVE_RECORD_KINDS),
  policyId: z.string(),
  enterpriseUscc: z.string(),
  subject: z.object({ kind: z.string(), id: z.string() }),
  sha256: z.string().check(described('Hex SHA-256 recorded for the archived bytes')),
  retainUntil: z.string().check(described('SVC-10: kept unchanged until then (five years from archiving)')),
});
export type FolderDocumentArchivedPayload = z.output<typeof folderDocumentArchivedPayload>;

/** The archive folder's events (ARCHITECTURE.md §6). */
export const archiveEvents = {
  documentArchived: defineEvent({
    name: 'archive.document.archived',
    version: 1,
    aggregate: 'archive',
    summary: 'SVC-10: a policy document, a complaint with its reply or a ledger extract was archived write-once in the enterprise’s folder',
    payload: folderDocumentArchivedPayload,
  }),
} as const satisfies Readonly<Record<string, AnyEventType>>;
