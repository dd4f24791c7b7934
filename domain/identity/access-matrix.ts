import type { Agency, Role } from './role.js';

/**
 * Who may call which route: ARCHITECTURE.md §4 and DOMAIN.md ACL-1..5 as one table.
 *
 * Every route of every bounded context must have a row here; a route without one is refused at run time
 * and fails the isolation test, so a new route cannot ship without a decision on who may use it.
 * The row decides the role (403 otherwise); which objects the role then sees (its own tenant, agency,
 * county or enterprise) is decided by the scope the repositories are built from, never by this table.
 */
export type Access =
  | { readonly kind: 'public' }
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
        | 'regulator-owned';
    };

const PUBLIC: Access = { kind: 'public' };
const OPERATOR: Access = { kind: 'roles', roles: ['platform-operator'], scope: 'platform' };
/** ACL-1/ACL-2: an insurer admin manages its tenant's users, a regulator admin its agency's (ACL-3: never the operator). */
/** ACL-1: an insurer's own staff work its complaints, policies, services … */
const INSURER: Access = { kind: 'roles', roles: ['insurer-admin', 'insurer-staff'], scope: 'own-tenant' };
/** ACL-5: an enterprise user, on its own enterprise's objects across insurers. */
const ENTERPRISE: Access = { kind: 'roles', roles: ['enterprise'], scope: 'own-enterprise' };
/** ACL-2/ACL-4: regulators read across insurers (a county EMB its county only) and never write tenant data. */
const REGULATOR_READ: Access = { kind: 'roles', roles: ['regulator', 'regulator-admin'], scope: 'cross-tenant-read' };
const ORG_ADMINS: Access = { kind: 'roles', roles: ['insurer-admin', 'regulator-admin'], scope: 'own-org' };

// ── Regulator context: the regulators' own registers (REG-1 enterprise register, BLK-1 blacklist) ─────────────
/**
 * ACL-2/ACL-4: the city EMB writes every county's register entries and a county EMB its own county's (the use
 * case decides by the entry's county, 403 ACL-4); the NFRA reads the register but does not keep it.
 */
const REGISTER_WRITE: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin'],
  agencies: ['EMB_CITY', 'EMB_COUNTY'],
  scope: 'regulator-owned',
};
/** ACL-2/ACL-4: every regulator reads the register (a county EMB its county's entries) and the blacklist. */
const REGISTER_READ: Access = { kind: 'roles', roles: ['regulator', 'regulator-admin'], scope: 'regulator-owned' };
/** REG-1: an insurer reads one entry by USCC, any county, to underwrite; it never lists or writes the register. */
const REGISTER_LOOKUP: Access = { kind: 'roles', roles: ['insurer-admin', 'insurer-staff'], scope: 'regulator-owned' };
/** BLK-1: the blacklist is kept by the city EMB and the NFRA. */
const BLACKLIST_WRITE: Access = {
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
const FEE_BOOKING: Access = { kind: 'roles', roles: ['insurer-admin', 'insurer-staff'], scope: 'own-tenant' };
/**
 * FEE-2: a reversal takes booked money back out of the ledger — the one move that could hide a diversion
 * (挪用) after the fact — so it is the insurer admin's alone: whoever booked an entry cannot also quietly undo
 * it (separation of duties). The correction's new entry is then ordinary booking again.
 */
const FEE_REVERSAL: Access = { kind: 'roles', roles: ['insurer-admin'], scope: 'own-tenant' };
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

// ── Regulators' registers of service providers: organisations (REG-2) and experts (REG-3) ─────────────────────
/** REG-2, REG-3: organisations register (备案) with the city EMB, which also keeps the expert pool. */
const CITY_REGISTER_WRITE: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin'],
  agencies: ['EMB_CITY'],
  scope: 'regulator-owned',
};
/** SVC-6: insurers read both registers to name a provider and experts; every regulator reads them. */
const PROVIDER_REGISTER_READ: Access = {
  kind: 'roles',
  roles: ['regulator', 'regulator-admin', 'insurer-admin', 'insurer-staff'],
  scope: 'regulator-owned',
};
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

export const ACCESS_MATRIX: Readonly<Record<string, Access>> = {
  'GET /api/v1/health': PUBLIC,
  'POST /api/v1/auth/login': PUBLIC,

  // Platform onboarding (ACL-3: the operator onboards insurers and regulators and reads no insurer data).
  'POST /api/v1/platform/tenants': OPERATOR,
  'GET /api/v1/platform/tenants': OPERATOR,
  'GET /api/v1/platform/tenants/{tenantId}': OPERATOR,
  'POST /api/v1/platform/regulators': OPERATOR,
  'GET /api/v1/platform/regulators': OPERATOR,
  'PUT /api/v1/platform/calendar/{year}': OPERATOR,
  'GET /api/v1/platform/calendar': OPERATOR,

  // Users of the caller's own tenant or agency.
  'POST /api/v1/users': ORG_ADMINS,
  'GET /api/v1/users': ORG_ADMINS,
  'GET /api/v1/users/{userId}': ORG_ADMINS,
  'PATCH /api/v1/users/{userId}': ORG_ADMINS,

  // Complaints (CMP-1..8).
  'POST /api/v1/complaints': INSURER,
  'GET /api/v1/complaints': INSURER,
  'GET /api/v1/complaints/{complaintId}': INSURER,
  'POST /api/v1/complaints/{complaintId}/needs-verification': INSURER,
  'POST /api/v1/complaints/{complaintId}/extend': INSURER,
  'POST /api/v1/complaints/{complaintId}/reply': INSURER,
  'POST /api/v1/complaints/{complaintId}/escalate': INSURER,
  'GET /api/v1/me/insurers': ENTERPRISE,
  'POST /api/v1/me/complaints': ENTERPRISE,
  'GET /api/v1/me/complaints': ENTERPRISE,
  'GET /api/v1/me/complaints/{complaintId}': ENTERPRISE,
  'POST /api/v1/me/complaints/{complaintId}/accept': ENTERPRISE,
  'POST /api/v1/me/complaints/{complaintId}/escalate': ENTERPRISE,
  'GET /api/v1/regulator/complaints': REGULATOR_READ,

  // Underwriting (QUAL, UW-1..11).
  'PUT /api/v1/qualification/{year}': INSURER,
  'GET /api/v1/qualification/{year}': INSURER,
  'POST /api/v1/policies': INSURER,
  'GET /api/v1/policies': INSURER,
  'GET /api/v1/policies/{policyId}': INSURER,
  'POST /api/v1/policies/{policyId}/endorsements': INSURER,
  'POST /api/v1/policies/{policyId}/cancel': INSURER,
  'GET /api/v1/me/policies': ENTERPRISE,
  'GET /api/v1/regulator/uninsured': REGULATOR_READ,
  'GET /api/v1/regulator/coverage': REGULATOR_READ,

  // ── Regulator context: the enterprise register (REG-1) and the blacklist (BLK-1) ──
  'POST /api/v1/regulator/enterprises': REGISTER_WRITE,
  'GET /api/v1/regulator/enterprises': REGISTER_READ,
  'GET /api/v1/regulator/enterprises/{uscc}': REGISTER_READ,
  'POST /api/v1/regulator/enterprise-imports': REGISTER_WRITE,
  'GET /api/v1/register/enterprises/{uscc}': REGISTER_LOOKUP,
  'POST /api/v1/regulator/blacklist': BLACKLIST_WRITE,
  'GET /api/v1/regulator/blacklist': REGISTER_READ,
  'POST /api/v1/regulator/blacklist/{entryId}/lift': BLACKLIST_WRITE,

  'POST /api/v1/regulator/service-orgs': CITY_REGISTER_WRITE,
  'GET /api/v1/regulator/service-orgs': PROVIDER_REGISTER_READ,
  'GET /api/v1/regulator/service-orgs/{orgId}': PROVIDER_REGISTER_READ,
  'PATCH /api/v1/regulator/service-orgs/{orgId}': CITY_REGISTER_WRITE,
  'POST /api/v1/regulator/experts': CITY_REGISTER_WRITE,
  'GET /api/v1/regulator/experts': PROVIDER_REGISTER_READ,
  'GET /api/v1/regulator/experts/{expertId}': PROVIDER_REGISTER_READ,
  'PATCH /api/v1/regulator/experts/{expertId}': CITY_REGISTER_WRITE,

  // ── Prevention services (SVC-1..13): the insurer's work, the enterprise's confirmations and rectifications ──
  'PUT /api/v1/policies/{policyId}/service-plan': INSURER,
  'GET /api/v1/policies/{policyId}/service-plan': INSURER,
  'GET /api/v1/policies/{policyId}/risk': INSURER,
  'GET /api/v1/policies/{policyId}/obligations': INSURER,
  'POST /api/v1/services': INSURER,
  'GET /api/v1/services': INSURER,
  'GET /api/v1/services/{serviceId}': INSURER,
  'POST /api/v1/services/{serviceId}/confirm-schedule': INSURER,
  'POST /api/v1/services/{serviceId}/evidence-uploads': INSURER,
  'POST /api/v1/services/{serviceId}/complete': INSURER,
  'POST /api/v1/services/{serviceId}/follow-up': INSURER,
  'POST /api/v1/services/{serviceId}/confirm': INSURER,
  'POST /api/v1/services/{serviceId}/archive': INSURER,
  'POST /api/v1/services/{serviceId}/cancel': INSURER,
  'GET /api/v1/hazards': INSURER,
  'GET /api/v1/hazards/{hazardId}': INSURER,
  'POST /api/v1/hazards/{hazardId}/evidence-uploads': INSURER,
  'POST /api/v1/hazards/{hazardId}/rectification': INSURER,
  'POST /api/v1/hazards/{hazardId}/verify': INSURER,
  'GET /api/v1/archives/{archiveId}': INSURER,
  'GET /api/v1/archives/{archiveId}/verify': INSURER,
  'GET /api/v1/me/services': ENTERPRISE,
  'GET /api/v1/me/services/{serviceId}': ENTERPRISE,
  'POST /api/v1/me/services/{serviceId}/confirm-schedule': ENTERPRISE,
  'POST /api/v1/me/services/{serviceId}/confirm': ENTERPRISE,
  'GET /api/v1/me/hazards': ENTERPRISE,
  'GET /api/v1/me/hazards/{hazardId}': ENTERPRISE,
  'POST /api/v1/me/hazards/{hazardId}/evidence-uploads': ENTERPRISE,
  'POST /api/v1/me/hazards/{hazardId}/rectification': ENTERPRISE,
  // SVC-7, ACL-2/ACL-4: regulators follow hazards across insurers (a county EMB its county) and never write them.
  'GET /api/v1/regulator/hazards': REGULATOR_READ,

  // ── Prevention fee (FEE-1..5) ──
  'POST /api/v1/fees/premium-receipts': FEE_BOOKING,
  'GET /api/v1/fees/premium-receipts': FEE_BOOKING,
  'POST /api/v1/fees/expenses': FEE_BOOKING,
  'POST /api/v1/fees/entries/{entryId}/reverse': FEE_REVERSAL,
  'GET /api/v1/fees/entries/{entryId}': FEE_BOOKING,
  'GET /api/v1/fees/ledger': FEE_BOOKING,
  'GET /api/v1/fees/ledger/export': FEE_BOOKING,
  'GET /api/v1/fees/summary': FEE_BOOKING,
  'GET /api/v1/fees/summary/check': FEE_BOOKING,
};

export const accessFor = (routeKey: string): Access | undefined =>
  Object.hasOwn(ACCESS_MATRIX, routeKey) ? ACCESS_MATRIX[routeKey] : undefined;

export const isPublicRoute = (routeKey: string): boolean => accessFor(routeKey)?.kind === 'public';

/**
 * Whether a caller of `role` (and `agency`) passes the row of `routeKey`. A missing row is a denial:
 * an unlisted route is a bug, and failing closed keeps the bug harmless.
 */
export function isAllowed(routeKey: string, role: Role, agency?: Agency): boolean {
  const access = accessFor(routeKey);
  if (!access) return false;
  if (access.kind === 'public') return true;
  if (!access.roles.includes(role)) return false;
  return !access.agencies || (agency !== undefined && access.agencies.includes(agency));
}
