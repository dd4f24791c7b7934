import { WEBHOOK_KEYS } from '../constructs/webhook-delivery.js';

/**
 * What a bounded context's own execution role may touch in the main table, beyond what every HTTP handler
 * gets (the idempotency table and assuming the tenant-scoped and regulator roles). Tenant data is reached
 * only through the tenant-scoped role; the rows here are the exceptions, each for items no tenant owns.
 *
 * Patterns are `dynamodb:LeadingKeys` values (functions/adapters/dynamodb/keys.ts builds the keys).
 */
export interface ContextPermissions {
  readonly ownLeadingKeys: readonly string[];
  /**
   * Items it reads but never writes: shared views across owners (an enterprise's complaints on GSI3, the
   * regulators' escalations on GSI4) and platform data every context needs (tenant profiles, loaded calendar
   * years for deadlines, CAL-2).
   */
  readonly readLeadingKeys?: readonly string[];
  /** Cognito admin actions on the user pool (onboarding registers identities, user changes update them). */
  readonly userPoolAdmin: boolean;
  /**
   * Uses the write-once archive (SVC-10): the function is told the bucket (`ARCHIVE_BUCKET`). Its objects are
   * reached only through the tenant role, which is limited to `tenants/${aws:PrincipalTag/tenantId}/*`.
   */
  readonly archive?: boolean;
  /**
   * False for a context that never assumes the tenant role (its data is its own role's): left out of the
   * StsAssumeRoleFailures alarm, whose metric math holds at most 10 metrics.
   */
  readonly tenantRole?: false;
}

const NONE: ContextPermissions = { ownLeadingKeys: [], userPoolAdmin: false };

export const CONTEXT_PERMISSIONS: Readonly<Record<string, ContextPermissions>> = {
  /*
   * Platform data (`P#…`: tenants, regulators, enterprises, sign-in records) and user items of any owner:
   * creating a user writes its `T#<tenant>#USER#<id>` (or `R#…`) item and its `P#LOGIN#<username>` record in
   * one transaction, which no tenant-scoped session could do. GSI1 listings are `T#<tenant>#USER`.
   */
  platform: {
    // Issue 16: and each caller's own inbox — a regulator's `R#<agency>#INBOX#<user>` (enterprise users' and the
    // operator's are under `P#`); an insurer user's `T#<tenant>#INBOX#<user>` only through the tenant role.
    ownLeadingKeys: ['P#*', 'T#*#USER', 'T#*#USER#*', 'R#*#USER', 'R#*#USER#*', 'R#*#INBOX#*'],
    userPoolAdmin: true,
  },
  /**
   * Complaints: tenants' complaints only through the tenant role (an enterprise's complaint is written with
   * the role of the insurer it is against); reads of the enterprise view and of tenant profiles. The regulators'
   * escalations (GSI4 `REG#COMPLAINT-ESCALATED#<county>`) are read in the regulator session (issue 21, ACL-4).
   */
  complaints: {
    ownLeadingKeys: [],
    readLeadingKeys: ['P#TENANT', 'P#TENANT#*', 'ENT#*'],
    userPoolAdmin: false,
  },
  /**
   * Claims (CLM-1): claims and the policies they are on only through the tenant role; reads of the enterprise's
   * claims across insurers (GSI3, ACL-5) and tenant profiles (insurer names). The regulators' declines (GSI4
   * `REG#CLAIM-DECLINED#<county>`) are read in the regulator session (issue 21, ACL-4).
   */
  claims: {
    ownLeadingKeys: [],
    readLeadingKeys: ['P#TENANT', 'P#TENANT#*', 'ENT#*#CLAIM'],
    userPoolAdmin: false,
    // CLM-1: a claim's documents are uploaded to the write-once archive and checked there (claims-files).
    archive: true,
  },
  /**
   * Underwriting: policies and filings only through the tenant role; reads of the register (REG-1, UW-3),
   * the blacklist (BLK-1), tenant ids (UW-6), the enterprise view (GSI3) and UW-11's coverage projection.
   */
  underwriting: {
    ownLeadingKeys: [],
    // QUAL-4: the filing's evidence documents are uploaded to the write-once archive and checked there.
    archive: true,
    readLeadingKeys: ['P#TENANT', 'P#TENANT#*', 'R#register#*', 'R#blacklist#*', 'ENT#*', 'R#coverage#*', 'R#qualification-paper#*'],
    userPoolAdmin: false,
  },
  /**
   * Regulator-owned data: registers, evaluations, blacklist, rule-set versions (ARCHITECTURE.md §4); tenant
   * profiles are read to check that a blacklisted insurer exists.
   */
  register: { ownLeadingKeys: ['R#*'], readLeadingKeys: ['P#TENANT', 'P#TENANT#*'], userPoolAdmin: false, tenantRole: false },
  /**
   * Prevention fee: nothing of its own. The ledger, its counters, the receipts and the policies they are taken
   * against are all the tenant's (`T#<tenant>#FEE-…`, `T#<tenant>#POLICY#…`), reached through the tenant role;
   * rule sets are read as every context reads them. Stated rather than left to the default, so the choice is visible. It reads the archive
   * (through the tenant role) to check that a document an expense cites is there with its digest (FEE-2).
   */
  fees: { ownLeadingKeys: [], userPoolAdmin: false, archive: true },
  /**
   * Prevention services (SVC-1..13): plans, services, hazards, upload tickets and archive records are the
   * insurer's (`T#<tenant>#…`), written only through the tenant role — an enterprise's confirmation too, with
   * the role of the insurer whose service it is. Its own role reads the city EMB's registers of service
   * organisations and experts (SVC-6 against REG-2/REG-3), an enterprise's services and hazards across
   * insurers on GSI3 (ACL-5), and tenant profiles (the insurer named on a hazard notice), and an enterprise's user listing (`P#ENT#<uscc>#USER`:
   * whether it has an account, SVC-9/SVC-7 on-site capture). Archives and evidence go to the bucket through the
   * tenant role as well. The regulators' hazards (SVC-7, GSI4 `REG#HAZARD#<county>`) are read in the regulator
   * session of the caller's scope, not with this role (issue 21, ACL-4).
   */
  services: {
    ownLeadingKeys: [],
    // SVC-12 (issue 19): and the mine's monitoring sources and alarms (GSI3) for the risk grade.
    // SVC-10 (issue 18): and an insurer's published RPT-3 evaluations (GSI3), the EVALUATION files of its folders.
    readLeadingKeys: ['P#TENANT', 'P#TENANT#*', 'R#service-orgs#*', 'R#experts#*', 'ENT#*#SERVICE', 'ENT#*#HAZARD', 'P#ENT#*#USER', 'ENT#*#MONALARM', 'ENT#*#MONSOURCE', 'R#evaluations#PUBLISHED#*'],
    userPoolAdmin: false,
    archive: true,
  },
  /**
   * Supervision (issue 14, ACL-2/ACL-4): regulators read insurers' policies, services and fee counters through
   * the read-only regulator role (GetItem/Query only); its own role reads only the insurers' profiles (names).
   */
  // Issue 14: and the overview's counters (R#supervision) with the register's counts (REG-1, coverage share).
  // SUP-1..SUP-5, ACL-2 (issue 14): the one narrow write path into tenants' partitions — a 督办 notice
  // (`T#<tenant>#NOTICE#<id>`, its outbox items in that partition) and the access log (`T#<tenant>#ACCESS-LOG`),
  // the regulators' own records kept where the insurer reads them with its tenant role. Ids never hold `#`
  // (keys.ts), so no policy, service, fee or complaint key matches. A notice by id (GSI3 `REG#NOTICE`, one exact
  // key) is its own read for SUP-4's close; the listings by county (`REG#NOTICE#<county>`) and the overview's
  // counters are read in the regulator session (issue 21, ACL-4); `R#supervision#*` stays for the insurer's
  // workbench (its own cells) and the projection's marks.
  supervision: {
    ownLeadingKeys: ['T#*#NOTICE#*', 'T#*#ACCESS-LOG'],
    readLeadingKeys: ['P#TENANT', 'P#TENANT#*', 'R#supervision#*', 'R#register#*', 'REG#NOTICE'],
    userPoolAdmin: false,
  },
  /**
   * SYNC-1: an insurer's sync records are read and retried through its tenant role (`T#<tenant>#SYNC…`); the
   * regulators' index of them (GSI4 `REG#SYNC#<county>`) is read in the regulator session of the caller's scope
   * (issue 21, ACL-4), so the function's own role reads nothing of the table. The sync worker that writes them is
   * a platform component of its own (infra/constructs/provincial-sync.ts).
   */
  sync: { ownLeadingKeys: [], userPoolAdmin: false },
  /**
   * RPT-1, RPT-4: reports and their versions are the insurer's (`T#<tenant>#REPORT…`), written and read through
   * the tenant role, their files in the archive likewise; the regulators' view of the submissions goes through
   * the read-only regulator role. Its own role reads only tenant profiles (the insurer's name on its report).
   */
  reports: { ownLeadingKeys: [], readLeadingKeys: ['P#TENANT', 'P#TENANT#*'], userPoolAdmin: false, archive: true },
  /**
   * RPT-3, BLK-1: the regulators' evaluations (`R#evaluations#…`) are the function's own, and so is the BLK-1
   * listing a failed evaluation's 通报 adds to the one blacklist (`R#blacklist#…`, as the register function
   * writes it). The insurer's records for the computed items are read through the read-only regulator role;
   * its own role reads tenant profiles and the register (REG-1, the coverage item). The published files go to
   * the insurer's prefix of the archive through the tenant role.
   */
  evaluations: {
    ownLeadingKeys: ['R#evaluations#*', 'R#blacklist#*'],
    readLeadingKeys: ['P#TENANT', 'P#TENANT#*', 'R#register#*'],
    userPoolAdmin: false,
    archive: true,
  },
  /**
   * Issue 17: webhook subscriptions and messages, in their owner's partitions but with the platform's routing
   * directory beside them in the same transaction (functions/webhooks/composition-root.ts): the webhook key
   * shapes of every owner and nothing else of theirs. Layer 1 builds every key from the token.
   */
  webhooks: { ownLeadingKeys: [...WEBHOOK_KEYS], userPoolAdmin: false, tenantRole: false },
  /**
   * MON-2 (issue 19): an API key's lookup (`P#MONKEY#<id>`), read before any tenant is known; sources, readings
   * and alarms only through the tenant role. Reads: the mine's alarms and sources across insurers (GSI3, ACL-5), and what the alarm → inspection
   * step's SVC-5 schedule reads (tenant profiles, the REG-2/REG-3 registers).
   */
  monitoring: {
    ownLeadingKeys: ['P#MONKEY#*'],
    readLeadingKeys: ['P#TENANT', 'P#TENANT#*', 'ENT#*#MONALARM', 'ENT#*#MONSOURCE', 'R#service-orgs#*', 'R#experts#*'],
    userPoolAdmin: false,
  },
};

/** Every context computes deadlines with the loaded calendar years (CAL-2): read-only, platform data. */
export const CALENDAR_LEADING_KEYS = ['P#CALENDAR', 'P#CALENDAR#*'] as const;

/**
 * Every context checks at each request that the caller's token is still current (issue 12 #1): one GetItem of
 * the sign-in record `P#LOGIN#<username>` (functions/middleware/current-principal.ts). Read-only, platform data.
 */
export const PRINCIPAL_RECORD_LEADING_KEYS = ['P#LOGIN#*'] as const;

/**
 * RULES-1: every context decides under the rule-set version in force (or the one a decision recorded), and
 * the city EMB publishes versions at run time into `R#rule-sets#VERSIONS`. Read-only, regulator-owned data;
 * only the register context writes it (its `R#*`).
 */
export const RULE_SET_LEADING_KEYS = ['R#rule-sets#*'] as const;

/** What every context reads besides its own rows: the calendar, the principal records and the rule sets. */
export const EVERY_CONTEXT_READS = [...CALENDAR_LEADING_KEYS, ...PRINCIPAL_RECORD_LEADING_KEYS, ...RULE_SET_LEADING_KEYS] as const;

/** A context not listed gets nothing of its own: it works only through the scoped roles. */
export const permissionsOf = (contextName: string): ContextPermissions =>
  Object.hasOwn(CONTEXT_PERMISSIONS, contextName) ? (CONTEXT_PERMISSIONS[contextName] ?? NONE) : NONE;

export const COGNITO_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminResetUserPassword',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:ListUsers',
] as const;
