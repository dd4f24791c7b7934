import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root, found from this file rather than from `process.cwd()`, so `cdk synth` from the root
 * and vitest from anywhere resolve handler entries and `web/dist` the same way.
 */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A path relative to the repository root (e.g. a `BoundedContext.entry`); an absolute path stays as it is. */
export const repoPath = (relative: string): string => resolve(REPO_ROOT, relative);

/**
 * NodejsFunction silently falls back to Docker when it cannot find esbuild, and there is no Docker here
 * (TOOLCHAIN.md). Failing early with a plain message beats an obscure `spawnSync docker ENOENT`.
 */
export function assertLocalEsbuild(): string {
  let resolved: string;
  try {
    resolved = createRequire(join(REPO_ROOT, 'package.json')).resolve('esbuild');
  } catch {
    throw new Error('esbuild is not installed in node_modules: Lambda bundling would fall back to Docker. Run `npm ci`.');
  }
  if (!resolved.startsWith(join(REPO_ROOT, 'node_modules') + sep)) {
    throw new Error(`esbuild resolved outside this repository's node_modules (${resolved}); bundling must use the pinned one.`);
  }
  return resolved;
}

/** Whether a path relative to the repository root exists (the SPA build is optional at synth time). */
export const repoPathExists = (relative: string): boolean => existsSync(repoPath(relative));
