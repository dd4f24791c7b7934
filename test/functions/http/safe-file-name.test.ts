import { describe, expect, it } from 'vitest';
import { isSafeArchiveKey } from '../../../domain/archive/archive-store.js';
import { safeFileName } from '../../../functions/http/upload-ticket.js';

describe('SVC-13 evidence file names in archive keys', () => {
  it.each([
    ['site-photo.jpg', 'site-photo.jpg'],
    ['现场照片.png', 'file.png'],
    ['签到表 2024-09-27.PDF', '2024-09-27.PDF'],
    ['../../etc/passwd', 'etc_passwd'],
    ['.hidden', 'hidden'],
    ['no extension', 'no_extension'],
    ['报告', 'file'],
  ])('%s → %s', (given, expected) => {
    expect(safeFileName(given)).toBe(expected);
    expect(isSafeArchiveKey(`tenants/t1/uploads/u1/${safeFileName(given)}`)).toBe(true);
  });
});
