import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under a path (file or directory, recursively). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** A development (or NODE_ENV=test) build carries React's development warnings; production builds do not. */
function isProductionBuild(dist: string): boolean {
  const assets = join(dist, 'assets');
  if (!existsSync(assets)) return false;
  return !readdirSync(assets).some(
    (file) => file.endsWith('.js') && readFileSync(join(assets, file), 'utf8').includes('Download the React DevTools'),
  );
}

/**
 * The local server builds `web/dist` only when it is missing; the browser tests must not run against a
 * stale build, so they rebuild when any console source is newer than `web/dist/index.html` (≈3 s), or
 * when the build there is not a production build.
 */
export function ensureConsoleBuilt(repoRoot: string): void {
  const web = join(repoRoot, 'web');
  const builtAt = newestMtime(join(web, 'dist', 'index.html'));
  const sourcesAt = Math.max(
    ...['src', 'public', 'index.html', 'vite.config.ts'].map((entry) => newestMtime(join(web, entry))),
    // The one domain module the console bundles (the password rule, shared with the API and Cognito).
    newestMtime(join(repoRoot, 'domain', 'platform', 'credentials.ts')),
  );
  if (builtAt > sourcesAt && isProductionBuild(join(web, 'dist'))) return;
  const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    encoding: 'utf8',
    // vitest sets NODE_ENV=test, and Vite would build with it: React's development build, and antd ids
    // fixed to "test-id". The browser tests must see what users get.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`The console build failed:\n${result.stdout}\n${result.stderr}`);
}
