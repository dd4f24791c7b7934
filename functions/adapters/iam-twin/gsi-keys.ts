/**
 * Issue 21, the GSI half of layer 2: IAM's `dynamodb:LeadingKeys` names the TABLE's partition key on a write, so
 * a tenant session may put any value in an index key attribute (`GSI1PK`…`GSI4PK`) — and a Query of that index
 * under another tenant's session would then return the item. No IAM condition checks a non-key attribute's value
 * (`dynamodb:Attributes` names attributes, not values), so the invariant is our key builders': every index
 * partition a tenant session writes is under that tenant's own prefix `T#<tenantId>#`, or one of the documented
 * cross-tenant views below. The local twin checks it on every write of a tenant session (integration tests
 * included); on AWS it rests on the key builders this check has exercised.
 */

/** A view across tenants that tenant sessions write into, by design; each is read only through a bound key. */
export interface CrossTenantView {
  readonly index: string;
  readonly pattern: RegExp;
  readonly why: string;
}

export const CROSS_TENANT_VIEWS: readonly CrossTenantView[] = [
  {
    index: 'GSI3',
    pattern: /^ENT#[0-9A-Z]{18}#[A-Z-]+$/,
    why: "ACL-5: an enterprise's own records across insurers (ENT#<uscc>#<ENTITY>), read only with the USCC of its token; an enterprise's writes go to the insurer of its own policy (issue 21), not to the tenant this view names",
  },
  {
    index: 'GSI3',
    pattern: /^REG#REPORT$/,
    why: "RPT-1: the regulators' list of insurers' reports (read-only regulator session, ACL-2)",
  },
  {
    index: 'GSI3',
    pattern: /^REG#NOTICE$/,
    why: "SUP-4: every 督办 notice by id, read with one exact key for the issuing agency's close; the insurer answers its notice with its own session, so the answer rewrites this view key",
  },
  {
    index: 'GSI4',
    pattern: /^REG#(?:HAZARD|COMPLAINT-ESCALATED|CLAIM-DECLINED|NOTICE|SYNC)#[0-9A-Za-z_-]+$/,
    why: "ACL-2/ACL-4 (issue 21): the regulators' views keyed by county (hazards, escalated complaints, declined claims, notices, provincial sync; `NONE` for no known county), read through the read-only regulator session whose county tag holds a county EMB to its own partition",
  },
  {
    index: 'GSI4',
    pattern: /^REG#REPORT-SUBMITTED$/,
    why: "RPT-1: the insurers' submitted reports, read only by the city-wide regulator sessions (their addressees)",
  },
  {
    index: 'GSI2',
    pattern: /^SYNC-DUE$/,
    why: "the provincial sync's queue of records due to be sent, read by the platform's sync worker only",
  },
];

/** One index partition key a write sets: the attribute (`GSI3PK`) and its value. */
export interface IndexKeyWritten {
  readonly index: string;
  readonly value: string;
}

type Input = Record<string, unknown>;

const INDEX_KEY = /^(GSI\d+)PK$/;

/**
 * Every index partition key value a DynamoDB write call sets (pure): whole items (PutItem, a transaction's Put,
 * BatchWriteItem's PutRequest) and `SET` clauses of an update (UpdateItem, a transaction's Update).
 */
export function indexKeysWritten(commandName: string, input: Input): IndexKeyWritten[] {
  const operation = commandName.replace(/Command$/, '');
  switch (operation) {
    case 'PutItem':
      return ofItem(input.Item);
    case 'UpdateItem':
      return ofUpdate(input);
    case 'BatchWriteItem':
      return Object.values(asInput(input.RequestItems)).flatMap((requests) =>
        asArray(requests).flatMap((request) => ofItem(asInput(asInput(request).PutRequest).Item)),
      );
    case 'TransactWriteItems':
      return asArray(input.TransactItems).flatMap((entry) => {
        const item = asInput(entry);
        if (item.Put) return ofItem(asInput(item.Put).Item);
        if (item.Update) return ofUpdate(asInput(item.Update));
        return [];
      });
    default:
      return [];
  }
}

/** Whether a tenant session may write `key` (issue 21): its own prefix, or a documented cross-tenant view. */
export function tenantMayWriteIndexKey(tenantId: string, key: IndexKeyWritten): boolean {
  if (key.value.startsWith(`T#${tenantId}#`)) return true;
  return CROSS_TENANT_VIEWS.some((view) => view.index === key.index && view.pattern.test(key.value));
}

function ofItem(item: unknown): IndexKeyWritten[] {
  return Object.entries(asInput(item)).flatMap(([name, value]) => {
    const index = INDEX_KEY.exec(name)?.[1];
    const scalar = scalarOf(value);
    return index && scalar !== undefined ? [{ index, value: scalar }] : [];
  });
}

function ofUpdate(update: Input): IndexKeyWritten[] {
  const expression = typeof update.UpdateExpression === 'string' ? update.UpdateExpression : '';
  const names = asInput(update.ExpressionAttributeNames) as Record<string, string>;
  const values = asInput(update.ExpressionAttributeValues);
  const set = /\bSET\s+(.*?)(?=\s+\b(?:REMOVE|ADD|DELETE)\b|$)/is.exec(expression)?.[1] ?? '';
  const written: IndexKeyWritten[] = [];
  for (const assignment of set.split(',')) {
    const match = /^\s*([#\w.]+)\s*=\s*(:\w+)\s*$/.exec(assignment);
    if (!match) continue;
    const token = match[1] ?? '';
    const name = token.startsWith('#') ? names[token] : token;
    const index = name === undefined ? undefined : INDEX_KEY.exec(name)?.[1];
    const value = scalarOf(values[match[2] ?? '']);
    if (index && value !== undefined) written.push({ index, value });
  }
  return written;
}

/** A value as the document client hands it on (`{S: 'x'}`) or plain. */
function scalarOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const attribute = asInput(value);
  return typeof attribute.S === 'string' ? attribute.S : undefined;
}

const asInput = (value: unknown): Input => (typeof value === 'object' && value !== null ? (value as Input) : {});
const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
