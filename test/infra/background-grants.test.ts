import { describe, expect, it } from 'vitest';
import { schedulesStatements, SCHEDULES_WRITE_KEYS } from '../../infra/constructs/schedules-policy-documents.js';
import { asArray, referencedLogicalId, resourcesOfType, statementsOfRole, synthAnze, type PolicyStatementJson } from './synth.js';

/**
 * Issue 21: the deadline sweep and the projections hold no unconditioned table grant — every DynamoDB statement on
 * their roles is held to the partitions they use by `dynamodb:LeadingKeys`, and the sweep's are exactly the pure
 * statements the local IAM twin evaluates its calls against (infra/constructs/schedules-policy-documents.ts).
 */

const { templates } = synthAnze();
const api = templates.api;

function roleOfService(service: string): string {
  for (const fn of Object.values(resourcesOfType(api, 'AWS::Lambda::Function'))) {
    const variables = (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
    if (variables.POWERTOOLS_SERVICE_NAME === `anze-${service}`) {
      const roleId = referencedLogicalId(fn.Properties?.Role);
      if (roleId) return roleId;
    }
  }
  throw new Error(`no function of service ${service}`);
}

const onMainTable = (statement: PolicyStatementJson): boolean =>
  asArray(statement.Action).some((action) => action.startsWith('dynamodb:')) && JSON.stringify(statement.Resource).includes('MainTable');
const leadingKeysOf = (statement: PolicyStatementJson): readonly string[] | undefined =>
  statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as readonly string[] | undefined;

describe('issue 21: the background functions’ table grants are held to their partitions', () => {
  for (const service of ['schedules', 'projections']) {
    it(`${service}: every statement on the main table carries LeadingKeys (with the Null check), none grants Scan or a wildcard action`, () => {
      const statements = statementsOfRole(api, roleOfService(service)).filter(onMainTable);
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(leadingKeysOf(statement), JSON.stringify(statement)).toBeDefined();
        expect(statement.Condition?.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' });
        for (const pattern of leadingKeysOf(statement) ?? []) expect(['*', 'T#*', 'R#*', 'P#*']).not.toContain(pattern);
        expect(asArray(statement.Action).filter((action) => action === 'dynamodb:Scan' || action.endsWith('*'))).toEqual([]);
      }
    });
  }

  it('schedules: the role carries exactly schedulesStatements — what the local IAM twin checks the sweep against', () => {
    const statements = statementsOfRole(api, roleOfService('schedules')).filter(onMainTable);
    const expected = schedulesStatements({ tableArn: 'T', indexArns: ['I'], archiveBucketArn: 'B' });
    expect(statements.map((statement) => ({ Action: [...asArray(statement.Action)].sort(), keys: leadingKeysOf(statement) }))).toEqual(
      expected.map((statement) => ({ Action: [...statement.Action].sort(), keys: leadingKeysOf(statement) })),
    );
  });

  it('schedules: writes only the records whose deadlines it moves, the reminder marks and the counters — no user, login, inbox or regulator view', () => {
    const writes = statementsOfRole(api, roleOfService('schedules'))
      .filter(onMainTable)
      .filter((statement) => asArray(statement.Action).some((action) => /Put|Update|Delete/.test(action)));
    expect(writes).toHaveLength(1);
    expect(leadingKeysOf(writes[0] as PolicyStatementJson)).toEqual([...SCHEDULES_WRITE_KEYS]);
    expect(asArray((writes[0] as PolicyStatementJson).Action)).not.toContain('dynamodb:DeleteItem');
    // The indexes are DynamoDB's to maintain: the write statement names the table alone.
    expect(JSON.stringify((writes[0] as PolicyStatementJson).Resource)).not.toContain('/index/');
  });
});
