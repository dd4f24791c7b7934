/**
 * SVC-13: the kinds of file evidence may be — photos, scanned sign-in sheets and reports, office documents and
 * site video — each with the file extensions it may carry. Anything else (HTML, SVG, scripts, executables,
 * archives, an unknown `application/octet-stream`) is refused when the upload ticket is asked for: evidence is
 * read by insurers, enterprises and regulators, and a file a browser would run or render as a page has no place
 * in it.
 *
 * Both the declared content type and the file name's extension must be on this list and agree with each other,
 * so a `report.html` declared as `application/pdf` is refused as firmly as `text/html`.
 */
export const EVIDENCE_TYPES = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/heic': ['heic'],
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'video/mp4': ['mp4'],
  'video/quicktime': ['mov'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type EvidenceContentType = keyof typeof EVIDENCE_TYPES;

/** The allowed content types, in the order they are listed to a caller. */
export const EVIDENCE_CONTENT_TYPES = Object.keys(EVIDENCE_TYPES) as EvidenceContentType[];

/** Every allowed file extension, lower case, without the dot. */
export const EVIDENCE_EXTENSIONS: readonly string[] = [...new Set(Object.values(EVIDENCE_TYPES).flat())];

/**
 * SVC-13: whether `contentType` is an allowed evidence type. Exact and lower case, without parameters: the
 * type is signed into the upload ticket and stored with the file, so it is one of the listed values or nothing.
 *
 * @example
 * isEvidenceContentType('image/png'); // true
 * isEvidenceContentType('image/svg+xml'); // false
 */
export function isEvidenceContentType(contentType: string): contentType is EvidenceContentType {
  return Object.hasOwn(EVIDENCE_TYPES, contentType);
}

/** The extension of a file name, lower case and without the dot; `''` when it has none. */
export function extensionOf(fileName: string): string {
  const match = /\.([^./\\]+)$/.exec(fileName.trim());
  return match ? (match[1] as string).toLowerCase() : '';
}

/**
 * SVC-13: whether a file name's extension is one the declared content type may carry (case does not matter:
 * cameras write `IMG_0001.JPG`).
 *
 * @example
 * fileNameFitsContentType('现场.JPG', 'image/jpeg'); // true
 * fileNameFitsContentType('report.html', 'application/pdf'); // false
 */
export function fileNameFitsContentType(fileName: string, contentType: string): boolean {
  if (!isEvidenceContentType(contentType)) return false;
  return (EVIDENCE_TYPES[contentType] as readonly string[]).includes(extensionOf(fileName));
}
