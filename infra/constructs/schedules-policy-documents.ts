/**
 * The schedules function's table grants (issue 21: "the deadline sweep holds unconditioned table grants"), as plain
 * IAM JSON: the one source the CDK app (infra/stacks/api-stack.ts) puts on the function's role and the local IAM
 * twin evaluates against every call the schedules' composition roots make (functions/schedules/), so a key outside
 * these patterns fails locally as AccessDenied instead of first on AWS. No CDK import: the twin loads this file.
 *
 * The sweep works across tenants by design (it is the clock, not a caller), so its patterns are per key shape, not
 * per tenant: the due-date indexes it walks, the records whose deadlines it moves (with their outbox events, in the
 * same partitions), the reminder marks, and the platform data it reads. Patterns are `dynamodb:LeadingKeys` values
 * (functions/adapters/dynamodb/keys.ts builds the keys); no Scan, no delete.
 */
import { leadingKeysCondition, type IsolationResources, type PolicyStatementJson } from './tenant-policy-documents.js';

/** What the daily run and the calendar reminders read, and never write. */
export const SCHEDULES_READ_KEYS = [
  // The tenants walked, the working-day calendar (CAL-2) and the rule sets in force (RULES-1).
  'P#TENANT',
  'P#TENANT#*',
  'P#CALENDAR',
  'P#CALENDAR#*',
  'R#rule-sets#*',
  // The due-date indexes (GSI2) and the policies starting (GSI4) the sweeps read up to the reminders' horizon.
  'T#*#COMPLAINT-DUE',
  'T#*#SERVICE-DUE',
  'T#*#HAZARD-DUE',
  'T#*#POLICY-START',
  // What a reminder or a counter is computed from: a policy and its plan, hazards, fee years, filings (QUAL-6).
  'T#*#POLICY#*',
  'T#*#SERVICE-PLAN#*',
  'T#*#SERVICE-POLICY#*',
  'T#*#HAZARD#*',
  'T#*#FEE-LEDGER#*',
  // Issue 14: the supervision counters' sources, which the daily run re-evaluates at their edge (claims, CLM-1).
  'T#*#CLAIM#*',
  'T#*#QUALIFICATION#*',
  'T#*#QUALIFICATION',
  'R#qualification-paper#*',
] as const;

/**
 * What it writes (and reads back): complaints and services whose deadlines it moves or marks overdue (CMP-2..4,
 * CAL-2, SVC-8/SVC-9) with their outbox events in the same partitions, the once-only reminder marks with theirs
 * (issue 16: a tenant's, or the platform's for a reminder no tenant owns), UW-11's coverage items and the
 * supervision counters whose calendar edge has come (issue 14).
 */
export const SCHEDULES_WRITE_KEYS = [
  'T#*#COMPLAINT#*',
  'T#*#SERVICE#*',
  'T#*#REMINDED#*',
  'P#REMINDED#*',
  'R#coverage#*',
  'R#supervision#*',
] as const;

/** Item reads; writes are Put/Update and the transaction's ConditionCheck (TransactWriteItems is authorised per item). */
export const SCHEDULES_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
export const SCHEDULES_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'] as const;

export function schedulesStatements(resources: IsolationResources): PolicyStatementJson[] {
  const tableAndIndexes = [resources.tableArn, ...resources.indexArns];
  return [
    {
      Sid: 'SweepReads',
      Effect: 'Allow',
      Action: [...SCHEDULES_READ_ACTIONS],
      Resource: tableAndIndexes,
      Condition: leadingKeysCondition([...SCHEDULES_READ_KEYS, ...SCHEDULES_WRITE_KEYS]),
    },
    {
      Sid: 'SweepWrites',
      Effect: 'Allow',
      Action: [...SCHEDULES_WRITE_ACTIONS],
      // Writes go to the table; its indexes are maintained by DynamoDB, never written.
      Resource: [resources.tableArn],
      Condition: leadingKeysCondition([...SCHEDULES_WRITE_KEYS]),
    },
  ];
}
