import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BOUNDED_CONTEXTS } from '../../../functions/http/contexts.js';

/** The npm packages an HTTP function's bundle reaches from its entry (esbuild's own resolution, no output written). */
async function packagesOf(entry: string): Promise<Set<string>> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
  return new Set(
    Object.keys(result.metafile.inputs)
      .filter((path) => path.includes('node_modules/'))
      .map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/')[0]!),
  );
}

describe('file functions (issue 20: what only one route needs lives in its own function)', () => {
  const fileFunctions = BOUNDED_CONTEXTS.filter((context) => context.permissionsOf !== undefined);

  it('the register and the fee ledger each have a file function, holding its context’s permissions', () => {
    expect(fileFunctions.map((context) => [context.name, context.permissionsOf])).toEqual([
      ['register-files', 'register'],
      ['fee-files', 'fees'],
    ]);
  });

  it.each(['register', 'fees'])('the %s function does not bundle exceljs; its file function does', async (name) => {
    const context = BOUNDED_CONTEXTS.find((candidate) => candidate.name === name)!;
    const files = fileFunctions.find((candidate) => candidate.permissionsOf === name)!;
    expect(await packagesOf(context.entry)).not.toContain('exceljs');
    expect(await packagesOf(files.entry)).toContain('exceljs');
  }, 60_000);
});
