export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hands bytes to the browser as a download named `fileName` — the one way every export and template is saved. */
export function downloadFile(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers start reading the object URL only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Issue 18: a file the API hands out as a short-lived link to the archive (a large export, an archived
 * document): the link answers it as an attachment, so following it saves the file and leaves the page as it is.
 */
export function downloadFromLink(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
