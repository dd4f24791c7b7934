import { EVIDENCE_CONTENT_TYPES, EVIDENCE_EXTENSIONS, EVIDENCE_TYPES, extensionOf, isEvidenceContentType } from '../../reference/domain';
import type { EvidenceKind, EvidenceRequest, EvidenceUploadAnswer, EvidenceUploadRequest, GeoLocation } from '../../api';

/** Lower-case hex SHA-256 of the bytes, computed in the browser (SVC-13: the store refuses other bytes). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes instanceof Uint8Array ? new Uint8Array(bytes) : bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** SVC-13: the device's time of capture — the file's own modification time, else now. */
export function capturedAtOf(file: Pick<File, 'lastModified'>, now: Date = new Date()): string {
  return new Date(file.lastModified > 0 ? file.lastModified : now.getTime()).toISOString();
}

/** The file picker's filter: exactly the evidence types the API accepts (SVC-13), by type and by extension. */
export const EVIDENCE_ACCEPT = [...EVIDENCE_CONTENT_TYPES, ...EVIDENCE_EXTENSIONS.map((extension) => `.${extension}`)].join(',');

/**
 * SVC-13: a file's content type as the upload ticket must state it — the browser's when it is an allowed one,
 * else the one its extension stands for (desktop browsers report no type for HEIC, some none for .mov), else
 * `undefined`: not evidence, refused here before any upload.
 */
export function contentTypeOf(file: Pick<File, 'type' | 'name'>): string | undefined {
  if (isEvidenceContentType(file.type)) return file.type;
  const extension = extensionOf(file.name);
  return (Object.keys(EVIDENCE_TYPES) as (keyof typeof EVIDENCE_TYPES)[]).find((type) =>
    (EVIDENCE_TYPES[type] as readonly string[]).includes(extension),
  );
}

/** A file that is not one of the evidence types (SVC-13), refused before its bytes are read. */
export class NotEvidenceFile extends Error {
  constructor(readonly fileName: string) {
    super(`SVC-13: ${fileName} is not an evidence type`);
  }
}

/** One file uploaded to the archive store, ready to be named in a record (and shown before sending). */
export interface UploadedEvidence extends EvidenceRequest {
  readonly fileName: string;
  readonly size: number;
  readonly sha256: string;
}

export interface EvidenceUploadSteps {
  /** `POST …/evidence-uploads` for this file. */
  readonly requestTicket: (request: EvidenceUploadRequest) => Promise<EvidenceUploadAnswer>;
  /** The browser's fetch (injected in tests). */
  readonly fetch: typeof fetch;
  readonly capturedBy: string;
  readonly location?: GeoLocation;
  readonly now?: Date;
}

/**
 * SVC-13: the file's SHA-256 computed here, an upload ticket asked for with it, the bytes PUT straight to the
 * ticket's URL with exactly its headers (never through the API), and the evidence described as the record
 * names it: the upload id, when (the file's time) and by whom, and where when the device said.
 */
export async function uploadEvidence(file: File, kind: EvidenceKind, steps: EvidenceUploadSteps): Promise<UploadedEvidence> {
  const contentType = contentTypeOf(file);
  if (contentType === undefined) throw new NotEvidenceFile(file.name);
  const bytes = await file.arrayBuffer();
  const sha256 = await sha256Hex(bytes);
  const { uploadId, ticket } = await steps.requestTicket({ fileName: file.name, contentType, size: file.size, sha256 });
  const response = await steps.fetch(ticket.url, { method: ticket.method, headers: { ...ticket.headers }, body: bytes });
  if (!response.ok) throw new Error(`upload ${file.name}: ${response.status} ${await response.text().catch(() => '')}`.trim());
  return {
    uploadId,
    kind,
    capturedAt: capturedAtOf(file, steps.now),
    capturedBy: steps.capturedBy,
    ...(steps.location ? { location: steps.location } : {}),
    fileName: file.name,
    size: file.size,
    sha256,
  };
}

/** The request's part of an uploaded file (what the record sends). */
export function evidenceRequestOf(evidence: UploadedEvidence): EvidenceRequest {
  return {
    uploadId: evidence.uploadId,
    kind: evidence.kind,
    capturedAt: evidence.capturedAt,
    capturedBy: evidence.capturedBy,
    ...(evidence.location ? { location: evidence.location } : {}),
  };
}

/**
 * Where the device is, when the user allows it: nothing (never an error) when geolocation is missing, refused
 * or slow. SVC-13 records the location when there is one; it does not require it.
 */
export async function currentLocation(timeoutMs = 5_000): Promise<GeoLocation | undefined> {
  if (typeof navigator === 'undefined' || !('geolocation' in navigator)) return undefined;
  try {
    const permission = await navigator.permissions?.query({ name: 'geolocation' });
    if (permission?.state === 'denied') return undefined;
  } catch {
    // no Permissions API: ask anyway
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        clearTimeout(timer);
        resolve({
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
          accuracyMeters: Math.round(position.coords.accuracy),
        });
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
      { timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
