import { describe, expect, it } from 'vitest';
import { validateWith } from '../../../domain/kernel/validation.js';
import { evidenceUploadBody } from '../../../domain/services/evidence.schema.js';
import { fileNameFitsContentType, isEvidenceContentType } from '../../../domain/services/evidence-types.js';

const body = (fileName: string, contentType: string) => ({ fileName, contentType, size: 10, sha256: 'a'.repeat(64) });
const problemsOf = (value: unknown) => {
  try {
    validateWith(evidenceUploadBody, value, 'body');
    return [];
  } catch (error) {
    return (error as { details: { field: string; rule?: string; message: string }[] }).details;
  }
};

describe('SVC-13 evidence types (issue 12 #9)', () => {
  it.each([
    ['现场.jpg', 'image/jpeg'],
    ['IMG_0001.JPEG', 'image/jpeg'],
    ['主斜井现场.png', 'image/png'],
    ['a.webp', 'image/webp'],
    ['a.HEIC', 'image/heic'],
    ['签到表.pdf', 'application/pdf'],
    ['报告.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['培训.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['old.doc', 'application/msword'],
    ['old.xls', 'application/vnd.ms-excel'],
    ['巡检.mp4', 'video/mp4'],
    ['巡检.MOV', 'video/quicktime'],
  ])('SVC-13 gives a ticket for %s as %s', (fileName, contentType) => {
    expect(problemsOf(body(fileName, contentType))).toEqual([]);
  });

  it.each([
    ['page.html', 'text/html'],
    ['logo.svg', 'image/svg+xml'],
    ['run.js', 'application/javascript'],
    ['run.js', 'text/javascript'],
    ['setup.exe', 'application/x-msdownload'],
    ['setup.exe', 'application/octet-stream'],
    ['a.zip', 'application/zip'],
    ['a.jpg', 'image/jpeg; charset=utf-8'],
    ['a.jpg', 'IMAGE/JPEG'],
    ['a.gif', 'image/gif'],
  ])('issue 12 #9: SVC-13 refuses an upload ticket for %s as %s with 400 on contentType', (fileName, contentType) => {
    const problems = problemsOf(body(fileName, contentType));
    expect(problems).toEqual([expect.objectContaining({ field: 'contentType', rule: 'SVC-13', message: expect.stringContaining('image/jpeg') })]);
  });

  it.each([
    ['report.html', 'application/pdf'],
    ['image.svg', 'image/png'],
    ['photo.jpg.exe', 'image/jpeg'],
    ['photo', 'image/jpeg'],
    ['clip.mov', 'video/mp4'],
    ['photo.png', 'image/jpeg'],
  ])('issue 12 #9: SVC-13 refuses a file name %s that does not carry an extension of %s, naming fileName', (fileName, contentType) => {
    expect(problemsOf(body(fileName, contentType))).toEqual([expect.objectContaining({ field: 'fileName', rule: 'SVC-13', message: expect.stringContaining('.pdf') })]);
  });

  it('SVC-13 reads an extension whatever its case and never from a directory part', () => {
    expect(fileNameFitsContentType('DSC.JPG', 'image/jpeg')).toBe(true);
    expect(fileNameFitsContentType('a.pdf/evil', 'application/pdf')).toBe(false);
    expect(isEvidenceContentType('toString')).toBe(false);
    expect(isEvidenceContentType('__proto__')).toBe(false);
  });
});
