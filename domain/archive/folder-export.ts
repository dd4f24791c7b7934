import type { ArchiveStore, DownloadTicket } from './archive-store.js';

/** Issue 18: how long the link to a large export works — long enough to start the download, no longer. */
export const EXPORT_LINK_SECONDS = 900;

/**
 * Issue 18: how long a large export's file is kept. It is a copy of data as of one moment, not a document of
 * SVC-10, so the archive keeps it (write-once, like everything there) for a day; the link dies long before.
 */
export const EXPORT_RETAIN_MS = 24 * 3600 * 1000;

/**
 * Issue 18: an export larger than a Lambda can answer (6 MB) goes to the tenant's prefix of the archive and is
 * handed out as a short-lived pre-signed GET that saves it as `fileName` (an attachment) — no export is refused
 * for its size. The key is ASCII (`export.<ext>`): the file's own name, Chinese included, travels in the link's
 * `Content-Disposition`.
 *
 * @example
 * const link = await archiveExport(store, { tenantId, exportId: newId(now), fileName: '事故预防费用台账-2026.xlsx', contentType, body, now });
 * link.url; // a pre-signed S3 GET (AWS) or the local server's signed link, valid EXPORT_LINK_SECONDS
 */
export async function archiveExport(
  store: ArchiveStore,
  input: {
    readonly tenantId: string;
    readonly exportId: string;
    readonly fileName: string;
    readonly contentType: string;
    readonly body: Uint8Array;
    readonly now: Date;
  },
): Promise<DownloadTicket> {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(input.fileName)?.[1] ?? 'bin';
  const key = `tenants/${input.tenantId}/exports/${input.exportId}/export.${extension.toLowerCase()}`;
  const { now } = input;
  await store.put({ key, body: input.body, contentType: input.contentType, retainUntil: new Date(now.getTime() + EXPORT_RETAIN_MS), now });
  return store.presignDownload({ key, fileName: input.fileName, now, expiresInSeconds: EXPORT_LINK_SECONDS });
}
