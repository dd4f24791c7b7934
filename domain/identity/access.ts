import type { Agency, Role } from './role.js';

/**
 * Who may call a route: ARCHITECTURE.md §4 and DOMAIN.md ACL-1..5 as a small set of named rows.
 *
 * Every use case declares one of these next to its path (`access: INSURER`), and the access matrix is
 * assembled from those declarations (functions/http/access-matrix.ts), so a route cannot exist without a
 * decision on who may use it, and the isolation test walks the assembled matrix.
 * The row decides the role (403 otherwise); which objects the role then sees (its own tenant, agency,
 * county or enterprise) is decided by the scope the repositories are built from, never by this row.
 */
export type Access =
  | { readonly kind: 'public' }
  /**
   * MON-2 (issue 19): a machine client — a mine's data source — with its API key (`x-api-key`), never a user's
   * token: no role passes this row, and a key passes no other row.
   */
  | { readonly kind: 'api-key' }
  | {
      readonly kind: 'roles';
      readonly roles: readonly Role[];
      /** Optional narrowing to regulator agencies (e.g. a register only the city EMB writes). */
      readonly agencies?: readonly Agency[];
      /** The data this route reaches, for the isolation test and the reader: whose objects. */
      readonly scope:
        | 'platform'
        | 'own-tenant'
        | 'own-agency'
        | 'own-org'
        | 'own-enterprise'
        | 'cross-tenant-read'
        /** The regulators' own registers (`R#…`): no tenant's data, shared by the agencies ACL-2 names. */
        | 'regulator-owned'
        /** Issue 16: the caller's own inbox and preferences, keyed by its organisation and user id from the token. */
        | 'own-user';
    };

export const PUBLIC: Access = { kind: 'public' };
/** MON-2: a mine's data source posting readings and device alarms with its API key (scoped to that mine and tenant). */
export const MONITORING_SOURCE: Access = { kind: 'api-key' };
export const OPERATOR: Access = { kind: 'roles', roles: ['platform-operator'], scope: 'platform' };
/** ACL-1/ACL-2: an insurer admin manages its tenant's users, a regulator admin its agency's (ACL-3: never the operator). */
/** ACL-1: an insurer's own staff work its complaints, policies, services … */
export const INSURER: Access = { kind: 'roles', roles: ['insurer-admin', 'insurer-staff'], scope: 'own-tenant' };
/** ACL-5: an enterprise user, on its own enterprise's objects across insurers. */
export const ENTERPRISE: Access = { kind: 'roles', roles: ['enterprise'], scope: 'own-enterprise' };
/** ACL-2/ACL-4: regulators read across insurers (a county EMB its county only) and never write tenant data. */
export const REGULATOR_READ: Access = { kind: 'roles', roles: ['regulator', 'regulator-admin'], scope: 'cross-tenant-read' };
/**
 * SVC-10 (issue 18): an enterprise's archive folder — an insurer reads its own documents (ACL-1), regulators
 * every insurer's (a county EMB its county's, ACL-4); listing, download links and verification, never a write.
 */
export const ARCHIVE_FOLDER_READ: Access = {
  kind: 'roles',
  roles: ['insurer-admin', 'insurer-staff', 'regulator', 'regulator-admin'],
  scope: 'cross-tenant-read',
};
export const ORG_ADMINS: Access = { kind: 'roles', roles: ['insurer-admin', 'regulator-admin'], scope: 'own-org' };
/** Issue 15: an insurer's or a regulator's people read their own organisation's user names (who recorded what), nothing more. */
export const COLLEAGUE_NAMES: Access = { kind: 'roles', roles: ['insurer-admin', 'insurer-staff', 'regulator', 'regulator-admin'], scope: 'own-org' };
/** Issue 16: every signed-in person reads and marks its own notifications and sets its own preferences, no one else's. */
export const SELF: Access = {
  kind: 'roles',
  roles: ['platform-operator', 'insurer-admin', 'insurer-staff', 'regulator', 'regulator-admin', 'enterprise'],
  scope: 'own-user',
};

/**
 * Issue 17 (ACL-1, ACL-2, ACL-4): webhook endpoints are an organisation's systems — an insurer's admin subscribes
 * its tenant's events, a regulator agency its scope's (a county EMB its county's); insurer staff do not, as
 * secrets and endpoints are administration.
 */
export const WEBHOOK_ADMIN: Access = { kind: 'roles', roles: ['insurer-admin', 'regulator', 'regulator-admin'], scope: 'own-org' };

// ── Regulator context: the regulators' own registers (REG-1 enterprise register, BLK-1 blacklist) ─────────────
/**
 * ACL-2/ACL-4: the city EMB writes every county's register entries and a county EMB its own county's (the use
 * case decides by the entry's county, 403 ACL-4); the NFRA reads the register but does not keep it.
 */
export const REGISTER_WRITE: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin'],
  agencies: ['EMB_CITY', 'EMB_COUNTY'],
  scope: 'regulator-owned',
};
/** ACL-2/ACL-4: every regulator reads the register (a county EMB its county's entries) and the blacklist. */
export const REGISTER_READ: Access = { kind: 'roles', roles: ['regulator', 'regulator-admin'], scope: 'regulator-owned' };
/** REG-1: an insurer reads one entry by USCC, any county, to underwrite; it never lists or writes the register. */
export const REGISTER_LOOKUP: Access = { kind: 'roles', roles: ['insurer-admin', 'insurer-staff'], scope: 'regulator-owned' };
/** Issue 15: insurers and regulators read enterprises' register names by USCC (a county EMB: of its county), nothing more. */
export const REGISTER_NAMES: Access = { kind: 'roles', roles: ['insurer-admin', 'insurer-staff', 'regulator', 'regulator-admin'], scope: 'regulator-owned' };
/**
 * QUAL-6: the city EMB records the day an insurer's qualification materials reached it on paper — the city EMB's
 * own record (`R#…`), never the insurer's, which the platform stamps when its filing is first complete.
 */
export const PAPER_FILING_WRITE: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin'],
  agencies: ['EMB_CITY'],
  scope: 'regulator-owned',
};
/** QUAL-6: the city EMB, to whom the notice has filings sent (报送市应急管理局), reads every insurer's filing. */
export const QUALIFICATION_OVERSIGHT: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin'],
  agencies: ['EMB_CITY'],
  scope: 'cross-tenant-read',
};
/** BLK-1: the blacklist is kept by the city EMB and the NFRA. */
export const BLACKLIST_WRITE: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin'],
  agencies: ['EMB_CITY', 'NFRA'],
  scope: 'regulator-owned',
};
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

// ── Prevention fee (FEE-1..5): the insurer's ledger, its own tenant only ─────────────────────────────────────
/**
 * FEE-1, FEE-2: recording premium received and booking expenses is the day-to-day work of the insurer's
 * staff, as are reading the ledger, the summary and the export.
 */
export const FEE_BOOKING: Access = { kind: 'roles', roles: ['insurer-admin', 'insurer-staff'], scope: 'own-tenant' };
/**
 * FEE-2: a reversal takes booked money back out of the ledger — the one move that could hide a diversion
 * (挪用) after the fact — so it is the insurer admin's alone: whoever booked an entry cannot also quietly undo
 * it (separation of duties). The correction's new entry is then ordinary booking again.
 */
export const FEE_REVERSAL: Access = { kind: 'roles', roles: ['insurer-admin'], scope: 'own-tenant' };
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

// ── Regulators' registers of service providers: organisations (REG-2) and experts (REG-3) ─────────────────────
/** REG-2, REG-3: organisations register (备案) with the city EMB, which also keeps the expert pool. */
export const CITY_REGISTER_WRITE: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin'],
  agencies: ['EMB_CITY'],
  scope: 'regulator-owned',
};
/** SVC-6: insurers read both registers to name a provider and experts; every regulator reads them. */
export const PROVIDER_REGISTER_READ: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin', 'insurer-admin', 'insurer-staff'],
  scope: 'regulator-owned',
};
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

// ── Rule sets (RULES-1): the figures the notice makes configurable, versioned ─────────────────────────────────
/** RULES-1: the city EMB alone publishes a new rule-set version (市应急管理局 sets and adjusts the figures). */
export const RULE_SET_PUBLISH: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin'],
  agencies: ['EMB_CITY'],
  scope: 'regulator-owned',
};
/** RULES-1: the versions and their figures are read by every regulator and every insurer: they govern both. */
export const RULE_SET_READ: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin', 'insurer-admin', 'insurer-staff'],
  scope: 'regulator-owned',
};
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

// ── Supervision (issue 14): regulators read every insurer's work, read-only ─────────────────────────────────
/**
 * FEE-4/FEE-5, ACL-4: an insurer's prevention-fee ledger is insurer-wide — it has no county — and the notice
 * gives 费用列支 to the city EMB's 全过程监管 (the NFRA reads the same); a county EMB supervises the insurers'
 * work in its county (本辖区承保、事故预防服务), so it reads policies and services, not the ledger.
 */
export const FEE_OVERSIGHT: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin'],
  agencies: ['EMB_CITY', 'NFRA'],
  scope: 'cross-tenant-read',
};
/**
 * SUP-1, SUP-4, ACL-2: a regulator issues and closes its own 督办 notices — its record, kept beside the insurer's
 * item so the insurer reads it; it never writes the insurer's own data (a county EMB: its county's items).
 */
export const NOTICE_WRITE: Access = { kind: 'roles', roles: ['regulator', 'regulator-admin'], scope: 'regulator-owned' };
/**
 * RPT-1, ACL-4: the half-year and year reports go to 市级应急管理部门和金融监管部门 (notice §四(二)) — the city EMB
 * and the NFRA read every insurer's submissions; a county EMB is no addressee, and a report is insurer-wide (its
 * fee figures have no county, as FEE_OVERSIGHT).
 */
export const REPORT_OVERSIGHT: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin'],
  agencies: ['EMB_CITY', 'NFRA'],
  scope: 'cross-tenant-read',
};
/**
 * RPT-3 (notice §四(二)一: 市应急管理局会同国家金融监督管理总局忻州监管分局…进行评估): the city EMB opens, scores and
 * publishes the evaluation of each insurer — its own record (`R#evaluations#…`), never the insurer's data.
 */
export const EVALUATION_WRITE: Access = { kind: 'roles', roles: ['regulator', 'regulator-admin'], agencies: ['EMB_CITY'], scope: 'regulator-owned' };
/**
 * RPT-3, ACL-4: the city EMB and the NFRA, who evaluate together, read every evaluation (drafts included); a
 * county EMB takes no part in it, and an evaluation is insurer-wide (no county to narrow it to).
 */
export const EVALUATION_OVERSIGHT: Access = { kind: 'roles', roles: ['regulator', 'regulator-admin'], agencies: ['EMB_CITY', 'NFRA'], scope: 'cross-tenant-read' };
/** Issue 14: who read the insurer's data is the insurer admin's to know (its own tenant's log only). */
export const ACCESS_LOG_READ: Access = { kind: 'roles', roles: ['insurer-admin'], scope: 'own-tenant' };
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Whether a caller of `role` (and `agency`) passes `access`. A missing row is a denial: an undeclared route
 * is a bug, and failing closed keeps the bug harmless.
 */
export function allows(access: Access | undefined, role: Role, agency?: Agency): boolean {
  if (!access) return false;
  if (access.kind === 'public') return true;
  if (access.kind === 'api-key') return false;
  if (!access.roles.includes(role)) return false;
  return !access.agencies || (agency !== undefined && access.agencies.includes(agency));
}
