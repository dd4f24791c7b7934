import { describe, expect, it } from 'vitest';
import { SUBSCRIPTIONS } from '../../functions/events/subscriptions.js';
import { SYNC_READ_KEYS, SYNC_WRITE_KEYS } from '../../infra/constructs/provincial-sync.js';
import { asArray, referencedLogicalId, resourcesOfType, statementsOfRole, synthAnze, type CfnResource } from './synth.js';

const PROVINCE = 'https://province.example.cn/anzexian';
const { templates } = synthAnze({ context: { provinceUrl: PROVINCE } });
const api = templates.api;
const functions = resourcesOfType(api, 'AWS::Lambda::Function');
const environmentOf = (fn: CfnResource | undefined): Record<string, unknown> =>
  ((fn?.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {});
const functionIdOf = (service: string): string => {
  const ids = Object.keys(functions).filter((id) => environmentOf(functions[id]).POWERTOOLS_SERVICE_NAME === `anze-${service}`);
  expect(ids, service).toHaveLength(1);
  return ids[0] as string;
};

describe('ApiStack: the provincial sync worker (SYNC-1, issue 17)', () => {
  const worker = functionIdOf('provincial-sync');

  it('SYNC-1: the worker and the sync routes are told the provincial endpoint from the CDK context', () => {
    expect(environmentOf(functions[worker]).ANZE_PROVINCE_URL).toBe(PROVINCE);
    expect(environmentOf(functions[functionIdOf('sync')]).ANZE_PROVINCE_URL).toBe(PROVINCE);
  });

  it('SYNC-1: fed like the projections — the ProvincialSync rule of the subscription table targets it, with retries and a DLQ', () => {
    const row = SUBSCRIPTIONS.find((subscription) => subscription.name === 'ProvincialSync');
    expect(row?.events).toEqual(expect.arrayContaining(['underwriting.policy.issued', 'underwriting.policy.endorsed', 'sync.record.pending']));
    const rules = Object.values(resourcesOfType(api, 'AWS::Events::Rule')).filter((rule) =>
      asArray((rule.Properties?.Targets ?? []) as { Arn: unknown }[]).some((target) => referencedLogicalId(target.Arn) === worker),
    );
    expect(rules).toHaveLength(1);
    expect((rules[0]?.Properties?.EventPattern as { 'detail-type': string[] })['detail-type'].sort()).toEqual([...(row?.events ?? [])].sort());
    const [target] = rules[0]?.Properties?.Targets as { RetryPolicy: unknown; DeadLetterConfig: { Arn: unknown } }[];
    expect(target?.RetryPolicy).toMatchObject({ MaximumRetryAttempts: 8 });
    expect(referencedLogicalId(target?.DeadLetterConfig.Arn)).toMatch(/^ProvincialSyncWorkerDeadLetters/);
  });

  it('SYNC-1 retries: a one-minute schedule invokes it with the tick the handler reads', () => {
    const schedules = Object.values(resourcesOfType(api, 'AWS::Scheduler::Schedule')).filter(
      (schedule) => referencedLogicalId((schedule.Properties?.Target as { Arn: unknown }).Arn) === worker,
    );
    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.Properties).toMatchObject({ ScheduleExpression: 'rate(1 minute)', State: 'ENABLED' });
    expect(JSON.parse((schedules[0]?.Properties?.Target as { Input: string }).Input)).toEqual({ 'detail-type': 'Scheduled Event' });
  });

  it('SYNC-1, ARCHITECTURE §3: its role writes sync records and their counts of any insurer and nothing else; reads policies, services and the due index', () => {
    const roleId = referencedLogicalId(functions[worker]?.Properties?.Role) as string;
    const dynamo = statementsOfRole(api, roleId).filter((statement) => asArray(statement.Action).some((action) => action.startsWith('dynamodb:')));
    const writes = dynamo.filter((statement) => asArray(statement.Action).some((action) => /Put|Update|Delete|Write/.test(action)));
    expect(writes).toHaveLength(1);
    expect(writes[0]?.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...SYNC_WRITE_KEYS] }, Null: { 'dynamodb:LeadingKeys': 'false' } });
    for (const statement of dynamo) expect(statement.Condition, JSON.stringify(statement)).toBeDefined();
    const reads = dynamo.filter((statement) => !writes.includes(statement));
    expect(reads.map((statement) => statement.Condition)).toContainEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...SYNC_READ_KEYS] },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    });
  });
});
