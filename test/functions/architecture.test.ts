import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../infra/constructs/repo-paths.js';

/**
 * The layering rules of ARCHITECTURE.md §1 and STYLE.md that a reader relies on, checked over the source text:
 * ports in domain/ with adapters implementing them, the middleware below the use cases, and callers whose
 * tenant, agency or enterprise is typed by their role rather than cast.
 */

const ROOT = repoPath('.');

function sourcesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) found.push(path);
    }
  };
  walk(repoPath(folder));
  return found.sort();
}

const read = (path: string): string => readFileSync(path, 'utf8');
const rel = (path: string): string => relative(ROOT, path);

/** Modules under functions/adapters/ that are the adapters' own parts, not adapters of a port, and why. */
const ADAPTER_INTERNALS: Readonly<Record<string, string>> = {
  'functions/adapters/dynamodb/store.ts': 'the table’s unit of work (one transaction with its outbox items) every repository is built on',
  'functions/adapters/dynamodb/tenant-scoped-client.ts': 'IAM layer 2: the tenant-scoped DynamoDB clients repositories are built with; no use case sees it',
  'functions/adapters/dynamodb/regulator-read-client.ts': 'IAM layer 2: the read-only regulator-role DynamoDB client the supervision reads are built with; no use case sees it',
  'functions/adapters/dynamodb/enterprise-read-client.ts': 'IAM layer 2: the enterprise-role DynamoDB client an enterprise user’s views are built with (ACL-5); no use case sees it',
  'functions/adapters/dynamodb/tagged-sessions.ts': 'IAM layer 2: the session cache of the tenant, regulator and enterprise clients',
  'functions/adapters/archive/tenant-archive-session.ts': 'IAM layer 2: the tenant-scoped S3 credentials the archive store is built with',
  'functions/adapters/archive/s3-archive-store.ts#ScopedS3Clients': 'IAM layer 2: the S3 clients of a caller’s session (tenant or regulator role) the S3 archive store is built with',
};

describe('layers (ARCHITECTURE.md §1, STYLE.md)', () => {
  it('every adapter class implements a port declared in domain/', () => {
    const offenders: string[] = [];
    for (const file of sourcesUnder('functions/adapters')) {
      if (Object.hasOwn(ADAPTER_INTERNALS, rel(file))) continue;
      const source = read(file);
      const domainTypes = new Set(
        [...source.matchAll(/import (?:type )?\{([^}]*)\} from '(?:\.\.\/)+domain\/[^']+'/g)].flatMap((match) =>
          (match[1] ?? '').split(',').map((name) => name.replace(/^\s*type\s+/, '').split(/\s+as\s+/).pop()?.trim() ?? ''),
        ),
      );
      for (const match of source.matchAll(/export class (\w+)(?:<[^>]*>)?([^{]*)\{/g)) {
        const implemented = /implements\s+([^{]+)/.exec(match[2] ?? '')?.[1]?.split(',').map((name) => name.trim().replace(/<.*$/, '')) ?? [];
        if (Object.hasOwn(ADAPTER_INTERNALS, `${rel(file)}#${match[1]}`)) continue;
        if (!implemented.some((name) => domainTypes.has(name))) offenders.push(`${rel(file)}: ${match[1]}`);
      }
    }
    expect(offenders, 'adapter classes without a port from domain/').toEqual([]);
  });

  it('the middleware never imports from the HTTP use cases above it', () => {
    const climbing = sourcesUnder('functions/middleware').filter((file) => /from '\.\.\/http\//.test(read(file)));
    expect(climbing.map(rel)).toEqual([]);
  });

  it('the domain imports nothing from functions/, infra/ or the AWS SDK', () => {
    const impure = sourcesUnder('domain').filter((file) => /from '(?:(?:\.\.\/)+(?:functions|infra)\/|@aws-sdk\/|@aws-lambda-powertools\/)/.test(read(file)));
    expect(impure.map(rel)).toEqual([]);
  });

  it('use cases never cast a caller’s tenant, agency, county or enterprise (callerOf(input, kind) types them)', () => {
    const casts = sourcesUnder('functions').flatMap((file) =>
      read(file)
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => /\b(?:tenantId|uscc|agency|county)\s+as\s+string\b/.test(line))
        .map(({ index }) => `${rel(file)}:${index + 1}`),
    );
    expect(casts).toEqual([]);
  });

  it('use cases depend on ports: no HTTP use case imports an adapter (only composition roots do)', () => {
    const direct = sourcesUnder('functions/http')
      .filter((file) => !/composition-root\.ts$|handler\.ts$/.test(file))
      .filter((file) => /from '\.\.\/\.\.\/adapters\//.test(read(file)));
    expect(direct.map(rel)).toEqual([]);
  });
});
