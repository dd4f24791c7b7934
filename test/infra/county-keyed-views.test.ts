import { describe, expect, it } from 'vitest';
import { NO_COUNTY } from '../../functions/adapters/dynamodb/county-sharded-page.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { evaluate } from '../../functions/adapters/iam-twin/evaluate.js';
import { CROSS_TENANT_VIEWS, tenantMayWriteIndexKey } from '../../functions/adapters/iam-twin/gsi-keys.js';
import { CONTEXT_PERMISSIONS } from '../../infra/stacks/context-permissions.js';
import { COUNTY_KEYED_REGULATOR_VIEWS, regulatorRoleStatements } from '../../infra/constructs/tenant-policy-documents.js';

/**
 * Issue 21 (ACL-2, ACL-4): the regulator role's policy on every regulator view keyed by county, evaluated by the
 * local IAM twin's evaluator on the very statements the CDK app emits — and no HTTP function's own role reads them.
 */

const TABLE = 'arn:aws:dynamodb:cn-north-1:111111111111:table/anze-main';
const INDEX = `${TABLE}/index/GSI4`;
const statements = regulatorRoleStatements({ tableArn: TABLE, indexArns: ['GSI1', 'GSI2', 'GSI3', 'GSI4'].map((index) => `${TABLE}/index/${index}`), archiveBucketArn: 'arn:aws:s3:::anze-archive' });

const XINFU = { agency: 'EMB_COUNTY', county: '140902' };
const CITY = { agency: 'EMB_CITY', county: 'ALL' };
const NFRA = { agency: 'NFRA', county: 'ALL' };

const reads = (tags: Record<string, string>, partition: string, resource = INDEX): boolean =>
  evaluate(statements, { action: 'dynamodb:Query', resource, principalTags: tags, conditionKeys: { 'dynamodb:LeadingKeys': [partition] } }).allowed;

const VIEWS: Record<string, (county: string) => string> = {
  'REG#HAZARD': keys.regulatorHazards,
  'REG#COMPLAINT-ESCALATED': keys.escalatedComplaints,
  'REG#CLAIM-DECLINED': keys.declinedClaims,
  'REG#NOTICE': keys.regulatorCountyNotices,
  'REG#SYNC': keys.regulatorSync,
};

describe('issue 21: the regulator views keyed by county, in IAM', () => {
  it.each(Object.entries(VIEWS))('ACL-4 %s: a county EMB reads its county’s partition only — not another’s, not NONE; the city EMB and the NFRA every one', (_view, partitionOf) => {
    expect(reads(XINFU, partitionOf('140902'))).toBe(true);
    expect(reads(XINFU, partitionOf('140981'))).toBe(false);
    expect(reads(XINFU, partitionOf(NO_COUNTY))).toBe(false);
    for (const tags of [CITY, NFRA]) {
      expect(reads(tags, partitionOf('140981'))).toBe(true);
      expect(reads(tags, partitionOf(NO_COUNTY))).toBe(true);
    }
    // A county EMB tag that claims the whole city is still a county EMB: no city-wide read.
    expect(reads({ agency: 'EMB_COUNTY', county: 'ALL' }, partitionOf('140981'))).toBe(false);
  });

  it('ACL-4 the overview’s counters: a county EMB reads its county’s partition of any year, the city-wide sessions every county’s and the insurer-wide one', () => {
    const counters = (county: string, year = 2026) => keys.supervisionCounters(year, county);
    expect(reads(XINFU, counters('140902'), TABLE)).toBe(true);
    expect(reads(XINFU, counters('140902', 2031), TABLE)).toBe(true);
    expect(reads(XINFU, counters('140981'), TABLE)).toBe(false);
    expect(reads(XINFU, counters('ALL'), TABLE)).toBe(false);
    expect(reads(XINFU, counters(NO_COUNTY), TABLE)).toBe(false);
    for (const county of ['140981', 'ALL', NO_COUNTY]) expect(reads(CITY, counters(county), TABLE)).toBe(true);
    // The projection's own items under R#supervision are no regulator session's.
    expect(reads(CITY, keys.supervisionRebuilt.PK, TABLE)).toBe(false);
    expect(reads(CITY, keys.supervisionSubject('policy', 't1', 'p1').PK, TABLE)).toBe(false);
  });

  it('ACL-4 REG-1 the register as regulators list it: a county EMB reads its county’s listing and counters only, the city-wide sessions every county’s; an entry by USCC stays readable to all (its county is checked in code)', () => {
    const listing = (county: string) => keys.registerCountyListing(county);
    expect(reads(XINFU, listing('140902'), `${TABLE}/index/GSI1`)).toBe(true);
    expect(reads(XINFU, listing('140981'), `${TABLE}/index/GSI1`)).toBe(false);
    expect(reads(XINFU, keys.registerCounters('140902'), TABLE)).toBe(true);
    expect(reads(XINFU, keys.registerCounters('140981'), TABLE)).toBe(false);
    for (const tags of [CITY, NFRA]) {
      expect(reads(tags, listing('140981'), `${TABLE}/index/GSI1`)).toBe(true);
      expect(reads(tags, keys.registerCounters('140981'), TABLE)).toBe(true);
    }
    expect(reads(XINFU, keys.registerEntry('911409811022173237').PK, TABLE)).toBe(true);
    // The register's imports and the blacklist are not the regulators' session reads.
    expect(reads(CITY, keys.registerImport('i1').PK, TABLE)).toBe(false);
  });

  it('ACL-4 every county-keyed view is listed once, and the twin admits a tenant session’s write of exactly these view keys on GSI4', () => {
    expect([...COUNTY_KEYED_REGULATOR_VIEWS].sort()).toEqual([...Object.keys(VIEWS), 'R#supervision#COUNT#*', 'R#register#ENT-COUNTY', 'R#register#COUNT'].sort());
    for (const partitionOf of Object.values(VIEWS)) {
      expect(tenantMayWriteIndexKey('t1', { index: 'GSI4', value: partitionOf('140902') })).toBe(true);
      expect(tenantMayWriteIndexKey('t1', { index: 'GSI4', value: partitionOf(NO_COUNTY) })).toBe(true);
      expect(tenantMayWriteIndexKey('t1', { index: 'GSI1', value: partitionOf('140902') })).toBe(false);
    }
    // The old single partitions are no documented view any more.
    for (const old of ['REG#COMPLAINT-ESCALATED', 'REG#CLAIM-DECLINED', 'REG#NOTICE-COUNTY', 'REG#SYNC', 'REG#ANYTHING#140902']) {
      expect(tenantMayWriteIndexKey('t1', { index: 'GSI4', value: old }), old).toBe(false);
    }
    expect(CROSS_TENANT_VIEWS.every((view) => view.why.length > 20)).toBe(true);
  });

  it('ACL-4 no HTTP function’s own role reads a county-keyed view: they are read in the regulator session only', () => {
    const prefixes = COUNTY_KEYED_REGULATOR_VIEWS.map((view) => view.replace(/#\*$/, ''));
    for (const [context, permissions] of Object.entries(CONTEXT_PERMISSIONS)) {
      const patterns = [...permissions.ownLeadingKeys, ...(permissions.readLeadingKeys ?? [])];
      for (const prefix of prefixes.filter((candidate) => candidate.startsWith('REG#'))) {
        expect(patterns.filter((pattern) => pattern.startsWith(prefix) && pattern !== 'REG#NOTICE'), `${context} ${prefix}`).toEqual([]);
      }
    }
    // GSI3 `REG#NOTICE` (SUP-4's lookup by id) is an exact key: it matches no county partition of the notices.
    expect(CONTEXT_PERMISSIONS.supervision?.readLeadingKeys).toContain('REG#NOTICE');
    expect(CONTEXT_PERMISSIONS.supervision?.readLeadingKeys?.some((pattern) => pattern.startsWith('REG#NOTICE#') || pattern === 'REG#NOTICE-COUNTY')).toBe(false);
    expect(CONTEXT_PERMISSIONS.sync?.readLeadingKeys ?? []).toEqual([]);
  });
});
