import { afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { repoPath } from '../../infra/constructs/repo-paths.js';
import { buildAnzeApp } from '../../infra/stacks/anze-app.js';
import type { AnzeStacks } from '../../infra/stacks/anze.js';

/** cdk.json's context (the feature flags), so a test synthesises what `cdk synth` does. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(repoPath('cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

export interface SynthesisedAnze {
  readonly app: App;
  readonly stacks: AnzeStacks;
  readonly templates: { readonly [K in keyof AnzeStacks]: Template };
}

export interface SynthOptions {
  readonly context?: Record<string, unknown>;
}

/** A small console build (index.html, assets/, favicon), so tests neither depend on nor race with `web/dist`. */
export const WEB_DIST_FIXTURE = 'test/infra/fixtures/web-dist';

/**
 * The deployed app, cdk-nag included, synthesised once per test file. `aws:cdk:bundling-stacks: []` skips
 * esbuild (the CLI synth bundles); the console build is {@link WEB_DIST_FIXTURE}; everything else is what
 * `cdk synth` produces.
 */
export function synthAnze(options: SynthOptions = {}): SynthesisedAnze {
  const { app, stacks } = buildAnze(options);
  return {
    app,
    stacks,
    templates: {
      data: Template.fromStack(stacks.data),
      identity: Template.fromStack(stacks.identity),
      api: Template.fromStack(stacks.api),
      web: Template.fromStack(stacks.web),
    },
  };
}

/**
 * One cloud-assembly folder per test file, removed after its tests: without an `outdir` every App makes a
 * fresh `cdk.out*` folder in the system's temp directory and leaves it there.
 */
export const TEST_CDK_OUT = mkdtempSync(join(tmpdir(), 'anze-cdk-test-'));
// Registered on the importing file's root suite: vitest's workers end without running exit handlers.
afterAll(() => rmSync(TEST_CDK_OUT, { recursive: true, force: true }));

/** The app as {@link synthAnze} builds it, not yet synthesised. */
export function buildAnze(options: SynthOptions = {}): { readonly app: App; readonly stacks: AnzeStacks } {
  const app = new App({
    outdir: TEST_CDK_OUT,
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], webDist: WEB_DIST_FIXTURE, ...options.context },
    // CDK's built-in CloudFormation schema validation costs about 4 s per process; `cdk synth` runs it, the
    // tests do not. cdk-nag, a plugin of our own, runs on every synth here too.
    builtinCloudFormationValidation: false,
  });
  return { app, stacks: buildAnzeApp(app) };
}

/** A CloudFormation resource as the tests read it: only what they look at. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
}

export interface PolicyStatementJson {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | readonly string[];
  readonly Resource?: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
  readonly Principal?: unknown;
}

export const asArray = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? value : [value as T]);

/** Every resource of a type, by logical id. */
export function resourcesOfType(template: Template, type: string): Record<string, CfnResource> {
  return template.findResources(type) as Record<string, CfnResource>;
}

/** The one resource of a type whose logical id starts with `prefix` (logical ids derive from construct paths). */
export function resourceByPrefix(template: Template, type: string, prefix: string): [string, CfnResource] {
  const matches = Object.entries(resourcesOfType(template, type)).filter(([id]) => id.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`expected one ${type} starting ${prefix}, found ${matches.length}`);
  return matches[0] as [string, CfnResource];
}

/** Statements of a role's inline policies and of every AWS::IAM::Policy attached to it. */
export function statementsOfRole(template: Template, roleLogicalId: string): PolicyStatementJson[] {
  const role = resourcesOfType(template, 'AWS::IAM::Role')[roleLogicalId];
  if (!role) throw new Error(`no role ${roleLogicalId}`);
  const inline = ((role.Properties?.Policies ?? []) as { PolicyDocument: { Statement: PolicyStatementJson[] } }[]).flatMap(
    (policy) => policy.PolicyDocument.Statement,
  );
  const attached = Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties?.Roles).includes(`"${roleLogicalId}"`))
    .flatMap((policy) => (policy.Properties?.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement);
  return [...inline, ...attached];
}

/** The logical id a `{ "Fn::GetAtt": [id, …] }` or `{ "Ref": id }` points at. */
export function referencedLogicalId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const getAtt = (value as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  const ref = (value as { Ref?: unknown }).Ref;
  return typeof ref === 'string' ? ref : undefined;
}
