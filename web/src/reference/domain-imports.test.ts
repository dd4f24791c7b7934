import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const domainRoot = resolve(repository, 'domain');
/** The only package the domain's pure modules may bring into the console's bundle. */
const ALLOWED_PACKAGES = new Set(['zod/mini']);

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;

const DYNAMIC_IMPORT = /\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function resolveModule(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  const candidates = [`${base}.ts`, `${base}.tsx`, resolve(base, 'index.ts'), ...(/\.(css|json)$/.test(base) ? [base] : [])];
  const candidate = candidates.find((path) => existsSync(path));
  if (!candidate) throw new Error(`cannot resolve ${specifier} from ${relative(repository, from)}`);
  return candidate;
}

/** Every module `entry` reaches at run time (type-only imports are erased and do not count). */
function runtimeImportGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const [, typeOnly, specifier = ''] = match;
      if (typeOnly) continue;
      if (specifier.startsWith('.')) pending.push(resolveModule(file, specifier));
      else packages.add(specifier);
    }
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(DYNAMIC_IMPORT)) pending.push(resolveModule(file, specifier));
  }
  return { files, packages };
}

describe('reference/domain.ts, the console’s one door into domain/', () => {
  it('reaches nothing outside domain/ but zod/mini (no functions/, infra/, node: built-ins, AWS SDK)', () => {
    const entry = resolve(repository, 'web/src/reference/domain.ts');
    const { files, packages } = runtimeImportGraph(entry);
    const outside = [...files].filter((file) => file !== entry && !file.startsWith(`${domainRoot}/`)).map((file) => relative(repository, file));
    expect(outside).toEqual([]);
    expect([...packages].filter((name) => !ALLOWED_PACKAGES.has(name))).toEqual([]);
    expect(files.size).toBeGreaterThan(5);
  });

  it('is the only console module that imports domain/ at run time', () => {
    const { files } = runtimeImportGraph(resolve(repository, 'web/src/main.tsx'));
    const importers = [...files].filter(
      (file) => !file.startsWith(`${domainRoot}/`) && /['"](\.\.\/)+domain\//.test(readFileSync(file, 'utf8').replace(/import type[^;]+;/g, '')),
    );
    expect(importers.map((file) => relative(repository, file))).toEqual(['web/src/reference/domain.ts']);
  });
});
