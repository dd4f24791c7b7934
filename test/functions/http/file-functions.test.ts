import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BOUNDED_CONTEXTS } from '../../../functions/http/contexts.js';

const built = new Map<string, Promise<Set<string>>>();

/** The npm packages (`name` or `@scope/name`) an HTTP function's bundle reaches from its entry (esbuild's own resolution, no output written). */
function packagesOf(entry: string): Promise<Set<string>> {
  let packages = built.get(entry);
  if (!packages) built.set(entry, (packages = reachedPackages(entry)));
  return packages;
}

async function reachedPackages(entry: string): Promise<Set<string>> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
  return new Set(
    Object.keys(result.metafile.inputs)
      .filter((path) => path.includes('node_modules/'))
      .map((path) => {
        const [first, second] = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/');
        return first!.startsWith('@') ? `${first}/${second}` : first!;
      }),
  );
}

describe('file functions (issue 20: what only one route needs lives in its own function)', () => {
  const fileFunctions = BOUNDED_CONTEXTS.filter((context) => context.permissionsOf !== undefined);

  it('claims, underwriting, the register, the fee ledger, the reports (RPT-1) and the evaluations (RPT-3) each have a file function, holding its context’s permissions', () => {
    expect(fileFunctions.map((context) => [context.name, context.permissionsOf])).toEqual([
      ['claims-files', 'claims'],
      ['underwriting-files', 'underwriting'],
      ['register-files', 'register'],
      ['fee-files', 'fees'],
      ['reports-files', 'reports'],
      ['evaluations-files', 'evaluations'],
    ]);
  });

  it.each([
    ['register', 'exceljs'],
    ['fees', 'exceljs'],
    // QUAL-4: the upload tickets (presigner) and the filing's evidence check (HeadObject) reach the archive on S3.
    ['underwriting', '@aws-sdk/client-s3'],
    ['underwriting', '@aws-sdk/s3-request-presigner'],
    // CLM-1: the claim documents' upload tickets and the registration's document check.
    ['claims', '@aws-sdk/s3-request-presigner'],
    // RPT-1, RPT-2: the report's XLSX and PDF (pdfkit, fontkit for the CJK font) and the archive's links.
    ['reports', 'exceljs'],
    ['reports', 'pdfkit'],
    ['reports', 'fontkit'],
    ['reports', '@aws-sdk/client-s3'],
    ['reports', '@aws-sdk/s3-request-presigner'],
    // RPT-3: the published evaluation's XLSX and PDF and their links.
    ['evaluations', 'exceljs'],
    ['evaluations', 'pdfkit'],
    ['evaluations', '@aws-sdk/client-s3'],
  ])('the %s function does not bundle %s; its file function does', async (name, heavy) => {
    const context = BOUNDED_CONTEXTS.find((candidate) => candidate.name === name)!;
    const files = fileFunctions.find((candidate) => candidate.permissionsOf === name)!;
    expect(await packagesOf(context.entry)).not.toContain(heavy);
    expect(await packagesOf(files.entry)).toContain(heavy);
  }, 60_000);

  it('QUAL-4: filing a qualification and its upload tickets are answered by the underwriting file function, the rest of QUAL by underwriting', () => {
    const owner = (method: string, path: string) =>
      BOUNDED_CONTEXTS.find((context) => context.routes.some((route) => route.method === method && route.path === path))?.name;
    expect(owner('PUT', '/api/v1/qualification/{year}')).toBe('underwriting-files');
    expect(owner('POST', '/api/v1/qualification/{year}/document-uploads')).toBe('underwriting-files');
    expect(owner('GET', '/api/v1/qualification/{year}')).toBe('underwriting');
  });

  it('RPT-1, RPT-2: generating, the self-evaluation, submitting and the file links are answered by reports-files, the lists and gets by reports', () => {
    const owner = (method: string, path: string) =>
      BOUNDED_CONTEXTS.find((context) => context.routes.some((route) => route.method === method && route.path === path))?.name;
    expect(owner('POST', '/api/v1/reports')).toBe('reports-files');
    expect(owner('POST', '/api/v1/reports/{reportId}/submit')).toBe('reports-files');
    expect(owner('PUT', '/api/v1/reports/{reportId}/evaluation')).toBe('reports-files');
    expect(owner('GET', '/api/v1/reports/{reportId}/files/{format}')).toBe('reports-files');
    expect(owner('GET', '/api/v1/regulator/reports/{reportId}/files/{format}')).toBe('reports-files');
    expect(owner('GET', '/api/v1/reports')).toBe('reports');
    expect(owner('GET', '/api/v1/regulator/reports/{reportId}')).toBe('reports');
  });
});
