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

/** Ids that go into keys: letters, digits, `_`, `-` and `.` (user names have dots) — never the `#` separator. */
const SAFE_ID = /^[A-Za-z0-9_.-]{1,64}$/;

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
  /**
   * GSI4: escalated complaints for regulators (CMP-6), one partition per county (`NONE`: county unknown), sort key
   * `<escalated at>#<complaintId>` — keyed by county so IAM holds a county EMB's session to its own (ACL-4, issue 21).
   */
  escalatedComplaints: (county: string): string => `REG#COMPLAINT-ESCALATED#${assertKeyPart(county, 'county')}`,

  // ── Claims (CLM-1): tenant data, with the enterprise's view (GSI3) and the regulators' declines (GSI4) ─────
  claim: (tenantId: string, claimId: string): ItemKey => keys.entity({ kind: 'tenant', tenantId }, 'CLAIM', claimId),
  claimListing: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'CLAIM'),
  /** GSI3: one enterprise's claims across insurers (ACL-5). */
  enterpriseClaims: (uscc: string): string => `ENT#${assertKeyPart(uscc, 'uscc')}#CLAIM`,
  /** GSI4: declined claims for regulators (CLM-1), one partition per county, sort key `<decidedAt>#<claimId>` (ACL-4, issue 21). */
  declinedClaims: (county: string): string => `REG#CLAIM-DECLINED#${assertKeyPart(county, 'county')}`,

  // ── Underwriting: policies and qualification filings (tenant data) ──────────────────────────────────────
  policy: (tenantId: string, policyId: string): ItemKey => keys.entity({ kind: 'tenant', tenantId }, 'POLICY', policyId),
  /** GSI1: the policies a tenant issued (as lead), newest first. */
  policyListing: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'POLICY'),
  /** GSI1: co-insured policies led by another tenant in which this tenant is a member (read-only copies). */
  sharedPolicyListing: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'POLICY-SHARED'),
  /** GSI2: one enterprise's policies this tenant takes part in, by period start (UW-9). */
  enterprisePoliciesOfTenant: (tenantId: string, uscc: string): string =>
    `${keys.listing({ kind: 'tenant', tenantId }, 'POLICY-ENT')}#${assertKeyPart(uscc, 'uscc')}`,
  /** Uniqueness guard: a policy number once per insurer (UW-1); numbers may hold `/`, so they are encoded. */
  policyNumber: (tenantId: string, policyNumber: string): ItemKey => ({
    PK: `${keys.listing({ kind: 'tenant', tenantId }, 'POLICYNO')}#${Buffer.from(policyNumber, 'utf8').toString('base64url')}`,
    SK: 'UNIQUE',
  }),
  /** Issue 15: an insurer's counter of one series of generated numbers for one year; its version is the last sequence. */
  numberCounter: (tenantId: string, series: 'POLICYNO' | 'SERVICENO', year: number): ItemKey => ({
    PK: `${keys.listing({ kind: 'tenant', tenantId }, `${series}-SEQ`)}#${year}`,
    SK: 'COUNTER',
  }),
  /** UW-1 (issue 15): the counter of generated policy numbers (AZ-…). */
  policyNumberCounter: (tenantId: string, year: number): ItemKey => keys.numberCounter(tenantId, 'POLICYNO', year),
  /** SVC-5 (issue 15): the counter of service numbers (FW-…). */
  serviceNumberCounter: (tenantId: string, year: number): ItemKey => keys.numberCounter(tenantId, 'SERVICENO', year),
  /**
   * GSI4: the policies a tenant leads, by period start (`<periodStart>#<policyId>`): the daily run reads the few
   * whose SVC-4 plan or SVC-2 first service falls due (issue 16), never every policy.
   */
  policiesByStart: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'POLICY-START'),
  /** GSI3: one enterprise's policies across insurers (ACL-5). */
  enterprisePolicies: (uscc: string): string => `ENT#${assertKeyPart(uscc, 'uscc')}#POLICY`,
  qualification: (tenantId: string, year: number): ItemKey => keys.entity({ kind: 'tenant', tenantId }, 'QUALIFICATION', String(year)),
  qualificationListing: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'QUALIFICATION'),

  // ── UW-11 coverage: a projection of policy events, regulator-readable ──────────────────────────────────
  /** One enterprise's coverage periods across insurers: `R#coverage#ENT#<uscc>`. */
  coverage: (uscc: string): ItemKey => keys.entity({ kind: 'regulator', regulatorId: 'coverage' }, 'ENT', uscc),
  /** GSI1: one county's coverage items, by industry then USCC. */
  coverageCountyListing: (county: string): string =>
    `${keys.listing({ kind: 'regulator', regulatorId: 'coverage' }, 'ENT-COUNTY')}#${assertKeyPart(county, 'county')}`,
  /** Insured-today counters per county × industry (UW-11's counts in one Query per county). */
  coverageCounters: (county: string): string =>
    `${keys.listing({ kind: 'regulator', regulatorId: 'coverage' }, 'COUNT')}#${assertKeyPart(county, 'county')}`,
  coverageCounter: (county: string, industry: string): ItemKey => ({
    PK: keys.coverageCounters(county),
    SK: assertKeyPart(industry, 'industry'),
  }),
  /** GSI2: coverage items by the next day their insured status changes, for the daily sweep. */
  coverageEdges: 'R#coverage#EDGE',

  /**
   * Issue 16: the mark that a reminder was raised, `<owner>#REMINDED#<kind>#<step>#<subject parts>` / `MARKER`.
   * Created (attribute_not_exists) in the transaction of the reminder's outbox event, so a rerun or a retry
   * raises nothing twice. Subject parts are key-safe: an item id; for a year obligation its period (`2027`,
   * `2027-H1`) and, for a reminder repeated daily (CAL-2), the day.
   */
  reminderMarker: (owner: Owner, kind: 'due' | 'overdue', step: string, ...subject: string[]): ItemKey => ({
    PK: [`${ownerPrefix(owner)}#REMINDED#${kind}#${assertKeyPart(step, 'step')}`, ...subject.map((part) => assertKeyPart(part, 'reminder subject'))].join('#'),
    SK: 'MARKER',
  }),

  // ── Issue 14: the supervision overview's counters, a projection of events, regulator-readable ───────────
  /**
   * One year's counter cells of one county: `R#supervision#COUNT#<year>#<county>` / `<tenantId>`, each a fixed
   * set of ~30 numbers (<1 KB); `ALL` holds the insurer-wide (fee) cells, `NONE` those of an unknown county.
   * Keyed by county (issue 21): a county EMB's overview reads its county's partition only — IAM holds its session
   * to `R#supervision#COUNT#*#${aws:PrincipalTag/county}` — and the city-wide overview adds the partitions up, so
   * no single item takes every regulator's reads (issue 20's national scale, test/bench/national-scale.ts).
   */
  supervisionCounters: (year: number, county: string): string =>
    `${keys.listing({ kind: 'regulator', regulatorId: 'supervision' }, 'COUNT')}#${feeYearPart(year)}#${assertKeyPart(county, 'county')}`,
  supervisionCounter: (year: number, tenantId: string, county: string): ItemKey => ({
    PK: keys.supervisionCounters(year, county),
    SK: assertKeyPart(tenantId, 'tenantId'),
  }),
  /** The mark that the supervision counters were rebuilt from the records once (data older than the projection). */
  supervisionRebuilt: { PK: 'R#supervision#REBUILT', SK: 'v1' } satisfies ItemKey,
  /** GSI2 (sparse): the supervision subjects by the next day their figures change by the calendar, for the daily run. */
  supervisionEdges: 'R#supervision#EDGE',
  /** What the counters last took from one record: `R#supervision#SUBJECT#<kind>#<tenantId>#<id>` / `PROFILE`. */
  supervisionSubject: (kind: string, tenantId: string, id: string): ItemKey => ({
    PK: `${keys.listing({ kind: 'regulator', regulatorId: 'supervision' }, 'SUBJECT')}#${assertKeyPart(kind, 'kind')}#${assertKeyPart(tenantId, 'tenantId')}#${assertKeyPart(id, 'id')}`,
    SK: 'PROFILE',
  }),

  /** Outbox items ride in their aggregate's partition: ordered per aggregate on the stream. */
  outbox: (aggregate: ItemKey, sequence: number): ItemKey => ({
    PK: aggregate.PK,
    SK: `OUTBOX#${String(sequence).padStart(10, '0')}`,
  }),

  // ── Regulator context: the enterprise register (REG-1) and the blacklist (BLK-1) ─────────────────────────
  // Regulator-owned, so under `R#…` (the regulator function's own IAM grant). The register is one city-wide
  // owner whichever EMB writes an entry (ACL-4 is decided on the entry's county, not by who owns the key);
  // the blacklist is one owner kept jointly by the city EMB and the NFRA.

  registerOwner: { kind: 'regulator', regulatorId: 'register' } satisfies Owner,
  blacklistOwner: { kind: 'regulator', regulatorId: 'blacklist' } satisfies Owner,

  /** REG-1: an enterprise's entry, keyed by USCC: `R#register#ENT#<uscc>` / `PROFILE`. */
  registerEntry: (uscc: string): ItemKey => keys.entity(keys.registerOwner, 'ENT', uscc),
  /** GSI1: one county's entries (`R#register#ENT-COUNTY#<county>`), sorted by industry then USCC (ACL-4). */
  registerCountyListing: (county: string): string =>
    `${keys.listing(keys.registerOwner, 'ENT-COUNTY')}#${assertKeyPart(county, 'county')}`,
  registerCountySortKey: (industry: string, uscc: string): string =>
    `${assertKeyPart(industry, 'industry')}#${assertKeyPart(uscc, 'uscc')}`,
  /**
   * REG-1 counters: `R#register#COUNT#<county>` / `<industry>` with `registered`. One county's counts are one
   * Query (UW-11's coverage gap), never a count over the entries.
   */
  registerCounters: (county: string): string => `${keys.listing(keys.registerOwner, 'COUNT')}#${assertKeyPart(county, 'county')}`,
  registerCounter: (county: string, industry: string): ItemKey => ({
    PK: keys.registerCounters(county),
    SK: assertKeyPart(industry, 'industry'),
  }),
  /** REG-1: one bulk import's record: `R#register#IMPORT#<importId>` / `PROFILE`. */
  registerImport: (importId: string): ItemKey => keys.entity(keys.registerOwner, 'IMPORT', importId),

  /** BLK-1: one listing: `R#blacklist#ENTRY#<entryId>` / `PROFILE`. */
  blacklistEntry: (entryId: string): ItemKey => keys.entity(keys.blacklistOwner, 'ENTRY', entryId),
  /** GSI1: every listing, by id (time-ordered). */
  blacklistListing: (): string => keys.listing(keys.blacklistOwner, 'ENTRY'),
  /** GSI3: one insurer's listings (`R#blacklist#INSURER#<tenantId>`), for QUAL-2's check in one Query. */
  insurerBlacklist: (tenantId: string): string =>
    `${keys.listing(keys.blacklistOwner, 'INSURER')}#${assertKeyPart(tenantId, 'tenantId')}`,

  // ── Prevention fee (FEE-1..5): ledgers, their counters, premium receipts (tenant data) ───────────────────
  // One partition per insurer-year holds the whole ledger (台账): its counters, its entries by sequence number,
  // the marks of reversed entries and its outbox events. A year's entries are then one key range of one
  // partition, read consistently (listing, export, consistency check), and an entry id — which carries its
  // year and number (domain/fees/ledger-entry.ts) — is one GetItem. One partition per policy holds what the
  // insurer received on it: the received counter and the receipts.

  /** FEE-2: `T#<tenantId>#FEE-LEDGER#<year>`, the partition of one insurer-year's ledger. */
  feeLedger: (tenantId: string, year: number): string =>
    `${keys.listing({ kind: 'tenant', tenantId }, 'FEE-LEDGER')}#${feeYearPart(year)}`,
  /** FEE-4: the year's counters; its `version` is the last sequence number given. */
  feeYear: (tenantId: string, year: number): ItemKey => ({ PK: keys.feeLedger(tenantId, year), SK: 'COUNTERS' }),
  /** FEE-2: entry `sequence` of the year, zero-padded so the sort key orders entries by number. */
  feeEntry: (tenantId: string, year: number, sequence: number): ItemKey => ({
    PK: keys.feeLedger(tenantId, year),
    SK: `${keys.feeEntryPrefix}${feeSequencePart(sequence)}`,
  }),
  /** Sort-key prefix of a year's entries (its counters, marks and outbox items sort apart). */
  feeEntryPrefix: 'ENTRY#',
  /** FEE-2: the mark that entry `sequence` was reversed; creating it twice fails, so no entry is reversed twice. */
  feeReversalMark: (tenantId: string, year: number, sequence: number): ItemKey => ({
    PK: keys.feeLedger(tenantId, year),
    SK: `${keys.feeReversalPrefix}${feeSequencePart(sequence)}`,
  }),
  feeReversalPrefix: 'REVERSED#',
  /** FEE-1: `T#<tenantId>#FEE-POLICY#<policyId>`, what this insurer received on one policy. */
  feePolicy: (tenantId: string, policyId: string): string =>
    `${keys.listing({ kind: 'tenant', tenantId }, 'FEE-POLICY')}#${assertKeyPart(policyId, 'policyId')}`,
  /** FEE-1: the policy's received counter (versioned: receipts never overshoot the premium). */
  feePolicyReceived: (tenantId: string, policyId: string): ItemKey => ({ PK: keys.feePolicy(tenantId, policyId), SK: 'RECEIVED' }),
  /** FEE-1: one receipt on the policy. */
  premiumReceipt: (tenantId: string, policyId: string, receiptId: string): ItemKey => ({
    PK: keys.feePolicy(tenantId, policyId),
    SK: `${keys.premiumReceiptPrefix}${assertKeyPart(receiptId, 'receiptId')}`,
  }),
  premiumReceiptPrefix: 'RECEIPT#',

  // ── Prevention services (SVC-1..13): plans, services, hazards, archive records (tenant data) ─────────────
  /** SVC-4: a policy's service plan: `T#<tenantId>#SERVICE-PLAN#<policyId>` / `PROFILE`. */
  servicePlan: (tenantId: string, policyId: string): ItemKey => keys.entity({ kind: 'tenant', tenantId }, 'SERVICE-PLAN', policyId),
  service: (tenantId: string, serviceId: string): ItemKey => keys.entity({ kind: 'tenant', tenantId }, 'SERVICE', serviceId),
  /** GSI1: a tenant's services by id (time-ordered). */
  serviceListing: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'SERVICE'),
  /** GSI2 (sparse): services with an open SVC-8/SVC-9 deadline, sort key `<dueOn>#<serviceId>`, for the sweep. */
  servicesDue: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'SERVICE-DUE'),
  /** GSI4: one policy's services, sort key `<scheduledOn>#<serviceId>` — the obligations engine's input in one Query. */
  policyServices: (tenantId: string, policyId: string): string =>
    `${keys.listing({ kind: 'tenant', tenantId }, 'SERVICE-POLICY')}#${assertKeyPart(policyId, 'policyId')}`,
  /** GSI3: one enterprise's services across insurers (ACL-5). */
  enterpriseServices: (uscc: string): string => `ENT#${assertKeyPart(uscc, 'uscc')}#SERVICE`,
  hazard: (tenantId: string, hazardId: string): ItemKey => keys.entity({ kind: 'tenant', tenantId }, 'HAZARD', hazardId),
  /** GSI1: a tenant's hazards by id. */
  hazardListing: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'HAZARD'),
  /** GSI2 (sparse): hazards not yet verified, sort key `<due day>#<hazardId>`. */
  hazardsDue: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'HAZARD-DUE'),
  /** GSI3: one enterprise's hazards across insurers (ACL-5). */
  enterpriseHazards: (uscc: string): string => `ENT#${assertKeyPart(uscc, 'uscc')}#HAZARD`,
  /**
   * GSI4: the hazards of one county for the regulators (SVC-7, ACL-2/ACL-4), `REG#HAZARD#<county>`, sort key
   * `<county>#<foundOn>#<hazardId>`. Keyed by county so IAM holds a county EMB's session to its own partition
   * (`dynamodb:LeadingKeys` = `REG#HAZARD#${aws:PrincipalTag/county}`, issue 21); the city EMB and the NFRA read
   * every county's partition in turn.
   */
  regulatorHazards: (county: string): string => `REG#HAZARD#${assertKeyPart(county, 'county')}`,
  regulatorHazardSortKey: (county: string, foundOn: string, hazardId: string): string =>
    `${assertKeyPart(county, 'county')}#${foundOn}#${assertKeyPart(hazardId, 'hazardId')}`,
  /** SVC-10: an archive's record — its key in the store and the SHA-256 digest verification compares with. */
  archiveRecord: (tenantId: string, archiveId: string): ItemKey => keys.entity({ kind: 'tenant', tenantId }, 'ARCHIVE', archiveId),
  /**
   * GSI1: one policy's archive records by id (SVC-10, the enterprise's folder, issue 18) — written with each
   * record, so every document archived on the policy, every plan version included, is one Query.
   */
  policyArchive: (tenantId: string, policyId: string): string =>
    `${keys.listing({ kind: 'tenant', tenantId }, 'ARCHIVE-POLICY')}#${assertKeyPart(policyId, 'policyId')}`,

  /**
   * SVC-13: an upload ticket given out for one file (`T#<tenantId>#UPLOAD#<uploadId>`): what the file must be
   * (key, digest, size, type) and what it is for (a service or a hazard), checked when a record cites it.
   */
  upload: (tenantId: string, uploadId: string): ItemKey => keys.entity({ kind: 'tenant', tenantId }, 'UPLOAD', uploadId),

  // ── Supervision (issue 14): 督办 notices and the access log, in the insurer's partition ─────────────────────
  /**
   * SUP-1..SUP-5: a notice to an insurer: `T#<tenantId>#NOTICE#<noticeId>` / `PROFILE` — in the insurer's
   * partition, so the insurer reads (and answers) it with its own tenant role; the supervision function writes
   * only this shape of key of any tenant (infra/stacks/context-permissions.ts).
   */
  notice: (tenantId: string, noticeId: string): ItemKey => keys.entity({ kind: 'tenant', tenantId }, 'NOTICE', noticeId),
  /** GSI1: an insurer's notices by id (time-ordered). */
  noticeListing: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'NOTICE'),
  /** GSI3: every notice by id, for the issuing agency's close (SUP-4: one exact key, the function's own role). */
  regulatorNotices: 'REG#NOTICE',
  /**
   * GSI4: the regulators' listing, one partition per county of the notice's item (`NONE`: an insurer-wide one),
   * sort key the (time-ordered) notice id — a county EMB's session reads its county's only (ACL-4, issue 21).
   */
  regulatorCountyNotices: (county: string): string => `REG#NOTICE#${assertKeyPart(county, 'county')}`,
  /**
   * The access log (issue 14): `T#<tenantId>#ACCESS-LOG` / `<at>#<entryId>` — one partition per insurer,
   * appended to, newest first by sort key; entries expire after five years (TTL).
   */
  accessLog: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'ACCESS-LOG'),
  /** GSI1: one agency's reads of the insurer's data: `T#<tenantId>#ACCESS-LOG#<agency>` / `<at>#<entryId>`. */
  accessLogOfAgency: (tenantId: string, agency: string): string =>
    `${keys.listing({ kind: 'tenant', tenantId }, 'ACCESS-LOG')}#${assertKeyPart(agency, 'agency')}`,

  // ── RULES-1: rule-set versions the city EMB published, all in one partition (a handful in a decade) ──────
  /** `R#rule-sets#VERSIONS`: read whole by every context; only ever added to. */
  ruleSetVersions: 'R#rule-sets#VERSIONS',
  /** One version: `R#rule-sets#VERSIONS` / `<series>#<version, 6 digits>`. */
  ruleSetVersion: (ruleSetId: string, version: number): ItemKey => ({
    PK: 'R#rule-sets#VERSIONS',
    SK: `${assertKeyPart(ruleSetId, 'ruleSetId')}#${String(version).padStart(6, '0')}`,
  }),

  // ── Regulator registers: third-party service organisations (REG-2) and the expert pool (REG-3) ──────────
  serviceOrgOwner: { kind: 'regulator', regulatorId: 'service-orgs' } satisfies Owner,
  expertOwner: { kind: 'regulator', regulatorId: 'experts' } satisfies Owner,
  /** REG-2: `R#service-orgs#ORG#<orgId>` / `PROFILE`. */
  serviceOrg: (orgId: string): ItemKey => keys.entity(keys.serviceOrgOwner, 'ORG', orgId),
  /** GSI1: every registered organisation, by id. */
  serviceOrgListing: (): string => keys.listing(keys.serviceOrgOwner, 'ORG'),
  /** Uniqueness guard: one organisation per registration number (encoded: numbers may hold `/` or CJK). */
  serviceOrgRegistration: (registrationNumber: string): ItemKey => ({
    PK: `${keys.listing(keys.serviceOrgOwner, 'REGNO')}#${Buffer.from(registrationNumber, 'utf8').toString('base64url')}`,
    SK: 'UNIQUE',
  }),
  /** REG-3: `R#experts#EXPERT#<expertId>` / `PROFILE`. */
  expert: (expertId: string): ItemKey => keys.entity(keys.expertOwner, 'EXPERT', expertId),
  /** GSI1: the whole pool, by id. */
  expertListing: (): string => keys.listing(keys.expertOwner, 'EXPERT'),

  // ── SYNC-1: the provincial sync's records, in the insurer's partition ────────────────────────────────────────
  /** `T#<tenantId>#SYNC#<recordId>` / `PROFILE`: one per record of ours (policy, organisation, service). */
  syncRecord: (tenantId: string, recordId: string): ItemKey => keys.entity({ kind: 'tenant', tenantId }, 'SYNC', recordId),
  /** GSI1: an insurer's sync records by id. */
  syncListing: (tenantId: string): string => keys.listing({ kind: 'tenant', tenantId }, 'SYNC'),
  /** The insurer's per-state counts, moved in the same transaction as each record. */
  syncCounts: (tenantId: string): ItemKey => ({ PK: keys.listing({ kind: 'tenant', tenantId }, 'SYNC-COUNTS'), SK: 'COUNTS' }),
  /**
   * GSI2 (sparse): records due to be (re)sent, across insurers — the sender's sweep is the clock, not a caller —
   * sort key `<nextAttemptAt>#<tenantId>#<recordId>`.
   */
  syncDue: 'SYNC-DUE',
  syncDueSortKey: (at: string, tenantId: string, recordId: string): string =>
    `${at}#${assertKeyPart(tenantId, 'tenantId')}#${assertKeyPart(recordId, 'recordId')}`,
  /**
   * GSI4: the regulators' view (ACL-2/4), one partition per county of the record's enterprise (`NONE`: an
   * organisation, which has no county — the city-wide sessions' only), sort key `<tenantId>#<recordId>` (issue 21).
   */
  regulatorSync: (county: string): string => `REG#SYNC#${assertKeyPart(county, 'county')}`,
  regulatorSyncSortKey: (tenantId: string, recordId: string): string => `${assertKeyPart(tenantId, 'tenantId')}#${assertKeyPart(recordId, 'recordId')}`,

  // ── Notifications (issue 16): one inbox partition per user, under the user's own owner ────────────────────
  // An insurer user's inbox is `T#<tenantId>#INBOX#<userId>`, so the tenant-scoped role alone reaches it
  // (ARCHITECTURE.md §3); a regulator's `R#<regulatorId>#INBOX#…`, an enterprise user's `P#ENT#<uscc>#INBOX#…`,
  // the operator's `P#INBOX#…`. The partition holds the notifications (`N#<id>`, ids sort by time), the unread
  // counter and the preferences.
  inbox: (owner: Owner, userId: string): string => `${keys.listing(owner, 'INBOX')}#${assertKeyPart(userId, 'userId')}`,
  notificationPrefix: 'N#',
  notification: (owner: Owner, userId: string, notificationId: string): ItemKey => ({
    PK: keys.inbox(owner, userId),
    SK: `N#${assertKeyPart(notificationId, 'notificationId')}`,
  }),
  inboxCounter: (owner: Owner, userId: string): ItemKey => ({ PK: keys.inbox(owner, userId), SK: 'UNREAD' }),
  notificationPreferences: (owner: Owner, userId: string): ItemKey => ({ PK: keys.inbox(owner, userId), SK: 'PREFERENCES' }),
} as const;

function feeYearPart(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`unsafe year for a key: ${String(year)}`);
  return String(year);
}

/** Ten digits: sequence numbers sort as text in number order up to 9,999,999,999 entries a year. */
function feeSequencePart(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 9_999_999_999) {
    throw new Error(`unsafe sequence number for a key: ${String(sequence)}`);
  }
  return String(sequence).padStart(10, '0');
}
