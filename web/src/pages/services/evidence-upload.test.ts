import { describe, expect, it, vi } from 'vitest';
import type { EvidenceUploadRequest } from '../../api';
import { capturedAtOf, evidenceRequestOf, sha256Hex, uploadEvidence, contentTypeOf, EVIDENCE_ACCEPT, NotEvidenceFile } from './evidence-upload';

describe('evidence upload (SVC-13)', () => {
  it('hashes bytes as lower-case hex SHA-256', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('dates the evidence by the file’s own time, else now', () => {
    expect(capturedAtOf({ lastModified: Date.parse('2026-03-02T01:30:00Z') })).toBe('2026-03-02T01:30:00.000Z');
    expect(capturedAtOf({ lastModified: 0 }, new Date('2026-03-02T02:00:00Z'))).toBe('2026-03-02T02:00:00.000Z');
  });

  it('asks a ticket with the digest, PUTs the bytes to the ticket’s URL with exactly its headers, and keeps the upload id', async () => {
    const file = new File([new TextEncoder().encode('现场照片')], '现场.jpg', { type: 'image/jpeg', lastModified: Date.parse('2026-03-02T01:30:00Z') });
    const asked: EvidenceUploadRequest[] = [];
    const puts: { url: string; init: RequestInit | undefined }[] = [];
    const evidence = await uploadEvidence(file, 'PHOTO', {
      requestTicket: async (request) => {
        asked.push(request);
        return {
          uploadId: 'up-1',
          ticket: { key: 'tenants/t1/uploads/up-1/x.jpg', url: 'http://store/up-1', method: 'PUT', headers: { 'content-type': 'image/jpeg', 'x-amz-checksum-sha256': 'b64' }, expiresAt: '' },
        };
      },
      fetch: (async (url: string, init?: RequestInit) => {
        puts.push({ url, init });
        return new Response(null, { status: 200 });
      }) as typeof fetch,
      capturedBy: '张三',
      location: { latitude: 38.41, longitude: 112.73 },
    });
    const sha256 = await sha256Hex(new TextEncoder().encode('现场照片'));
    expect(asked).toEqual([{ fileName: '现场.jpg', contentType: 'image/jpeg', size: file.size, sha256 }]);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.url).toBe('http://store/up-1');
    expect(puts[0]?.init?.method).toBe('PUT');
    expect(puts[0]?.init?.headers).toEqual({ 'content-type': 'image/jpeg', 'x-amz-checksum-sha256': 'b64' });
    expect(evidenceRequestOf(evidence)).toEqual({
      uploadId: 'up-1',
      kind: 'PHOTO',
      capturedAt: '2026-03-02T01:30:00.000Z',
      capturedBy: '张三',
      location: { latitude: 38.41, longitude: 112.73 },
    });
  });

  it('fails when the store refuses the bytes, so no record names a missing upload', async () => {
    const file = new File(['x'], 'a.pdf', { type: 'application/pdf' });
    await expect(
      uploadEvidence(file, 'OTHER', {
        requestTicket: async () => ({ uploadId: 'u', ticket: { key: 'k', url: 'http://store/u', method: 'PUT', headers: {}, expiresAt: '' } }),
        fetch: (async () => new Response('digest mismatch', { status: 400 })) as typeof fetch,
        capturedBy: 'x',
      }),
    ).rejects.toThrow(/400 digest mismatch/);
  });
});

describe('SVC-13: only evidence types go to the archive (issue 12 #9)', () => {
  it('takes the browser’s type when it is an evidence type, else the one the extension stands for', () => {
    expect(contentTypeOf({ type: 'image/png', name: 'a.png' })).toBe('image/png');
    expect(contentTypeOf({ type: '', name: 'IMG_0001.HEIC' })).toBe('image/heic');
    expect(contentTypeOf({ type: 'application/octet-stream', name: '巡查.mov' })).toBe('video/quicktime');
  });

  it('refuses HTML, SVG, scripts and executables before reading or uploading a byte', async () => {
    expect(contentTypeOf({ type: 'text/html', name: 'report.html' })).toBeUndefined();
    expect(contentTypeOf({ type: 'image/svg+xml', name: 'logo.svg' })).toBeUndefined();
    const fetch = vi.fn();
    const requestTicket = vi.fn();
    const file = new File(['<script>'], 'x.js', { type: 'text/javascript' });
    await expect(uploadEvidence(file, 'PHOTO', { requestTicket, fetch, capturedBy: 'x' })).rejects.toBeInstanceOf(NotEvidenceFile);
    expect(requestTicket).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('offers exactly the evidence types in the file picker', () => {
    expect(EVIDENCE_ACCEPT.split(',')).toEqual(expect.arrayContaining(['image/jpeg', 'application/pdf', 'video/mp4', '.pptx', '.heic']));
    expect(EVIDENCE_ACCEPT).not.toMatch(/image\/\*|svg|html/);
  });
});
