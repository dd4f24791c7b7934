import type { TenantContext } from '../../../domain/identity/principal.js';

/**
 * The only place item keys are built (ARCHITECTURE.md §2, §3).
 *
 * - tenant data: `T#<tenantId>#<ENTITY>#<id>` — the leading `T#<tenantId>#` is what the tenant-scoped IAM
 *   role's `dynamodb:LeadingKeys` condition matches, trailing `#` included, so tenant `ab` never reaches `abc`;
 * - regulator-owned data: `R#<regulatorId>#…`; platform data: `P#…`;
 * - an outbox event shares its aggregate's partition key, so the table stream keeps events of one aggregate
 *   in order (streams are ordered per partition key).
 */

export interface ItemKey {
  readonly PK: string;
  readonly SK: string;
}

/** Ids that go into keys: letters, digits, `_` and `-` only — never the `#` separator. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function assertKeyPart(value: string, what: string): string {
  if (!SAFE_ID.test(value)) throw new Error(`unsafe ${what} for a key: ${JSON.stringify(value)}`);
  return value;
}

/** Whose items these are: the prefix every key of that owner starts with. */
export type Owner =
  | { readonly kind: 'tenant'; readonly tenantId: string }
  | { readonly kind: 'regulator'; readonly regulatorId: string }
  | { readonly kind: 'enterprise'; readonly uscc: string }
  | { readonly kind: 'platform' };

export function ownerPrefix(owner: Owner): string {
  switch (owner.kind) {
    case 'tenant':
      return `T#${assertKeyPart(owner.tenantId, 'tenantId')}`;
    case 'regulator':
      return `R#${assertKeyPart(owner.regulatorId, 'regulatorId')}`;
    case 'enterprise':
      return `P#ENT#${assertKeyPart(owner.uscc, 'uscc')}`;
    case 'platform':
      return 'P';
  }
}

export const tenantOwner = (tenant: TenantContext): Owner => ({ kind: 'tenant', tenantId: tenant.tenantId });

const PROFILE = 'PROFILE';

export const keys = {
  /** An entity of an owner: `T#t1#USER#u1` / `PROFILE`. */
  entity(owner: Owner, entity: string, id: string): ItemKey {
    return { PK: `${ownerPrefix(owner)}#${entity}#${assertKeyPart(id, `${entity} id`)}`, SK: PROFILE };
  },
  /** GSI1 partition listing an owner's entities of one kind, newest last. */
  listing(owner: Owner, entity: string): string {
    return `${ownerPrefix(owner)}#${entity}`;
  },

  tenant: (tenantId: string): ItemKey => ({ PK: `P#TENANT#${assertKeyPart(tenantId, 'tenantId')}`, SK: PROFILE }),
  tenantListing: 'P#TENANT',
  /** Uniqueness guard: one tenant per USCC. */
  tenantUscc: (uscc: string): ItemKey => ({ PK: `P#TENANT-USCC#${assertKeyPart(uscc, 'uscc')}`, SK: 'UNIQUE' }),

  regulator: (regulatorId: string): ItemKey => ({
    PK: `P#REGULATOR#${assertKeyPart(regulatorId, 'regulatorId')}`,
    SK: PROFILE,
  }),
  regulatorListing: 'P#REGULATOR',

  /** Sign-in record: user names are unique across the platform, so it lives under `P#`. */
  credential: (username: string): ItemKey => ({ PK: `P#LOGIN#${assertKeyPart(username, 'username')}`, SK: 'CREDENTIAL' }),

  user: (owner: Owner, userId: string): ItemKey => keys.entity(owner, 'USER', userId),
  userListing: (owner: Owner): string => keys.listing(owner, 'USER'),

  complaint: (tenantId: string, complaintId: string): ItemKey => keys.entity({ kind: 'tenant', tenantId }, 'COMPLAINT', complaintId),
  complaintListing: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'COMPLAINT'),
  /** GSI2: complaints awaiting a reply, by binding due date. */
  complaintsDue: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'COMPLAINT-DUE'),
  /** GSI3: one enterprise's complaints across insurers (ACL-5). */
  enterpriseComplaints: (uscc: string): string => `ENT#${assertKeyPart(uscc, 'uscc')}#COMPLAINT`,
  /** GSI4: escalated complaints for regulators (CMP-6), sorted by county first (ACL-4). */
  escalatedComplaints: 'REG#COMPLAINT-ESCALATED',

  /** Outbox items ride in their aggregate's partition: ordered per aggregate on the stream. */
  outbox: (aggregate: ItemKey, sequence: number): ItemKey => ({
    PK: aggregate.PK,
    SK: `OUTBOX#${String(sequence).padStart(10, '0')}`,
  }),
} as const;
