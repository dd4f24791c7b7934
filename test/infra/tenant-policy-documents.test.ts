import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { repoPath } from '../../infra/constructs/repo-paths.js';
import { enterpriseRoleStatements, regulatorRoleStatements, tenantRoleStatements } from '../../infra/constructs/tenant-policy-documents.js';
import { asArray, resourceByPrefix, synthAnze, type CfnResource } from './synth.js';

const { stacks, templates } = synthAnze();

/** A statement with single values as one-element arrays and its lists sorted, as IAM reads it. */
function normalised(statement: Record<string, unknown>): Record<string, unknown> {
  const lists = (value: unknown): unknown => {
    if (Array.isArray(value)) return [...value].map(lists).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    if (typeof value === 'object' && value !== null && !Object.keys(value).some((key) => key.startsWith('Fn::') || key === 'Ref')) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, lists(inner)]));
    }
    return value;
  };
  return {
    ...(statement.Sid ? { Sid: statement.Sid } : {}),
    Effect: statement.Effect,
    Action: lists(asArray(statement.Action as string | string[])),
    Resource: lists(asArray(statement.Resource)),
    ...(statement.Condition ? { Condition: lists(statement.Condition) } : {}),
  };
}

const inlineStatementsOf = (role: CfnResource, policyName: string): Record<string, unknown>[] => {
  const policies = (role.Properties?.Policies ?? []) as { PolicyName: string; PolicyDocument: { Statement: Record<string, unknown>[] } }[];
  const policy = policies.find((candidate) => candidate.PolicyName === policyName);
  if (!policy) throw new Error(`no inline policy ${policyName}`);
  return policy.PolicyDocument.Statement.map(normalised);
};

describe('the layer-2 policy documents have one source (ARCHITECTURE.md §3, issue 21)', () => {
  // The tokens the construct built its roles from, resolved in the API stack as its template resolves them.
  const resources = stacks.api.isolation.documentResources;

  it('the tenant role the API stack synthesises carries exactly tenantRoleStatements — what the local IAM twin evaluates', () => {
    const [, role] = resourceByPrefix(templates.api, 'AWS::IAM::Role', 'IsolationTenantScopedRole');
    const expected = (stacks.api.resolve(tenantRoleStatements(resources)) as Record<string, unknown>[]).map(normalised);
    expect(inlineStatementsOf(role, 'TenantData')).toEqual(expected);
    // The pure document is not vacuous: its conditions survive synthesis as written.
    expect(JSON.stringify(expected)).toContain('T#${aws:PrincipalTag/tenantId}#*');
    expect(JSON.stringify(expected)).toContain('tenants/${aws:PrincipalTag/tenantId}/*');
  });

  it('the regulator role carries exactly regulatorRoleStatements', () => {
    const [, role] = resourceByPrefix(templates.api, 'AWS::IAM::Role', 'IsolationRegulatorReadRole');
    const expected = (stacks.api.resolve(regulatorRoleStatements(resources)) as Record<string, unknown>[]).map(normalised);
    expect(inlineStatementsOf(role, 'RegulatorRead')).toEqual(expected);
  });

  it('ACL-5 (issue 21): the enterprise role carries exactly enterpriseRoleStatements — one Query of GSI3 ENT#<tag uscc>#*', () => {
    const [, role] = resourceByPrefix(templates.api, 'AWS::IAM::Role', 'IsolationEnterpriseReadRole');
    const expected = (stacks.api.resolve(enterpriseRoleStatements(resources)) as Record<string, unknown>[]).map(normalised);
    expect(inlineStatementsOf(role, 'EnterpriseRead')).toEqual(expected);
    expect(expected).toHaveLength(1);
    expect(expected[0]?.Action).toEqual(['dynamodb:Query']);
    expect(JSON.stringify(expected[0]?.Resource)).toContain('/index/GSI3');
    expect(JSON.stringify(expected)).toContain('ENT#${aws:PrincipalTag/uscc}#*');
  });

  it('what the runtime loads of it imports no CDK (the local runtime and the Lambda bundles read this file)', () => {
    const source = readFileSync(repoPath('infra/constructs/tenant-policy-documents.ts'), 'utf8');
    expect(source).not.toMatch(/from '(?:aws-cdk-lib|constructs)/);
    expect(source).not.toMatch(/^import /m);
  });
});
